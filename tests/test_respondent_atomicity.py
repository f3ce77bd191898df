"""A re-import replaces a round whole: readers see the old round or the new one, and an
import stopped halfway (cancelled, failed) leaves the previous data as it was."""

from dataclasses import replace

import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys.models import Respondent, Result
from surveys.respondents.service import import_respondents
from tests.factories import SurveyFactory
from tests.respondent_files import (
    answer_headers,
    answer_rows,
    example_people,
    write,
    write_round,
)


def snapshot_from_another_connection() -> tuple:
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    ) as other:
        return other.execute(
            "SELECT (SELECT count(*) FROM surveys_respondent),"
            " (SELECT count(*) FROM surveys_result),"
            " (SELECT coalesce(sum(n), 0) FROM surveys_result)"
        ).fetchone()


@pytest.mark.django_db(transaction=True)
def test_a_reader_in_another_connection_sees_the_old_round_or_the_new_never_a_mix(
    tmp_path,
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only: the SQLite test database is in memory with a shared cache, "
            "where a second connection waits on the writer's table locks instead of "
            "reading a snapshot"
        )
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)
    import_respondents(survey=survey, answers=answers, codebook=codebook)
    old = snapshot_from_another_connection()
    write("csv", answers, answer_headers(), answer_rows(example_people()[:100]))
    seen = []

    def progress(phase, done, total):
        if phase == "opslaan":
            seen.append(snapshot_from_another_connection())

    import_respondents(
        survey=survey, answers=answers, codebook=codebook, progress=progress
    )

    new = snapshot_from_another_connection()
    assert old[0] == 150 and new[0] == 100 and old[2] != new[2]
    assert len(seen) >= 2 and set(seen) == {old}


@pytest.mark.django_db
def test_an_import_stopped_while_storing_leaves_the_previous_round(tmp_path):
    survey = SurveyFactory()
    codebook, answers = write_round(tmp_path)
    import_respondents(survey=survey, answers=answers, codebook=codebook)
    before = sorted(Result.objects.values_list("id", "percentage", "n"))
    write("csv", answers, answer_headers(), answer_rows(example_people()[:90]))

    class Cancelled(Exception):
        pass

    def cancel(phase, done, total):
        if phase == "opslaan" and done > 0:
            raise Cancelled

    with pytest.raises(Cancelled):
        import_respondents(
            survey=survey, answers=answers, codebook=codebook, progress=cancel
        )

    assert sorted(Result.objects.values_list("id", "percentage", "n")) == before
    assert Respondent.objects.count() == 150


@pytest.mark.django_db
def test_the_question_page_costs_the_same_queries_whatever_the_number_of_respondents(
    client, tmp_path, no_page_cache
):
    def queries(people) -> int:
        survey = SurveyFactory()
        codebook, answers = write_round(tmp_path, people=people)
        import_respondents(survey=survey, answers=answers, codebook=codebook)
        url = reverse("surveys:question-detail", args=[survey.slug, "bekend"])
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    few = queries(example_people()[:60])
    many = queries(
        example_people(seed=1)
        + [replace(person, id=person.id + "b") for person in example_people(seed=2)]
    )
    assert few == many
