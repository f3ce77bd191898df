"""What the worker does with an import job: check it (the preview), or apply it.

``check(job_id)`` reads, checks and plans the import as a dry run and stores the
summary; nothing else is written. ``apply(job_id)`` reads the files again, checks and
plans again (the data may have changed since the preview) and stores everything in one
transaction. Both are idempotent per job: each starts by moving the job from the status
it needs (waiting, confirmed) to the next one in one conditional UPDATE, so a task run
twice, by a restarted worker or by two workers, finds the job taken and does nothing.
An apply that was interrupted is never resumed: its job is failed (``liveness``).

Writes to the job row happen outside the import's transaction, except one: the apply
marks its job "opgeslagen" inside its transaction, so that the job says saved exactly
when the data are, even if the worker dies the moment after the commit. A failure,
a refusal or a cancel (``JobCancelled`` raised by the progress call) rolls the whole
transaction back, and the job is then marked outside it.
"""

from __future__ import annotations

import logging

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from surveys.models import Survey

from . import files, liveness, progress
from .kinds import ERRORS_KEPT, KINDS, KindUnavailable
from .models import ImportJob

logger = logging.getLogger(__name__)
Status = ImportJob.Status


class _Refused(Exception):
    """The apply found errors (the data changed since the preview): roll back."""

    def __init__(self, summary: dict):
        super().__init__()
        self.summary = summary


def check(job_id) -> str:
    """Run the preview of a waiting job; returns the job's status afterwards."""
    job = _claim(job_id, Status.WAITING, Status.CHECKING)
    return _run(job, dry_run=True) if job else "skipped"


def apply(job_id) -> str:
    """Store a confirmed job's import in one transaction; returns the job's status."""
    job = _claim(job_id, Status.CONFIRMED, Status.SAVING)
    return _run(job, dry_run=False) if job else "skipped"


def _claim(job_id, source: str, target: str) -> ImportJob | None:
    liveness.fail_stalled(ImportJob.objects.in_progress())
    now = timezone.now()
    jobs = ImportJob.objects.filter(pk=job_id, status=source)
    if progress.cancel_requested(job_id):
        if jobs.update(status=Status.CANCELLED, finished_at=now, heartbeat_at=now):
            _cleanup(ImportJob.objects.get(pk=job_id))
        return None
    changes = {"status": target, "heartbeat_at": now, "phase": "", "rows_done": 0}
    if target == Status.CHECKING:
        changes["started_at"] = now
    if not jobs.update(**changes):
        return None  # cancelled meanwhile, or run already
    return ImportJob.objects.select_related("survey", "confirmed_by").get(pk=job_id)


def _run(job: ImportJob, *, dry_run: bool) -> str:
    reporter = progress.Reporter(job.pk)
    kind = KINDS[job.kind]
    with translation.override(job.language), progress.heartbeat(job.pk):
        try:
            if dry_run:
                summary = kind.run(job, dry_run=True, progress=reporter)
                return _checked(job, summary, reporter)
            with transaction.atomic():
                summary = kind.run(job, dry_run=False, progress=reporter)
                if summary.get("errors"):
                    raise _Refused(summary)
                reporter.check_cancelled()  # the last moment a cancel can stop it
                _mark_saved(job, summary, reporter)
        except _Refused as refusal:
            return _finish(
                job,
                Status.FAILED,
                reporter,
                summary=refusal.summary,
                message=_(
                    "Bij het opslaan zijn fouten gevonden, bijvoorbeeld omdat de "
                    "gegevens sinds het voorbeeld zijn gewijzigd. Er is niets opgeslagen."
                ),
            )
        except progress.JobCancelled:
            return _finish(
                job,
                Status.CANCELLED,
                reporter,
                message=_("De import is geannuleerd. Er is niets opgeslagen."),
            )
        except KindUnavailable as unavailable:
            return _finish(job, Status.FAILED, reporter, message=str(unavailable))
        except files.JobFileGone:
            return _finish(
                job,
                Status.FAILED,
                reporter,
                message=_(
                    "Het geüploade bestand is niet meer beschikbaar. Er is niets "
                    "opgeslagen; upload het bestand opnieuw."
                ),
            )
        except Exception:
            logger.exception("Background import %s failed", job.pk)
            _finish(job, Status.FAILED, reporter, message=_failure_message())
            return Status.FAILED
        except BaseException:  # the worker is being stopped (a second Ctrl-C, SIGTERM)
            _finish(job, Status.FAILED, reporter, message=_interrupted_message())
            raise
    _cleanup(job)
    return Status.SAVED


