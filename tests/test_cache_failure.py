"""When the cache fails, the site serves every page uncached and keeps working; never a 500.

Redis stopped (a private redis-server of the test's own, stopped and started again) or a
cache folder that cannot be written: every public page answers 200, comments are still
posted and staff still log in, a warning is logged once a minute instead of once per
request, and when Redis is back, pages are cached again without a restart.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import pytest
import redis as redis_client
import time_machine
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Comment
from tests.factories import ArticleFactory, SurveyFactory, question_with_results
from tests.support import servers
from tests.support.site import (
    STAFF_PASSWORD,
    STAFF_USER,
    Site,
    own_database,
    postgres_server,
)
from tests.support.web import Visitor, form_token

UNAVAILABLE = "unavailable"


@pytest.fixture
def public_urls(db) -> list[str]:
    survey = SurveyFactory(slug="werkdruk")
    question_with_results(
        survey=survey,
        code="druk",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [61, 39]},
    )
    article = ArticleFactory(slug="werkdruk", body="<p>[grafiek werkdruk/druk]</p>")
    question = {"survey_slug": "werkdruk", "code": "druk"}
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        article.author.get_absolute_url(),
        reverse("articles:feed"),
        reverse("surveys:survey-list"),
        reverse("surveys:survey-detail", kwargs={"slug": "werkdruk"}),
        reverse("surveys:question-detail", kwargs=question),
        reverse("surveys:question-chart", kwargs=question),
        reverse("surveys:survey-csv", kwargs={"slug": "werkdruk"}),
        reverse("sitemap"),
    ]


@pytest.fixture(
    params=["unwritable-folder", "redis-not-running"],
)
def failing_cache(request, settings, tmp_path):
    """The site's cache, failing: a folder below a file, or a Redis port nobody listens on."""
    if request.param == "unwritable-folder":
        (tmp_path / "a-file").write_text("not a folder")
        settings.CACHES = {
            "default": {
                "BACKEND": "ambtenarenpanel.cache_backends.FileCache",
                "LOCATION": str(tmp_path / "a-file" / "cache"),
            }
        }
    else:
        settings.CACHES = {
            "default": {
                "BACKEND": "ambtenarenpanel.cache_backends.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{servers.free_port()}/0",
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
    return request.param


def warnings_in(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno == logging.WARNING and UNAVAILABLE in record.getMessage()
    ]


def test_every_public_page_is_rendered_and_answers_200(
    failing_cache, public_urls, caplog
):
    caplog.set_level(logging.WARNING)
    for url in public_urls:
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = Client().get(url)
            assert response.status_code == 200, url
            assert len(queries) > 0, url  # rendered: nothing could be kept
    assert "61\xa0%" in Client().get(public_urls[1]).content.decode()


def test_a_warning_is_logged_once_a_minute_not_once_per_request(
    failing_cache, public_urls, caplog
):
    caplog.set_level(logging.WARNING)
    now = timezone.now() + timedelta(hours=1)  # past any warning of an earlier test
    with time_machine.travel(now, tick=False):
        for url in public_urls:
            Client().get(url)
        assert len(warnings_in(caplog)) == 1
    with time_machine.travel(now + timedelta(seconds=61), tick=False):
        Client().get(public_urls[0])
    assert len(warnings_in(caplog)) == 2


def test_a_comment_is_still_posted_and_staff_still_log_in(
    failing_cache, public_urls, comment_data
):
    article_url = public_urls[1]

    posted = Client().post(article_url, comment_data, HTTP_SEC_FETCH_SITE="same-origin")

    assert posted.status_code == 302
    assert Comment.objects.get().body == comment_data["body"]
    User.objects.create_superuser(STAFF_USER, "beheer@example.org", STAFF_PASSWORD)
    staff = Client()
    login = staff.post(
        reverse("admin:login"), {"username": STAFF_USER, "password": STAFF_PASSWORD}
    )
    assert login.status_code == 302
    assert staff.get(reverse("admin:articles_comment_changelist")).status_code == 200


# --- A real Redis that stops and starts again, under gunicorn ------------------------


@pytest.fixture
def redis_site(tmp_path):
    redis = servers.redis(tmp_path).start()
    with own_database(tmp_path, postgres_server()) as url:
        site = Site(
            tmp_path, url, REDIS_URL=servers.redis_url(redis), COMMENT_MIN_SECONDS="0"
        ).set_up()
        site.serve(WEB_CONCURRENCY="2")
        try:
            yield site, redis
        finally:
            site.stop()
            redis.stop()


PAGES = [
    "/",
    "/artikelen/digitale-dienstverlening/",
    "/categorie/isamenleving/",
    "/auteur/ambtenarenpanel/",
    "/feed/",
    "/onderzoek/",
    "/onderzoek/digitale-dienstverlening/",
    "/onderzoek/digitale-dienstverlening/gesprek/",
    "/onderzoek/digitale-dienstverlening/gesprek/grafiek.json",
    "/onderzoek/digitale-dienstverlening/data.csv",
    "/sitemap.xml",
]


def stored_pages(redis) -> int:
    return len(redis_client.Redis(port=redis.port).keys("*pages:page:*"))


def test_with_redis_stopped_the_site_answers_and_caches_again_when_it_is_back(
    redis_site,
):
    site, redis = redis_site
    reader = Visitor(site.servers[0].url)
    for path in PAGES:
        assert reader.get(path).status == 200, path
    assert stored_pages(redis) >= len(PAGES) - 1  # all but the sitemap

    redis.stop()

    for _ in range(3):
        for path in PAGES:
            assert reader.get(path).status == 200, path
    page = reader.get(PAGES[1])
    posted = reader.post(
        PAGES[1],
        {
            "name": "Kees",
            "email": "kees@example.org",
            "body": "Geplaatst terwijl Redis stil lag.",
            "token": form_token(page.text),
        },
    )
    assert posted.status == 302
    moderator = Visitor(reader.base)
    moderator.log_in(STAFF_USER, STAFF_PASSWORD)
    warnings = site.servers[0].log.read_text().count(UNAVAILABLE)
    assert 1 <= warnings <= 2, "once a minute per worker, not once per request"

    redis.start()
    deadline = time.monotonic() + 10
    while stored_pages(redis) < 2:
        assert time.monotonic() < deadline, "pages are not cached again"
        reader.get(PAGES[0])
        reader.get(PAGES[1])
        time.sleep(0.1)
    pending = moderator.get("/admin/articles/comment/?status__exact=pending").text
    assert "Geplaatst terwijl Redis stil lag." in pending
