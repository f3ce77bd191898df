from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Artikelen")

    def ready(self) -> None:
        from ambtenarenpanel import caching

        from .models import Article, Author, Category, Comment

        # What makes cached pages stale (ambtenarenpanel/caching.py).
        caching.invalidate_on_write(Article, Author, Category)
        caching.invalidate_on_write(Comment, unless=_waits_for_moderation)
        caching.register_next_change(Article.objects.next_publish_time)

        # Survey data that articles cite is not deleted in the admin (surveys.references).
        from surveys import references

        from .citations import survey_references

        references.register(survey_references)

        # Stored figure checks follow every article save and every import of survey data.
        from .figures.receivers import connect_receivers as connect_figure_receivers

        connect_figure_receivers()


def _waits_for_moderation(comment, created: bool) -> bool:
    """A new comment that waits for moderation changes no public page."""
    return created and comment.status != comment.Status.APPROVED
