"""A computed round in every output: n per group, margins, differences, and small groups
never shown as a figure anywhere (pages, charts in articles, grafiek.json, data.csv,
feeds, search); raw answers never leave the admin."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from surveys.models import Result
from surveys.respondents.service import import_respondents
from tests.factories import ArticleFactory, SurveyFactory
from tests.respondent_files import write_round
from tests.spreadsheets import write_csv

pytestmark = pytest.mark.django_db

BOOK = [
    (
        "organisatie",
        "Bij welk type organisatie werkt u?",
        "profiel",
        "g",
        "Gemeente",
        1,
    ),
    ("organisatie", "", "", "r", "Rijk", 2),
    ("organisatie", "", "", "w", "Waterschap", 3),
    ("bekend", "Kent u de Agenda?", "single", "1", "Ja", 1),
    ("bekend", "", "", "2", "Nee", 2),
    ("klein", "Gebruikt u de nieuwe app?", "single", "1", "Ja", 1),
    ("klein", "", "", "2", "Nee", 2),
]
#: organisation: (respondents, of whom "Ja"): the hidden figures are 2/3 = 66,7 %
#: (Waterschap, too small) and 13/35 = 37,1 % (Rijk: from the Totaal minus Gemeente
#: one could work out Waterschap, so Rijk is suppressed too). "klein" has 7 answers
#: in all, 3 "Ja": 42,9 %.
GROUPS = {"g": (40, 30), "r": (35, 13), "w": (3, 2)}
SECRETS = ["66,7", "66.7", "37,1", "37.1", "42,9", "42.9", "geheim-"]


@pytest.fixture
def round_(tmp_path):
    survey = SurveyFactory(slug="ronde", title="Ronde met respondenten")
    rows, number = [], 0
    for organisation, (count, yes) in GROUPS.items():
        for index in range(count):
            number += 1
            small = "" if number > 7 else ("1" if number <= 3 else "2")
            rows.append(
                [f"geheim-{number}", organisation, "1" if index < yes else "2", small]
            )
    book = write_csv(
        tmp_path / "codeboek.csv",
        BOOK,
        headers=["vraagcode", "vraag", "vraagtype", "waarde", "label", "volgorde"],
    )
    answers = write_csv(
        tmp_path / "antwoorden.csv",
        rows,
        headers=["respondent", "organisatie", "bekend", "klein"],
    )
    summary = import_respondents(survey=survey, answers=answers, codebook=book)
    assert summary.is_valid, summary.errors
    return survey


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_no_secrets(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


def test_small_and_complementary_groups_are_suppressed(round_):
    def hidden(segment):
        return Result.objects.get(
            option__question__code="bekend", option__label="Ja", segment__name=segment
        ).is_suppressed

    assert hidden("Organisatie: Waterschap")
    assert hidden("Organisatie: Rijk")
    assert not hidden("Organisatie: Gemeente") and not hidden("Totaal")
    assert (
        Result.objects.filter(
            option__question__code="klein", is_suppressed=False
        ).count()
        == 0
    )


def test_the_question_page_shows_n_margins_and_te_weinig_respondenten(client, round_):
    html = page(client, reverse("surveys:question-detail", args=["ronde", "bekend"]))

    assert "Gemeente (n\u00a0=\u00a040)" in html
    assert "Waterschap (te weinig respondenten)" in html
    assert (
        html.count("te weinig respondenten</td>") == 4
    )  # Rijk and Waterschap, Ja and Nee
    assert "Marge" in html and "indicatief" in html
    # 75 % of 40: interval of the Gemeente figure shown beside it.
    assert re.search(
        r"75&nbsp;%.*?\d+(,\d)?–\d+(,\d)?&nbsp;%", html, re.S
    ) or re.search("75\u00a0%.*?\\d+(,\\d)?–\\d+(,\\d)?\u00a0%", html, re.S)
    assert_no_secrets(html)


def test_a_significant_difference_is_marked_with_a_symbol_and_words(client, tmp_path):
    survey = SurveyFactory(slug="verschil")
    codebook, answers = write_round(tmp_path)
    import_respondents(survey=survey, answers=answers, codebook=codebook)

    html = page(client, reverse("surveys:question-detail", args=["verschil", "bekend"]))

    assert "▲" in html and "(significant hoger dan de rest)" in html
    assert "significant hoger / lager dan de overige respondenten" in html


def test_grafiek_json_carries_n_intervals_and_no_suppressed_figure(client, round_):
    data = json.loads(
        page(client, reverse("surveys:question-chart", args=["ronde", "bekend"]))
    )
    by_segment = {dataset["segment"]: dataset for dataset in data["datasets"]}

    assert by_segment["Organisatie: Gemeente"]["n"] == 40
    assert by_segment["Organisatie: Gemeente"]["data"] == [75, 25]
    low, high = by_segment["Organisatie: Gemeente"]["intervals"][0]
    assert low < 75 < high
    for name in ("Organisatie: Waterschap", "Organisatie: Rijk"):
        dataset = by_segment[name]
        assert dataset["suppressed"] is True
        assert dataset["data"] == [None, None] and dataset["n"] is None
        assert dataset["intervals"] == [None, None]
    assert_no_secrets(json.dumps(data, ensure_ascii=False))


def test_data_csv_says_te_weinig_respondenten_and_adds_n_and_margins(client, round_):
    text = page(client, reverse("surveys:survey-csv", args=["ronde"]))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))

    waterschap = [r for r in rows if r["segment"] == "Organisatie: Waterschap"]
    assert waterschap and all(
        r["percentage"] == "te weinig respondenten" for r in waterschap
    )
    assert all(r["aantal"] == "" and r["n"] == "" for r in waterschap)
    gemeente = next(
        r
        for r in rows
        if r["segment"] == "Organisatie: Gemeente" and r["antwoord"] == "Ja"
    )
    assert gemeente["percentage"] == "75" and gemeente["n"] == "40"
    assert float(gemeente["marge_van"]) < 75 < float(gemeente["marge_tot"])
    assert_no_secrets(text)


def test_survey_page_article_feed_and_search_show_no_hidden_figure(client, round_):
    article = ArticleFactory(
        title="De nieuwe app",
        lead="Wat ambtenaren van de nieuwe app vinden.",
        body="<p>Inleiding.</p>\n<p>[grafiek ronde/klein]</p>\n<p>[grafiek ronde/bekend]</p>",
    )

    survey_page = page(client, reverse("surveys:survey-detail", args=["ronde"]))
    article_page = page(client, article.get_absolute_url())
    feed = page(client, reverse("articles:feed"))
    search = page(client, reverse("search:search") + "?q=app")

    assert "te weinig respondenten" in survey_page
    assert "te weinig respondenten" in article_page
    assert "De nieuwe app" in search
    for text in (survey_page, article_page, feed, search):
        assert_no_secrets(text)


def test_raw_answers_are_for_staff_only(
    client, round_, researcher_client, editor_client
):
    url = reverse("admin:surveys_respondent_changelist")

    assert client.get(url).status_code == 302  # to the login page
    assert editor_client.get(url).status_code == 403
    listing = researcher_client.get(url)
    assert listing.status_code == 200 and "geheim-1" in listing.content.decode()
