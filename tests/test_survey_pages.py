"""A reader browses the survey rounds, a round, one question, and downloads the data."""

import csv
import io
import re
from datetime import date

import pytest
from django.urls import reverse

from surveys.importing import import_results
from surveys.models import Question, Result
from tests.factories import (
    ArticleFactory,
    QuestionFactory,
    SurveyFactory,
    question_with_results,
)

pytestmark = pytest.mark.django_db

AGENDA = ["Ja", "Nee"]


@pytest.fixture
def survey():
    return SurveyFactory(
        title="Digitale dienstverlening",
        slug="digitale-dienstverlening",
        respondents=487,
        fieldwork_start=date(2021, 6, 3),
        fieldwork_end=date(2021, 6, 21),
        method="Online vragenlijst onder het panel.",
    )


@pytest.fixture
def question(survey):
    return question_with_results(
        survey=survey,
        code="agenda",
        text="Bent u bekend met de Agenda Digitale Overheid?",
        labels=AGENDA,
        percentages={
            "Totaal": [57, 43],
            "Gemeente": [61.5, 38.5],
            "Rijksoverheid": [52, 48],
        },
    )


def table_rows(html: str) -> list[list[str]]:
    """The data table's rows as a reader sees them: header cell, then the figures."""
    table = html[html.index('<table class="chart__table"') : html.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)
        ]
        for row in rows
    ]


