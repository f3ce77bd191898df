"""One truth across processes: a write from any process shows on every cached page within 1 s.

The site runs as ``make serve`` runs it (gunicorn, 2 workers, production settings) on a
database of its own (SQLite, or PostgreSQL when the suite runs there), once with the
embedded default cache (a folder) and once with Redis (a private redis-server). Staff
write beside it as they would: ``manage.py import_results`` and ``loaddemo`` from a
second process, the shell, the admin of the running site.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable

import pytest

from tests.support import servers
from tests.support.site import (
    STAFF_PASSWORD,
    STAFF_USER,
    Site,
    demo_correction,
    own_database,
    postgres_server,
)
from tests.support.web import Visitor, form_token

ROUND = "digitale-dienstverlening"
ARTICLE = f"/artikelen/{ROUND}/"
HOME = "/"


@pytest.fixture(scope="module", params=["file", "redis"], ids=["file-cache", "redis"])
def site(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"shared-{request.param}")
    redis = None
    extra = {"COMMENT_MIN_SECONDS": "1"}
    if request.param == "redis":
        redis = servers.redis(folder).start()
        extra["REDIS_URL"] = servers.redis_url(redis)
    with own_database(folder, postgres_server()) as url:
        site = Site(folder, url, **extra).set_up()
        site.serve(WEB_CONCURRENCY="2")
        try:
            yield site
        finally:
            site.stop()
            if redis is not None:
                redis.stop()


@pytest.fixture
def reader(site) -> Visitor:
    return Visitor(site.servers[0].url)


def seen(reader: Visitor, *paths: str) -> None:
    """Readers have looked at ``paths``, often enough for both workers to keep a copy."""
    for path in paths:
        for _ in range(6):
            assert reader.get(path).status == 200, path


def shows_within_a_second(reader: Visitor, path: str, check: Callable[[str], bool]):
    """Every request to ``path`` that starts 1 s after the write or later passes ``check``;
    ten in a row, so that both workers answer."""
    written = time.monotonic()
    while not check(reader.get(path).text):
        assert time.monotonic() - written < 1.0, f"{path}: not changed after 1 s"
        time.sleep(0.05)
    for _ in range(10):
        assert check(reader.get(path).text), path


def totaal(chart: dict) -> list[float]:
    """The Totaal figures of a question's grafiek.json."""
    return next(d["data"] for d in chart["datasets"] if d["label"] == "Totaal")


def test_a_corrected_import_from_a_second_process_shows_everywhere_within_a_second(
    site, reader, tmp_path
):
    correction = demo_correction(reader, tmp_path)
    question = f"/onderzoek/{ROUND}/{correction.code}/"
    pages = [ARTICLE, f"/onderzoek/{ROUND}/", question]
    seen(reader, *pages, question + "grafiek.json", f"/onderzoek/{ROUND}/data.csv")
    assert all(correction.dutch not in reader.get(page).text for page in pages)

    site.manage("import_results", str(correction.path), "--survey", ROUND)

    value = float(correction.percentage)
    shows_within_a_second(
        reader,
        question + "grafiek.json",
        lambda text: value in totaal(json.loads(text)),
    )
    for page in pages:
        shows_within_a_second(reader, page, lambda html: correction.dutch in html)
    shows_within_a_second(
        reader,
        f"/onderzoek/{ROUND}/data.csv",
        lambda text: f",{correction.answer},{correction.percentage}," in text,
    )


def test_an_article_published_from_the_shell_shows_on_the_cached_pages_within_a_second(
    site, reader
):
    seen(reader, HOME, "/feed/", "/categorie/isamenleving/")

    site.shell(
        "from articles.models import Article, Author, Category\n"
        "from django.utils import timezone\n"
        "Article.objects.create(title='Geschreven in de shell', slug='uit-de-shell',"
        " lead='Kort.', body='<p>Tekst.</p>', status='published',"
        " published_at=timezone.now(), category=Category.objects.get(slug='isamenleving'),"
        " author=Author.objects.first())"
    )

    for path in (HOME, "/feed/", "/categorie/isamenleving/"):
        shows_within_a_second(
            reader, path, lambda html: "Geschreven in de shell" in html
        )


def test_a_scheduled_article_appears_on_the_cached_home_page_at_its_time(site, reader):
    publish_at = time.time() + 5
    site.shell(
        "from datetime import UTC, datetime\n"
        "from articles.models import Article, Author, Category\n"
        "Article.objects.create(title='Gepland voor straks', slug='gepland-straks',"
        " lead='Kort.', body='<p>Tekst.</p>', status='published',"
        f" published_at=datetime.fromtimestamp({publish_at}, UTC),"
        " category=Category.objects.first(), author=Author.objects.first())"
    )
    home = reader.get(HOME)
    seen(reader, HOME)

    assert "Gepland voor straks" not in home.text
    max_age = int(re.search(r"max-age=(\d+)", home.header("Cache-Control"))[1])
    assert max_age <= publish_at - time.time() + 1
    while True:
        # The request's start counts: on a busy machine the answer itself may take a while.
        started = time.time()
        if "Gepland voor straks" in reader.get(HOME).text:
            break
        assert started < publish_at + 1.0, "not shown 1 s after its time"
        time.sleep(0.1)
    assert time.time() >= publish_at, "shown before its time"
    assert reader.get("/artikelen/gepland-straks/").status == 200


def test_a_comment_approved_in_the_admin_shows_on_both_workers_within_a_second(
    site, reader
):
    page = reader.get(ARTICLE)
    seen(reader, ARTICLE)
    time.sleep(1.1)  # COMMENT_MIN_SECONDS for this site
    posted = reader.post(
        ARTICLE,
        {
            "name": "Kees",
            "email": "kees@example.org",
            "body": "Goedgekeurd door een andere worker.",
            "token": form_token(page.text),
        },
    )
    assert posted.status == 302, posted.text[:2000]
    assert (
        "Goedgekeurd door een andere worker."
        not in Visitor(reader.base).get(ARTICLE).text
    )
    moderator = Visitor(reader.base)
    moderator.log_in(STAFF_USER, STAFF_PASSWORD)
    pending = moderator.get("/admin/articles/comment/?status__exact=pending").text
    ids = [
        int(pk) for pk in re.findall(r'name="_selected_action" value="(\d+)"', pending)
    ]

    assert (
        moderator.admin_action("/admin/articles/comment/", "approve", ids).status == 302
    )

    shows_within_a_second(
        reader, ARTICLE, lambda html: "Goedgekeurd door een andere worker." in html
    )
    # The nightly clean-up beside the running site changes no page.
    site.manage("purge_comment_ips")
    assert "Goedgekeurd door een andere worker." in reader.get(ARTICLE).text


def test_loaddemo_from_a_second_process_puts_the_demo_back_within_a_second(
    site, reader
):
    site.shell(
        "from articles.models import Article\n"
        f"article = Article.objects.get(slug='{ROUND}')\n"
        "article.title = 'Een titel die niet blijft'\n"
        "article.save()"
    )
    shows_within_a_second(
        reader, HOME, lambda html: "Een titel die niet blijft" in html
    )

    site.manage("loaddemo")

    shows_within_a_second(
        reader, HOME, lambda html: "Een titel die niet blijft" not in html
    )
    shows_within_a_second(
        reader, ARTICLE, lambda html: "Een titel die niet blijft" not in html
    )
