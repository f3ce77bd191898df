"""System checks of the survey settings: a wrong value stops the site at startup, in one line."""

from django.conf import settings
from django.core.checks import Error, register

LOW, HIGH = 5, 20


@register()
def check_min_group_size(app_configs=None, **kwargs) -> list[Error]:
    """``MIN_GROUP_SIZE`` must be a whole number from 5 to 20 (PRODUCT.md, small groups)."""
    value = getattr(settings, "MIN_GROUP_SIZE", 10)
    if isinstance(value, int) and not isinstance(value, bool) and LOW <= value <= HIGH:
        return []
    return [
        Error(
            f"MIN_GROUP_SIZE must be a whole number from {LOW} to {HIGH}, not {value!r}.",
            id="surveys.E001",
        )
    ]


def min_group_size() -> int:
    """The setting, checked again where it is used: a bad value never hides a small group."""
    errors = check_min_group_size()
    if errors:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(errors[0].msg)
    return settings.MIN_GROUP_SIZE
