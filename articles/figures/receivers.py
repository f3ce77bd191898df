"""Keeping the stored figure checks in step: on every article save and every data change.

Connected in ``ArticlesConfig.ready()``. The findings are derived data (like the page
cache), so a receiver keeps them current; the work itself is in ``services.py``.
"""

from django.db.models.signals import post_save

from surveys.signals import survey_data_changed


def _article_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata
        return
    from .services import refresh_figure_check

    refresh_figure_check(article=instance, saved=True)


def _survey_data_changed(sender, survey_ids, question_ids, **kwargs) -> None:
    from .services import record_data_change

    record_data_change(survey_ids=survey_ids, question_ids=question_ids)


def connect_receivers() -> None:
    from articles.models import Article

    post_save.connect(
        _article_saved, sender=Article, dispatch_uid="figures-article-saved"
    )
    survey_data_changed.connect(
        _survey_data_changed, dispatch_uid="figures-data-changed"
    )
