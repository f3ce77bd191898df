"""The pages of background imports, without a worker: who may upload, what an upload
stores and enqueues, how the job page shows a job at each step, and the rules of
confirming, cancelling and stopped workers. The worker itself: test_background_import.py.
"""

import re
import sqlite3
import stat
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from surveys.jobs import progress
from surveys.jobs.models import ImportJob
from surveys.models import Result
from surveys.uploads import upload_folder
from tests.factories import SurveyFactory
from tests.spreadsheets import base_rows, write_csv
from tests.support.imports import (
    UPLOAD_RESULTS_URL,
    cancel_url,
    confirm_url,
    latest_job,
    page_text,
    status_url,
    upload_results,
)

pytestmark = pytest.mark.django_db

Status = ImportJob.Status


@pytest.fixture
def survey():
    return SurveyFactory(slug="werkdruk-2024", title="Werkdruk 2024")


def make_job(status=Status.WAITING, **fields) -> ImportJob:
    return ImportJob.objects.create(
        kind=ImportJob.Kind.RESULTS,
        status=status,
        files={"file": {"stored": "job-" + "0" * 32, "name": "a.csv", "size": 10}},
        **fields,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Who may -------------------------------------------------------------------------


def test_only_research_staff_reach_the_upload_pages(
    client, editor_client, researcher_client
):
    for url in (UPLOAD_RESULTS_URL, reverse("admin:jobs_importjob_upload_respondents")):
        assert client.get(url).status_code == 302  # to the login page
        assert editor_client.get(url).status_code == 403
        page = researcher_client.get(url)
        assert page.status_code == 200
        assert "Uploaden en controleren" in page.content.decode()


def test_an_editor_cannot_see_follow_or_cancel_a_job(editor_client):
    job = make_job()

    assert editor_client.get(job.get_absolute_url()).status_code == 403
    assert editor_client.get(status_url(job)).status_code == 403
    assert editor_client.post(cancel_url(job)).status_code == 403
    job.refresh_from_db()
    assert job.status == Status.WAITING


# --- Uploading ------------------------------------------------------------------------


def test_an_upload_stores_the_file_privately_and_enqueues_its_check(
    researcher_client, researcher, survey, tmp_path
):
    path = write_csv(tmp_path / "werkdruk.csv", base_rows())

    response = upload_results(researcher_client, path, survey=survey.slug)

    job = latest_job()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert job.status == Status.WAITING
    assert (job.kind, job.survey, job.started_by) == ("results", survey, researcher)
    stored = upload_folder() / job.files["file"]["stored"]
    assert stored.read_bytes() == path.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert settings.MEDIA_ROOT not in stored.parents
    assert job.files["file"]["name"] == "werkdruk.csv"
    task = DBTaskResult.objects.get(pk=job.task_id)
    assert task.status == "READY"
    assert task.task_path == "surveys.jobs.tasks.check_import"
    assert task.args_kwargs["args"] == [str(job.pk)]
    assert "op de achtergrond gecontroleerd" in " ".join(messages_of(response))


@pytest.mark.parametrize(
    "name", ["resultaten.txt", "resultaten.xls", "resultaten.sav", "resultaten"]
)
def test_only_spreadsheets_are_accepted_for_results(researcher_client, name):
    response = researcher_client.post(
        UPLOAD_RESULTS_URL, {"file": SimpleUploadedFile(name, b"enquete\nx\n")}
    )

    assert response.status_code == 200
    assert (
        "Dit soort bestand kan hier niet worden geïmporteerd"
        in response.content.decode()
    )
    assert not ImportJob.objects.exists()


def test_a_file_over_the_limit_is_refused_and_not_kept(researcher_client, settings):
    settings.UPLOAD_MAX_BYTES = 100
    before = set(upload_folder().iterdir())

    response = researcher_client.post(
        UPLOAD_RESULTS_URL, {"file": SimpleUploadedFile("groot.csv", b"x" * 500)}
    )

    html = response.content.decode().replace("\xa0", " ")
    assert "Het bestand is 500 bytes; dat is groter dan de 100 bytes" in html
    assert not ImportJob.objects.exists()
    assert set(upload_folder().iterdir()) == before


def test_answers_per_respondent_need_a_round_an_answers_file_and_mostly_a_codebook(
    researcher_client, survey
):
    url = reverse("admin:jobs_importjob_upload_respondents")

    empty = researcher_client.post(url, {})

    assert empty.content.decode().count("Dit veld is verplicht.") == 2
    wrong = researcher_client.post(
        url,
        {
            "survey": survey.slug,
            "answers": SimpleUploadedFile("antwoorden.pdf", b"%PDF"),
            "codebook": SimpleUploadedFile("codeboek.sav", b"$FL2"),
        },
    )
    assert wrong.content.decode().count("Dit soort bestand kan hier niet") == 2
    alone = researcher_client.post(
        url,
        {
            "survey": survey.slug,
            "answers": SimpleUploadedFile("a.csv", b"respondent\n"),
        },
    )
    assert "hoort een codeboek" in alone.content.decode()
    assert not ImportJob.objects.exists()

    with_codebook = researcher_client.post(
        url,
        {
            "survey": survey.slug,
            "answers": SimpleUploadedFile("ronde.xlsx", b"PK\x03\x04"),
            "codebook": SimpleUploadedFile("codeboek.csv", b"vraagcode,vraag\n"),
        },
    )
    job = latest_job()
    assert with_codebook["Location"] == job.get_absolute_url()
    assert (job.kind, job.survey) == ("respondents", survey)
    assert {role: entry["name"] for role, entry in job.files.items()} == {
        "answers": "ronde.xlsx",
        "codebook": "codeboek.csv",
    }

    # SPSS carries its own labels: a codebook only for multi and profiel questions.
    researcher_client.post(
        url,
        {"survey": survey.slug, "answers": SimpleUploadedFile("ronde.sav", b"$FL2")},
    )
    assert list(latest_job().files) == ["answers"]


# --- The job page -----------------------------------------------------------------------


def test_a_running_job_shows_a_labelled_progress_bar_and_reloads_itself_without_javascript(
    researcher_client,
):
    job = make_job(Status.CHECKING, heartbeat_at=timezone.now())
    progress.Reporter(job.pk)("controleren", 300, 1200)

    html = page_text(researcher_client, job)

    assert re.search(
        r'<progress id="import-progress" aria-describedby="import-progress-text" '
        r'max="1200" value="300">',
        html,
    )
    assert '<label for="import-progress">Voortgang van de import</label>' in html
    assert "300 van 1.200 rijen (25%)" in html
    assert "Fase: <strong data-job-phase>controleren</strong>" in html
    assert re.search(
        r'role="status" aria-live="polite"[^>]*>Bezig met controleren', html
    )
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in html
    assert "Import annuleren" in html
    assert "Import bevestigen" not in html

    still = researcher_client.get(job.get_absolute_url() + "?vernieuwen=nee")
    assert 'http-equiv="refresh"' not in still.content.decode()
    assert "Nu vernieuwen" in still.content.decode()


def test_a_job_being_read_has_a_progress_bar_without_a_value(researcher_client):
    job = make_job(Status.CHECKING, heartbeat_at=timezone.now())
    progress.Reporter(job.pk)("lezen", 0, 0)

    html = page_text(researcher_client, job)

    assert (
        '<progress id="import-progress" aria-describedby="import-progress-text">'
        in html
    )
    assert "Het bestand wordt gelezen…" in html


def test_a_finished_job_neither_refreshes_nor_shows_a_progress_bar(researcher_client):
    job = make_job(Status.SAVED, summary={"line": "2 vragen, 5 antwoordopties"})

    html = page_text(researcher_client, job)

    assert "<progress" not in html
    assert 'http-equiv="refresh"' not in html
    assert "2 vragen, 5 antwoordopties" in html
    assert "Import annuleren" not in html


def test_the_status_url_gives_the_job_as_json_in_few_queries(
    researcher_client, django_assert_num_queries
):
    job = make_job(Status.SAVING, heartbeat_at=timezone.now())
    progress.Reporter(job.pk)("opslaan", 2500, 10000)

    # The session, the user, the job, and the user's and their groups' permissions.
    with django_assert_num_queries(5):
        state = researcher_client.get(status_url(job)).json()

    assert state == {
        "status": "saving",
        "status_label": "bezig met opslaan",
        "phase": "opslaan",
        "phase_label": "opslaan",
        "done": 2500,
        "total": 10000,
        "percent": 25,
        "running": True,
        "cancel_requested": False,
        "announcement": "Bezig met opslaan, fase: opslaan.",
        "progress_text": "2.500 van 10.000 rijen (25%)",
        "hint": "",
    }


def test_an_unknown_job_is_a_404_or_back_to_the_list(researcher_client):
    assert (
        researcher_client.get(
            reverse(
                "admin:jobs_importjob_status",
                args=["00000000-0000-0000-0000-000000000000"],
            )
        ).status_code
        == 404
    )
    assert (
        researcher_client.get("/admin/jobs/importjob/geen-id/change/").status_code
        == 302
    )


def test_a_job_waiting_long_for_a_worker_says_to_start_one(researcher_client):
    job = make_job()
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(minutes=1)
    )

    assert "python manage.py db_worker" in page_text(researcher_client, job)


