"""Every article that cites a survey round ends with a short box on how its figures came about."""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, SurveyFactory, question_with_results

pytestmark = pytest.mark.django_db


def box(client, article) -> str:
    html = client.get(article.get_absolute_url()).content.decode()
    if '<aside class="method-box"' not in html:
        return ""
    start = html.index('<aside class="method-box"')
    return html[start : html.index("</aside>", start)]


@pytest.fixture
def survey():
    survey = SurveyFactory(
        title="Werken bij de overheid 2024",
        slug="werken-2024",
        respondents=612,
        fieldwork_start=date(2024, 3, 4),
        fieldwork_end=date(2024, 3, 22),
        method="Online vragenlijst onder leden van het Ambtenarenpanel.",
    )
    question_with_results(
        survey=survey,
        code="werkdruk",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [61, 39]},
    )
    return survey


def test_an_article_with_a_chart_ends_with_period_n_method_margin_and_the_data(
    client, survey
):
    article = ArticleFactory(body="<p>Tekst.</p><p>[grafiek werken-2024/werkdruk]</p>")

    html = box(client, article)

    assert 'aria-labelledby="over-de-cijfers"' in html
    assert (
        '<h2 class="method-box__title" id="over-de-cijfers">Over de cijfers</h2>'
        in html
    )
    assert "4 t/m 22 maart 2024" in html
    assert "n&nbsp;=&nbsp;612" in html
    assert "Online vragenlijst onder leden van het Ambtenarenpanel." in html
    # 1.96 × √(0.25 / 612) = 3.96 percentage points
    assert "Bij 50 % ongeveer 4,0 procentpunt naar boven of beneden (95 %)" in html
    assert "Indicatief" in html
    assert f'href="{survey.get_absolute_url()}"' in html
    assert (
        f'href="{reverse("surveys:survey-csv", kwargs={"slug": "werken-2024"})}"'
        in html
    )


def test_a_tag_alone_cites_its_round_and_without_n_there_is_no_margin(client):
    survey = SurveyFactory(
        slug="zonder-n", respondents=None, respondents_note="een kleine 500"
    )
    question_with_results(
        survey=survey, code="v", labels=["Ja", "Nee"], percentages={"Totaal": [50, 50]}
    )
    article = ArticleFactory(body="<p>Ja zegt [cijfer zonder-n/v/Ja].</p>")

    html = box(client, article)

    assert "n&nbsp;=&nbsp;een kleine 500" in html
    assert "Foutmarge" not in html


def test_an_article_that_cites_no_round_has_no_box(client):
    assert box(client, ArticleFactory(body="<p>Geen cijfers.</p>")) == ""


def test_two_rounds_each_get_their_own_part_with_their_title(client, survey):
    other = SurveyFactory(
        title="Digitale dienstverlening", slug="digitaal", respondents=480
    )
    question_with_results(
        survey=other, code="v", labels=["Ja", "Nee"], percentages={"Totaal": [57, 43]}
    )
    article = ArticleFactory(
        body="<p>[grafiek werken-2024/werkdruk]</p><p>En [cijfer digitaal/v/Ja].</p>"
    )

    html = box(client, article)

    assert '<h3 class="method-box__survey">Werken bij de overheid 2024</h3>' in html
    assert '<h3 class="method-box__survey">Digitale dienstverlening</h3>' in html
    assert "ongeveer 4,5 procentpunt" in html  # n = 480
