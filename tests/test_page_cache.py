"""Anonymous readers get public pages from the page cache; nobody gets someone else's page.

A page served from the cache costs no database query at all, so "0 queries" is how
these tests see that the cache answered (docs/caching.md).
"""

import gzip
import re
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Comment
from tests.factories import ArticleFactory, SurveyFactory, question_with_results

pytestmark = pytest.mark.django_db

THANKS = "Bedankt! Je reactie wordt zichtbaar na goedkeuring door de redactie."
NOT_FROM_THIS_SITE = "Je reactie is niet geplaatst, omdat het formulier niet vanaf deze site leek te komen."
SITE = "http://testserver"


def get(client, url: str, **extra):
    """The response and the number of database queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def form_token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html)[1]


@pytest.fixture
def question():
    survey = SurveyFactory(slug="werkdruk", title="Werkdruk")
    return question_with_results(
        survey=survey,
        code="druk",
        text="Ervaart u veel werkdruk?",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [61, 39]},
    )


@pytest.fixture
def public_urls(question) -> list[str]:
    article = ArticleFactory(
        slug="werkdruk", body="<p>Intro.</p><p>[grafiek werkdruk/druk]</p>"
    )
    return [
        reverse("articles:home"),
        article.get_absolute_url(),
        article.author.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("articles:feed"),
        reverse("articles:category-feed", kwargs={"slug": article.category.slug}),
        reverse("surveys:survey-list"),
        reverse("surveys:survey-detail", kwargs={"slug": "werkdruk"}),
        reverse(
            "surveys:question-detail",
            kwargs={"survey_slug": "werkdruk", "code": "druk"},
        ),
        reverse(
            "surveys:question-chart", kwargs={"survey_slug": "werkdruk", "code": "druk"}
        ),
    ]


# --- What is cached ------------------------------------------------------------------


def test_every_public_page_is_served_to_the_next_reader_from_the_cache(public_urls):
    for url in public_urls:
        first, first_queries = get(Client(), url)
        again, again_queries = get(Client(), url)

        assert first.status_code == again.status_code == 200, url
        assert first_queries > 0, url
        assert again_queries == 0, url
        assert again["Content-Type"] == first["Content-Type"], url
        if "token" not in first.content.decode():
            assert again.content == first.content, url


def test_the_cached_article_page_is_the_whole_page_with_chart_and_comment_form(
    client, public_urls
):
    article_url = public_urls[1]
    get(Client(), article_url)

    response, queries = get(client, article_url)

    html = response.content.decode()
    assert queries == 0
    assert '<figure class="chart' in html
    assert "61\u00a0%" in html
    assert 'class="comment-form"' in html
    assert "Het e-mailadres wordt niet gepubliceerd." in html


def test_search_results_are_not_cached(client):
    ArticleFactory(title="Over kwartiermakers")
    url = reverse("search:search") + "?q=kwartiermakers"
    get(client, url)

    _, queries = get(client, url)

    assert queries > 0


def test_each_page_number_is_a_page_of_its_own(client):
    ArticleFactory.create_batch(12)
    first_page, _ = get(client, "/")

    second_page, queries = get(client, "/?pagina=2")

    assert queries > 0
    assert second_page.content != first_page.content
    assert get(client, "/?pagina=2")[1] == 0


def test_tracking_parameters_from_a_newsletter_share_the_cached_page_and_stay_out_of_it(
    client,
):
    ArticleFactory.create_batch(12)
    newsletter = "/?utm_source=nieuwsbrief&utm_medium=email&pagina=2"

    first, first_queries = get(client, newsletter)
    plain, plain_queries = get(client, "/?pagina=2")

    assert first_queries > 0
    assert plain_queries == 0
    assert plain.content == first.content
    assert "utm_" not in first.content.decode()


def test_each_language_is_cached_separately(client, article):
    dutch, _ = get(client, article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl")

    english, queries = get(
        client, article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert queries > 0
    assert "Er zijn nog geen reacties." in dutch.content.decode()
    assert "There are no comments yet." in english.content.decode()
    assert get(client, article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")[1] == 0


def test_each_host_is_cached_separately_because_pages_hold_absolute_links(
    client, article, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "ambtenarenpanel.example"]
    get(client, article.get_absolute_url())

    other, queries = get(
        client, article.get_absolute_url(), HTTP_HOST="ambtenarenpanel.example"
    )

    assert queries > 0
    assert "http://ambtenarenpanel.example/artikelen/" in other.content.decode()
    assert "http://testserver/" not in other.content.decode()


def test_the_charts_in_an_article_follow_the_readers_language(client, public_urls):
    article_url = public_urls[1]
    dutch, _ = get(client, article_url, HTTP_ACCEPT_LANGUAGE="nl")

    english, _ = get(client, article_url, HTTP_ACCEPT_LANGUAGE="en")

    assert "Meer over deze vraag" in dutch.content.decode()
    assert "More about this question" in english.content.decode()
    assert "Meer over deze vraag" not in english.content.decode()


def test_a_browser_that_accepts_gzip_gets_the_cached_page_compressed(
    client, public_urls
):
    article_url = public_urls[1]
    plain, _ = get(client, article_url)
    get(client, article_url, HTTP_ACCEPT_ENCODING="gzip, br")

    packed, queries = get(client, article_url, HTTP_ACCEPT_ENCODING="gzip, br")

    assert queries == 0
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content)
    assert len(packed.content) < len(plain.content) / 3
    html = gzip.decompress(packed.content).decode()
    # The same page (each copy has the time it was rendered in the comment form).
    assert html.replace(form_token(html), "") == plain.content.decode().replace(
        form_token(plain.content.decode()), ""
    )


def test_a_page_that_does_not_exist_is_not_cached(client):
    assert client.get("/artikelen/nog-niet-geschreven/").status_code == 404
    assert client.get("/?pagina=7").status_code == 404

    ArticleFactory(slug="nog-niet-geschreven")

    assert client.get("/artikelen/nog-niet-geschreven/").status_code == 200


# --- Who never gets a cached page --------------------------------------------------------


def test_logged_in_staff_never_get_a_cached_page(editor_client, article):
    get(Client(), article.get_absolute_url())

    for _ in range(2):
        response, queries = get(editor_client, article.get_absolute_url())
        assert response.status_code == 200
        assert queries > 0


def test_a_page_rendered_for_staff_is_not_stored_for_readers(
    client, editor_client, article
):
    get(editor_client, article.get_absolute_url())

    _, queries = get(client, article.get_absolute_url())

    assert queries > 0


def test_a_reader_who_just_posted_a_comment_sees_the_notice_on_a_cached_page(
    client, article, comment_data
):
    get(Client(), article.get_absolute_url())
    assert get(Client(), article.get_absolute_url())[1] == 0

    response = client.post(article.get_absolute_url(), comment_data, follow=True)

    assert response.status_code == 200
    assert THANKS in response.content.decode()
    # Once seen, the notice is gone and the reader is back on the shared page.
    again, queries = get(client, article.get_absolute_url())
    assert THANKS not in again.content.decode()
    assert queries == 0


def test_the_address_after_posting_is_never_answered_or_stored_by_the_cache(
    client, article
):
    url = article.get_absolute_url() + "?reactie=ontvangen"
    get(client, article.get_absolute_url())

    for _ in range(2):
        response, queries = get(client, url)
        assert response.status_code == 200
        assert queries > 0


def test_a_post_is_never_answered_from_the_cache(client, article, comment_data):
    get(client, article.get_absolute_url())

    response = client.post(article.get_absolute_url(), {**comment_data, "name": ""})

    assert response.status_code == 400
    assert "Vul je naam in." in response.content.decode()
    assert not Comment.objects.exists()


# --- CSRF: the shared article page and its comment form ----------------------------------


def test_the_shared_article_page_has_no_csrf_token_and_sets_no_cookie(client, article):
    response = client.get(article.get_absolute_url())

    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_a_reader_comments_from_a_page_that_was_cached_minutes_ago(article):
    """The form's time token is when the page was rendered: older, never younger, than
    when the reader saw it, so the "sent too fast" check lets a cached page through."""
    get(Client(), article.get_absolute_url())

    with time_machine.travel(timezone.now() + timedelta(minutes=8)):
        page, queries = get(Client(), article.get_absolute_url())
        response = Client().post(
            article.get_absolute_url(),
            {
                "name": "Anne de Boer",
                "email": "anne@example.org",
                "body": "Gelezen op een pagina uit de cache.",
                "token": form_token(page.content.decode()),
            },
            HTTP_SEC_FETCH_SITE="same-origin",
        )

    assert queries == 0
    assert response.status_code == 302
    assert Comment.objects.get().body == "Gelezen op een pagina uit de cache."


def test_a_reader_comments_from_a_cached_page_with_a_browsers_headers(article):
    get(Client(), article.get_absolute_url())
    reader = Client(enforce_csrf_checks=True)
    page, queries = get(reader, article.get_absolute_url())
    assert queries == 0
    form = {
        "name": "Anne de Boer",
        "email": "anne@example.org",
        "website": "",
        "body": "Herkenbaar.",
        "telefoon": "",
        "token": form_token(page.content.decode()),
    }

    with time_machine.travel(timezone.now() + timedelta(seconds=30)):
        response = reader.post(
            article.get_absolute_url(),
            form,
            HTTP_ORIGIN=SITE,
            HTTP_SEC_FETCH_SITE="same-origin",
        )

    assert response.status_code == 302
    assert Comment.objects.get().body == "Herkenbaar."


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": SITE},
        {"HTTP_REFERER": f"{SITE}/artikelen/"},
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": SITE},
    ],
    ids=["origin", "referer-only", "fetch-metadata"],
)
def test_a_comment_from_this_site_is_accepted_by_any_of_the_standard_headers(
    article, comment_data, headers
):
    response = Client(enforce_csrf_checks=True).post(
        article.get_absolute_url(), comment_data, **headers
    )

    assert response.status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://kwaadaardig.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": SITE},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_REFERER": "https://kwaadaardig.example/pagina"},
        {},
    ],
    ids=[
        "foreign-origin",
        "null-origin",
        "cross-site",
        "sibling-site",
        "foreign-referer",
        "no-headers-no-token",
    ],
)
def test_a_comment_posted_from_another_site_is_refused_in_dutch_and_not_stored(
    article, comment_data, headers
):
    response = Client(enforce_csrf_checks=True).post(
        article.get_absolute_url(), comment_data, **headers
    )

    assert response.status_code == 403
    assert not Comment.objects.exists()
    html = response.content.decode()
    assert NOT_FROM_THIS_SITE in html
    # The reader's text is kept, to send it again from this site.
    assert "Herkenbaar onderzoek, bij ons gaat het net zo." in html


def test_a_post_without_browser_headers_but_with_a_valid_csrf_token_is_accepted(
    article, comment_data
):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32

    response = client.post(
        article.get_absolute_url(),
        {**comment_data, "csrfmiddlewaretoken": "a" * 32},
    )

    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_a_page_that_would_carry_a_csrf_token_is_never_shared(
    settings, tmp_path, article
):
    """Should a template ever put a token in a public page, the page is not stored."""
    override = tmp_path / "articles" / "article_list.html"
    override.parent.mkdir()
    override.write_text(
        '{% extends "base.html" %}{% block content %}'
        '<form method="post">{% csrf_token %}</form>{% endblock %}'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    first, _ = get(Client(), "/")

    second, queries = get(Client(), "/")

    assert "csrfmiddlewaretoken" in first.content.decode()
    assert queries > 0
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "private" in second["Cache-Control"]
