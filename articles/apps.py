from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Artikelen")

    def ready(self) -> None:
        # Cached pages of articles and surveys are invalidated when their rows change.
        from ambtenarenpanel.caching import connect_receivers

        connect_receivers()

        # Survey data that articles cite is not deleted in the admin (surveys.references).
        from surveys import references

        from .citations import survey_references

        references.register(survey_references)
