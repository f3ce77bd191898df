"""Exporting survey results, in the import format, so that they round-trip, and safe to
open: the admin export in every format, the public data.csv and data.xlsx, the template.
"""

import csv
import io
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from surveys.importing import COLUMNS, import_results
from surveys.models import AnswerOption, Result
from tests.factories import SurveyFactory
from tests.spreadsheets import sheet_values, stored_data, write_csv

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("admin:surveys_result_export")
IMPORT_URL = reverse("admin:surveys_result_import")
FORMATS = {"xlsx": "0", "csv": "1", "ods": "2"}
Q1 = "Ervaart u veel werkdruk?"
Q2 = "Via welke kanalen neemt u contact op?"
# Labels a spreadsheet program would run as formulas, and one that only looks like it.
HOSTILE = [
    '=HYPERLINK("http://example.org/x","klik")',
    "+31 20 123",
    "-",
    "@SUM(A1)",
    "'-",
]


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
    assert import_results(survey=survey, file=data).is_valid
    return survey


@pytest.fixture
def hostile_labels(survey):
    """Answers as an editor may type them in the admin (the import refuses a leading =)."""
    options = AnswerOption.objects.filter(question__code="v2").order_by("order")
    for option, label in zip(options, ["-", "+31 20 123", "@SUM(A1)"], strict=True):
        option.label = label
        option.save()
    question = options[0].question
    for order, label in enumerate(
        ['=HYPERLINK("http://example.org/x","klik")', "'-"], start=4
    ):
        option = AnswerOption.objects.create(
            question=question, label=label, order=order
        )
        Result.objects.create(
            option=option, segment=Result.objects.first().segment, percentage=5
        )
    return survey


def export(client: Client, file_format: str, **filters):
    url = EXPORT_URL
    if filters:
        url += "?" + "&".join(f"{key}={value}" for key, value in filters.items())
    return client.post(url, {"resource": "0", "format": FORMATS[file_format]})


def downloads(client, survey) -> dict[str, bytes]:
    """Every file with the round's results a person can download."""
    return {
        "data.csv": client.get(
            reverse("surveys:survey-csv", args=[survey.slug])
        ).content,
        "data.xlsx": client.get(
            reverse("surveys:survey-xlsx", args=[survey.slug])
        ).content,
    }


def ods_content(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("content.xml")


def text_cells(data: bytes) -> list[str]:
    """Every text cell of a file as a spreadsheet program gets it (not as we read it)."""
    if data.startswith(b"PK") and b"xl/" in data[:2000]:
        workbook = load_workbook(io.BytesIO(data))
        return [
            cell.value
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if isinstance(cell.value, str)
        ]
    if data.startswith(b"PK"):
        content = ElementTree.fromstring(ods_content(data))
        paragraph = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"
        return ["".join(p.itertext()) for p in content.iter(paragraph)]
    return [
        cell
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))
        for cell in row
    ]


@pytest.mark.parametrize("file_format", FORMATS)
def test_export_writes_the_import_format(survey, researcher_client, file_format):
    response = export(researcher_client, file_format)

    assert response.status_code == 200
    assert f".{file_format}" in response["Content-Disposition"]
    headers, rows = sheet_values(response.content)
    assert headers == list(COLUMNS)
    rows = [tuple("" if value is None else str(value) for value in row) for row in rows]
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
    before = stored_data()
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
    summary = import_results(file=exported)
    assert (summary.new, summary.updated, summary.unchanged, summary.removed) == (
        0,
        0,
        7,
        0,
    )
    assert stored_data() == before


def test_an_edited_export_imports_the_edit(survey, researcher_client, tmp_path):
    _headers, rows = sheet_values(export(researcher_client, "csv").content)
    for row in rows:  # typed as a Dutch spreadsheet user types it
        if (row[4], row[7]) == ("Ja", "Totaal"):
            row[5] = "55,5"
        if (row[4], row[7]) == ("Nee", "Totaal"):
            row[5] = "44,5"
    edited = write_csv(tmp_path / "bewerkt.csv", rows, delimiter=";")

    summary = import_results(file=edited.read_bytes())

    assert (summary.updated, summary.unchanged) == (2, 5)
    assert Result.objects.get(
        option__label="Ja", segment__name="Totaal"
    ).percentage == Decimal("55.5")


def test_percentages_are_exported_as_percent_never_as_fraction(
    survey, researcher_client
):
    _headers, rows = sheet_values(export(researcher_client, "xlsx").content)

    percentages = [row[COLUMNS.index("percentage")] for row in rows]
    assert Decimal("12.5") in percentages
    assert min(percentages) >= 12


def test_the_csv_export_has_a_byte_order_mark_for_excel(survey, researcher_client):
    content = export(researcher_client, "csv").content

    assert content.startswith(b"\xef\xbb\xbfenquete,vraagcode,")
    assert "café".encode() in content


def test_exported_workbooks_name_their_sheet_resultaten(survey, researcher_client):
    xlsx = load_workbook(io.BytesIO(export(researcher_client, "xlsx").content))
    public = load_workbook(
        io.BytesIO(downloads(researcher_client, survey)["data.xlsx"])
    )
    ods = ods_content(export(researcher_client, "ods").content)

    assert xlsx.sheetnames == ["Resultaten"]
    assert public.sheetnames == ["Resultaten"]
    assert b'table:name="Resultaten"' in ods
    assert b"Tablib" not in ods


