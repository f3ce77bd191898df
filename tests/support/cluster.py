"""Several machines, rehearsed on one: two app servers, one PostgreSQL, one Redis, nginx.

As docs/deploy.md describes it: each app server is gunicorn with the same settings on a
port of its own, both share a PostgreSQL database (of their own, on the given server)
and a Redis (a private redis-server); nginx with docs/nginx.conf sits in front of both.
Used by tests/test_cluster.py, which asserts, and bench/cluster.py, which prints.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import servers
from .site import (
    DEMO_ROUND,
    STAFF_PASSWORD,
    STAFF_USER,
    Site,
    demo_correction,
    own_database,
)
from .web import Visitor, form_token

ARTICLE = f"/artikelen/{DEMO_ROUND}/"
MAX_AGE = 3  # what the rehearsal tells front caches (PAGE_CACHE_MAX_AGE)


def missing_parts(postgres: str) -> list[str]:
    """What this machine lacks for the rehearsal."""
    missing = [
        name
        for name, path in (
            ("nginx", servers.NGINX),
            ("redis-server", servers.REDIS_SERVER),
        )
        if not shutil.which(path)
    ]
    try:
        import psycopg

        # The server's own database: the one DATABASE_URL names may not exist yet.
        server = urlunsplit(urlsplit(postgres)._replace(path="/postgres"))
        psycopg.connect(server, connect_timeout=3).close()
    except Exception as error:  # any reason the server cannot be reached
        missing.append(f"PostgreSQL at {postgres} ({type(error).__name__})")
    return missing


@dataclass
class Cluster:
    site: Site
    first: servers.Server
    second: servers.Server
    front: servers.Server


@contextlib.contextmanager
def running_cluster(folder: Path, postgres: str) -> Iterator[Cluster]:
    redis = servers.redis(folder).start()
    running: list[servers.Server] = [redis]
    try:
        with own_database(folder, postgres) as url:
            site = Site(
                folder,
                url,
                REDIS_URL=servers.redis_url(redis),
                PAGE_CACHE_MAX_AGE=str(MAX_AGE),
                PAGE_CACHE_STALE_WHILE_REVALIDATE=str(MAX_AGE),
                CLIENT_IP_HEADER="HTTP_X_REAL_IP",
                COMMENT_MIN_SECONDS="1",
            ).set_up()
            first, second = site.serve("app-1"), site.serve("app-2")
            running += [first, second]
            front = servers.nginx(
                folder, [f"127.0.0.1:{first.port}", f"127.0.0.1:{second.port}"]
            ).start()
            running.append(front)
            yield Cluster(site, first, second, front)
    finally:
        for server in reversed(running):
            server.stop()


def comment_through_one_approved_through_the_other(cluster: Cluster) -> dict:
    """A reader comments on the first server, a moderator approves it on the second's
    admin; how long until readers see it through nginx, and how stale it may be."""
    body = (
        f"Via de ene server geplaatst, via de andere goedgekeurd ({time.time():.0f})."
    )
    reader = Visitor(cluster.front.url)
    reader.get(ARTICLE)
    cached = reader.get(ARTICLE)
    writer = Visitor(cluster.first.url)
    page = writer.get(ARTICLE)
    time.sleep(1.1)  # COMMENT_MIN_SECONDS
    posted = writer.post(
        ARTICLE,
        {
            "name": "Kees",
            "email": "kees@example.org",
            "body": body,
            "token": form_token(page.text),
        },
    )
    assert posted.status == 302, posted.text[:2000]
    moderator = Visitor(cluster.second.url)
    moderator.log_in(STAFF_USER, STAFF_PASSWORD)
    pending = moderator.get("/admin/articles/comment/?status__exact=pending").text
    ids = [
        int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', pending)
    ]
    assert (
        moderator.admin_action("/admin/articles/comment/", "approve", ids).status == 302
    )
    approved = time.monotonic()
    on_the_first = body in Visitor(cluster.first.url).get(ARTICLE).text
    while body not in reader.get(ARTICLE).text:
        assert time.monotonic() - approved < MAX_AGE + 10, "never shown through nginx"
        time.sleep(0.1)
    return {
        "front cache status before": cached.header("X-Cache-Status"),
        "shown at once on the first server": on_the_first,
        "seconds until shown through nginx": time.monotonic() - approved,
    }


def import_through_one_seen_by_the_other(cluster: Cluster, folder: Path) -> dict:
    """A corrected file imported on the first machine; how long until the second shows it."""
    other = Visitor(cluster.second.url)
    correction = demo_correction(other, folder)
    question = f"/onderzoek/{DEMO_ROUND}/{correction.code}/"
    for _ in range(3):
        assert correction.dutch not in other.get(question).text
    # On the first machine: the same settings as its app server.
    cluster.site.manage("import_results", str(correction.path), "--survey", DEMO_ROUND)
    imported = time.monotonic()
    while correction.dutch not in other.get(question).text:
        assert time.monotonic() - imported < 10, "never shown on the other server"
        time.sleep(0.02)
    return {"seconds until shown on the other server": time.monotonic() - imported}
