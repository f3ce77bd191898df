"""Survey questions are found beside articles: by their text, answers and round.

A question hit links to the question page and says it is a question of the
research, with its round. Figures are never searchable: a question is found by
its words, never by a percentage (a suppressed figure cannot leak this way).
"""

import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, SurveyFactory, question_with_results

pytestmark = pytest.mark.django_db

SEARCH = reverse("search:search")


def search(client, query: str) -> str:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def hits(content: str) -> list[tuple[str, str]]:
    """(link, title) of every hit, in order."""
    return re.findall(r'<h2 class="card__title"><a href="([^"]*)">([^<]*)</a>', content)


@pytest.fixture
def thuiswerk():
    survey = SurveyFactory(title="Werken op afstand 2024", slug="werken-op-afstand")
    how_often = question_with_results(
        survey=survey,
        code="v3",
        text="Hoe vaak werkt u thuis?",
        labels=["Nooit", "Soms", "Vaak"],
        percentages={"Totaal": [10, 33, 57]},
    )
    facilities = question_with_results(
        survey=survey,
        code="v4",
        text="Welke voorzieningen krijgt u van uw werkgever?",
        labels=["Bureaustoel", "Laptop", "Tweede beeldscherm"],
        percentages={"Totaal": [41, 93, 28]},
    )
    return how_often, facilities


def question_url(question) -> str:
    return reverse(
        "surveys:question-detail",
        kwargs={"survey_slug": question.survey.slug, "code": question.code},
    )


def test_a_question_is_found_by_an_answer_label_and_links_to_its_page(
    client, thuiswerk
):
    _, facilities = thuiswerk

    content = search(client, "bureaustoel")

    assert hits(content) == [(question_url(facilities), facilities.text)]
    assert "1 onderzoeksvraag gevonden voor “bureaustoel”." in content
    assert "<mark>Bureaustoel</mark> · Laptop · Tweede beeldscherm" in content
    assert "Onderzoeksvraag" in content
    assert "Uit het onderzoek ‘Werken op afstand 2024’" in content


def test_the_question_about_working_from_home_is_found_by_thuiswerken(
    client, thuiswerk
):
    how_often, _ = thuiswerk

    content = search(client, "thuiswerken")

    assert hits(content) == [(question_url(how_often), "Hoe vaak werkt u thuis?")]


def test_a_question_is_found_by_the_title_of_its_round(client, thuiswerk):
    content = search(client, "afstand")

    assert {title for _, title in hits(content)} == {q.text for q in thuiswerk}


def test_articles_and_questions_appear_together_and_are_counted_apart(
    client, thuiswerk
):
    ArticleFactory(
        title="Thuis werken", body="<p>Steeds meer ambtenaren werken thuis.</p>"
    )
    ArticleFactory(title="Op kantoor", body="<p>Een bureaustoel voor iedereen.</p>")

    content = search(client, "bureaustoel")

    assert {title for _, title in hits(content)} == {
        "Op kantoor",
        "Welke voorzieningen krijgt u van uw werkgever?",
    }
    assert "1 artikel en 1 onderzoeksvraag gevonden voor “bureaustoel”." in content


@pytest.mark.parametrize("figure", ["57", "93", "41"])
def test_a_percentage_never_finds_a_question(client, thuiswerk, figure):
    assert hits(search(client, figure)) == []
