"""The layers above the survey data (articles, search, the page cache) hear of every import.

``surveys.signals.survey_data_changed`` names the questions whose figures a committed
import changed; a dry run, a refused file and an unchanged re-import say nothing.
"""

import pytest

from surveys.importing import import_results
from surveys.models import Question
from surveys.signals import survey_data_changed
from tests.factories import SurveyFactory
from tests.spreadsheets import base_rows, write_csv

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def heard():
    calls = []

    def receiver(sender, survey_ids, question_ids, **kwargs):
        calls.append((set(survey_ids), set(question_ids)))

    survey_data_changed.connect(receiver)
    yield calls
    survey_data_changed.disconnect(receiver)


def run_import(tmp_path, rows, **options):
    data = write_csv(tmp_path / "r.csv", rows).read_bytes()
    return import_results(file=data, **options)


def test_a_committed_import_names_the_round_and_the_questions_it_changed(
    tmp_path, heard
):
    survey = SurveyFactory(slug="werkdruk-2024")

    assert run_import(tmp_path, base_rows()).is_valid

    questions = set(Question.objects.values_list("pk", flat=True))
    assert heard == [({survey.pk}, questions)]


def test_a_corrected_figure_names_only_its_own_question(tmp_path, heard):
    SurveyFactory(slug="werkdruk-2024")
    run_import(tmp_path, base_rows())
    heard.clear()
    rows = base_rows()
    rows[4][5] = 81  # v2, E-mail: 80 → 81

    run_import(tmp_path, rows)

    assert [ids for _surveys, ids in heard] == [{Question.objects.get(code="v2").pk}]


def test_a_dry_run_a_refused_file_and_an_unchanged_import_send_nothing(tmp_path, heard):
    SurveyFactory(slug="werkdruk-2024")
    run_import(tmp_path, base_rows())
    heard.clear()
    refused = base_rows()
    refused[0][5] = "veel"

    run_import(tmp_path, base_rows(), dry_run=True)
    run_import(tmp_path, refused)
    run_import(tmp_path, base_rows())

    assert heard == []
