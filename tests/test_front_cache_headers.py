"""Headers that let nginx, a CDN or the browser keep public pages, and keep personal ones out.

Anonymous public pages: ``Cache-Control: public`` with a short ``max-age`` and
``stale-while-revalidate``, validators (ETag, Last-Modified) answered with 304, no cookie
and no ``Vary: Cookie``. Staff, a reader with a notice, and posts: never stored anywhere.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_max_age

from tests.factories import (
    ArticleFactory,
    CommentFactory,
    SurveyFactory,
    question_with_results,
)

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.fixture
def public_urls(article) -> list[str]:
    survey = SurveyFactory(slug="werkdruk")
    question_with_results(
        survey=survey,
        code="druk",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [61, 39]},
    )
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        article.author.get_absolute_url(),
        reverse("articles:feed"),
        reverse("surveys:survey-list"),
        reverse("surveys:survey-detail", kwargs={"slug": "werkdruk"}),
        reverse(
            "surveys:question-chart", kwargs={"survey_slug": "werkdruk", "code": "druk"}
        ),
        reverse("surveys:survey-csv", kwargs={"slug": "werkdruk"}),
    ]


def test_anonymous_public_pages_may_be_kept_briefly_by_front_caches(
    settings, public_urls
):
    for url in public_urls:
        for attempt in ("rendered", "from the cache"):
            response = Client().get(url)

            assert response.status_code == 200
            assert directives(response) == {
                "public",
                f"max-age={settings.PAGE_CACHE_MAX_AGE}",
                f"stale-while-revalidate={settings.PAGE_CACHE_STALE_WHILE_REVALIDATE}",
            }, (url, attempt)
            assert response["ETag"].startswith('W/"'), (url, attempt)
            assert not response.cookies, (url, attempt)
            assert "Cookie" not in response.get("Vary", ""), (url, attempt)
            # The language comes from the browser: caches keep one copy per language.
            assert "Accept-Language" in response["Vary"], (url, attempt)


def test_a_matching_etag_gets_304_not_modified_without_the_page(client, public_urls):
    for url in public_urls:
        etag = client.get(url)["ETag"]

        response = client.get(url, HTTP_IF_NONE_MATCH=etag)

        assert response.status_code == 304, url
        assert response.content == b""
        assert response["ETag"] == etag
        assert "public" in directives(response)


def test_a_copy_not_modified_since_it_was_fetched_gets_304(client, public_urls):
    for url in public_urls:
        modified = client.get(url)["Last-Modified"]

        response = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)

        assert response.status_code == 304, url
        assert response.content == b""


def test_a_changed_page_gets_a_new_etag_and_the_whole_page(client, article):
    etag = client.get(article.get_absolute_url())["ETag"]
    CommentFactory(article=article, body="Een nieuwe, goedgekeurde reactie.")

    response = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Een nieuwe, goedgekeurde reactie." in response.content.decode()


def test_front_caches_keep_a_list_no_longer_than_until_a_scheduled_article_appears(
    client, article
):
    ArticleFactory(published_at=timezone.now() + timedelta(seconds=20))

    response = client.get(reverse("articles:home"))

    assert 0 <= get_max_age(response) <= 20
    assert not any(d.startswith("stale-while-revalidate") for d in directives(response))


def test_pages_for_logged_in_staff_are_never_stored(editor_client, public_urls):
    for url in public_urls:
        response = editor_client.get(url)

        assert {"private", "no-store"} <= directives(response), url
        assert "ETag" not in response


def test_the_page_with_a_readers_notice_is_never_stored(client, article, comment_data):
    posted = client.post(article.get_absolute_url(), comment_data)

    assert {"private", "no-store"} <= directives(posted)
    notice = client.get(posted["Location"])
    assert "Bedankt!" in notice.content.decode()
    assert {"private", "no-store"} <= directives(notice)


def test_a_refused_comment_is_never_stored(client, article, comment_data):
    response = client.post(article.get_absolute_url(), {**comment_data, "body": ""})

    assert response.status_code == 400
    assert {"private", "no-store"} <= directives(response)
