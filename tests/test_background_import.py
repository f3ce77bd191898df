"""Research staff import a file in the background: a real worker process checks it, they
see the preview, confirm, and the worker stores it; or it fails, or they cancel.

Every test runs ``manage.py db_worker`` as a subprocess against the test database
(tests/support/worker.py), on SQLite and on PostgreSQL.
"""

import re
import time
from decimal import Decimal

import pytest
from django_tasks_db.models import DBTaskResult

from surveys.importing import import_results
from surveys.jobs.models import ImportJob
from surveys.models import Result
from surveys.uploads import upload_folder
from tests.factories import SurveyFactory
from tests.spreadsheets import Q1, base_rows, stored_data, write_csv, write_xlsx
from tests.support.imports import (
    UPLOAD_RESPONDENTS_URL,
    cancel_url,
    confirm_url,
    job_status,
    latest_job,
    many_rows,
    page_text,
    upload_results,
    wait_for_status,
)
from tests.support.worker import wait_for

pytestmark = pytest.mark.usefixtures("staff_groups")

# Enough rows that reading, checking and saving take seconds, long enough to cancel
# or kill the worker halfway (a 2-core machine reads ~30 000 csv rows a second).
BIG_QUESTIONS = 1200  # × 5 answers × 10 segments = 60 000 rows


@pytest.fixture
def survey():
    return SurveyFactory(slug="werkdruk-2024", title="Werkdruk 2024")


@pytest.fixture
def stored_round(survey, tmp_path):
    """A round whose 60 000 results were imported before (the data a new import replaces)."""
    path = write_csv(tmp_path / "eerder.csv", many_rows(survey.slug, BIG_QUESTIONS))
    summary = import_results(survey=survey, file=path.read_bytes())
    assert summary.is_valid, summary.errors[:3]
    return stored_data()


def check_and_confirm(client, job) -> None:
    state = wait_for_status(client, job, "ready", "failed", "cancelled")
    assert state["status"] == "ready", page_text(client, job)
    response = client.post(confirm_url(job))
    assert response.status_code == 302


