"""Starting, confirming and cancelling background imports (the admin's writes).

None of these reads an uploaded file: starting stores the files and enqueues the check,
so the request returns at once; the worker does the rest (``surveys/jobs/runner.py``).
"""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from surveys.models import Survey
from surveys.uploads import KEEP_SECONDS

from . import files, progress
from .models import ImportJob
from .tasks import apply_import, check_import

Status = ImportJob.Status


def start_import(
    *,
    kind: str,
    survey: Survey | None,
    uploads: dict[str, UploadedFile],
    user,
    language: str = "nl",
) -> ImportJob:
    """Keep the uploads in the private folder and enqueue the job's check.

    The job and its task are one transaction; if that fails, the files are removed.
    """
    files.remove_stale_files()
    stored = {role: files.store_upload(upload) for role, upload in uploads.items()}
    job = ImportJob(kind=kind, survey=survey, files=stored, language=language)
    job.started_by = user if getattr(user, "pk", None) else None
    try:
        with transaction.atomic():
            job.save()
            result = check_import.enqueue(str(job.pk))
            job.task_id = str(result.id)
            ImportJob.objects.filter(pk=job.pk).update(task_id=job.task_id)
    except BaseException:
        files.remove_files(job)
        raise
    return job


def confirm_import(*, job: ImportJob, user) -> bool:
    """Enqueue the apply of a job ready for it; False when it is not (any more).

    Confirming twice enqueues once: only the request that moves the job from "klaar
    voor controle" to "bevestigd" enqueues. A preview older than a day has expired:
    the data may have changed, and its files are removed.
    """
    now = timezone.now()
    fresh_since = now - timedelta(seconds=KEEP_SECONDS)
    with transaction.atomic():
        confirmed = ImportJob.objects.filter(
            pk=job.pk, status=Status.READY, error_count=0, checked_at__gte=fresh_since
        ).update(status=Status.CONFIRMED, confirmed_by=user, confirmed_at=now)
        if confirmed:
            result = apply_import.enqueue(str(job.pk))
            ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    if not confirmed:
        expired = ImportJob.objects.filter(
            pk=job.pk, status=Status.READY, checked_at__lt=fresh_since
        ).update(
            status=Status.CANCELLED,
            finished_at=now,
            message=_(
                "Het voorbeeld is verlopen (ouder dan een dag). Er is niets "
                "opgeslagen; upload het bestand opnieuw."
            ),
        )
        if expired:
            files.remove_files(job)
    job.refresh_from_db()
    return bool(confirmed)


def cancel_import(*, job: ImportJob) -> str:
    """Cancel a job: at once when no worker is on it, else at its next progress call.

    Returns "cancelled", "requested" (a worker will stop it and roll back) or
    "finished" (too late: it had already ended).
    """
    if job.is_finished:
        return "finished"
    # First the request the worker reads, which never waits for the database.
    progress.request_cancel(job.pk)
    idle = (Status.WAITING, Status.READY, Status.CONFIRMED)
    cancelled = ImportJob.objects.filter(pk=job.pk, status__in=idle).update(
        status=Status.CANCELLED,
        finished_at=timezone.now(),
        message=_("De import is geannuleerd. Er is niets opgeslagen."),
    )
    job.refresh_from_db()
    if cancelled:
        files.remove_files(job)
        progress.clear(job.pk)
        return "cancelled"
    return "finished" if job.is_finished else "requested"
