"""Search over title, lead and body of published articles.

PostgreSQL searches with the Dutch full-text configuration (stemming), SQLite
with a case-insensitive match on every word; these tests search for whole,
distinctive words so that both agree.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("articles:search")


@pytest.fixture
def articles():
    return {
        "title": ArticleFactory(
            title="Ombudsman kritisch over digitale loketten",
            lead="Een inleiding zonder bijzondere woorden.",
            body="<p>Gewone tekst.</p>",
        ),
        "lead": ArticleFactory(
            title="Tweede artikel",
            lead="Veel ambtenaren noemen de blockchain een hype.",
            body="<p>Gewone tekst.</p>",
        ),
        "body": ArticleFactory(
            title="Derde artikel",
            lead="Een inleiding zonder bijzondere woorden.",
            body="<h2>Kop</h2><p>Het panel vroeg naar <strong>webrichtlijnen</strong>.</p>",
        ),
    }


def search(client, query: str, **params):
    return client.get(SEARCH, {"q": query, **params})


def found(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "where"),
    [("Ombudsman", "title"), ("blockchain", "lead"), ("webrichtlijnen", "body")],
)
def test_a_word_is_found_in_the_title_the_lead_and_the_body(
    client, articles, query, where
):
    content = found(search(client, query))

    assert "1 artikel gevonden voor" in content
    assert articles[where].title in content
    for other, article in articles.items():
        if other != where:
            assert article.title not in content


def test_the_search_ignores_case(client, articles):
    content = found(search(client, "OMBUDSMAN"))

    assert articles["title"].title in content


def test_several_words_find_the_article_that_has_them_all(client, articles):
    content = found(search(client, "ombudsman loketten"))

    assert articles["title"].title in content
    assert articles["lead"].title not in content


def test_a_word_nowhere_in_the_articles_finds_nothing_and_says_so(client, articles):
    content = found(search(client, "zeppelinhangar"))

    assert "Geen artikelen gevonden voor “zeppelinhangar”." in content
    for article in articles.values():
        assert article.title not in content


def test_an_empty_query_shows_the_form_without_results(client, articles):
    for response in [client.get(SEARCH), search(client, ""), search(client, "   ")]:
        content = found(response)
        assert 'name="q"' in content
        assert "gevonden" not in content
        for article in articles.values():
            assert article.title not in content


def test_the_query_stays_in_the_search_field(client, articles):
    content = found(search(client, "blockchain"))

    assert 'value="blockchain"' in content


def test_drafts_and_scheduled_articles_are_not_found(client):
    ArticleFactory(title="Gepubliceerd over kwartiermakers")
    ArticleFactory(title="Concept over kwartiermakers", draft=True)
    ArticleFactory(title="Gepland over kwartiermakers", scheduled=True)

    content = found(search(client, "kwartiermakers"))

    assert "Gepubliceerd over kwartiermakers" in content
    assert "Concept over kwartiermakers" not in content
    assert "Gepland over kwartiermakers" not in content
    assert "1 artikel gevonden" in content


@pytest.mark.parametrize(
    "query",
    [
        "%",
        "_",
        "%%",
        "\\",
        "'",
        '"',
        "' OR 1=1 --",
        "'; DROP TABLE articles_article; --",
        ".*",
        "[a-z]+",
        "(ombudsman",
        "ombudsman)",
        "a & b | !c",
        "ombudsman:*",
        "<->",
        "!!!",
        "-",
        '"niet afgesloten',
        "\u202e\u200b",
        "🙂",
    ],
)
def test_metacharacters_in_the_query_give_a_page_not_an_error(client, articles, query):
    content = found(search(client, query))

    # Wildcards are taken literally: they do not match every article.
    if query in {"%", "_", "%%", ".*", "\\", "'"}:
        for article in articles.values():
            assert article.title not in content


def test_a_null_byte_in_the_query_is_ignored(client, articles):
    content = found(search(client, "Ombuds\x00man"))

    assert articles["title"].title in content


def test_a_query_of_10000_characters_gives_a_page_not_an_error(client, articles):
    assert search(client, "a" * 10_000).status_code == 200
    assert search(client, "ombudsman " * 1_000).status_code == 200
    assert search(client, "x" * 9_000 + " ombudsman").status_code == 200


def test_the_query_is_shown_escaped(client, articles):
    content = found(search(client, "<script>alert(1)</script>"))

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_the_search_results_are_paginated_by_ten(client):
    for number in range(12):
        ArticleFactory(title=f"Zoekresultaat {number:02d} over kwartiermakers")

    first = found(search(client, "kwartiermakers"))
    second = found(search(client, "kwartiermakers", pagina=2))

    assert "12 artikelen gevonden" in first
    assert first.count("Zoekresultaat ") == 10
    assert second.count("Zoekresultaat ") == 2
    assert search(client, "kwartiermakers", pagina=3).status_code == 404


def test_the_search_page_is_not_indexed_by_search_engines(client, articles):
    assert '<meta name="robots" content="noindex">' in found(search(client, "x"))


@pytest.mark.parametrize("markup_word", ["strong", "href", "noopener", "https"])
def test_a_word_that_is_only_in_the_markup_of_the_body_finds_nothing(
    client, markup_word
):
    ArticleFactory(
        title="Artikel met opmaak",
        body='<p>Lees <strong>meer</strong> op <a href="https://example.org/">de site</a>.</p>',
    )

    content = found(search(client, markup_word))

    assert "Artikel met opmaak" not in content


def test_a_word_in_the_text_of_a_link_or_emphasis_is_found(client):
    ArticleFactory(
        title="Artikel met opmaak",
        body='<p>Lees <strong>kwartiermakers</strong> en <a href="https://example.org/">'
        "ombudsman</a>.</p>",
    )

    assert "Artikel met opmaak" in found(search(client, "kwartiermakers"))
    assert "Artikel met opmaak" in found(search(client, "ombudsman"))


def test_results_of_equal_relevance_are_spread_over_the_pages_without_repeats(client):
    moment = timezone.now() - timedelta(hours=1)
    for number in range(25):
        ArticleFactory(
            title=f"Gelijk {number:02d}",
            lead="Over kwartiermakers.",
            published_at=moment,
        )

    seen = []
    for pagina in (1, 2, 3):
        content = found(search(client, "kwartiermakers", pagina=pagina))
        seen += re.findall(r">(Gelijk \d\d)<", content)

    assert sorted(seen) == [f"Gelijk {number:02d}" for number in range(25)]
