"""Progress, heartbeat and cancel requests of running imports, kept outside the database.

Why not in the database: on SQLite an import holds the database's only write lock from
its first write until its commit. A progress update through the import's own connection
would be part of its transaction (invisible until the commit, rolled back with it), and
one through a second connection would wait for the very lock the import holds. So the
part that changes many times a second lives in a cache shared by the site and its
workers, ``CACHES["import-progress"]``: files in a private folder of this machine, or
Redis when ``REDIS_URL`` is set. Writing there never touches the database, whatever
the import is doing; the durable state goes to the database outside the import's
transaction (``surveys/jobs/runner.py``). The long note: docs/background-imports.md.

- ``Reporter`` is the ``progress(phase, done, total)`` callable an import receives. It
  writes at most every ``WRITE_INTERVAL`` seconds (and at every new phase), and raises
  ``JobCancelled`` once someone has asked to cancel, so that the import's transaction
  rolls back.
- ``heartbeat(job_id)`` beats every ``HEARTBEAT_SECONDS`` from a thread of its own while
  the job runs, also while the import waits for the database. A job whose heartbeat
  stops (worker killed, machine gone) is failed by ``surveys.jobs.liveness``.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.cache import caches

logger = logging.getLogger(__name__)

CACHE_ALIAS = "import-progress"
HEARTBEAT_SECONDS = 2.0
WRITE_INTERVAL = 0.2
#: Entries outlive any import by far, and then expire by themselves.
KEEP_SECONDS = 2 * 24 * 60 * 60

PHASES = ("lezen", "controleren", "berekenen", "opslaan")


class JobCancelled(Exception):
    """Someone asked to cancel the job; raised inside the import so that it rolls back."""


@dataclass(frozen=True)
class Snapshot:
    """The latest progress of a job, as the cache holds it."""

    phase: str = ""
    done: int = 0
    total: int = 0
    #: Unix time of the latest heartbeat or progress write, None if never.
    seen_at: float | None = None
    cancel_requested: bool = False


def _cache():
    return caches[CACHE_ALIAS]


def _keys(job_id) -> tuple[str, str, str]:
    return (
        f"import-job:{job_id}:progress",
        f"import-job:{job_id}:heartbeat",
        f"import-job:{job_id}:cancel",
    )


def read(job_id) -> Snapshot:
    """The job's progress; an empty Snapshot when nothing was reported (or it expired)."""
    progress_key, heartbeat_key, cancel_key = _keys(job_id)
    try:
        found = _cache().get_many([progress_key, heartbeat_key, cancel_key])
    except Exception:  # a cache that is down must not break the admin page
        logger.warning(
            "Could not read the progress of import %s", job_id, exc_info=True
        )
        return Snapshot()
    phase, done, total, written_at = found.get(progress_key) or ("", 0, 0, None)
    beats = [t for t in (written_at, found.get(heartbeat_key)) if t is not None]
    return Snapshot(
        phase=phase,
        done=done,
        total=total,
        seen_at=max(beats) if beats else None,
        cancel_requested=bool(found.get(cancel_key)),
    )


def request_cancel(job_id) -> None:
    """Ask the worker to stop the job at its next progress call."""
    _cache().set(_keys(job_id)[2], True, KEEP_SECONDS)


def cancel_requested(job_id) -> bool:
    return bool(_cache().get(_keys(job_id)[2]))


def clear(job_id) -> None:
    """Forget a finished job's progress (its last values are in the database)."""
    _cache().delete_many(list(_keys(job_id)))


def beat(job_id) -> None:
    _cache().set(_keys(job_id)[1], time.time(), KEEP_SECONDS)


class Reporter:
    """``progress(phase, done, total)`` for an import; raises ``JobCancelled`` when asked.

    ``phase`` is one of ``PHASES``; ``total`` 0 means "not known yet" (the page then
    shows a progress bar without a value). Calls are cheap: the cache is written and
    the cancel request read at most every ``WRITE_INTERVAL`` seconds, and at once when
    the phase changes, so an import may call it for every row.
    """

    def __init__(self, job_id, *, interval: float = WRITE_INTERVAL):
        self.job_id = job_id
        self.interval = interval
        self.phase = ""
        self.done = 0
        self.total = 0
        self._written = float("-inf")
        self._progress_key, _, self._cancel_key = _keys(job_id)

    def __call__(self, phase: str, done: int = 0, total: int = 0) -> None:
        if phase not in PHASES:
            raise ValueError(f"Unknown import phase {phase!r}; use one of {PHASES}.")
        now = time.monotonic()
        new_phase = phase != self.phase
        self.phase, self.done, self.total = phase, int(done), int(total)
        if new_phase or now - self._written >= self.interval:
            self._written = now
            self.write()
            self.check_cancelled()

    def write(self) -> None:
        try:
            _cache().set(
                self._progress_key,
                (self.phase, self.done, self.total, time.time()),
                KEEP_SECONDS,
            )
        except Exception:  # progress is a courtesy; the import goes on without it
            logger.warning("Could not write the progress of import %s", self.job_id)

    def check_cancelled(self) -> None:
        try:
            cancelled = _cache().get(self._cancel_key)
        except Exception:
            logger.warning(
                "Could not read the cancel request of import %s", self.job_id
            )
            return
        if cancelled:
            raise JobCancelled


@contextmanager
def heartbeat(job_id, *, every: float = HEARTBEAT_SECONDS):
    """Beat for ``job_id`` from a thread of its own until the block ends."""
    stop = threading.Event()

    def run() -> None:
        try:
            while True:
                try:
                    beat(job_id)
                except Exception:
                    logger.warning("Could not send the heartbeat of import %s", job_id)
                if stop.wait(every):
                    return
        finally:
            _cache().close()  # this thread's own connection (Redis)

    thread = threading.Thread(target=run, name=f"heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every + 1)