# --- A stopped worker -------------------------------------------------------------------


def test_a_job_whose_worker_went_silent_is_shown_and_stored_as_failed(
    researcher_client,
):
    long_ago = timezone.now() - timedelta(seconds=settings.IMPORT_JOB_STALE_SECONDS + 5)
    job = make_job(Status.SAVING, heartbeat_at=long_ago)

    html = page_text(researcher_client, job)

    assert "Mislukt: er is niets opgeslagen." in html
    assert "de achtergrondverwerker reageert niet meer" in html
    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert job.finished_at is not None


def test_a_job_with_a_recent_heartbeat_is_still_running(researcher_client):
    long_ago = timezone.now() - timedelta(seconds=settings.IMPORT_JOB_STALE_SECONDS + 5)
    job = make_job(Status.SAVING, heartbeat_at=long_ago)
    progress.beat(job.pk)  # the worker's heartbeat thread, while the database is busy

    assert researcher_client.get(status_url(job)).json()["status"] == "saving"
    job.refresh_from_db()
    assert job.status == Status.SAVING


def test_waiting_and_ready_jobs_have_no_worker_and_never_go_stale(researcher_client):
    long_ago = timezone.now() - timedelta(days=1)
    for status in (Status.WAITING, Status.READY, Status.CONFIRMED):
        job = make_job(status, heartbeat_at=long_ago)
        assert researcher_client.get(status_url(job)).json()["status"] == status