def test_the_export_page_is_in_dutch(survey, researcher_client):
    html = researcher_client.get(EXPORT_URL).content.decode()

    assert "This exporter" not in html
    assert "De export bevat alle kolommen van het importformaat" in html


def test_export_of_one_survey_contains_only_that_round(
    survey, researcher_client, tmp_path
):
    other = SurveyFactory(slug="thuiswerken")
    data = write_csv(tmp_path / "ander.csv", base_rows(slug="thuiswerken")).read_bytes()
    import_results(survey=other, file=data)

    response = export(
        researcher_client, "xlsx", option__question__survey__id__exact=other.pk
    )

    assert "resultaten-thuiswerken-" in response["Content-Disposition"]
    _headers, rows = sheet_values(response.content)
    assert {row[0] for row in rows} == {"thuiswerken"}


def test_staff_without_survey_permissions_cannot_export(survey, db):
    user = User.objects.create_user(
        "stagiair", "stagiair@example.org", "x", is_staff=True
    )
    client = Client()
    client.force_login(user)

    assert client.get(EXPORT_URL).status_code == 403
    assert export(client, "csv").status_code == 403


# --- Safe to open: formulas and control characters --------------------------------


@pytest.mark.parametrize("where", ["xlsx", "csv", "ods", "data.csv", "data.xlsx"])
def test_no_exported_text_cell_starts_like_a_formula(
    hostile_labels, researcher_client, where
):
    if where in FORMATS:
        data = export(researcher_client, where).content
    else:
        data = downloads(researcher_client, hostile_labels)[where]

    cells = text_cells(data)

    assert '\'=HYPERLINK("http://example.org/x","klik")' in cells
    assert {"'-", "'+31 20 123", "'@SUM(A1)", "''-"} <= set(cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_neutralised_export_imports_back_to_the_same_labels(
    hostile_labels, researcher_client, file_format
):
    AnswerOption.objects.filter(label__startswith="=").delete()  # the import refuses =
    before = stored_data()
    exported = export(researcher_client, file_format).content

    summary = import_results(file=exported)

    assert summary.is_valid, summary.errors
    assert summary.new == summary.updated == summary.removed == 0
    assert stored_data() == before
    assert {"-", "+31 20 123", "@SUM(A1)", "'-"} <= set(
        AnswerOption.objects.values_list("label", flat=True)
    )


def test_a_neutralised_formula_stays_refused_on_import(
    hostile_labels, researcher_client
):
    exported = export(researcher_client, "xlsx").content

    summary = import_results(file=exported)

    assert "de kolom antwoord begint met =" in "\n".join(map(str, summary.errors))


def test_a_label_with_a_control_character_in_the_database_exports_to_xlsx(
    survey, researcher_client
):
    """Stored before the admin and the import cleaned texts, or by a script."""
    AnswerOption.objects.filter(label="Telefoon").update(label="Tele\x0bfoon\x1b")

    response = export(researcher_client, "xlsx")
    public = downloads(researcher_client, survey)

    assert response.status_code == 200
    assert "Telefoon" in text_cells(response.content)
    assert "Telefoon" in text_cells(public["data.xlsx"])
    assert "Telefoon" in text_cells(public["data.csv"])


def test_the_admin_strips_control_characters_from_what_it_stores(
    survey, researcher_client
):
    option = AnswerOption.objects.get(label="Telefoon")
    url = reverse("admin:surveys_answeroption_change", args=[option.pk])

    response = researcher_client.post(
        url,
        {"question": option.question_id, "label": "Tele\x0bfoon\u200b\t", "order": 2},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    option.refresh_from_db()
    assert option.label == "Telefoon\u200b"
    assert export(researcher_client, "xlsx").status_code == 200


# --- data.csv and data.xlsx --------------------------------------------------------


def test_data_xlsx_holds_the_same_rows_as_data_csv(survey, client):
    files = downloads(client, survey)

    assert files["data.csv"].startswith(b"\xef\xbb\xbf")
    assert sheet_values(files["data.csv"])[1] == [
        [value if value is None else str(value) for value in row]
        for row in sheet_values(files["data.xlsx"])[1]
    ]
    _headers, rows = sheet_values(files["data.xlsx"])
    assert ["werkdruk-2024", "v1", Q1, "single", "Ja", 60, 120, "Totaal", 1] in rows


def test_data_xlsx_of_an_unknown_round_is_a_404(client, db):
    assert (
        client.get(reverse("surveys:survey-xlsx", args=["bestaat-niet"])).status_code
        == 404
    )


def test_the_round_and_question_pages_link_to_both_downloads(survey, client):
    xlsx = reverse("surveys:survey-xlsx", args=[survey.slug])
    csv_url = reverse("surveys:survey-csv", args=[survey.slug])
    pages = [
        reverse("surveys:survey-detail", args=[survey.slug]),
        reverse("surveys:question-detail", args=[survey.slug, "v1"]),
    ]

    for page in pages:
        html = client.get(page).content.decode()
        assert f'href="{xlsx}"' in html
        assert f'href="{csv_url}"' in html


def test_a_suppressed_figure_is_never_in_the_public_files(survey, client):
    Result.objects.filter(segment__name="Gemeente").update(
        is_suppressed=True, percentage=None, count=None
    )

    for name, data in downloads(client, survey).items():
        _headers, rows = sheet_values(data)
        gemeente = [row for row in rows if row[7] == "Gemeente"]
        assert gemeente, name
        assert {row[5] for row in gemeente} == {"te weinig respondenten"}, name
        assert {row[6] for row in gemeente} == {None}, name
