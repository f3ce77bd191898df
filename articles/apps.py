from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Artikelen")

    def ready(self) -> None:
        # Cached pages of articles and surveys are invalidated when their rows change.
        from ambtenarenpanel.caching import connect_receivers

        from .figures.receivers import connect_receivers as connect_figure_receivers

        connect_receivers()
        # Stored figure checks follow every article save and every import of survey data.
        connect_figure_receivers()
