"""Two requests at the same moment, in two threads with database connections of their own.

``post_at_once()`` posts the same form from two clients in two threads and holds both at
``pre_save`` of the model being stored until both have got there: each has passed any
check the view makes before saving, as with a real double click that two server threads
answer at once. A fix that makes one request wait before that point is not stuck on the
barrier: after ``wait`` seconds the other goes on alone.
"""

from __future__ import annotations

import contextlib
import threading

from django.db import connections
from django.db.models.signals import pre_save
from django.test import Client


def post_at_once(url: str, data: dict, *, model, copies: int = 2, wait: float = 5):
    """Post ``data`` to ``url`` ``copies`` times at once; returns the status codes."""
    barrier = threading.Barrier(copies, timeout=wait)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def hold(sender, **kwargs):
        if threading.current_thread() in threads:
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()

    def post():
        try:
            response = Client().post(url, data, HTTP_SEC_FETCH_SITE="same-origin")
            statuses.append(response.status_code)
        except BaseException as error:  # reported in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post) for _ in range(copies)]
    pre_save.connect(hold, sender=model, weak=False)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        pre_save.disconnect(hold, sender=model)
    if errors:
        raise errors[0]
    return sorted(statuses)
