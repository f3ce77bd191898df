"""Uploaded spreadsheets: a size limit with a clear message, only spreadsheet types, kept
out of every served folder under a generated name, and only our own files read back.
"""

import os
import stat
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from surveys.models import Result
from surveys.uploads import KEEP_SECONDS, NAME_PATTERN, upload_folder
from tests.factories import SurveyFactory
from tests.spreadsheets import write_csv, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_upload_folder(settings, tmp_path):
    """Uploads of this test wait in a folder of its own, removed with tmp_path."""
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"


IMPORT_URL = reverse("admin:surveys_result_import")
CONFIRM_URL = reverse("admin:surveys_result_process_import")
ROWS = [
    ["werkdruk-2024", "v1", "Ervaart u werkdruk?", "single", "Ja", 60, "", "", 1],
    ["werkdruk-2024", "v1", "Ervaart u werkdruk?", "single", "Nee", 40, "", "", 2],
]
NOT_SPREADSHEET_TYPE = "Alleen xlsx-, csv- en ods-bestanden kunnen worden geïmporteerd."


@pytest.fixture(autouse=True)
def survey():
    return SurveyFactory(slug="werkdruk-2024")


def upload(client, name: str, content: bytes):
    return client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def waiting_files() -> set[str]:
    return {path.name for path in upload_folder().iterdir()}


def kept(content: bytes, before: set[str]) -> bool:
    """Whether an upload of ``content`` now waits in the folder (other test runs may
    add files of their own at the same time)."""
    for name in waiting_files() - before:
        path = upload_folder() / name
        if path.stat().st_size == len(content) and path.read_bytes() == content:
            return True
    return False


def confirm_data(html: str) -> dict[str, str]:
    import re

    form = html[html.index(f'action="{CONFIRM_URL}"') :]
    form = form[: form.index("</form>")]
    return dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    )


# --- Size -----------------------------------------------------------------------------


def test_a_file_over_20_mb_is_refused_with_its_size_and_the_limit(researcher_client):
    assert settings.UPLOAD_MAX_BYTES == 20 * 1024 * 1024
    before = waiting_files()
    content = b"enquete,vraagcode\n" + b"x" * (21 * 1024 * 1024)

    response = upload(researcher_client, "groot.csv", content)

    html = response.content.decode().replace("\xa0", " ")
    assert response.status_code == 200
    assert (
        "Het bestand is 21,0 MB; dat is groter dan de 20,0 MB die een import mag zijn."
        in html
    )
    assert "Import bevestigen" not in html
    assert not kept(content, before)
    assert not Result.objects.exists()


def test_a_file_just_under_the_limit_is_read(researcher_client, settings, tmp_path):
    content = write_csv(tmp_path / "a.csv", ROWS).read_bytes()
    settings.UPLOAD_MAX_BYTES = len(content)

    response = upload(researcher_client, "a.csv", content)

    assert "Import bevestigen" in response.content.decode()


def test_a_file_one_byte_over_the_limit_is_refused(
    researcher_client, settings, tmp_path
):
    content = write_csv(tmp_path / "a.csv", ROWS).read_bytes()
    settings.UPLOAD_MAX_BYTES = len(content) - 1

    response = upload(researcher_client, "a.csv", content)

    assert "dat is groter dan de" in response.content.decode()
    assert "Import bevestigen" not in response.content.decode()


# --- Types -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "resultaten.txt",
        "resultaten.xls",
        "resultaten.pdf",
        "resultaten",
        "a.csv.exe",
        "x.html",
    ],
)
def test_only_xlsx_csv_and_ods_files_are_accepted(researcher_client, tmp_path, name):
    content = write_csv(tmp_path / "a.csv", ROWS).read_bytes()
    before = waiting_files()

    response = upload(researcher_client, name, content)

    html = response.content.decode()
    assert response.status_code == 200
    assert NOT_SPREADSHEET_TYPE in html
    assert "Import bevestigen" not in html
    assert not kept(content, before)


@pytest.mark.parametrize("name", ["RESULTATEN.XLSX", "resultaten.Csv", "a.b.ods"])
def test_the_extension_is_matched_without_regard_to_case(
    researcher_client, tmp_path, name
):
    response = upload(researcher_client, name, b"geen spreadsheet")

    assert NOT_SPREADSHEET_TYPE not in response.content.decode()


@pytest.mark.parametrize(
    "name, content",
    [
        ("werkblad.xlsx", b"<html><script>alert(1)</script></html>"),
        ("werkblad.ods", b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256))),
        ("werkblad.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),
    ],
    ids=["html-called-xlsx", "program-called-ods", "old-xls-called-xlsx"],
)
def test_the_content_must_be_a_spreadsheet_whatever_the_name(
    researcher_client, name, content
):
    response = upload(researcher_client, name, content)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Import bevestigen" not in html
    assert "<script>alert(1)</script>" not in html
    assert not Result.objects.exists()


