"""Keeping the stored figure checks in step: on every article save and every data change.

Connected in ``ArticlesConfig.ready()``. The findings are derived data (like the page
cache), so a receiver keeps them current; the work itself is in ``services.py``.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save

from surveys.signals import survey_data_changed

logger = logging.getLogger(__name__)


def _article_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata
        return
    from .services import refresh_figure_check

    # A fault in the check must never undo the editor's save: it is logged, and the
    # findings follow at the next save.
    try:
        with transaction.atomic():
            refresh_figure_check(article=instance, saved=True)
    except Exception:
        logger.exception("Figure check of article %s failed", instance.pk)


def _survey_data_changed(sender, survey_ids, question_ids, **kwargs) -> None:
    from .services import record_data_change

    # Sent after the import's commit: its data are stored whatever happens here.
    try:
        record_data_change(survey_ids=survey_ids, question_ids=question_ids)
    except Exception:
        logger.exception("Figure tracking after an import failed")


def connect_receivers() -> None:
    from articles.models import Article

    post_save.connect(
        _article_saved, sender=Article, dispatch_uid="figures-article-saved"
    )
    survey_data_changed.connect(
        _survey_data_changed, dispatch_uid="figures-data-changed"
    )