# --- Confirming and cancelling ----------------------------------------------------------


def test_confirming_twice_enqueues_the_save_once(researcher_client, researcher):
    job = make_job(Status.READY, checked_at=timezone.now(), summary={"line": "x"})

    first = researcher_client.post(confirm_url(job))
    second = researcher_client.post(confirm_url(job))

    job.refresh_from_db()
    assert job.status == Status.CONFIRMED
    assert job.confirmed_by == researcher
    saves = DBTaskResult.objects.filter(task_path="surveys.jobs.tasks.apply_import")
    assert saves.count() == 1
    assert saves.get().pk.hex == job.task_id.replace("-", "")
    assert "wordt op de achtergrond opgeslagen" in " ".join(messages_of(first))
    assert "kan niet (meer) worden bevestigd: bevestigd" in " ".join(
        messages_of(second)
    )


def test_a_job_with_errors_cannot_be_confirmed(researcher_client):
    job = make_job(Status.READY, checked_at=timezone.now(), error_count=2)

    researcher_client.post(confirm_url(job))

    job.refresh_from_db()
    assert job.status == Status.READY
    assert not DBTaskResult.objects.exists()


def test_a_preview_older_than_a_day_has_expired(researcher_client):
    job = make_job(Status.READY, checked_at=timezone.now() - timedelta(days=2))

    response = researcher_client.post(confirm_url(job))

    job.refresh_from_db()
    assert job.status == Status.CANCELLED
    assert "Het voorbeeld is verlopen" in " ".join(messages_of(response))
    assert not DBTaskResult.objects.exists()


def test_confirming_and_cancelling_take_a_post_only(researcher_client):
    job = make_job(Status.READY, checked_at=timezone.now())

    assert researcher_client.get(confirm_url(job)).status_code == 405
    assert researcher_client.get(cancel_url(job)).status_code == 405
    job.refresh_from_db()
    assert job.status == Status.READY


@pytest.mark.parametrize("status", [Status.WAITING, Status.READY, Status.CONFIRMED])
def test_a_job_no_worker_is_on_is_cancelled_at_once_and_its_file_removed(
    researcher_client, survey, tmp_path, status
):
    upload_results(researcher_client, write_csv(tmp_path / "a.csv", base_rows()))
    job = latest_job()
    ImportJob.objects.filter(pk=job.pk).update(status=status)
    stored = upload_folder() / job.files["file"]["stored"]

    response = researcher_client.post(cancel_url(job))

    job.refresh_from_db()
    assert job.status == Status.CANCELLED
    assert "De import is geannuleerd. Er is niets opgeslagen." in messages_of(response)
    assert not stored.exists()
    assert "Import annuleren" not in page_text(researcher_client, job)


