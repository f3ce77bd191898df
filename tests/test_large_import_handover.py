"""A large file uploaded on the synchronous import page is checked in the background.

Above ``BACKGROUND_IMPORT_MIN_ROWS`` rows (10 000) the page does not read the file; it
starts a background job and sends the person to its page. The row count that decides is
an estimate that reads no cells (surveys/jobs/rowcount.py), checked here on real files.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from surveys.jobs.models import ImportJob
from surveys.jobs.rowcount import count_rows
from surveys.models import Result
from tests.factories import SurveyFactory
from tests.spreadsheets import base_rows, write_csv, write_ods, write_xlsx
from tests.support.imports import latest_job, many_rows

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:surveys_result_import")


@pytest.fixture
def survey():
    return SurveyFactory(slug="werkdruk-2024")


def upload(client, path, survey=""):
    with open(path, "rb") as file:
        return client.post(
            IMPORT_URL,
            {"resource": "0", "format": "0", "survey": survey, "import_file": file},
        )


def test_the_limit_is_ten_thousand_rows(settings):
    assert settings.BACKGROUND_IMPORT_MIN_ROWS == 10_000


def test_a_file_over_the_limit_goes_to_the_background_unread(
    researcher_client, survey, settings, tmp_path
):
    settings.BACKGROUND_IMPORT_MIN_ROWS = 5
    path = write_xlsx(tmp_path / "groot.xlsx", base_rows())  # 7 rows

    response = upload(researcher_client, path, survey=survey.slug)

    job = latest_job()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert (job.kind, job.status, job.survey) == ("results", "waiting", survey)
    assert job.files["file"]["name"] == "groot.xlsx"
    assert not Result.objects.exists()
    page = researcher_client.get(response["Location"]).content.decode()
    assert "meer dan 5 rijen en wordt daarom op de achtergrond gecontroleerd" in page


def test_a_file_up_to_the_limit_keeps_the_synchronous_preview(
    researcher_client, survey, settings, tmp_path
):
    settings.BACKGROUND_IMPORT_MIN_ROWS = 7
    path = write_csv(tmp_path / "klein.csv", base_rows())

    response = upload(researcher_client, path)

    assert response.status_code == 200
    assert "Import bevestigen" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_refused_upload_shows_the_pages_own_message_and_starts_no_job(
    researcher_client, settings
):
    settings.BACKGROUND_IMPORT_MIN_ROWS = 0
    response = researcher_client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("a.txt", b"x\n" * 50),
        },
    )

    assert "Alleen xlsx-, csv- en ods-bestanden" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize("writer", [write_csv, write_xlsx, write_ods])
def test_the_row_count_of_each_kind_of_file(writer, tmp_path):
    rows = list(many_rows("r", 30))  # 1 500 rows
    path = writer(tmp_path / f"a.{writer.__name__[6:]}", rows)

    with open(path, "rb") as file:
        upload = SimpleUploadedFile(path.name, file.read())
    assert count_rows(upload) == len(rows)
    assert upload.tell() == 0  # rewound for the page that reads it next


def test_a_damaged_file_counts_as_small_and_is_left_to_the_page():
    assert count_rows(SimpleUploadedFile("a.xlsx", b"PK\x03\x04 broken")) == 0
