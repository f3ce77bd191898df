"""An editor puts [grafiek slug/code] in an article; the reader sees the chart and its table."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    CategoryFactory,
    SurveyFactory,
    question_with_results,
)
from tests.support.queries import captured_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    return SurveyFactory(
        title="Digitale dienstverlening", slug="digitale-dienstverlening"
    )


@pytest.fixture
def question(survey):
    return question_with_results(
        survey=survey,
        code="agenda",
        text="Bent u bekend met de Agenda Digitale Overheid?",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [57, 43], "Gemeente": [60, 40]},
    )


def test_a_chart_line_in_the_body_becomes_a_figure_with_caption_table_and_link(
    client, question
):
    article = ArticleFactory(
        body=(
            "<h2>Agenda</h2><p>Voor de grafiek.</p>"
            "<p>[grafiek digitale-dienstverlening/agenda]</p>"
            "<p>Na de grafiek.</p>"
        )
    )

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "[grafiek" not in html
    before, figure, after = (
        html.index("Voor de grafiek."),
        html.index('<figure class="chart'),
        html.index("Na de grafiek."),
    )
    assert before < figure < after
    figure_html = html[figure : html.index("</figure>", figure)]
    assert "<figcaption" in figure_html
    assert question.text in figure_html
    assert 'Enquête <span lang="nl">Digitale dienstverlening</span>' in figure_html
    assert "n&nbsp;=&nbsp;480" in figure_html
    assert '<th scope="row" lang="nl">Ja</th>' in figure_html
    assert "57\xa0%" in figure_html
    # The article shows Totaal; the breakdown per segment is on the question page.
    assert "Gemeente" not in figure_html
    assert question.get_absolute_url() in figure_html
    assert "Meer over deze vraag" in figure_html
    assert re.search(r'<script src="/static/js/charts[^"]*\.js" defer>', html)


def test_a_chart_of_a_question_without_totaal_shows_its_breakdowns(client, survey):
    question_with_results(
        survey=survey,
        code="kanalen",
        labels=["E-mail", "Telefoon"],
        percentages={"Gemeente": [70, 30], "Rijksoverheid": [60, 40]},
    )
    article = ArticleFactory(body="<p>[grafiek digitale-dienstverlening/kanalen]</p>")

    html = client.get(article.get_absolute_url()).content.decode()

    figure_html = html[html.index('<figure class="chart') : html.index("</figure>")]
    assert ">Gemeente<" in figure_html and ">Rijksoverheid<" in figure_html
    assert "70\xa0%" in figure_html and "40\xa0%" in figure_html


def test_a_chart_line_typed_with_extra_or_non_breaking_spaces_still_shows(
    client, question
):
    article = ArticleFactory(
        body="<p>&nbsp;[Grafiek&nbsp; digitale-dienstverlening / agenda ]</p>"
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert "[grafiek" not in html.lower()
    assert question.text in html


def test_an_article_without_charts_loads_no_chart_script(client, article):
    html = client.get(article.get_absolute_url()).content.decode()

    assert "charts" not in html.split("</footer>")[0].split("<main")[1]
    assert "chart.umd" not in html


def test_a_chart_whose_question_was_deleted_shows_nothing_to_readers(client, question):
    article = ArticleFactory(
        body="<p>Tekst.</p><p>[grafiek digitale-dienstverlening/agenda]</p>"
    )
    question.delete()

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tekst." in html
    assert "[grafiek" not in html
    assert '<figure class="chart' not in html


def test_the_preview_of_a_draft_shows_its_chart(admin_client_logged_in, question):
    draft = ArticleFactory(
        draft=True, body="<p>[grafiek digitale-dienstverlening/agenda]</p>"
    )

    response = admin_client_logged_in.get(draft.get_preview_url())

    assert response.status_code == 200
    assert question.text in response.content.decode()


@pytest.mark.parametrize(
    "marker, message",
    [
        (
            "[grafiek digitale-dienstverlening/x9]",
            "De grafiek ‘digitale-dienstverlening/x9’ bestaat niet: onbekende vraag x9 "
            "in enquête digitale-dienstverlening.",
        ),
        (
            "[grafiek werkdruk-2030/agenda]",
            "De grafiek ‘werkdruk-2030/agenda’ bestaat niet: onbekende enquête werkdruk-2030.",
        ),
    ],
)
def test_saving_an_article_naming_an_unknown_chart_is_refused_with_its_name(
    question, marker, message
):
    article = ArticleFactory.build(
        category=CategoryFactory(),
        author=AuthorFactory(),
        body=f"<p>Inleiding.</p><p>{marker}</p>",
    )

    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    assert refused.value.message_dict["body"] == [message]


def test_a_known_chart_on_its_own_line_passes_validation(question):
    article = ArticleFactory.build(
        category=CategoryFactory(),
        author=AuthorFactory(),
        body="<p>[grafiek digitale-dienstverlening/agenda]</p>",
    )

    article.full_clean()


def test_a_chart_in_the_middle_of_a_sentence_is_refused(question):
    article = ArticleFactory.build(
        category=CategoryFactory(),
        author=AuthorFactory(),
        body="<p>Zie [grafiek digitale-dienstverlening/agenda] hieronder.</p>",
    )

    with pytest.raises(ValidationError) as refused:
        article.full_clean()

    assert refused.value.message_dict["body"] == [
        "Zet de grafiek ‘digitale-dienstverlening/agenda’ op een eigen regel, zonder andere tekst."
    ]


def test_the_admin_form_refuses_an_unknown_chart_and_stores_nothing(
    admin_client_logged_in, question
):
    category, author = CategoryFactory(), AuthorFactory()
    form = {
        "title": "Ambtenaren en de Agenda",
        "slug": "ambtenaren-en-de-agenda",
        "lead": "Een inleiding.",
        "body": "<p>[grafiek digitale-dienstverlening/x9]</p>",
        "category": category.pk,
        "author": author.pk,
        "status": "published",
        "published_at_0": "2024-01-01",
        "published_at_1": "10:00:00",
        "search_description": "",
        "image_alt": "",
        "comments_open": "on",
    }

    response = admin_client_logged_in.post(reverse("admin:articles_article_add"), form)

    assert response.status_code == 200
    assert (
        "De grafiek ‘digitale-dienstverlening/x9’ bestaat niet: onbekende vraag x9 "
        "in enquête digitale-dienstverlening." in response.content.decode()
    )
    assert not Article.objects.filter(slug="ambtenaren-en-de-agenda").exists()

    form["body"] = "<p>[grafiek digitale-dienstverlening/agenda]</p>"
    response = admin_client_logged_in.post(reverse("admin:articles_article_add"), form)

    assert response.status_code == 302
    assert Article.objects.filter(slug="ambtenaren-en-de-agenda").exists()


def make_article_with_charts(number: int) -> Article:
    survey = SurveyFactory()
    lines = []
    for index in range(number):
        question = question_with_results(
            survey=survey,
            code=f"v{index}",
            labels=["Ja", "Nee", "Weet niet"],
            percentages={"Totaal": [50, 30, 20], "Gemeente": [40, 40, 20]},
        )
        lines.append(
            f"<p>Alinea {index}.</p><p>[grafiek {survey.slug}/{question.code}]</p>"
        )
    return ArticleFactory(body="".join(lines))


def test_the_article_page_costs_the_same_queries_with_1_5_or_20_charts(
    client, django_assert_num_queries, article, no_page_cache
):
    one, five, twenty = (make_article_with_charts(n) for n in (1, 5, 20))
    client.get(article.get_absolute_url())  # warm up what is loaded once per process
    with captured_queries() as without_charts:
        client.get(article.get_absolute_url())
    # Questions with their round, the options, the results with their segment.
    expected = len(without_charts.captured_queries) + 3

    for chart_article, charts in [(one, 1), (five, 5), (twenty, 20)]:
        with django_assert_num_queries(expected):
            response = client.get(chart_article.get_absolute_url())
        assert response.content.decode().count('<figure class="chart') == charts
