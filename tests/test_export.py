"""Exporting survey results from the admin, in the import format, so that they round-trip."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from surveys.models import Result
from surveys.resources import read_spreadsheet
from surveys.services import COLUMNS, export_results, import_results
from tests.factories import SurveyFactory
from tests.spreadsheets import stored_results, write_csv

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("admin:surveys_result_export")
IMPORT_URL = reverse("admin:surveys_result_import")
FORMATS = {"xlsx": "0", "csv": "1", "ods": "2"}
Q1 = "Ervaart u veel werkdruk?"
Q2 = "Via welke kanalen neemt u contact op?"


def base_rows(slug="werkdruk-2024"):
    return [
        [slug, "v1", Q1, "single", "Ja", 60, 120, "", 1],
        [slug, "v1", Q1, "single", "Nee", 40, 80, "", 2],
        [slug, "v1", Q1, "single", "Ja", 70.25, "", "Gemeente", 1],
        [slug, "v1", Q1, "single", "Nee", 29.75, "", "Gemeente", 2],
        [slug, "v2", Q2, "multi", "E-mail, post", 80, "", "", ""],
        [slug, "v2", Q2, "multi", "Telefoon", 45, "", "", ""],
        [slug, "v2", Q2, "multi", "Chat; café", 12.5, "", "", ""],
    ]


@pytest.fixture
def survey(tmp_path):
    survey = SurveyFactory(slug="werkdruk-2024", title="Werkdruk 2024")
    data = write_csv(tmp_path / "bron.csv", base_rows()).read_bytes()
    assert import_results(survey=survey, dataset=read_spreadsheet(data)).is_valid
    return survey


def export(client: Client, file_format: str, **filters):
    url = EXPORT_URL
    if filters:
        url += "?" + "&".join(f"{key}={value}" for key, value in filters.items())
    return client.post(url, {"resource": "0", "format": FORMATS[file_format]})


@pytest.mark.parametrize("file_format", FORMATS)
def test_export_writes_the_import_format(survey, researcher_client, file_format):
    response = export(researcher_client, file_format)

    assert response.status_code == 200
    assert f".{file_format}" in response["Content-Disposition"]
    dataset = read_spreadsheet(response.content)
    assert dataset.headers == list(COLUMNS)
    rows = [
        tuple(str(value) if value is not None else "" for value in row)
        for row in dataset
    ]
    assert rows[0] == (
        "werkdruk-2024",
        "v1",
        Q1,
        "single",
        "Ja",
        "60",
        "120",
        "Totaal",
        "1",
    )
    assert (
        "werkdruk-2024",
        "v1",
        Q1,
        "single",
        "Ja",
        "70.25",
        "",
        "Gemeente",
        "1",
    ) in rows
    assert len(rows) == 7


@pytest.mark.parametrize("file_format", FORMATS)
def test_export_then_import_round_trips_unchanged(
    survey, researcher_client, tmp_path, file_format
):
    before = stored_results()
    exported = export(researcher_client, file_format).content
    path = tmp_path / f"export.{file_format}"
    path.write_bytes(exported)

    with open(path, "rb") as file:
        preview = researcher_client.post(
            IMPORT_URL,
            {"resource": "0", "format": "0", "survey": "", "import_file": file},
        )

    assert (
        "7 resultaten: 0 nieuw, 0 bijgewerkt, 7 ongewijzigd" in preview.content.decode()
    )
    summary = import_results(dataset=read_spreadsheet(exported))
    assert (summary.new, summary.updated, summary.unchanged, summary.removed) == (
        0,
        0,
        7,
        0,
    )
    assert stored_results() == before


def test_an_edited_export_imports_the_edit(survey, researcher_client, tmp_path):
    dataset = read_spreadsheet(export(researcher_client, "csv").content)
    rows = [list(row) for row in dataset]
    for row in rows:  # typed as a Dutch spreadsheet user types it
        if (row[4], row[7]) == ("Ja", "Totaal"):
            row[5] = "55,5"
        if (row[4], row[7]) == ("Nee", "Totaal"):
            row[5] = "44,5"
    edited = write_csv(tmp_path / "bewerkt.csv", rows, delimiter=";")

    summary = import_results(dataset=read_spreadsheet(edited.read_bytes()))

    assert (summary.updated, summary.unchanged) == (2, 5)
    assert Result.objects.get(
        option__label="Ja", segment__name="Totaal"
    ).percentage == Decimal("55.5")


def test_percentages_are_exported_as_percent_never_as_fraction(survey):
    dataset = export_results()

    percentages = [row[COLUMNS.index("percentage")] for row in dataset]
    assert Decimal("12.5") in percentages
    assert min(percentages) >= 12


def test_the_csv_export_has_a_byte_order_mark_for_excel(survey, researcher_client):
    content = export(researcher_client, "csv").content

    assert content.startswith(b"\xef\xbb\xbfenquete,vraagcode,")
    assert "café".encode() in content


def test_export_of_one_survey_contains_only_that_round(
    survey, researcher_client, tmp_path
):
    other = SurveyFactory(slug="thuiswerken")
    import_results(
        survey=other,
        dataset=read_spreadsheet(
            write_csv(
                tmp_path / "ander.csv", base_rows(slug="thuiswerken")
            ).read_bytes()
        ),
    )

    response = export(
        researcher_client, "xlsx", option__question__survey__id__exact=other.pk
    )

    assert "resultaten-thuiswerken-" in response["Content-Disposition"]
    slugs = {row[0] for row in read_spreadsheet(response.content)}
    assert slugs == {"thuiswerken"}


def test_staff_without_survey_permissions_cannot_export(survey, db):
    user = User.objects.create_user(
        "stagiair", "stagiair@example.org", "x", is_staff=True
    )
    client = Client()
    client.force_login(user)

    assert client.get(EXPORT_URL).status_code == 403
    assert export(client, "csv").status_code == 403
