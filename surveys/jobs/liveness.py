"""Jobs whose worker has stopped: shown and stored as failed.

A worker on a job beats every few seconds (``progress.heartbeat``), from a thread of its
own, whatever the import is doing. A job that is being checked or saved and has not been
heard from for ``settings.IMPORT_JOB_STALE_SECONDS`` lost its worker (killed, out of
memory, machine restarted). Its transaction died with the worker, so nothing of it was
stored (an apply that committed marked its job saved in that same transaction). The
job is failed, and so is its task in django-tasks-db, which would otherwise show it
running forever; django-tasks-db never starts a running task again, and the runner
only takes jobs in the status it expects, so a half-done import is never re-run.

Who looks: the admin's job pages and list, and each worker before it takes a job.
On SQLite the database has one writer at a time, so the admin does not store the
failure while another import may hold the write lock (it would wait for it); it shows
the job as failed all the same, and stores it at a later look.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.conf import settings
from django.db import OperationalError, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from . import progress
from .models import ImportJob


def last_seen(job: ImportJob, snapshot: progress.Snapshot) -> float | None:
    """Unix time the worker was last heard from: its heartbeat, or its last write."""
    times = [snapshot.seen_at]
    if job.heartbeat_at is not None:
        times.append(job.heartbeat_at.timestamp())
    times = [t for t in times if t is not None]
    return max(times) if times else None


def is_stalled(job: ImportJob, snapshot: progress.Snapshot) -> bool:
    if not job.is_working:
        return False
    seen = last_seen(job, snapshot)
    return seen is None or time.time() - seen > settings.IMPORT_JOB_STALE_SECONDS


def stalled_message() -> str:
    return _(
        "De verwerking is onderbroken: de achtergrondverwerker reageert niet meer "
        "(gestopt of herstart). Er is niets opgeslagen; de vorige gegevens zijn "
        "ongewijzigd. Upload het bestand opnieuw."
    )


def fail_stalled(jobs: Iterable[ImportJob]) -> list[ImportJob]:
    """Store the stalled ones among ``jobs`` as failed; returns the stalled jobs."""
    working = [job for job in jobs if job.is_working]
    snapshots = {job.pk: progress.read(job.pk) for job in working}
    stalled = [job for job in working if is_stalled(job, snapshots[job.pk])]
    if not stalled or not _may_write(exclude=stalled):
        return stalled
    now = timezone.now()
    message = stalled_message()
    for job in stalled:
        try:
            updated = ImportJob.objects.filter(pk=job.pk, status=job.status).update(
                status=ImportJob.Status.FAILED,
                message=message,
                finished_at=now,
                phase=snapshots[job.pk].phase or job.phase,
                rows_done=snapshots[job.pk].done,
                rows_total=snapshots[job.pk].total,
            )
        except OperationalError:  # SQLite busy after all: the next look stores it
            return stalled
        if updated:
            job.status, job.message, job.finished_at = (
                ImportJob.Status.FAILED,
                message,
                now,
            )
            _fail_task(job)
            # Its files stay: were the worker only slow, it finishes with them and
            # removes them; else they go with the day-old ones (files.remove_stale_files).
            progress.clear(job.pk)
    return stalled


def _may_write(*, exclude: list[ImportJob]) -> bool:
    if connection.vendor != "sqlite":
        return True
    others = ImportJob.objects.filter(status=ImportJob.Status.SAVING).exclude(
        pk__in=[job.pk for job in exclude]
    )
    return not others.exists()


def _fail_task(job: ImportJob) -> None:
    if not job.task_id:
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(pk=job.task_id, status="RUNNING").update(
        status="FAILED", finished_at=timezone.now()
    )
