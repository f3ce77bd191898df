"""A real background worker (``manage.py db_worker``) against the test database.

``worker`` (a fixture, as ``worker_process``, which is not started yet) starts one for
the test and stops it afterwards; ``worker.kill()`` stops it the hard way (SIGKILL),
``worker.interrupt()`` as Ctrl-C on ``make run`` does, ``start()`` starts a new one. The process gets the test database (on SQLite a file, see
tests/settings.py; on PostgreSQL the test database), the test run's upload folder and
progress cache, and the test's settings. Its output is in ``worker.output()``, shown
when a test fails.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def database_url() -> str:
    """The URL of the database the tests use now (the test database)."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"])
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{credentials}@{host}{port}/{db['NAME']}"


class Worker:
    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict:
        progress = settings.CACHES["import-progress"]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": database_url(),
            "IMPORT_UPLOAD_DIR": str(settings.IMPORT_UPLOAD_DIR),
            "DEBUG": "0",
        }
        if progress["BACKEND"].endswith("FileBasedCache"):
            env["IMPORT_PROGRESS_DIR"] = str(progress["LOCATION"])
        return env

    def start(self) -> Worker:
        assert connection.vendor == "postgresql" or not connection.is_in_memory_db()
        log = open(self.log_path, "ab")  # noqa: SIM115 (the process writes to it)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--no-reload",
            ],
            cwd=PROJECT_DIR,
            env=self.environment(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        return self

    def kill(self) -> None:
        """SIGKILL: no clean-up, no rollback by the worker itself."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def interrupt(self) -> None:
        """Two SIGTERMs, as ``make run`` sends on Ctrl-C: the second stops the task."""
        self.process.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if not self.process or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGTERM)  # a second one stops its task
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return (
            self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        )


def wait_for(condition, *, timeout: float = 60, interval: float = 0.1, what: str = ""):
    """Calls ``condition`` until it returns something true; returns that."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(
                f"Timed out after {timeout} s waiting for {what or condition}"
            )
        time.sleep(interval)


@pytest.fixture
def staff_groups(transactional_db):
    """The staff groups: a transactional test empties the tables that a migration filled."""
    from django.apps import apps

    from articles.roles import sync_roles

    sync_roles(apps)


@pytest.fixture
def worker_process(staff_groups, tmp_path):
    """A worker for this test, not started yet (transactional: it must see the data)."""
    process = Worker(tmp_path / "worker.log")
    yield process
    process.stop()
    # Captured, so pytest shows it only when the test failed.
    print("--- worker output ---\n" + process.output())


@pytest.fixture
def worker(worker_process):
    """A running worker for this test."""
    return worker_process.start()