def test_cancelling_a_job_a_worker_is_on_asks_the_worker_to_stop(researcher_client):
    job = make_job(Status.CHECKING, heartbeat_at=timezone.now())

    response = researcher_client.post(cancel_url(job))

    job.refresh_from_db()
    assert job.status == Status.CHECKING  # the worker stops it, and rolls back
    assert progress.cancel_requested(job.pk)
    assert "De import wordt geannuleerd" in " ".join(messages_of(response))
    with pytest.raises(progress.JobCancelled):
        progress.Reporter(job.pk)("controleren", 1, 10)


def test_a_finished_job_cannot_be_cancelled(researcher_client):
    job = make_job(Status.SAVED)

    response = researcher_client.post(cancel_url(job))

    job.refresh_from_db()
    assert job.status == Status.SAVED
    assert "Deze import was al klaar: opgeslagen." in messages_of(response)


# --- Progress beside SQLite's write lock ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_progress_is_written_while_another_connection_holds_the_sqlite_write_lock():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL locks rows, not the whole database")
    job = make_job(Status.SAVING, heartbeat_at=timezone.now())
    importer = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    importer.execute("BEGIN IMMEDIATE")  # as an import's transaction holds it
    importer.execute("DELETE FROM jobs_importjob WHERE id = ?", ("x",))
    try:
        other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0.2)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("UPDATE jobs_importjob SET rows_done = 1")
        other.close()

        started = time.monotonic()
        progress.Reporter(job.pk)("opslaan", 500, 1000)
        progress.beat(job.pk)
        snapshot = progress.read(job.pk)
        took = time.monotonic() - started
    finally:
        importer.execute("ROLLBACK")
        importer.close()

    assert (snapshot.phase, snapshot.done, snapshot.total) == ("opslaan", 500, 1000)
    assert time.time() - snapshot.seen_at < 5
    assert took < 5  # a database write would wait for the lock (20 s), or fail


# --- Answers per respondent, until their import service is there ----------------------


def respondents_service_exists() -> bool:
    try:
        from surveys.respondents.service import import_respondents  # noqa: F401
    except ImportError:
        return False
    return True


def test_a_respondents_job_fails_with_a_message_while_the_service_is_missing(
    researcher_client, survey
):
    if respondents_service_exists():
        pytest.skip("the respondents import exists: tests/test_background_import.py")
    from surveys.jobs import runner

    researcher_client.post(
        reverse("admin:jobs_importjob_upload_respondents"),
        {
            "survey": survey.slug,
            "answers": SimpleUploadedFile("antwoorden.csv", b"respondent\n1\n"),
            "codebook": SimpleUploadedFile("codeboek.csv", b"vraagcode\n"),
        },
    )
    job = latest_job()

    assert runner.check(job.pk) == Status.FAILED

    html = page_text(researcher_client, job)
    assert "nog niet beschikbaar. Er is niets opgeslagen." in html
    assert not (upload_folder() / job.files["answers"]["stored"]).exists()


# --- Development without a worker ------------------------------------------------------


