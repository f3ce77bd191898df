"""What differs between the databases: the full-text index and how it is queried.

``postgres`` (a ``tsvector`` with GIN, ``ts_rank``, ``ts_headline``, ``pg_trgm``) and
``sqlite`` (FTS5 with ``bm25``, ``snippet``, ``highlight``, and the vocabulary for
Dutch stems) offer the same functions: ``install``/``uninstall`` (migration DDL),
``before_rebuild``/``after_rebuild``, ``prepare`` (a parsed query in the database's
own syntax, or None when it cannot match), ``counts``, ``hits``, ``known`` and
``similar``.
"""

from types import ModuleType

from django.core.exceptions import ImproperlyConfigured


def for_connection(connection) -> ModuleType:
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    if connection.vendor == "sqlite":
        from . import sqlite

        return sqlite
    raise ImproperlyConfigured(
        f"Search needs PostgreSQL or SQLite, not {connection.vendor}."
    )
