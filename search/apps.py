from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self) -> None:
        # The index follows every write of articles and survey questions.
        from .receivers import connect_receivers

        connect_receivers()
