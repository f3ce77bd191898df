"""On SQLite a request waits for another process's write instead of failing, and loses nothing.

The site runs under gunicorn on an SQLite file of its own, while the test holds the
database's write lock from a second connection, as ``import_results`` or another worker
would. A comment or an admin login posted meanwhile is stored once the lock is released;
when the wait runs out (a site started with a 1 s busy timeout), the reader gets the form
back with what they typed and a Dutch "try again" (503), and nothing is stored.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from tests.support.site import STAFF_PASSWORD, STAFF_USER, Site, postgres_server
from tests.support.web import Visitor, csrf_token, form_token

pytestmark = pytest.mark.skipif(
    postgres_server() is not None,
    reason="SQLite's write lock: runs when the suite runs on SQLite",
)

ARTICLE = "/artikelen/digitale-dienstverlening/"
TEXT = "Geschreven terwijl een import liep; deze tekst mag niet verloren gaan."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-busy")
    site = Site(folder, f"sqlite:///{folder / 'site.sqlite3'}", COMMENT_MIN_SECONDS="0")
    site.set_up()
    site.serve("patient")
    # The same site, with a busy timeout of 1 s instead of 20 s.
    site.serve("impatient", SQLITE_TIMEOUT="1")
    yield site
    site.stop()


@contextlib.contextmanager
def write_lock_held(site: Site):
    """Another process's write transaction: ``BEGIN IMMEDIATE`` on a connection of its own."""
    path = Path(site.database_url.removeprefix("sqlite:///"))
    holder = sqlite3.connect(path, isolation_level=None, timeout=30)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("COMMIT")
        holder.close()


def in_background(call):
    """Run ``call()`` in a thread; the result holds its return value once it finished."""
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", call()))
    thread.start()
    return thread, result


def stored_comments(site: Site, body: str) -> int:
    path = site.database_url.removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT count(*) FROM articles_comment WHERE body = ?", [body]
        ).fetchone()[0]


def comment(reader: Visitor, body: str) -> dict:
    page = reader.get(ARTICLE)
    return {
        "name": "Anne de Boer",
        "email": "anne@example.org",
        "body": body,
        "token": form_token(page.text),
    }


def test_the_database_is_in_wal_mode_so_readers_never_wait(site):
    reader = Visitor(site.servers[0].url)
    with write_lock_held(site):
        started = time.monotonic()
        assert reader.get(ARTICLE + "?reactie=ontvangen").status == 200  # rendered
        assert time.monotonic() - started < 5


def test_a_comment_posted_during_anothers_write_is_stored_when_it_ends(site):
    reader = Visitor(site.servers[0].url)
    data = comment(reader, TEXT)

    with write_lock_held(site):
        thread, result = in_background(lambda: reader.post(ARTICLE, data))
        time.sleep(2)
        assert thread.is_alive(), "the post did not wait for the lock"
    thread.join(30)

    assert result["value"].status == 302
    assert stored_comments(site, TEXT) == 1


def test_an_admin_login_during_anothers_write_succeeds_when_it_ends(site):
    staff = Visitor(site.servers[0].url)
    form = staff.get("/admin/login/")
    login = {
        "csrfmiddlewaretoken": csrf_token(form.text),
        "username": STAFF_USER,
        "password": STAFF_PASSWORD,
        "next": "/admin/",
    }

    with write_lock_held(site):
        thread, result = in_background(lambda: staff.post("/admin/login/", login))
        time.sleep(2)
        assert thread.is_alive(), "the login did not wait for the lock"
    thread.join(30)

    assert result["value"].status == 302
    assert staff.get("/admin/").status == 200


def test_when_the_wait_runs_out_the_reader_gets_the_form_back_with_their_text(site):
    reader = Visitor(site.servers[1].url)
    body = "Als het te lang duurt, krijg ik mijn tekst terug."
    data = comment(reader, body)

    with write_lock_held(site):
        response = reader.post(ARTICLE, data)

    assert response.status == 503
    assert "Het is even erg druk, daardoor is je reactie nog niet geplaatst." in (
        response.text
    )
    assert body in response.text
    assert 'value="Anne de Boer"' in response.text
    assert 'value="anne@example.org"' in response.text
    assert stored_comments(site, body) == 0
    assert reader.post(ARTICLE, data).status == 302  # sent again, once it is quiet
    assert stored_comments(site, body) == 1


def test_when_the_wait_runs_out_an_admin_login_gets_its_form_back(site):
    staff = Visitor(site.servers[1].url)
    form = staff.get("/admin/login/")
    login = {
        "csrfmiddlewaretoken": csrf_token(form.text),
        "username": STAFF_USER,
        "password": STAFF_PASSWORD,
        "next": "/admin/",
    }

    with write_lock_held(site):
        response = staff.post("/admin/login/", login)

    assert response.status == 503
    assert "Het is even erg druk, daardoor ben je nog niet ingelogd." in response.text
    assert f'value="{STAFF_USER}"' in response.text
    assert STAFF_PASSWORD not in response.text
    login["csrfmiddlewaretoken"] = csrf_token(response.text)
    assert staff.post("/admin/login/", login).status == 302