def _checked(job: ImportJob, summary: dict, reporter) -> str:
    if summary.get("errors"):
        return _finish(
            job,
            Status.FAILED,
            reporter,
            summary=summary,
            message=_("Het bestand bevat fouten. Er is niets opgeslagen."),
        )
    if progress.cancel_requested(job.pk):
        return _finish(
            job,
            Status.CANCELLED,
            reporter,
            message=_("De import is geannuleerd. Er is niets opgeslagen."),
        )
    return _finish(job, Status.READY, reporter, summary=summary)


def _split(summary: dict | None) -> tuple[dict | None, list, int]:
    if summary is None:
        return None, [], 0
    summary = dict(summary)
    errors = summary.pop("errors", None) or []
    count = max(summary.pop("error_count", 0) or 0, len(errors))
    return summary, errors[:ERRORS_KEPT], count


def _finish(
    job: ImportJob,
    status: str,
    reporter,
    *,
    summary: dict | None = None,
    message: str = "",
) -> str:
    """Store how a task ended, outside any transaction of the import."""
    now = timezone.now()
    summary, errors, error_count = _split(summary)
    changes = {
        "status": status,
        "phase": reporter.phase,
        "rows_done": reporter.done,
        "rows_total": reporter.total,
        "message": message,
        "heartbeat_at": now,
        "errors": errors,
        "error_count": error_count,
    }
    if summary is not None:
        changes["summary"] = summary
    if status == Status.READY:
        changes["checked_at"] = now
    else:
        changes["finished_at"] = now
    ImportJob.objects.filter(pk=job.pk).update(**changes)
    for name, value in changes.items():
        setattr(job, name, value)
    if status != Status.READY:
        _cleanup(job)
    else:
        progress.clear(job.pk)
    return status


def _mark_saved(job: ImportJob, summary: dict, reporter) -> None:
    """Inside the apply's transaction: the job is saved exactly when its data are."""
    now = timezone.now()
    summary, _errors, _count = _split(summary)
    ImportJob.objects.filter(pk=job.pk).update(
        status=Status.SAVED,
        summary=summary,
        errors=[],
        error_count=0,
        message="",
        phase=reporter.phase or ImportJob.Phase.SAVING,
        rows_done=reporter.done,
        rows_total=reporter.total,
        finished_at=now,
        heartbeat_at=now,
    )
    survey_ids = [survey["id"] for survey in summary.get("surveys", [])]
    if not survey_ids and job.survey_id:
        survey_ids = [job.survey_id]
    if job.confirmed_by_id and survey_ids:
        LogEntry.objects.log_actions(
            job.confirmed_by_id,
            Survey.objects.filter(pk__in=survey_ids),
            CHANGE,
            change_message=_("Geïmporteerd op de achtergrond: %(summary)s.")
            % {"summary": summary.get("line", "")},
            single_object=len(survey_ids) == 1,
        )


def _cleanup(job: ImportJob) -> None:
    files.remove_files(job)
    progress.clear(job.pk)


def _failure_message() -> str:
    return _(
        "De import is mislukt door een fout op de server. Er is niets opgeslagen; de "
        "vorige gegevens zijn ongewijzigd. Probeer het later opnieuw of meld het aan "
        "de beheerder van de site."
    )


def _interrupted_message() -> str:
    return _(
        "De verwerking is onderbroken (de achtergrondverwerker is gestopt). Er is "
        "niets opgeslagen; de vorige gegevens zijn ongewijzigd. Upload het bestand "
        "opnieuw."
    )
