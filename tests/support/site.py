"""A site of its own for tests with real processes: its own database and cache folder.

The database is an SQLite file in the test's folder or, when the suite runs on
PostgreSQL (``DATABASE_URL``), a database of its own on that server, dropped afterwards.
The test suite's own database is never used: its transaction is invisible to other
processes. Processes get production settings (``DEBUG=0``) through ``servers.site_env``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from . import servers

STAFF_USER = "beheer"
STAFF_PASSWORD = "geheim-wachtwoord-123"


def postgres_server() -> str | None:
    """The suite's PostgreSQL server, when it runs on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@contextlib.contextmanager
def own_database(folder: Path, postgres: str | None) -> Iterator[str]:
    """Yield the URL of an empty database: SQLite in ``folder``, or on ``postgres``."""
    if not postgres:
        yield f"sqlite:///{folder / 'site.sqlite3'}"
        return
    import psycopg

    name = f"test_site_{secrets.token_hex(6)}"
    admin = urlunsplit(urlsplit(postgres)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(postgres)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Site:
    """The settings of one site; ``serve()`` starts gunicorn processes that share them."""

    def __init__(self, folder: Path, database_url: str, **extra: str):
        self.folder = folder
        self.database_url = database_url
        self.servers: list[servers.Server] = []
        self.env = servers.site_env(
            DATABASE_URL=database_url,
            # The test session's collected static files (tests/conftest.py).
            STATIC_ROOT=str(settings.STATIC_ROOT),
            MEDIA_ROOT=str(folder / "media"),
            CACHE_DIR=str(folder / "cache"),
            DJANGO_SUPERUSER_PASSWORD=STAFF_PASSWORD,
            **extra,
        )

    def set_up(self, *, demo: bool = True) -> Site:
        """Migrate; load the demo content; a superuser ``STAFF_USER``."""
        self.manage("migrate", "--noinput")
        if demo:
            self.manage("loaddemo")
        self.manage(
            "createsuperuser", "--noinput", "--username", STAFF_USER,
            "--email", "beheer@example.org",
        )  # fmt: skip
        return self

    def manage(self, *args: str, **env: str):
        """``manage.py args`` as a process of its own, as staff run it beside the site."""
        return servers.manage({**self.env, **env}, *args)

    def shell(self, code: str) -> str:
        """``manage.py shell -c code``: what a developer types in the shell; its output."""
        return self.manage("shell", "-c", code).stdout

    def serve(self, name: str = "gunicorn", **env: str) -> servers.Server:
        server = servers.gunicorn({**self.env, **env}, self.folder, name)
        self.servers.append(server.start("/robots.txt"))
        return server

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


DEMO_ROUND = "digitale-dienstverlening"


@dataclass
class Correction:
    """A corrected results file for one question of the demo round: what changes, and how
    a reader sees it."""

    path: Path
    code: str
    answer: str
    percentage: str  # as in the file and in data.csv: "67.7"

    @property
    def dutch(self) -> str:  # as pages show it: "67,7 %"
        return self.percentage.replace(".", ",") + "\xa0%"


def demo_correction(reader, folder: Path) -> Correction:
    """Move 0.3 points between two answers of the first question the demo article charts,
    in a file exported from the site's own data.csv (export, edit, import)."""
    article = reader.get(f"/artikelen/{DEMO_ROUND}/").text
    code = re.search(rf'href="/onderzoek/{DEMO_ROUND}/([^/"]+)/"', article)[1]
    exported = reader.get(f"/onderzoek/{DEMO_ROUND}/data.csv").text.lstrip("\ufeff")
    rows = [r for r in csv.DictReader(io.StringIO(exported)) if r["vraagcode"] == code]
    totaal = [r for r in rows if r["segment"] == "Totaal"]
    high = max(totaal, key=lambda r: float(r["percentage"]))
    low = min(totaal, key=lambda r: float(r["percentage"]))
    high["percentage"] = f"{float(high['percentage']) - 0.3:.1f}"
    low["percentage"] = f"{float(low['percentage']) + 0.3:.1f}"
    path = folder / f"gecorrigeerd-{secrets.token_hex(3)}.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return Correction(path, code, high["antwoord"], high["percentage"])
