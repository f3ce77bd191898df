"""Small groups: MIN_GROUP_SIZE, primary and complementary suppression."""

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from surveys.respondents.answers import MISSING, Answers
from surveys.respondents.codebook import Codebook, CodebookQuestion, Option
from surveys.respondents.compute import compute
from tests.support.processes import run_python as run_settings


def codebook(groups: int) -> Codebook:
    profile = CodebookQuestion(
        "org",
        "Organisatie?",
        "profiel",
        [Option(str(i), f"Groep {i}", i) for i in range(groups)],
        group="Org",
    )
    question = CodebookQuestion(
        "v", "Vraag?", "single", [Option("1", "Ja", 1), Option("2", "Nee", 2)]
    )
    return Codebook([profile, question])


def hidden_segments(sizes: list[int], *, unassigned: int = 0, min_group: int = 10):
    """Which segments of question ``v`` are suppressed, for groups of ``sizes``."""
    groups = [g for g, size in enumerate(sizes) for _ in range(size)] + [
        MISSING
    ] * unassigned
    count = len(groups)
    answers = Answers(
        identifiers=[str(i) for i in range(count)],
        rows=list(range(2, count + 2)),
        codes=[
            np.array(groups, dtype=np.int16),
            np.array([i % 2 for i in range(count)], dtype=np.int16),
        ],
        weights=None,
    )
    (_profile, question) = compute(codebook(len(sizes)), answers, min_group=min_group)
    return {s.segment.name for s in question.segments if s.is_suppressed}


def test_a_group_below_the_minimum_is_suppressed_and_the_others_shown():
    assert hidden_segments([50, 40, 30, 4]) == {"Org: Groep 3", "Org: Groep 2"}


def test_with_one_other_segment_that_one_is_suppressed_too():
    # Totaal − Groep 1 would give Groep 0 back.
    assert hidden_segments([5, 60]) == {"Org: Groep 0", "Org: Groep 1"}


def test_the_smallest_shown_segment_covers_a_suppressed_one():
    assert hidden_segments([6, 80, 45, 200]) == {"Org: Groep 0", "Org: Groep 2"}


def test_two_small_groups_together_large_enough_need_no_complement():
    assert hidden_segments([6, 7, 80, 90]) == {"Org: Groep 0", "Org: Groep 1"}


def test_respondents_without_a_profile_answer_count_as_a_hidden_group():
    # Three people without an organisation: Totaal minus all groups would show them.
    assert hidden_segments([50, 40], unassigned=3) == {"Org: Groep 1"}
    assert hidden_segments([50, 40], unassigned=12) == set()


def test_a_profile_by_another_profile_does_not_give_back_a_suppressed_group():
    """Age by organisation suppresses Waterschap (4 people); organisation by age would
    say how many Waterschap respondents are young and how many old, in its answer
    Waterschap of each age segment: that breakdown is suppressed whole, the Totaal of
    organisation stays."""
    organisation = CodebookQuestion(
        "org",
        "Organisatie?",
        "profiel",
        [Option("g", "Gemeente", 1), Option("r", "Rijk", 2), Option("w", "Water", 3)],
        group="Org",
    )
    age = CodebookQuestion(
        "lft", "Leeftijd?", "profiel", [Option("j", "Jong", 1), Option("o", "Oud", 2)]
    )
    age.group = "Lft"
    orgs = [0] * 60 + [1] * 40 + [2] * 4
    ages = [i % 2 for i in range(60)] + [i % 3 == 0 for i in range(40)] + [0, 0, 0, 1]
    answers = Answers(
        identifiers=[str(i) for i in range(len(orgs))],
        rows=list(range(2, len(orgs) + 2)),
        codes=[np.array(orgs, dtype=np.int16), np.array(ages, dtype=np.int16)],
        weights=None,
    )

    by_age, by_organisation = compute(
        Codebook([organisation, age]), answers, min_group=10
    )

    hidden = {s.segment.name for s in by_organisation.segments if s.is_suppressed}
    assert "Org: Water" in hidden
    shown = {s.segment.name: s for s in by_age.segments if not s.is_suppressed}
    assert set(shown) == {"Totaal"}
    assert shown["Totaal"].figures[2].count == 4  # the group's size, not its ages


def test_a_question_with_too_few_answers_is_suppressed_in_totaal_too():
    assert "Totaal" in hidden_segments([3, 4])


@pytest.mark.parametrize(
    ("size", "hidden"), [(5, set()), (7, {"Org: Groep 0", "Org: Groep 1"})]
)
def test_the_minimum_is_the_setting(size, hidden):
    assert hidden_segments([6, 60], min_group=size) == hidden


def test_a_setting_out_of_range_stops_the_site_with_one_line(settings):
    settings.MIN_GROUP_SIZE = 3
    with pytest.raises(
        SystemCheckError, match="MIN_GROUP_SIZE must be a whole number from 5 to 20"
    ):
        call_command("check")


@pytest.mark.parametrize("value", ["3", "21", "tien", "7.5"])
def test_a_bad_environment_value_refuses_to_start(value):
    result = run_settings(
        "import ambtenarenpanel.settings", DEBUG="1", MIN_GROUP_SIZE=value
    )
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert (
        "MIN_GROUP_SIZE must be a whole number from 5 to 20" in last and value in last
    )


def test_a_good_environment_value_is_used():
    result = run_settings(
        "from ambtenarenpanel import settings; print(settings.MIN_GROUP_SIZE)",
        DEBUG="1",
        MIN_GROUP_SIZE="15",
    )
    assert result.stdout.strip() == "15"
