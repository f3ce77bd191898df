"""A misspelt query gets "Bedoelde je …?" with a link to the corrected search.

The suggestion is a word of the index similar to the misspelt one, and is offered
only when the corrected search finds something a reader may see: never a word of a
scheduled or draft article.
"""

import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("search:search")


def search(client, query: str) -> str:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def suggestion(content: str) -> tuple[str, str] | None:
    """(link, text) of the suggestion, or None."""
    match = re.search(r'Bedoelde je <a href="([^"]*)">([^<]*)</a>\?', content)
    return match.groups() if match else None


@pytest.fixture
def seed_like():
    ArticleFactory(
        title="Digitale dienstverlening hoog op de agenda",
        body="<p>Het contact met en de digitale dienstverlening aan inwoners.</p>"
        "<p>Webcare is een vak, en de Agenda Digitale Overheid is weinig bekend.</p>",
    )
    ArticleFactory(title="Werkdruk", body="<p>Ambtenaren ervaren veel werkdruk.</p>")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dienstverleing", "dienstverlening"),
        ("Dienstverlenning", "dienstverlening"),
        ("webcaer", "webcare"),
        ("werkdrukk", "werkdruk"),
    ],
)
def test_a_misspelt_word_gets_a_suggestion_that_links_to_the_corrected_search(
    client, seed_like, typed, meant
):
    link, text = suggestion(search(client, typed))

    assert text == meant
    assert link == f"{SEARCH}?q={meant}"
    assert "Digitale dienstverlening hoog op de agenda" in search(client, text) or (
        "Werkdruk" in search(client, text)
    )


def test_the_other_words_of_the_query_stay_as_they_were_typed(client, seed_like):
    _, text = suggestion(search(client, "Digitale dienstverleing"))

    assert text == "Digitale dienstverlening"


def test_a_correct_query_gets_no_suggestion(client, seed_like):
    for query in ["dienstverlening", "digitale dienstverleningen", "webcare", "Agenda"]:
        assert suggestion(search(client, query)) is None, query


def test_a_query_that_resembles_nothing_gets_no_suggestion(client, seed_like):
    content = search(client, "zeppelinhangar")

    assert suggestion(content) is None
    assert "Geen artikelen of onderzoeksvragen gevonden" in content


def test_a_word_of_a_scheduled_article_is_never_suggested(client, seed_like):
    ArticleFactory(
        title="Reorganisatie",
        body="<p>De fusieplannen van het ministerie.</p>",
        scheduled=True,
    )

    content = search(client, "fusieplanen")

    assert suggestion(content) is None
    assert "fusieplannen" not in content


def test_a_deleted_article_takes_its_words_out_of_the_suggestions(client, seed_like):
    article = ArticleFactory(title="Eenmalig", body="<p>Over kwartiermakers.</p>")
    assert suggestion(search(client, "kwartiermakrs"))[1] == "kwartiermakers"

    article.delete()

    assert suggestion(search(client, "kwartiermakrs")) is None
