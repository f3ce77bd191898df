"""A spreadsheet's figures are stored as a person reads them in it, or refused with a reason.

Each test writes the file as a spreadsheet program does (xlsx via openpyxl, ods via
odfpy, csv bytes in the encoding the program uses) and imports it with the command, as
research staff would: thousands separators, labels turned into dates or numbers, hidden
rows and sheets, fractions for percentages, encodings and control characters.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from odf.opendocument import OpenDocumentSpreadsheet
from odf.style import Style, TableProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import P
from openpyxl import Workbook

from surveys.importing import import_results
from surveys.models import AnswerOption, Question, Result
from tests.factories import SurveyFactory
from tests.spreadsheets import HEADERS, Q1, Q2, base_rows, stored_data

pytestmark = pytest.mark.django_db
SLUG = "werkdruk-2024"


@pytest.fixture(autouse=True)
def survey():
    return SurveyFactory(slug=SLUG, title="Werkdruk 2024")


def run(path) -> str:
    out = StringIO()
    call_command("import_results", str(path), stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def refuse(path) -> str:
    err = StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("import_results", str(path), stdout=StringIO(), stderr=err)
    return f"{err.getvalue()}\n{refusal.value}"


def csv_file(path, rows, *, encoding="utf-8", delimiter=",", lineterminator="\r\n"):
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator=lineterminator)
    writer.writerow(HEADERS)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def counts(code="v1") -> dict[str, int | None]:
    return dict(
        Result.objects.filter(
            option__question__code=code, segment__name="Totaal"
        ).values_list("option__label", "count")
    )


def percentages(code="v1", segment="Totaal") -> dict[str, Decimal]:
    return dict(
        Result.objects.filter(
            option__question__code=code, segment__name=segment
        ).values_list("option__label", "percentage")
    )


def dutch_rows(ja_count, nee_count, ja="57,5", nee="42,5"):
    return [
        [SLUG, "v1", Q1, "single", "Ja", ja, ja_count, "", 1],
        [SLUG, "v1", Q1, "single", "Nee", nee, nee_count, "", 2],
    ]


# --- Thousands separators ---------------------------------------------------------------


def test_counts_with_dutch_thousands_points_are_thousands(tmp_path):
    """Dutch Excel, "as shown": 1.000 with decimal commas elsewhere in the file."""
    path = csv_file(
        tmp_path / "nl.csv",
        dutch_rows("1.000", "1.578"),
        encoding="cp1252",
        delimiter=";",
    )

    run(path)

    assert counts() == {"Ja": 1000, "Nee": 1578}
    assert percentages() == {"Ja": Decimal("57.5"), "Nee": Decimal("42.5")}


def test_counts_with_english_thousands_commas_are_thousands(tmp_path):
    rows = dutch_rows("1,000", "2,250", ja="57.5", nee="42.5")
    path = csv_file(tmp_path / "en.csv", rows)

    run(path)

    assert counts() == {"Ja": 1000, "Nee": 2250}


def test_a_grouped_number_says_its_own_separator(tmp_path):
    """1.000.000 and 1.000,5 need no other values to be read."""
    rows = [
        [SLUG, "v2", Q2, "multi", "E-mail", "80", "1.000.000", "", ""],
        [SLUG, "v2", Q2, "multi", "Chat", "12", "12.345", "", ""],
    ]

    run(csv_file(tmp_path / "groot.csv", rows, delimiter=";"))

    assert counts("v2") == {"E-mail": 1_000_000, "Chat": 12345}


def test_a_count_that_stays_ambiguous_is_refused_naming_it(tmp_path):
    """No value in the file shows whether 1.000 is one thousand or one."""
    path = csv_file(
        tmp_path / "twijfel.csv", dutch_rows("1.000", "2.000", ja="57", nee="43")
    )

    said = refuse(path)

    assert "Rij 2: het aantal ‘1.000’ is dubbelzinnig" in said
    assert "Rij 3: het aantal ‘2.000’ is dubbelzinnig" in said
    assert not Result.objects.exists()


def test_one_thousand_is_never_stored_as_one_in_a_file_with_decimal_points(tmp_path):
    path = csv_file(
        tmp_path / "punt.csv", dutch_rows("1.000", "80", ja="57.5", nee="42.5")
    )

    said = refuse(path)

    assert "het aantal ‘1.000’ is dubbelzinnig" in said
    assert "de punt het decimaalteken" in said
    assert not Result.objects.filter(count=1).exists()


def test_a_count_with_a_thousands_point_in_a_file_with_decimal_points_is_named(
    tmp_path,
):
    """1.200 reads as 1.2 there, which no count is: it is refused as ambiguous, saying
    why, not as "geen geheel getal"."""
    path = csv_file(
        tmp_path / "punt.csv", dutch_rows("1.200", "80", ja="57.5", nee="42.5")
    )

    said = refuse(path)

    assert "het aantal ‘1.200’ is dubbelzinnig" in said
    assert "zodat er 1.2 zou staan" in said
    assert not Result.objects.exists()


def test_a_file_with_decimal_commas_and_points_refuses_what_it_cannot_read(tmp_path):
    rows = dutch_rows("1.000", "80", ja="57,5", nee="42.5")

    said = refuse(csv_file(tmp_path / "gemengd.csv", rows, delimiter=";"))

    assert "het aantal ‘1.000’ is dubbelzinnig" in said
    assert (
        "zowel een decimale komma (‘57,5’, rij 2) als een decimale punt (‘42.5’, rij 3)"
        in said
    )


def test_percentages_with_three_decimals_are_read_as_decimals(tmp_path):
    """33,333 can only be a percentage with three decimals (33 333 % is none), also in
    a file whose other numbers show no decimal separator."""
    rows = [
        [SLUG, "v1", Q1, "single", "Ja", "33,333", "1", "", 1],
        [SLUG, "v1", Q1, "single", "Nee", "66,667", "2", "", 2],
        [SLUG, "v2", Q2, "multi", "E-mail", "1.250", "", "", ""],
    ]

    run(csv_file(tmp_path / "drie.csv", rows, delimiter=";"))

    assert percentages() == {"Ja": Decimal("33.33"), "Nee": Decimal("66.67")}
    assert percentages("v2") == {"E-mail": Decimal("1.25")}


# --- Texts a spreadsheet turned into dates or numbers -----------------------------------


def xlsx_file(path, rows, *, formats=None):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Resultaten"
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
        for column, number_format in (formats or {}).items():
            sheet.cell(
                sheet.max_row, HEADERS.index(column) + 1
            ).number_format = number_format
    workbook.save(path)
    return path


def test_answers_that_excel_turned_into_dates_are_refused(tmp_path):
    """Typing 1-5 and 6-10 in Excel gives 1 May and 6 October."""
    rows = [
        [SLUG, "v2", Q2, "multi", date(2024, 5, 1), 40, None, None, 1],
        [SLUG, "v2", Q2, "multi", date(2024, 10, 6), 60, None, None, 2],
    ]
    path = xlsx_file(tmp_path / "datum.xlsx", rows, formats={"antwoord": "d-mmm"})

    said = refuse(path)

    assert (
        "Rij 2: in de kolom antwoord staat de datum 1-5-2024 in plaats van tekst"
        in said
    )
    assert "omgezet in een datum" in said
    assert "Maak de kolom op als tekst, of begin de cel met een apostrof" in said
    assert not AnswerOption.objects.exists()


def test_a_code_that_excel_turned_into_a_number_is_refused(tmp_path):
    """01 typed into a cell becomes the number 1: a new question, not question 01."""
    rows = [
        [SLUG, 1, Q1, "single", "Ja", 60, None, None, 1],
        [SLUG, 1, Q1, "single", "Nee", 40],
    ]
    path = xlsx_file(tmp_path / "code.xlsx", rows, formats={"vraagcode": "00"})

    said = refuse(path)

    assert "Rij 2: in de kolom vraagcode staat het getal 1 in plaats van tekst" in said
    assert "‘01’ wordt 1" in said and "apostrof" in said
    assert not Question.objects.exists()


def ods_file(
    path, rows, *, hidden_rows=(), hidden_table=False, tables=None, hidden_columns=()
):
    """An ods as LibreOffice saves it; ``rows`` may hold ("date", "2024-05-01") cells;
    ``hidden_columns`` are 0-based indexes of columns LibreOffice hides."""
    document = OpenDocumentSpreadsheet()
    hidden = Style(name="verborgen", family="table")
    hidden.addElement(TableProperties(display="false"))
    document.automaticstyles.addElement(hidden)

    def table(name, table_rows, is_hidden):
        element = Table(name=name, stylename=hidden if is_hidden else None)
        if hidden_columns:
            for index in range(max(hidden_columns) + 1):
                visibility = "collapse" if index in hidden_columns else "visible"
                element.addElement(TableColumn(visibility=visibility))
            element.addElement(TableColumn(numbercolumnsrepeated=1000))
        for number, values in enumerate(table_rows, start=1):
            row = TableRow(
                visibility="collapse" if number in hidden_rows else "visible"
            )
            for value in values:
                if value is None or value == "":
                    cell = TableCell()
                elif isinstance(value, tuple) and value[0] == "date":
                    cell = TableCell(valuetype="date", datevalue=value[1])
                    cell.addElement(P(text=value[1]))
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=str(value))
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(value)))
                row.addElement(cell)
            element.addElement(row)
        document.spreadsheet.addElement(element)

    for name, table_rows, is_hidden in tables or [
        ("Resultaten", [HEADERS, *rows], hidden_table)
    ]:
        table(name, table_rows, is_hidden)
    document.save(str(path))
    return path


def test_ods_date_and_number_cells_in_text_columns_are_refused(tmp_path):
    rows = [
        [SLUG, "v2", Q2, "multi", ("date", "2024-05-01"), 40],
        [SLUG, "v2", Q2, "multi", 7, 60],
    ]

    said = refuse(ods_file(tmp_path / "datum.ods", rows))

    assert "Rij 2: in de kolom antwoord staat de datum 1-5-2024" in said
    assert "Rij 3: in de kolom antwoord staat het getal 7 in plaats van tekst" in said


# --- Hidden rows and sheets -------------------------------------------------------------


def test_hidden_rows_in_an_xlsx_are_refused_naming_them(tmp_path):
    path = xlsx_file(tmp_path / "verborgen.xlsx", base_rows())
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    for number in (4, 5, 8):
        workbook.active.row_dimensions[number].hidden = True
    workbook.save(path)

    said = refuse(path)

    assert "Rijen 4–5, 8 van werkblad ‘Resultaten’ zijn verborgen" in said
    assert "maak de rijen zichtbaar" in said
    assert not Result.objects.exists()


def test_a_hidden_column_that_the_import_reads_is_refused_in_an_xlsx(tmp_path):
    """Hidden old counts in column G would be stored though nobody sees them; a hidden
    column of notes is no import column and does not matter."""
    rows = [[*row, "notitie"] for row in base_rows()]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Resultaten"
    sheet.append([*HEADERS, "opmerking"])
    for row in rows:
        sheet.append(row)
    sheet.column_dimensions["G"].hidden = True
    path = tmp_path / "kolom.xlsx"
    workbook.save(path)

    said = refuse(path)

    assert "De kolom ‘aantal’ van werkblad ‘Resultaten’ is verborgen" in said
    assert not Result.objects.exists()

    sheet.column_dimensions["G"].hidden = False
    sheet.column_dimensions["J"].hidden = True
    workbook.save(path)
    run(path)
    assert counts() == {"Ja": 120, "Nee": 80}


def test_hidden_columns_that_the_import_reads_are_refused_in_an_ods(tmp_path):
    path = ods_file(tmp_path / "kolom.ods", base_rows(), hidden_columns=(6, 7))

    said = refuse(path)

    assert (
        "De kolommen ‘aantal’, ‘segment’ van werkblad ‘Resultaten’ zijn verborgen"
        in (said)
    )
    assert not Result.objects.exists()


def test_hidden_rows_in_an_ods_are_refused_naming_them(tmp_path):
    said = refuse(ods_file(tmp_path / "verborgen.ods", base_rows(), hidden_rows=(3,)))

    assert "Rij 3 van werkblad ‘Resultaten’ is verborgen" in said
    assert not Result.objects.exists()


def test_a_hidden_first_sheet_is_skipped_and_the_visible_one_is_read(tmp_path):
    workbook = Workbook()
    old = workbook.active
    old.title = "Oud"
    old.append(list(HEADERS))
    old.append([SLUG, "v1", Q1, "single", "Ja", 99, None, None, 1])
    old.sheet_state = "hidden"
    notes = workbook.create_sheet("Notities")
    notes.append(["Aantekeningen bij de import"])
    data = workbook.create_sheet("Resultaten")
    data.append(list(HEADERS))
    for row in base_rows():
        data.append([None if value == "" else value for value in row])
    workbook.active = 2
    workbook.save(tmp_path / "bladen.xlsx")

    out = run(tmp_path / "bladen.xlsx")

    assert out.startswith(
        "Gelezen: werkblad ‘Resultaten’ (overgeslagen: ‘Oud’ (verborgen), "
        "‘Notities’ (zonder de kolomkoppen)). 2 vragen"
    )
    assert percentages() == {"Ja": Decimal("60"), "Nee": Decimal("40")}


def test_a_hidden_ods_sheet_is_never_read(tmp_path):
    tables = [
        ("Toelichting", [["Lees dit eerst"]], False),
        ("Oud", [HEADERS, [SLUG, "v1", Q1, "single", "Ja", 99]], True),
        ("Resultaten", [HEADERS, *base_rows()], False),
    ]

    out = run(ods_file(tmp_path / "bladen.ods", [], tables=tables))

    assert "Gelezen: werkblad ‘Resultaten’" in out
    assert percentages()["Ja"] == Decimal("60")


def test_when_only_a_hidden_sheet_has_the_headers_the_file_is_refused(tmp_path):
    tables = [
        ("Toelichting", [["Lees dit eerst"]], False),
        ("Data", [HEADERS, *base_rows()], True),
    ]

    said = refuse(ods_file(tmp_path / "verstopt.ods", [], tables=tables))

    assert "Het werkblad ‘Data’ heeft de kolomkoppen, maar is verborgen" in said


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_headers_below_a_blank_first_row_are_named_not_called_an_empty_sheet(
    tmp_path, kind
):
    """A sheet with a blank first row and the headers in row 2 is not empty."""
    rows = [[None] * len(HEADERS), list(HEADERS), *base_rows()]
    if kind == "csv":
        path = tmp_path / "leeg.csv"
        path.write_text(
            "\r\n".join(
                ";".join("" if v is None else str(v) for v in row) for row in rows
            ),
            encoding="utf-8",
        )
    elif kind == "xlsx":
        workbook = Workbook()
        for row in rows:
            workbook.active.append(row)
        path = tmp_path / "leeg.xlsx"
        workbook.save(path)
    else:
        path = ods_file(tmp_path / "leeg.ods", [], tables=[("Resultaten", rows, False)])

    said = refuse(path)

    assert "is leeg, maar rij 2 heeft gegevens" in said
    assert "Zet de kolomkoppen (enquete, vraagcode" in said
    assert "er staan geen gegevens in" not in said


# --- Fractions for percentages ----------------------------------------------------------


def test_fractions_written_for_percentages_are_refused(tmp_path):
    rows = [
        [SLUG, "v2", Q2, "multi", "E-mail", "0,8", "", "", ""],
        [SLUG, "v2", Q2, "multi", "Telefoon", "0,45", "", "", ""],
        [SLUG, "v2", Q2, "multi", "Chat", "0", "", "", ""],
    ]

    said = refuse(csv_file(tmp_path / "fracties.csv", rows, delimiter=";"))

    assert "Vraag ‘v2’ (rijen 2, 3, 4): alle percentages zijn 1 of kleiner" in said
    assert "staan hier fracties in plaats van percentages?" in said
    assert not Result.objects.exists()


def test_a_single_question_of_fractions_gets_the_fraction_message_not_the_sum(tmp_path):
    rows = [
        [SLUG, "v1", Q1, "single", "Ja", 0.6],
        [SLUG, "v1", Q1, "single", "Nee", 0.4],
    ]

    said = refuse(xlsx_file(tmp_path / "fracties.xlsx", rows))

    assert "staan hier fracties in plaats van percentages?" in said
    assert "tellen op tot" not in said


def test_one_segment_of_fractions_in_a_multi_question_is_refused(tmp_path):
    """Totaal in percentages, Gemeente pasted as fractions: a multi question's
    percentages need not add up to 100, so no total catches 0,8 stored as 0,8 %."""
    rows = [
        [SLUG, "v2", Q2, "multi", "E-mail", "80", "", "", ""],
        [SLUG, "v2", Q2, "multi", "Telefoon", "45", "", "", ""],
        [SLUG, "v2", Q2, "multi", "E-mail", "0,75", "", "Gemeente", ""],
        [SLUG, "v2", Q2, "multi", "Telefoon", "0,5", "", "Gemeente", ""],
        [SLUG, "v2", Q2, "multi", "E-mail", "0,5%", "", "Rijk", ""],
        [SLUG, "v2", Q2, "multi", "Telefoon", "1%", "", "Rijk", ""],
    ]

    said = refuse(csv_file(tmp_path / "segment.csv", rows, delimiter=";"))

    assert (
        "Vraag ‘v2’, segment ‘Gemeente’ (rijen 4, 5): alle percentages zijn 1 of "
        "kleiner (0,75, 0,5), in de andere segmenten niet" in said
    )
    assert "Rijk" not in said  # written with %: what the file says
    assert not Result.objects.exists()


def test_small_percentages_in_percent_cells_are_what_they_say(tmp_path):
    rows = [
        [SLUG, "v2", Q2, "multi", "Fax", 0.005],
        [SLUG, "v2", Q2, "multi", "Brief", 0.01],
    ]

    run(xlsx_file(tmp_path / "procent.xlsx", rows, formats={"percentage": "0.0%"}))

    assert percentages("v2") == {"Fax": Decimal("0.5"), "Brief": Decimal("1")}


def test_a_question_with_only_zeros_is_not_taken_for_fractions(tmp_path):
    rows = [[SLUG, "v2", Q2, "multi", "Fax", 0], [SLUG, "v2", Q2, "multi", "Telex", 0]]

    run(xlsx_file(tmp_path / "nul.xlsx", rows))

    assert percentages("v2") == {"Fax": Decimal("0"), "Telex": Decimal("0")}


# --- Encodings ---------------------------------------------------------------------------

ACCENTED = "Hoe tevreden bent u over uw café – ‘één’ of ‘geen’? (€, coördinatie)"


def accented_rows():
    return [
        [SLUG, "v1", ACCENTED, "single", "Zeer tevreden", "33,3", "", "", 1],
        [SLUG, "v1", ACCENTED, "single", "Niet tevreden, ideeën", "66,7", "", "", 2],
    ]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "lineterminator"),
    [
        ("utf-8", ";", "\r\n"),
        ("utf-8-sig", ";", "\r\n"),  # Excel "CSV UTF-8"
        ("cp1252", ";", "\r\n"),  # Excel "CSV (gescheiden door lijstscheidingsteken)"
        ("mac_roman", ";", "\r"),  # Excel for Mac "CSV (Macintosh)"
        ("mac_roman", ";", "\n"),
        ("utf-16", "\t", "\r\n"),  # Excel "Unicode-tekst"
    ],
)
def test_every_encoding_excel_writes_is_read_as_written(
    tmp_path, encoding, delimiter, lineterminator
):
    path = csv_file(
        tmp_path / "excel.csv",
        accented_rows(),
        encoding=encoding,
        delimiter=delimiter,
        lineterminator=lineterminator,
    )

    run(path)

    assert Question.objects.get(code="v1").text == ACCENTED
    assert set(AnswerOption.objects.values_list("label", flat=True)) == {
        "Zeer tevreden",
        "Niet tevreden, ideeën",
    }


def test_a_mac_roman_file_is_not_read_as_windows_1252(tmp_path):
    rows = [[SLUG, "v2", Q2, "multi", "Één keer", "12,5"]]

    run(csv_file(tmp_path / "mac.csv", rows, encoding="mac_roman", delimiter=";"))

    assert AnswerOption.objects.get().label == "Één keer"


def test_a_file_whose_encoding_cannot_be_told_is_refused(tmp_path):
    """Byte 0xCB is "Ë" in Windows-1252 and "À" in Mac Roman: as likely on its own."""
    rows = [[SLUG, "v2", Q2, "multi", "Ë", "12"]]

    said = refuse(csv_file(tmp_path / "onzeker.csv", rows, encoding="cp1252"))

    assert (
        "De tekenset van dit CSV-bestand is niet met zekerheid vast te stellen" in said
    )
    assert "CSV UTF-8" in said
    assert not Result.objects.exists()


def test_text_in_nfd_is_stored_in_nfc_and_a_re_import_in_nfc_changes_nothing(tmp_path):
    nfd = [
        [unicodedata.normalize("NFD", str(value)) for value in row]
        for row in accented_rows()
    ]
    run(csv_file(tmp_path / "nfd.csv", nfd, delimiter=";"))
    before = stored_data()

    out = run(csv_file(tmp_path / "nfc.csv", accented_rows(), delimiter=";"))

    assert Question.objects.get().text == ACCENTED
    assert out.endswith("0 nieuw, 0 bijgewerkt, 2 ongewijzigd")
    assert stored_data() == before


# --- Control characters -------------------------------------------------------------------


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x1b", "\x7f", "\x85"])
def test_a_control_character_in_a_csv_is_refused_with_its_row(tmp_path, character):
    rows = base_rows()
    rows[3][4] = f"Ja{character}"
    path = csv_file(tmp_path / "stuurteken.csv", rows)

    preview = import_results(file=path.read_bytes(), dry_run=True)
    said = refuse(path)

    message = f"Rij 5 bevat een onzichtbaar stuurteken (U+{ord(character):04X})"
    assert message in said
    assert [issue.message for issue in preview.errors] == [
        line for line in said.split("\n") if line.startswith("Rij ")
    ]
    assert "Gelezen: het CSV-bestand (tekenset UTF-8, gescheiden door komma’s)." in said
    assert not Result.objects.exists()


def test_tabs_and_line_breaks_inside_cells_are_not_stored_in_labels(tmp_path):
    rows = base_rows()
    rows[4][4] = "E-mail\tof\r\npost"
    rows[4][2] = rows[5][2] = rows[6][2] = "Via welke\nkanalen?"

    run(csv_file(tmp_path / "tabs.csv", rows))

    assert AnswerOption.objects.filter(label="E-mail of post").exists()
    assert Question.objects.get(code="v2").text == "Via welke\nkanalen?"