def test_staff_upload_see_the_preview_confirm_and_the_worker_stores_the_results(
    worker, researcher_client, client, survey, tmp_path
):
    path = write_xlsx(tmp_path / "werkdruk.xlsx", base_rows())
    public_page = survey.get_absolute_url()
    assert Q1 not in client.get(public_page).content.decode()  # now in the page cache

    response = upload_results(researcher_client, path)

    job = latest_job()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    state = wait_for_status(researcher_client, job, "ready", "failed")
    assert state["status"] == "ready", page_text(researcher_client, job)
    assert stored_data()["results"] == []  # the check stores nothing
    html = page_text(researcher_client, job)
    assert "Wat de import doet" in html
    assert "Import bevestigen" in html
    assert "2 vragen, 5 antwoordopties, 7 resultaten: 7 nieuw" in html

    response = researcher_client.post(confirm_url(job))

    assert response.status_code == 302
    wait_for_status(researcher_client, job, "saved")
    assert len(stored_data()["results"]) == 7
    assert "Opgeslagen" in page_text(researcher_client, job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.SAVED
    # The upload waited in the private folder, and is gone now that the job is done
    # (the worker removes it just after the save's transaction has committed).
    assert job.files["file"]["name"] == "werkdruk.xlsx"
    stored = upload_folder() / job.files["file"]["stored"]
    wait_for(lambda: not stored.exists(), timeout=10, what="the upload removed")
    # The worker's process invalidated its own page cache; this process (the site,
    # local-memory cache) did so when the job page showed the job saved.
    assert Q1 in client.get(public_page).content.decode()


def test_a_file_with_errors_stores_nothing_and_its_page_lists_each_error_with_its_row(
    worker, researcher_client, survey, tmp_path
):
    rows = base_rows()
    rows[1][5] = 140  # row 3: a percentage above 100
    rows[4][0] = "bestaat-niet"  # row 6: an unknown round
    path = write_csv(tmp_path / "fouten.csv", rows)

    upload_results(researcher_client, path)

    job = latest_job()
    state = wait_for_status(researcher_client, job, "failed", "ready")
    assert state["status"] == "failed"
    html = page_text(researcher_client, job)
    assert "Er zijn 2 fouten gevonden" in html
    assert "Rij 3: het percentage 140 ligt niet tussen 0 en 100." in html
    assert "Rij 6: de enquête ‘bestaat-niet’ bestaat niet" in html
    assert "Import bevestigen" not in html
    assert stored_data()["results"] == []


def test_a_file_that_is_no_spreadsheet_is_refused_by_the_worker_not_by_the_upload(
    worker_process, researcher_client, survey, tmp_path
):
    path = tmp_path / "resultaten.xlsx"
    path.write_bytes(b"PK\x03\x04 this is no workbook" * 1000)

    response = upload_results(researcher_client, path)

    # The request only stored the file: no worker runs yet, nothing has read it.
    job = latest_job()
    assert response.status_code == 302
    assert job.status == ImportJob.Status.WAITING
    assert job.error_count == 0
    assert job_status(researcher_client, job)["status"] == "waiting"

    worker_process.start()

    assert wait_for_status(researcher_client, job, "failed")
    assert "geen spreadsheet die gelezen kan worden" in page_text(
        researcher_client, job
    )


def test_cancelling_while_the_worker_saves_rolls_everything_back(
    worker, researcher_client, survey, stored_round, tmp_path
):
    path = write_csv(
        tmp_path / "nieuw.csv", many_rows(survey.slug, BIG_QUESTIONS, turned=True)
    )
    upload_results(researcher_client, path)
    job = latest_job()
    check_and_confirm(researcher_client, job)
    wait_for_status(researcher_client, job, "saving")

    response = researcher_client.post(cancel_url(job))

    assert response.status_code == 302
    state = wait_for_status(researcher_client, job, "cancelled", "saved", "failed")
    assert state["status"] == "cancelled"
    assert stored_data() == stored_round
    assert "Er is niets opgeslagen" in page_text(researcher_client, job)


def test_cancelling_while_the_worker_checks_stops_it_and_nothing_is_stored(
    worker, researcher_client, survey, tmp_path
):
    path = write_csv(tmp_path / "nieuw.csv", many_rows(survey.slug, BIG_QUESTIONS))
    upload_results(researcher_client, path)
    job = latest_job()
    wait_for_status(researcher_client, job, "checking")

    researcher_client.post(cancel_url(job))

    assert wait_for_status(researcher_client, job, "cancelled", "ready")["status"] == (
        "cancelled"
    )
    assert stored_data()["results"] == []
    job.refresh_from_db()
    stored = upload_folder() / job.files["file"]["stored"]
    wait_for(lambda: not stored.exists(), timeout=10, what="the upload removed")


def test_a_worker_killed_while_saving_leaves_the_previous_data_and_the_job_failed(
    worker, researcher_client, survey, stored_round, tmp_path, settings
):
    # Heartbeats come every 2 s; 10 s of silence is a stopped worker even on a busy
    # machine (30 s in production).
    settings.IMPORT_JOB_STALE_SECONDS = 10
    # The corrected round plus 2 400 new questions (120 000 new results), so that the
    # save takes seconds and the kill lands while it writes.
    corrected = many_rows(survey.slug, BIG_QUESTIONS, turned=True)
    added = (
        [row[0], f"n{row[1]}", *row[2:]]
        for row in many_rows(survey.slug, 2 * BIG_QUESTIONS)
    )
    path = write_csv(tmp_path / "nieuw.csv", [*corrected, *added])
    upload_results(researcher_client, path)
    job = latest_job()
    check_and_confirm(researcher_client, job)
    saving = wait_for_status(researcher_client, job, "saving")
    # Into the transaction: the phase opslaan, its first rows written, not its last.
    wait_for(
        lambda: (
            (state := job_status(researcher_client, job))["phase"] == "opslaan"
            and 0 < state["done"] < state["total"]
        ),
        what="the phase opslaan with rows written",
    )

    worker.kill()

    assert saving["running"]
    state = wait_for_status(researcher_client, job, "failed", "saved", timeout=60)
    assert state["status"] == "failed"
    assert stored_data() == stored_round
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED  # stored, not only shown
    assert "onderbroken" in job.message
    assert DBTaskResult.objects.get(pk=job.task_id).status == "FAILED"

    # A new worker does not run the half-done import again.
    worker.start()
    time.sleep(2)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert stored_data() == stored_round


def test_a_worker_stopped_while_saving_rolls_back_and_marks_the_job_failed_itself(
    worker, researcher_client, survey, stored_round, tmp_path
):
    path = write_csv(
        tmp_path / "nieuw.csv", many_rows(survey.slug, BIG_QUESTIONS, turned=True)
    )
    upload_results(researcher_client, path)
    job = latest_job()
    check_and_confirm(researcher_client, job)
    wait_for_status(researcher_client, job, "saving")

    worker.interrupt()  # Ctrl-C on make run: SIGTERM twice

    job.refresh_from_db()  # stored by the worker on its way out, no heartbeat needed
    assert job.status == ImportJob.Status.FAILED
    assert "de achtergrondverwerker is gestopt" in job.message
    assert stored_data() == stored_round


CODEBOOK_HEADERS = ("vraagcode", "vraag", "vraagtype", "waarde", "label", "volgorde")


def test_answers_per_respondent_are_checked_previewed_and_stored_by_the_worker(
    worker, researcher_client, survey, tmp_path
):
    try:
        from surveys.respondents.service import import_respondents  # noqa: F401
    except ImportError:
        pytest.skip("the respondents import (surveys.respondents) is not there yet")
    codebook = write_csv(
        tmp_path / "codeboek.csv",
        [
            ["organisatie", "Waar werkt u?", "profiel", 1, "Gemeente", 1],
            ["organisatie", "Waar werkt u?", "profiel", 2, "Provincie", 2],
            ["werkdruk", "Ervaart u veel werkdruk?", "single", 1, "Ja", 1],
            ["werkdruk", "Ervaart u veel werkdruk?", "single", 2, "Nee", 2],
        ],
        headers=CODEBOOK_HEADERS,
    )
    # 40 respondents: 25 at a municipality, 15 at a province; 30 of them say Ja.
    answers = write_csv(
        tmp_path / "antwoorden.csv",
        [[f"r{n}", 1 if n < 25 else 2, 1 if n < 30 else 2] for n in range(40)],
        headers=("respondent", "organisatie", "werkdruk"),
    )

    with open(answers, "rb") as answers_file, open(codebook, "rb") as codebook_file:
        researcher_client.post(
            UPLOAD_RESPONDENTS_URL,
            {"survey": survey.slug, "answers": answers_file, "codebook": codebook_file},
        )
    job = latest_job()
    assert wait_for_status(researcher_client, job, "ready", "failed")["status"] == (
        "ready"
    ), page_text(researcher_client, job)
    preview = page_text(researcher_client, job)
    assert re.search(r"<th scope=\"row\">Respondenten</th><td>40</td>", preview)
    assert re.search(r'<th scope="row">Ja</th>\s*<td>75 %</td>', preview)
    check_and_confirm(researcher_client, job)

    assert wait_for_status(researcher_client, job, "saved", "failed")["status"] == (
        "saved"
    ), page_text(researcher_client, job)
    ja = Result.objects.get(
        option__question__survey=survey,
        option__question__code="werkdruk",
        option__label="Ja",
        segment__name="Totaal",
    )
    assert ja.percentage == Decimal("75.00")
