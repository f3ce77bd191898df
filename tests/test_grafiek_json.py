"""A script (ours or anyone's) fetches a question's Chart.js data from grafiek.json."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from surveys.models import Question
from tests.factories import SegmentFactory, SurveyFactory, question_with_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    survey = SurveyFactory(slug="digitale-dienstverlening", respondents=487)
    SegmentFactory(name="Rijksoverheid", order=2)
    SegmentFactory(name="Gemeente", order=1)
    return question_with_results(
        survey=survey,
        code="gesprek",
        text="Wordt er binnen uw organisatie over digitalisering gesproken?",
        # Deliberately not alphabetical: the answer order must be kept.
        labels=["Altijd", "Vaak", "Neutraal", "Niet vaak of nooit", "Weet niet"],
        percentages={
            "Gemeente": [30, 50, 8, 10, 2],
            "Totaal": [25, 51, 9, 12, 3],
            "Rijksoverheid": [20.5, 52, 10, 14, None],
        },
    )


def chart_url(question: Question) -> str:
    return reverse(
        "surveys:question-chart",
        kwargs={"survey_slug": question.survey.slug, "code": question.code},
    )


def test_grafiek_json_gives_labels_in_answer_order_and_a_dataset_per_segment(
    client, question
):
    response = client.get(chart_url(question))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["labels"] == [
        "Altijd",
        "Vaak",
        "Neutraal",
        "Niet vaak of nooit",
        "Weet niet",
    ]
    assert [dataset["label"] for dataset in data["datasets"]] == [
        "Totaal",
        "Gemeente",
        "Rijksoverheid",
    ]
    assert data["datasets"][0]["data"] == [25, 51, 9, 12, 3]
    assert data["datasets"][2]["data"] == [20.5, 52, 10, 14, None]


def test_grafiek_json_values_are_numbers_not_strings(client, question):
    data = client.get(chart_url(question)).json()

    values = [value for dataset in data["datasets"] for value in dataset["data"]]
    assert all(value is None or isinstance(value, int | float) for value in values)
    assert 20.5 in values


def test_grafiek_json_names_the_question_its_type_n_and_round(client, question):
    data = client.get(chart_url(question)).json()

    assert data["question"] == question.text
    assert data["type"] == "single"
    assert data["n"] == 487
    assert data["survey"] == question.survey.title
    assert set(data) >= {"labels", "datasets"}
    assert "view" not in data


def test_each_segment_gets_its_own_colour_from_the_palette(client, question):
    data = client.get(chart_url(question)).json()

    colours = [dataset["backgroundColor"] for dataset in data["datasets"]]
    assert len(set(colours)) == 3
    assert all(re.fullmatch(r"#[0-9A-F]{6}", colour) for colour in colours)


def test_the_page_embeds_the_same_payload_as_grafiek_json(client, question):
    page = client.get(question.get_absolute_url()).content.decode()
    embedded = re.search(
        r'<script type="application/json">(.*?)</script>', page, flags=re.S
    ).group(1)

    assert json.loads(embedded) == client.get(chart_url(question)).json()


def test_grafiek_json_of_an_unknown_question_is_a_404_and_post_is_refused(
    client, question
):
    unknown = reverse(
        "surveys:question-chart",
        kwargs={"survey_slug": question.survey.slug, "code": "x9"},
    )

    assert client.get(unknown).status_code == 404
    assert client.post(chart_url(question)).status_code == 405


def test_chartjs_stays_out_of_installed_apps_so_its_old_scripts_are_never_served(
    settings, client
):
    assert "chartjs" not in settings.INSTALLED_APPS
    for old_file in ["js/Chart.min.js", "js/highcharts/modules/data.src.js"]:
        assert finders.find(old_file) is None
        assert client.get(f"/static/{old_file}").status_code == 404
    assert finders.find("vendor/chartjs-4.6.1/chart.umd.min.js") is not None
