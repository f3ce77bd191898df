from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Onderzoek")

    def ready(self) -> None:
        from ambtenarenpanel import caching

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import AnswerOption, Question, Result, Segment, Survey
        from .signals import survey_data_changed

        # What makes cached pages stale (ambtenarenpanel/caching.py). Results are
        # deleted in bulk by the import, which invalidates by itself (as does every
        # bulk write: it sends survey_data_changed); in the admin, ResultAdmin does.
        caching.invalidate_on_write(Survey, Question, AnswerOption, Segment)
        caching.invalidate_on_write(Result, on_delete=False)
        survey_data_changed.connect(
            _invalidate_pages, dispatch_uid="pagecache-survey-data-changed"
        )


def _invalidate_pages(sender, **kwargs) -> None:
    from ambtenarenpanel.caching import invalidate

    invalidate()
