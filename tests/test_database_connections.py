"""Each process keeps its database connection between requests, on both databases.

Opening a connection per request halves the page rate on PostgreSQL and runs SQLite's
PRAGMAs on every request (bench/pages.py); a kept connection is
checked before reuse, so that a restarted database costs a reconnect, not an error.
Read from the settings in a fresh interpreter, as a server process starts.
"""

from tests.support.processes import TEST_SECRET_KEY, run_python

PRINT_CONNECTION_SETTINGS = """
from ambtenarenpanel import settings
db = settings.DATABASES["default"]
print(db["ENGINE"], db["CONN_MAX_AGE"], db["CONN_HEALTH_CHECKS"])
"""


def connection_settings(**environ: str) -> list[str]:
    result = run_python(
        PRINT_CONNECTION_SETTINGS, **{"SECRET_KEY": TEST_SECRET_KEY, **environ}
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_postgresql_connections_are_kept_for_a_minute_and_checked_before_reuse():
    assert connection_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/ambtenarenpanel"
    ) == ["django.db.backends.postgresql", "60", "True"]


def test_sqlite_connections_are_kept_for_a_minute_too():
    assert connection_settings() == ["django.db.backends.sqlite3", "60", "True"]
