"""Search over published articles: title, lead and body, as a reader reads them.

The same tests run on SQLite (FTS5, Dutch stems through the vocabulary) and on
PostgreSQL (``tsvector`` with the Dutch configuration), each with its real index,
kept by the database itself (search/backends/). Survey questions, suggestions, the
index's upkeep and the rate limit have modules of their own (tests/test_search_*.py).
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("search:search")


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

    assert (
        "Geen artikelen of onderzoeksvragen gevonden voor “zeppelinhangar”." in content
    )
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
    assert search(client, "ab" * 92).status_code == 200
    assert (
        search(client, " ".join(f"{n}abcdefghijklmnopq" for n in range(10))).status_code
        == 200
    )
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


def hit_titles(content: str) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a href="[^"]*">([^<]*)</a>', content)


def passages(content: str) -> list[str]:
    return re.findall(
        r'<p class="card__lead search-hit__passage">(.*?)</p>', content, re.S
    )


@pytest.mark.parametrize(
    ("written", "query"),
    [
        ("dienstverleningen", "dienstverlening"),
        ("dienstverlening", "dienstverleningen"),
        ("ambtenaar", "ambtenaren"),
        ("jaren", "jaar"),
        ("financiële", "financiele"),
        ("thuiswerkbeleid", "thuiswerk"),
    ],
)
def test_a_word_finds_the_other_forms_of_its_stem(client, written, query):
    ArticleFactory(title="Over de regels", body=f"<p>Iets over {written} hier.</p>")
    ArticleFactory(title="Iets anders", body="<p>Over de werkdruk.</p>")

    content = found(search(client, query))

    assert hit_titles(content) == ["Over de regels"]


def test_chart_and_figure_markers_are_not_words_of_the_article(client):
    ArticleFactory(
        title="Over de werkweek",
        body="<p>Inleiding.</p><p>[grafiek werkdruk-2024/v1]</p>"
        "<p>Dat is [cijfer werkdruk-2024/v1/Ja] van de ambtenaren.</p>",
    )

    for word in ["grafiek", "cijfer", "werkdruk", "2024", "v1"]:
        assert "Over de werkweek" not in found(search(client, word)), word
    assert "Over de werkweek" in found(search(client, "ambtenaren"))


def test_a_figure_in_the_text_is_found_and_marked_in_the_passage(client):
    ArticleFactory(
        title="Bekendheid van de agenda",
        body="<h2>Bekendheid</h2><p>Van de ambtenaren kent 57 procent de Agenda "
        "Digitale Overheid.</p>",
    )
    ArticleFactory(
        title="Ander getal", body="<p>Van de ambtenaren kent 43 procent het.</p>"
    )

    content = found(search(client, "57 procent"))

    assert hit_titles(content) == ["Bekendheid van de agenda"]
    assert "<mark>57</mark> <mark>procent</mark>" in passages(content)[0]


def test_the_passage_that_matched_is_shown_deep_in_the_body(client):
    filler = "".join(
        f"<p>Alinea {number} over iets anders.</p>" for number in range(60)
    )
    ArticleFactory(
        title="Lang artikel",
        lead="Een inleiding zonder het woord.",
        body=filler + "<p>Tot slot noemen de ambtenaren webcare een vak.</p>",
    )

    passage = passages(found(search(client, "webcare")))[0]

    assert "<mark>webcare</mark> een vak" in passage
    assert "Een inleiding zonder het woord" not in passage


@pytest.mark.parametrize(
    "body",
    [
        "<p>Typ nooit &lt;script&gt;alert(1)&lt;/script&gt; in webformulieren.</p>",
        "<p>Schrijf &amp;lt;mark&amp;gt; of &lt;mark&gt; niet in webformulieren.</p>",
        "<p>Citaat: &lt;img src=x onerror=alert(1)&gt; in webformulieren.</p>",
    ],
)
def test_the_passage_of_an_article_with_markup_in_its_text_is_escaped(client, body):
    ArticleFactory(title="Over <b>veiligheid</b>", lead="Over formulieren.", body=body)

    content = found(search(client, "webformulieren"))

    passage = passages(content)[0]
    assert "<mark>webformulieren</mark>" in passage
    # The text's own angle brackets arrive as text: the only tags are the marks.
    assert "<" not in re.sub(r"</?mark>", "", passage)
    assert "Over &lt;b&gt;veiligheid&lt;/b&gt;" in content


def test_a_script_in_the_text_of_an_article_reads_as_text_in_the_passage(client):
    ArticleFactory(
        title="Veilig",
        body="<p>Typ nooit &lt;script&gt;alert(1)&lt;/script&gt; in webformulieren.</p>",
    )

    passage = passages(found(search(client, "webformulieren")))[0]

    assert "alert(1)" in passage
    assert "<script" not in passage


def test_a_one_letter_query_gets_a_message_not_every_article(client, articles):
    for query in ["a", "e ", "%", "a b"]:
        content = found(search(client, query))

        assert "Typ minstens 2 letters of cijfers om te zoeken." in content
        assert hit_titles(content) == []
    assert hit_titles(found(search(client, "ab"))) == []


def test_a_query_too_short_to_search_is_not_titled_as_results(client, articles):
    content = found(search(client, "a"))

    assert "<title>Zoeken | Ambtenarenpanel</title>" in content
    assert "Zoekresultaten" not in content


def test_the_query_stays_in_the_header_box_and_the_page_box(client, articles):
    content = found(search(client, "blockchain"))

    assert re.search(r'id="site-search-q"[^>]*value="blockchain"', content)
    assert re.search(r'id="search-q"[^>]*value="blockchain"', content)
    other_page = client.get(articles["lead"].get_absolute_url()).content.decode()
    assert 'value="blockchain"' not in other_page


def test_a_scheduled_article_is_found_from_its_publish_time_without_a_new_save(client):
    import time_machine

    ArticleFactory(title="Gepland over kwartiermakers", scheduled=True)
    assert hit_titles(found(search(client, "kwartiermakers"))) == []

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        content = found(search(client, "kwartiermakers"))

    assert hit_titles(content) == ["Gepland over kwartiermakers"]


def test_a_draft_is_never_found_nor_suggested(client):
    ArticleFactory(title="Concept", body="<p>Over kwartiermakers.</p>", draft=True)

    for query in ["concept", "kwartiermakers", "kwartiermaker", "kwartiermakrs"]:
        content = found(search(client, query))
        assert hit_titles(content) == []
        assert "Bedoelde je" not in content


def test_a_match_in_the_title_ranks_above_one_in_the_body_then_newer_first(client):
    now = timezone.now()
    ArticleFactory(
        title="Oud over niets",
        body="<p>Ook de kwartiermakers.</p>",
        published_at=now - timedelta(days=3),
    )
    ArticleFactory(
        title="Nieuw over niets",
        body="<p>Ook de kwartiermakers.</p>",
        published_at=now - timedelta(days=1),
    )
    ArticleFactory(
        title="Kwartiermakers aan zet",
        body="<p>Iets anders.</p>",
        published_at=now - timedelta(days=5),
    )

    titles = hit_titles(found(search(client, "kwartiermakers")))

    assert titles == ["Kwartiermakers aan zet", "Nieuw over niets", "Oud over niets"]


# The vocabulary's forms of the words (SQLite only: PostgreSQL stems itself), the
# counts per kind, the words no entry holds as such (for a suggestion), the page.
SEARCH_QUERIES = {"sqlite": 4, "postgresql": 3}


@pytest.mark.parametrize("how_many", [1, 30])
def test_a_search_costs_the_same_queries_for_1_or_30_hits(
    client, django_assert_num_queries, how_many
):
    from django.db import connection

    ArticleFactory.create_batch(how_many, title="Over kwartiermakers")

    with django_assert_num_queries(SEARCH_QUERIES[connection.vendor]):
        content = found(search(client, "kwartiermakers"))

    assert len(hit_titles(content)) == min(how_many, 10)


def test_a_search_that_finds_nothing_costs_the_same_with_few_or_many_articles(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            found(search(client, query))
        return len(captured)

    ArticleFactory(title="Over kwartiermakers")
    few = [queries("zeppelinhangar"), queries("kwartiermakrs")]
    ArticleFactory.create_batch(30, title="Meer over kwartiermakers en ketenpartners")
    many = [queries("zeppelinhangar"), queries("kwartiermakrs")]

    assert few == many
    assert max(many) <= 10


def test_on_postgresql_beyond_the_ranked_matches_older_ones_follow_by_date(
    client, monkeypatch
):
    """Ranking reads every match's vector; past ``RANKED`` matches, the newest are ranked."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite ranks every match: FTS5's bm25 reads no document")
    from search.backends import postgres

    monkeypatch.setattr(postgres, "RANKED", 2)
    now = timezone.now()
    for days, title in [(1, "Nieuw"), (2, "Ouder"), (3, "Kwartiermakers overal")]:
        ArticleFactory(
            title=title,
            body="<p>Over kwartiermakers.</p>",
            published_at=now - timedelta(days=days),
        )

    titles = hit_titles(found(search(client, "kwartiermakers")))

    # The oldest has the word in its title too, but is past the two ranked ones.
    assert titles == ["Nieuw", "Ouder", "Kwartiermakers overal"]
    monkeypatch.setattr(postgres, "RANKED", 1000)
    assert hit_titles(found(search(client, "kwartiermakers")))[0] == (
        "Kwartiermakers overal"
    )
