"""loaddemo's second round: computed from 1 200 synthetic respondents, with every feature visible."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys.demo_respondents import SLUG
from surveys.models import Respondent, Result, Survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("loaddemo", stdout=StringIO())
    return Survey.objects.get(slug=SLUG)


def test_the_demo_round_is_computed_weighted_and_has_three_breakdowns(demo):
    assert demo.is_computed and demo.is_weighted
    assert demo.respondents == Respondent.objects.filter(survey=demo).count() == 1200
    assert 0 < demo.effective_respondents < 1200
    groups = set(
        Result.objects.filter(option__question__survey=demo).values_list(
            "segment__group", flat=True
        )
    )
    assert groups == {"", "Organisatie", "Leeftijd", "Functie"}


def test_the_demo_shows_a_small_group_and_a_significant_difference(client, demo):
    results = Result.objects.filter(option__question__survey=demo)
    assert results.filter(segment__name="Organisatie: Waterschap").exists()
    assert not results.filter(
        segment__name="Organisatie: Waterschap", is_suppressed=False
    ).exists()
    assert results.filter(
        option__question__code="thuiswerken",
        segment__name="Organisatie: Rijksoverheid",
        difference="hoger",
    ).exists()
    html = client.get(
        reverse("surveys:question-detail", args=[SLUG, "thuiswerken"])
    ).content.decode()
    assert "te weinig respondenten" in html and "▲" in html and "Marge" in html


def test_running_loaddemo_again_writes_no_survey_row(demo):
    before = sorted(Result.objects.values_list("id", "percentage"))
    with CaptureQueriesContext(connection) as queries:
        call_command("loaddemo", stdout=StringIO())
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
        and "surveys_" in q["sql"]
    ]
    assert writes == []
    assert sorted(Result.objects.values_list("id", "percentage")) == before
