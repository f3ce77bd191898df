"""`manage.py check_figures [SLUG …] [--json]`: the figures in the text against the stored data."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.demo import load_demo
from tests.factories import ArticleFactory, SurveyFactory, question_with_results

pytestmark = pytest.mark.django_db

KEYS = ["article", "kind", "text", "value", "question", "answer", "stored"]


def run(*args) -> tuple[int, str]:
    output = StringIO()
    try:
        call_command("check_figures", *args, stdout=output)
    except SystemExit as exit:
        return exit.code, output.getvalue()
    return 0, output.getvalue()


def test_the_untouched_seed_has_exactly_one_mismatch_the_intro_43(db):
    load_demo()

    status, output = run("--json")

    assert status == 1
    assert json.loads(output) == [
        {
            "article": "digitale-dienstverlening",
            "kind": "mismatch",
            "text": (
                "Daar staat tegenover dat slechts 43 procent van de overheidsmedewerkers "
                "bekend is met de Agenda Digitale Overheid, die juist het contact met en "
                "de digitale dienstverlening aan inwoners en ondernemers centraal stelt."
            ),
            "value": 43.0,
            "question": "digitale-dienstverlening/agenda-bekend",
            "answer": "Ja",
            "stored": 57.0,
        }
    ]


def test_the_plain_output_says_each_finding_in_dutch_and_a_summary(db):
    load_demo()

    status, output = run("digitale-dienstverlening")

    assert status == 1
    assert output.splitlines() == [
        "digitale-dienstverlening: 43 procent — de gegevens zeggen 57 procent "
        "(Bent u bekend met de Agenda Digitale Overheid? — Ja)",
        "1 artikel(en) gecontroleerd: 1 cijfer(s) kloppen niet, 0 niet gekoppeld.",
    ]


@pytest.fixture
def werkdruk():
    survey = SurveyFactory(slug="werken")
    return question_with_results(
        survey=survey,
        code="werkdruk",
        text="Ervaart u een hoge werkdruk?",
        labels=["Ja", "Nee"],
        percentages={"Totaal": [61, 39]},
    )


def test_agreeing_figures_exit_0_and_drafts_are_checked_too(werkdruk):
    ArticleFactory(
        slug="klopt",
        draft=True,
        body="<p>61 procent ervaart een hoge werkdruk.</p><p>[grafiek werken/werkdruk]</p>",
    )

    status, output = run("--json")

    assert (status, json.loads(output)) == (0, [])


def test_a_wrong_figure_in_a_draft_is_a_mismatch_with_every_key(werkdruk):
    ArticleFactory(
        slug="concept",
        draft=True,
        body="<p>Een hoge werkdruk ervaart 66 procent.</p><p>[grafiek werken/werkdruk]</p>",
    )

    status, output = run("--json", "concept")

    [finding] = json.loads(output)
    assert status == 1
    assert list(finding) == KEYS
    assert finding["value"] == 66.0 and finding["stored"] == 61.0
    assert (finding["question"], finding["answer"]) == ("werken/werkdruk", "Ja")


def test_a_percentage_no_cited_question_speaks_of_is_unlinked_and_exits_0(werkdruk):
    ArticleFactory(
        slug="elders",
        body="<p>Volgens het CBS heeft 92 procent internet.</p><p>[grafiek werken/werkdruk]</p>",
    )

    status, output = run("--json", "elders")

    assert status == 0
    assert json.loads(output) == [
        {
            "article": "elders",
            "kind": "unlinked",
            "text": "Volgens het CBS heeft 92 procent internet.",
            "value": 92.0,
            "question": None,
            "answer": None,
            "stored": None,
        }
    ]


def test_a_tag_is_never_a_finding_and_numbers_that_are_no_percentages_neither(werkdruk):
    ArticleFactory(
        slug="tags",
        body=(
            "<p>In 2024 ervoer [cijfer werken/werkdruk/Ja] van de 612 ambtenaren een hoge "
            "werkdruk, 2 keer zoveel als in 2010.</p>"
        ),
    )

    assert run("--json", "tags") == (0, "[]\n")


def test_an_unknown_slug_exits_2_with_a_one_line_message(db):
    ArticleFactory(slug="bestaat")

    with pytest.raises(CommandError) as refused:
        call_command("check_figures", "bestaat", "bestaat-niet", stdout=StringIO())

    assert refused.value.returncode == 2
    assert str(refused.value) == "Onbekend artikel: bestaat-niet."


def test_the_command_line_exit_status_is_2_for_an_unknown_slug(tmp_path):
    database = tmp_path / "leeg.sqlite3"
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "ambtenarenpanel.settings",
    }
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    subprocess.run(
        [*manage, "migrate", "-v0"], env=env, check=True, capture_output=True
    )

    done = subprocess.run(
        [*manage, "check_figures", "nergens", "--json"],
        env=env,
        capture_output=True,
        text=True,
    )

    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "CommandError: Onbekend artikel: nergens."
    ]