def test_the_survey_list_shows_every_round_with_period_n_and_question_count(
    client, survey, question
):
    QuestionFactory(survey=survey, code="extra")
    SurveyFactory(title="Werkdruk", respondents=None, respondents_note="ruim 300")

    response = client.get(reverse("surveys:survey-list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Digitale dienstverlening" in html
    assert survey.get_absolute_url() in html
    assert "3 t/m 21 juni 2021" in html
    assert "<dd>487</dd>" in html
    assert "<dd>2</dd>" in html
    assert "Werkdruk" in html
    assert "ruim 300" in html


def test_the_round_page_shows_method_respondents_and_every_question_as_chart_and_table(
    client, survey, question
):
    second = question_with_results(
        survey=survey,
        code="social",
        text="Via welke sociale media communiceert uw organisatie?",
        type=Question.Type.MULTI,
        labels=["Facebook", "Twitter"],
        percentages={"Totaal": [70, 77]},
    )

    response = client.get(survey.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Online vragenlijst onder het panel." in html
    assert "<dd>487</dd>" in html
    assert html.count('<figure class="chart') == 2
    assert question.text in html and second.text in html
    assert reverse("surveys:survey-csv", kwargs={"slug": survey.slug}) in html
    # The round page shows Totaal; the breakdown is on the question page.
    assert table_rows(html)[:3] == [
        ["Antwoord", "Percentage"],
        ["Ja", "57\xa0%"],
        ["Nee", "43\xa0%"],
    ]
    assert "Meer antwoorden mogelijk; de percentages tellen niet op tot 100." in html
    assert question.get_absolute_url() in html
    # Without JavaScript the canvas stays hidden; screen readers get the table.
    assert html.count('<div class="chart__canvas" hidden>') == 2
    assert html.count('<canvas aria-hidden="true">') == 2
    assert "<script>" not in html


def test_the_question_page_shows_segments_side_by_side_in_the_table_and_the_chart_data(
    client, question
):
    response = client.get(question.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="page-title" lang="nl">{question.text}</h1>' in html
    assert table_rows(html) == [
        ["Antwoord", "Totaal", "Gemeente", "Rijksoverheid"],
        ["Ja", "57\xa0%", "61,5\xa0%", "52\xa0%"],
        ["Nee", "43\xa0%", "38,5\xa0%", "48\xa0%"],
    ]
    assert '<th scope="col"' in html and '<th scope="row" lang="nl">Ja</th>' in html
    assert "<caption" in html
    payload = re.search(
        r'<script type="application/json">(.*?)</script>', html, flags=re.S
    )
    assert '"datasets"' in payload.group(1)
    assert "Gemeente" in payload.group(1)
    # The page does not link to itself as "more about this question".
    assert "Meer over deze vraag" not in html


def test_the_chart_caption_names_the_question_the_round_and_n(client, question):
    response = client.get(question.get_absolute_url())

    caption = re.search(
        r"<figcaption.*?</figcaption>", response.content.decode(), flags=re.S
    ).group()
    assert question.text in caption
    assert "Digitale dienstverlening" in caption
    assert "n&nbsp;=&nbsp;487" in caption
    assert "3 t/m 21 juni 2021" in caption


def test_a_single_answer_question_has_no_multi_note(client, question):
    response = client.get(question.get_absolute_url())

    assert "de percentages tellen niet op tot 100" not in response.content.decode()


def test_the_question_page_lists_the_published_articles_that_cite_it_but_not_drafts(
    client, question
):
    marker = "<p>[grafiek digitale-dienstverlening/agenda]</p>"
    citing = ArticleFactory(title="Ambtenaren kennen de Agenda", body=marker)
    ArticleFactory(title="Nog een concept", body=marker, draft=True)
    ArticleFactory(title="Komt morgen", body=marker, scheduled=True)
    ArticleFactory(
        title="Over een andere vraag",
        body="<p>[grafiek digitale-dienstverlening/agenda2]</p>",
    )

    response = client.get(question.get_absolute_url())

    html = response.content.decode()
    assert "Ambtenaren kennen de Agenda" in html
    assert citing.get_absolute_url() in html
    assert "Nog een concept" not in html
    assert "Komt morgen" not in html
    assert "Over een andere vraag" not in html


def test_a_question_without_articles_says_so(client, question):
    response = client.get(question.get_absolute_url())

    assert "Er zijn nog geen artikelen over deze vraag." in response.content.decode()


def test_data_csv_is_the_round_in_the_import_format(client, survey, question):
    question_with_results(
        survey=survey,
        code="social",
        text="Via welke sociale media, zoals ‘Facebook’?",
        type=Question.Type.MULTI,
        labels=["Facebook", "Twitter, X"],
        percentages={"Totaal": [70, 77.25]},
    )

    response = client.get(reverse("surveys:survey-csv", kwargs={"slug": survey.slug}))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="digitale-dienstverlening.csv"'
    )
    assert response.content.startswith("\ufeff".encode())  # Dutch Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "enquete",
        "vraagcode",
        "vraag",
        "vraagtype",
        "antwoord",
        "percentage",
        "aantal",
        "segment",
        "volgorde",
    ]
    # The row order is the admin export's (surveys.export.result_rows).
    assert len(rows) == 1 + 2 * 3 + 2
    assert [
        "digitale-dienstverlening",
        "agenda",
        "Bent u bekend met de Agenda Digitale Overheid?",
        "single",
        "Ja",
        "61.5",
        "",
        "Gemeente",
        "0",
    ] in rows
    assert [
        "digitale-dienstverlening",
        "social",
        "Via welke sociale media, zoals ‘Facebook’?",
        "multi",
        "Twitter, X",
        "77.25",
        "",
        "Totaal",
        "1",
    ] in rows
    assert sorted(row[5] for row in rows[1:] if row[1] == "agenda") == sorted(
        ["57", "43", "61.5", "38.5", "52", "48"]
    )


def test_data_csv_imported_again_changes_nothing(client, survey, question, tmp_path):
    download = tmp_path / "digitale-dienstverlening.csv"
    download.write_bytes(
        client.get(reverse("surveys:survey-csv", kwargs={"slug": survey.slug})).content
    )
    before = list(
        Result.objects.values_list(
            "option__label", "segment__name", "percentage"
        ).order_by("pk")
    )

    summary = import_results(survey=survey, file=download.read_bytes())

    assert not summary.errors
    after = list(
        Result.objects.values_list(
            "option__label", "segment__name", "percentage"
        ).order_by("pk")
    )
    assert after == before


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("surveys:survey-detail", {"slug": "bestaat-niet"}),
        ("surveys:survey-csv", {"slug": "bestaat-niet"}),
        (
            "surveys:question-detail",
            {"survey_slug": "digitale-dienstverlening", "code": "bestaat-niet"},
        ),
        (
            "surveys:question-detail",
            {"survey_slug": "bestaat-niet", "code": "agenda"},
        ),
        (
            "surveys:question-chart",
            {"survey_slug": "digitale-dienstverlening", "code": "bestaat-niet"},
        ),
    ],
)
def test_an_unknown_round_or_question_is_a_404(client, question, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))

    assert response.status_code == 404


