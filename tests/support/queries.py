"""Count the database queries of an action (pytest-django's ``django_assert_num_queries``
asserts an exact number; this gives the number, to compare two cases)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext


@contextmanager
def captured_queries() -> Iterator[CaptureQueriesContext]:
    """The queries run inside the block: ``len(captured)``, ``captured.captured_queries``."""
    with CaptureQueriesContext(connection) as captured:
        yield captured


def query_count(action: Callable[[], object]) -> int:
    """How many queries ``action()`` runs."""
    with captured_queries() as captured:
        action()
    return len(captured)


def page_query_count(client, url: str) -> int:
    """How many queries ``client.get(url)`` runs; the page must answer 200."""
    with captured_queries() as captured:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(captured)


def writes(captured: CaptureQueriesContext, *tables: str) -> list[str]:
    """The INSERT, UPDATE and DELETE statements among ``captured`` that touch ``tables``."""
    return [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
        and any(table in query["sql"] for table in tables)
    ]