# --- Where the waiting file is kept ------------------------------------------------------------


def test_the_waiting_file_has_a_generated_name_in_a_private_folder_outside_served_paths(
    researcher_client, tmp_path, settings
):
    settings.IMPORT_UPLOAD_DIR = None  # where the site keeps them
    content = write_xlsx(tmp_path / "a.xlsx", ROWS).read_bytes()
    before = waiting_files()

    response = upload(
        researcher_client, "../../../../tmp/onderzoek 2024 (definitief).xlsx", content
    )

    name = confirm_data(response.content.decode())["import_file_name"]
    assert name in waiting_files() - before
    assert NAME_PATTERN.fullmatch(name)
    path = upload_folder() / name
    assert path.read_bytes() == content
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(upload_folder().stat().st_mode) == 0o700
    for served in (settings.MEDIA_ROOT, settings.STATIC_ROOT, settings.BASE_DIR):
        assert not upload_folder().resolve().is_relative_to(Path(served).resolve())
    assert upload_folder().parent == Path(tempfile.gettempdir())
    assert not (
        Path(tempfile.gettempdir()) / "onderzoek 2024 (definitief).xlsx"
    ).exists()
    path.unlink()


def test_the_waiting_file_is_removed_once_the_import_is_confirmed(
    researcher_client, tmp_path
):
    response = upload(
        researcher_client, "a.csv", write_csv(tmp_path / "a.csv", ROWS).read_bytes()
    )
    confirm = confirm_data(response.content.decode())
    assert confirm["import_file_name"] in waiting_files()

    done = researcher_client.post(CONFIRM_URL, confirm, follow=True)

    assert "Import opgeslagen" in done.content.decode()
    assert confirm["import_file_name"] not in waiting_files()
    assert Result.objects.count() == 2


@pytest.fixture
def someone_elses_file():
    """A file in the system temp folder that the import has no business with."""
    path = Path(tempfile.gettempdir()) / f"slachtoffer-{uuid.uuid4().hex}.csv"
    path.write_bytes(b"enquete,vraagcode\n")
    yield path
    path.unlink(missing_ok=True)


def test_a_forged_file_name_in_the_confirmation_reads_and_deletes_nothing(
    researcher_client, tmp_path, someone_elses_file
):
    response = upload(
        researcher_client, "a.csv", write_csv(tmp_path / "a.csv", ROWS).read_bytes()
    )
    confirm = confirm_data(response.content.decode())

    for forged in [
        someone_elses_file.name,
        str(someone_elses_file),
        f"../{someone_elses_file.name}",
        "../../etc/passwd",
        "import-" + "0" * 32,
        "",
    ]:
        result = researcher_client.post(
            CONFIRM_URL, {**confirm, "import_file_name": forged}, follow=True
        )
        assert result.status_code == 200, forged
        assert "Import opgeslagen" not in result.content.decode(), forged

    assert someone_elses_file.exists()
    assert confirm["import_file_name"] in waiting_files()
    assert not Result.objects.exists()


def test_previews_nobody_confirmed_are_removed_after_a_day(researcher_client, tmp_path):
    old = upload_folder() / f"import-{uuid.uuid4().hex}"
    recent = upload_folder() / f"import-{uuid.uuid4().hex}"
    for path in (old, recent):
        path.write_bytes(b"x")
    day_ago = time.time() - KEEP_SECONDS - 60
    os.utime(old, (day_ago, day_ago))

    upload(researcher_client, "a.csv", write_csv(tmp_path / "a.csv", ROWS).read_bytes())

    assert not old.exists()
    assert recent.exists()
    recent.unlink()


def test_a_folder_that_others_can_read_is_refused(settings, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    settings.IMPORT_UPLOAD_DIR = tmp_path / "open"
    (tmp_path / "open").mkdir()
    os.chmod(tmp_path / "open", 0o755)

    with pytest.raises(ImproperlyConfigured):
        upload_folder()


def test_a_file_over_the_limit_is_not_kept_only_its_name_and_size(rf, settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    content = b"x" * (3 * 1024 * 1024)

    request = rf.post(
        IMPORT_URL, {"import_file": SimpleUploadedFile("groot.csv", content)}
    )
    upload = request.FILES["import_file"]

    assert upload.name == "groot.csv"
    assert upload.size == len(content)
    assert upload.read() == b""
    assert not hasattr(upload, "temporary_file_path")


def test_a_file_under_the_limit_arrives_whole(rf, settings):
    settings.UPLOAD_MAX_BYTES = 4 * 1024 * 1024
    content = bytes(range(256)) * (3 * 4096)

    request = rf.post(
        IMPORT_URL, {"import_file": SimpleUploadedFile("groot.csv", content)}
    )

    assert request.FILES["import_file"].read() == content