def test_with_the_immediate_backend_the_requests_check_and_save_themselves(
    researcher_client, survey, tmp_path, settings
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    path = write_csv(tmp_path / "werkdruk.csv", base_rows())

    upload_results(researcher_client, path)

    job = latest_job()
    assert job.status == Status.READY
    assert "2 vragen, 5 antwoordopties, 7 resultaten: 7 nieuw" in page_text(
        researcher_client, job
    )

    researcher_client.post(confirm_url(job))

    job.refresh_from_db()
    assert job.status == Status.SAVED
    assert Result.objects.filter(option__question__survey=survey).count() == 7


# --- The tasks, run here instead of in a worker ----------------------------------------


def test_a_file_that_became_wrong_after_its_preview_is_refused_when_saved(
    researcher_client, survey, tmp_path
):
    from surveys.jobs import runner

    upload_results(researcher_client, write_csv(tmp_path / "a.csv", base_rows()))
    job = latest_job()
    assert runner.check(job.pk) == Status.READY
    researcher_client.post(confirm_url(job))
    survey.slug = "andere-naam"  # the rows name the round by its old slug
    survey.save()

    assert runner.apply(job.pk) == Status.FAILED

    html = page_text(researcher_client, job)
    assert "Bij het opslaan zijn fouten gevonden" in html
    assert "de enquête ‘werkdruk-2024’ bestaat niet" in html
    assert not Result.objects.exists()


def test_each_task_runs_once_per_job_whatever_runs_it_again(
    researcher_client, survey, tmp_path
):
    from surveys.jobs import runner

    upload_results(researcher_client, write_csv(tmp_path / "a.csv", base_rows()))
    job = latest_job()
    assert runner.check(job.pk) == Status.READY
    assert runner.check(job.pk) == "skipped"
    assert runner.apply(job.pk) == "skipped"  # not confirmed
    researcher_client.post(confirm_url(job))

    assert runner.apply(job.pk) == Status.SAVED
    assert runner.apply(job.pk) == "skipped"
    assert Result.objects.count() == 7


def test_the_preview_of_answers_per_respondent_shows_each_questions_totaal(
    researcher_client,
):
    from dataclasses import dataclass, field

    from surveys.jobs.kinds import respondents_summary

    @dataclass(frozen=True)
    class Issue:
        reason: str
        row: int | None = None
        column: str = ""

        @property
        def message(self):
            return f"rij {self.row}: {self.reason}"

    @dataclass
    class Summary:  # the shape of surveys.respondents' summary
        respondents: int
        questions: int
        totals: list
        errors: list = field(default_factory=list)
        error_count: int = 0
        changed_question_ids: set = field(default_factory=set)

        def __str__(self):
            return f"{self.respondents} respondenten, {self.questions} vragen"

    summary = respondents_summary(
        Summary(
            respondents=40,
            questions=2,
            changed_question_ids={3, 4},
            totals=[
                {
                    "code": "werkdruk",
                    "text": "Ervaart u veel werkdruk?",
                    "type": "single",
                    "n": 40,
                    "is_suppressed": False,
                    "answers": [
                        {"label": "Ja", "percentage": Decimal("75.0"), "count": 30},
                        {"label": "Nee", "percentage": Decimal("25.0"), "count": 10},
                    ],
                },
                {
                    "code": "klein",
                    "text": "Een vraag van weinig mensen?",
                    "type": "single",
                    "n": 4,
                    "is_suppressed": True,
                    "answers": [{"label": "Ja", "percentage": None, "count": None}],
                },
            ],
        )
    )
    job = make_job(Status.READY, summary=summary, checked_at=timezone.now())
    ImportJob.objects.filter(pk=job.pk).update(kind=ImportJob.Kind.RESPONDENTS)
    job.refresh_from_db()

    html = page_text(researcher_client, job)

    assert "40 respondenten, 2 vragen" in html
    assert "werkdruk: Ervaart u veel werkdruk? (single, n = 40)" in html
    assert re.search(r'<th scope="row">Ja</th>\s*<td>75 %</td>', html)
    assert re.search(r'<th scope="row">Ja</th>\s*<td>te weinig respondenten</td>', html)
    assert "Import bevestigen" in html


def test_the_errors_of_answers_per_respondent_are_counted_beyond_those_kept():
    from surveys.jobs.kinds import respondents_summary

    summary = respondents_summary(
        {
            "errors": [{"message": "Antwoorden, rij 2: onbekende waarde.", "row": 2}],
            "error_count": 1200,
        }
    )

    assert summary["error_count"] == 1200
    assert summary["errors"] == [
        {"message": "Antwoorden, rij 2: onbekende waarde.", "row": 2, "column": None}
    ]


def test_a_failed_job_lists_the_errors_it_kept_and_counts_the_rest(researcher_client):
    job = make_job(
        Status.FAILED,
        errors=[{"message": "Rij 2: het antwoord is leeg.", "row": 2, "column": None}],
        error_count=1200,
        message="Het bestand bevat fouten. Er is niets opgeslagen.",
    )

    html = page_text(researcher_client, job)

    assert "Er zijn 1200 fouten gevonden. Er is niets opgeslagen" in html
    assert "<li>Rij 2: het antwoord is leeg.</li>" in html
    assert "En nog 1199 fouten" in html
    assert "Import bevestigen" not in html


def test_job_files_left_behind_are_removed_after_a_day_at_the_next_upload(
    researcher_client, survey, tmp_path
):
    import os

    old = upload_folder() / ("job-" + "a" * 32)
    recent = upload_folder() / ("job-" + "b" * 32)
    other = upload_folder() / "import-not-a-job-file"
    for path in (old, recent, other):
        path.write_bytes(b"x")
    day_and_a_bit = time.time() - 25 * 60 * 60
    os.utime(old, (day_and_a_bit, day_and_a_bit))
    os.utime(other, (day_and_a_bit, day_and_a_bit))

    upload_results(researcher_client, write_csv(tmp_path / "a.csv", base_rows()))

    assert not old.exists()
    assert recent.exists() and other.exists()
    recent.unlink()
    other.unlink()
