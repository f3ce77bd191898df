"""The figure check never fails on odd text, and stays fast on long text.

Empty fields, bare markup, entities, broken tags, numbers that only look like
percentages ("1.234,5", "50%-grens", "24/7", "2023-2024", "COVID-19") and a paragraph
of a thousand figures: the check returns findings (or none) and never raises.
"""

import time

import pytest

from articles.figures.candidates import questions_of_rounds
from articles.figures.check import ArticleText, check_text
from tests.figure_cases.model import DEMO
from tests.figure_cases.rounds import WORK_ROUND, load_rounds

pytestmark = pytest.mark.django_db

CHART = "<p>[grafiek digitale-dienstverlening/agenda-bekend]</p>"


@pytest.fixture
def questions():
    load_rounds()
    return questions_of_rounds([DEMO, WORK_ROUND])


def written(body: str, questions, **fields) -> list[tuple[float, str | None]]:
    result = check_text(ArticleText(body=body + CHART, **fields), questions)
    return [(f.mention.value, f.kind) for f in result.figures]


@pytest.mark.parametrize(
    "body",
    [
        "",
        " ",
        "<p></p>",
        "<p>%</p>",
        "<p>procent</p>",
        "<p>Versie 1.234,5 van de 50%-grens, 24/7 open, 2023-2024, COVID-19.</p>",
        "<p>101 procent en 999999999999 procent</p>",
        "<p>[cijfer digitale-dienstverlening/agenda-bekend/Ja] [cijfer x/y/z] [cijfer</p>",
        "<p>[grafiek onbekend/vraag]</p>",
        "<p>" + "(" * 300 + ")" * 300 + "‘" * 300 + "</p>",
        "<p>&amp; &lt;b&gt; &#8217; &nbsp; & ; &#x;</p>",
        "<p>\u200b\u2028\u00a0\ufeff</p>",
    ],
)
def test_odd_text_gives_no_finding_and_no_error(questions, body):
    assert written(body, questions) == []


def test_markup_inside_a_figure_does_not_hide_it(questions):
    assert written("<p><b>47</b> procent <i>kent</i> de Agenda.</p>", questions) == [
        (47, "mismatch")
    ]
    assert written("<ul><li>47 procent kent de Agenda</li></ul>", questions) == [
        (47, "mismatch")
    ]


def test_a_paragraph_of_a_thousand_figures_is_checked_in_well_under_a_few_seconds(
    questions,
):
    body = "<p>" + "Bekend met de Agenda is 57 procent, " * 1000 + "</p>"

    started = time.perf_counter()
    found = written(body, questions)
    elapsed = time.perf_counter() - started

    assert len(found) == 1000 and all(kind is None for _v, kind in found)
    assert elapsed < 3.0
