"""A throwaway database for one benchmark run, never the development or test database.

Without ``DATABASE_URL``: a new SQLite file in a temporary folder. With a
``postgres://`` ``DATABASE_URL``: a database of the benchmark's own on that server
(``bench_import``, ``bench_pages``, ...), dropped first if a crashed run left it,
and dropped again at the end.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
#: The environment every child process gets: production mode, a bench-only key.
BASE_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-key-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_SETTINGS_MODULE": "ambtenarenpanel.settings",
}


def backend_name(url: str) -> str:
    return (
        "PostgreSQL" if url.startswith(("postgres://", "postgresql://")) else "SQLite"
    )


@contextlib.contextmanager
def throwaway_database(
    name: str, workdir: Path, server: str | None = None
) -> Iterator[str]:
    """Yield the URL of an empty, migrated database called ``name``; drop it afterwards.

    ``server``: empty for SQLite, or a ``postgres://`` URL; default ``DATABASE_URL``.
    """
    if server is None:
        server = os.environ.get("DATABASE_URL", "")
    if not server:
        url = f"sqlite:///{workdir / (name + '.sqlite3')}"
        migrate(url)
        yield url
        return
    if backend_name(server) != "PostgreSQL":
        raise SystemExit("DATABASE_URL must be empty (SQLite) or postgres://…")
    parts = urlsplit(server)
    url = urlunsplit(parts._replace(path="/" + name))
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    _postgres(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _postgres(admin_url, f'CREATE DATABASE "{name}"')
    try:
        migrate(url)
        yield url
    finally:
        _postgres(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres(url: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(statement)


def env_for(url: str, **extra: str) -> dict[str, str]:
    """A child's environment: this database, no Redis and no cache folder but ``extra``'s."""
    env = {**os.environ, **BASE_ENV, "DATABASE_URL": url}
    env.pop("REDIS_URL", None)
    env.pop("CACHE_DIR", None)
    return {**env, **extra}


def manage(url: str, *args: str, **extra: str) -> None:
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env_for(url, **extra),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def migrate(url: str) -> None:
    manage(url, "migrate", "--noinput")


def workdir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="ambtenarenpanel-bench-")
