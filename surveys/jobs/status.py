"""Where a job stands, as its admin page and its JSON status show it.

Merges the job's row with its progress in the cache (fresher while a worker is on it),
fails it when its worker has stopped (``liveness``), and words it in Dutch: a status
line for the polite live region (changes only when the status or phase does), and the
rows done for the progress bar.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import liveness, progress
from .models import ImportJob

Status = ImportJob.Status
#: Without JavaScript the page reloads itself this often while the job runs.
REFRESH_SECONDS = 3
#: A job that waits this long for a worker gets a hint that none seems to run.
WORKER_HINT_SECONDS = 15


@dataclass(frozen=True)
class JobState:
    job: ImportJob
    status: str
    phase: str
    done: int
    total: int
    cancel_requested: bool
    waiting_for_worker: bool

    @property
    def is_running(self) -> bool:
        return self.status in ImportJob.RUNNING

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def phase_label(self) -> str:
        return str(ImportJob.Phase(self.phase).label) if self.phase else ""

    @property
    def percent(self) -> int | None:
        if not self.total:
            return None
        return min(100, int(self.done * 100 / self.total))

    @property
    def announcement(self) -> str:
        """The status in one sentence, for the live region."""
        if self.cancel_requested and self.is_running:
            return _("Wordt geannuleerd…")
        phase = {"phase": self.phase_label or _("starten")}
        return {
            Status.WAITING: _("Wachtend: de import staat in de wachtrij."),
            Status.CHECKING: _("Bezig met controleren, fase: %(phase)s.") % phase,
            Status.READY: _(
                "Klaar voor controle: bekijk het voorbeeld en bevestig de import."
            ),
            Status.CONFIRMED: _("Bevestigd: de import wacht om te worden opgeslagen."),
            Status.SAVING: _("Bezig met opslaan, fase: %(phase)s.") % phase,
            Status.SAVED: _("Opgeslagen."),
            Status.FAILED: _("Mislukt: er is niets opgeslagen."),
            Status.CANCELLED: _("Geannuleerd: er is niets opgeslagen."),
        }[self.status]

    @property
    def progress_text(self) -> str:
        if self.total:
            return _("%(done)s van %(total)s rijen (%(percent)s%%)") % {
                "done": number_format(self.done, force_grouping=True),
                "total": number_format(self.total, force_grouping=True),
                "percent": self.percent,
            }
        if self.phase == ImportJob.Phase.READING:
            return _("Het bestand wordt gelezen…")
        return _("Nog niet begonnen.")

    @property
    def hint(self) -> str:
        if not self.waiting_for_worker:
            return ""
        return _(
            "Er lijkt geen achtergrondverwerker te draaien. Start er een met "
            "‘python manage.py db_worker’ (make run en make serve doen dat)."
        )

    def as_json(self) -> dict:
        return {
            "status": self.status,
            "status_label": self.status_label,
            "phase": self.phase,
            "phase_label": self.phase_label,
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
            "running": self.is_running,
            "cancel_requested": self.cancel_requested,
            "announcement": self.announcement,
            "progress_text": self.progress_text,
            "hint": self.hint,
        }


def state_of(job: ImportJob) -> JobState:
    """The job's state now; a job whose worker stopped comes back failed."""
    snapshot = progress.read(job.pk) if job.is_running else progress.Snapshot()
    if liveness.is_stalled(job, snapshot) and liveness.fail_stalled([job]):
        job.status = Status.FAILED
        job.message = job.message or liveness.stalled_message()
    live = job.is_working and snapshot.phase
    started = job.confirmed_at if job.status == Status.CONFIRMED else job.created_at
    return JobState(
        job=job,
        status=job.status,
        phase=snapshot.phase if live else job.phase,
        done=snapshot.done if live else job.rows_done,
        total=snapshot.total if live else job.rows_total,
        cancel_requested=snapshot.cancel_requested,
        waiting_for_worker=(
            job.status in (Status.WAITING, Status.CONFIRMED)
            and started is not None
            and time.time() - started.timestamp() > WORKER_HINT_SECONDS
        ),
    )
