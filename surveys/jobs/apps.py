from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Imports that run in the background (see ``surveys/jobs/__init__.py``)."""

    name = "surveys.jobs"
    label = "jobs"
    verbose_name = _("Imports op de achtergrond")
