"""The settings of background work, read in a fresh interpreter as a server process starts:
which task backend, where progress goes, and SQLite set up for a worker beside the site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = """
from ambtenarenpanel import settings
db = settings.DATABASES["default"]
print(settings.TASKS["default"]["BACKEND"])
print(settings.CACHES["import-progress"]["BACKEND"])
print(db.get("OPTIONS", {}).get("init_command"), db.get("OPTIONS", {}).get("transaction_mode"))
"""


def read_settings(**environ: str):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        # No .env: a developer's (``make run`` writes one with DEBUG=1) must not count.
        "ENV_FILE": "",
        "SECRET_KEY": "insecure-key-for-tests-only",
        **environ,
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_by_default_tasks_wait_in_the_database_for_a_worker():
    result = read_settings()

    assert result.returncode == 0, result.stderr
    tasks, progress, sqlite = result.stdout.splitlines()
    assert tasks == "django_tasks_db.DatabaseBackend"
    assert progress == "django.core.cache.backends.filebased.FileBasedCache"
    # Readers never wait for the worker's writes; writers wait for each other.
    assert sqlite.startswith("PRAGMA journal_mode=WAL") and sqlite.endswith(
        " IMMEDIATE"
    )


def test_on_postgresql_the_same_backend_and_with_redis_progress_in_redis():
    result = read_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/ambtenarenpanel",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )

    assert result.returncode == 0, result.stderr
    tasks, progress, sqlite = result.stdout.splitlines()
    assert tasks == "django_tasks_db.DatabaseBackend"
    assert progress == "django.core.cache.backends.redis.RedisCache"
    assert sqlite == "None None"


def test_the_immediate_backend_is_for_development_only():
    production = read_settings(TASKS_BACKEND="immediate")
    development = read_settings(TASKS_BACKEND="immediate", DEBUG="1")

    assert production.returncode != 0
    assert "use it only with DEBUG=1" in production.stderr
    assert development.returncode == 0, development.stderr
    assert development.stdout.splitlines()[0] == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )


@pytest.mark.parametrize("value", ["celery", "redis", "1"])
def test_an_unknown_task_backend_is_refused_with_the_values_it_may_have(value):
    result = read_settings(TASKS_BACKEND=value)

    assert result.returncode != 0
    assert "TASKS_BACKEND must be 'database' or 'immediate'" in result.stderr