def test_a_question_of_another_round_is_not_found_under_this_round(client, question):
    other = SurveyFactory(slug="werkdruk")

    response = client.get(
        reverse(
            "surveys:question-detail",
            kwargs={"survey_slug": other.slug, "code": question.code},
        )
    )

    assert response.status_code == 404


def test_the_pages_load_the_vendored_chartjs_4_and_no_inline_script(client, question):
    response = client.get(question.get_absolute_url())

    html = response.content.decode()
    assert re.search(r'<script src="/static/vendor/chartjs-4\.[^"]*" defer>', html)
    assert re.search(r'<script src="/static/js/charts[^"]*\.js" defer>', html)
    assert "2.9.3" not in html
    scripts = re.findall(r"<script(?P<attrs>[^>]*)>", html)
    assert all("src=" in attrs or "application/json" in attrs for attrs in scripts)


def test_the_round_page_shows_totaal_and_the_breakdowns_of_a_question_without_it(
    client, survey, question
):
    only_breakdowns = question_with_results(
        survey=survey,
        code="kanalen",
        text="Welke kanalen gebruikt u?",
        labels=["E-mail", "Telefoon"],
        percentages={"Gemeente": [70, 30], "Rijksoverheid": [60, 40]},
    )

    html = client.get(survey.get_absolute_url()).content.decode()

    agenda, kanalen = html.split(f'id="vraag-{only_breakdowns.code}"')
    assert "57" in agenda and "61,5" not in agenda  # the question page has those
    assert ">Gemeente<" in kanalen and ">Rijksoverheid<" in kanalen
    assert "70" in kanalen and "60" in kanalen


def make_round(questions: int):
    survey = SurveyFactory()
    for number in range(questions):
        question_with_results(
            survey=survey,
            labels=["Ja", "Nee", "Weet niet"],
            percentages={"Totaal": [40, 40, 20], "Gemeente": [50, 30, 20]},
            code=f"v{number}",
        )
    return survey


def test_the_round_page_costs_the_same_queries_for_1_or_10_questions(
    client, django_assert_num_queries, no_page_cache
):
    small, large = make_round(1), make_round(10)
    client.get(small.get_absolute_url())  # warm up what is loaded once per process

    with django_assert_num_queries(4):
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_num_queries(4):
        assert client.get(large.get_absolute_url()).status_code == 200


def test_the_question_page_and_the_json_cost_a_fixed_number_of_queries(
    client, django_assert_num_queries, no_page_cache
):
    survey = make_round(1)
    question = survey.questions.get()
    ArticleFactory(body=f"<p>[grafiek {survey.slug}/{question.code}]</p>")

    with django_assert_num_queries(4):
        client.get(question.get_absolute_url())
    with django_assert_num_queries(3):
        client.get(
            reverse(
                "surveys:question-chart",
                kwargs={"survey_slug": survey.slug, "code": question.code},
            )
        )


def test_the_survey_list_costs_the_same_queries_for_1_or_15_rounds(
    client, django_assert_num_queries, no_page_cache
):
    make_round(1)
    with django_assert_num_queries(2):
        client.get(reverse("surveys:survey-list"))
    for _ in range(14):
        make_round(1)
    with django_assert_num_queries(2):
        client.get(reverse("surveys:survey-list"))


def test_link_checkers_may_ask_for_the_headers_only(client, question):
    survey_url = question.survey.get_absolute_url()

    assert client.head(survey_url).status_code == 200
    assert client.head(question.get_absolute_url()).status_code == 200
    assert client.post(survey_url).status_code == 405
