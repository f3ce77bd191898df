"""Hostile and broken files: each is refused with a Dutch message, in the command and in
the admin, without a traceback and within 300 MB of memory, and stores nothing.

Random damage is in test_fuzz_import.py; these are the cases worth naming: formulas,
merged cells, zip and XML bombs, LibreOffice's repeat counts, damaged deflate streams.
"""

from __future__ import annotations

import functools
import io
import os
import re
import resource
import subprocess
import sys
import zipfile
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P
from openpyxl import Workbook

from surveys.importing import import_results
from surveys.models import Question, Result
from tests.factories import SurveyFactory
from tests.spreadsheets import HEADERS, stored_data, write_xlsx

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:surveys_result_import")
PROJECT_DIR = Path(__file__).resolve().parent.parent
SLUG = "werkdruk-2024"
Q1 = "Ervaart u veel werkdruk?"
MEMORY_LIMIT_MB = 300


def base_rows():
    return [
        [SLUG, "v1", Q1, "single", "Ja", 60, 120, "", 1],
        [SLUG, "v1", Q1, "single", "Nee", 40, 80, "", 2],
        [SLUG, "v2", "Welke kanalen?", "multi", "E-mail", 80, "", "", ""],
    ]


@pytest.fixture
def existing():
    """A round with results already stored, to compare against after a refusal."""
    SurveyFactory(slug=SLUG)
    summary = import_results(file=xlsx_bytes(base_rows()))
    assert summary.is_valid, summary.errors
    return stored_data()


def xlsx_bytes(rows, headers=HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def csv_bytes(rows, headers=HEADERS) -> bytes:
    import csv

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return text.getvalue().encode()


def import_bytes(data: bytes):
    """Import like the admin and the command do: (summary, every message)."""
    summary = import_results(file=data)
    return summary, "\n".join(issue.message for issue in summary.errors)


def refuse_by_command(path) -> str:
    """What ``manage.py import_results`` says about a refused file (it exits non-zero)."""
    err = StringIO()
    with pytest.raises(CommandError) as refusal:
        call_command("import_results", str(path), stdout=StringIO(), stderr=err)
    return f"{err.getvalue()}\n{refusal.value}"


def with_computed_values(data: bytes, values: dict[str, str]) -> bytes:
    """An xlsx as Excel saves it: each formula cell also holds its computed value."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                for reference, value in values.items():
                    content = re.sub(
                        rf'(<c r="{reference}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*/>'.encode(),
                        rb"\1<v>" + value.encode() + b"</v>",
                        content,
                    )
            target.writestr(info, content)
    return out.getvalue()


def test_an_xlsx_with_formulas_saved_by_excel_imports_the_computed_values(existing):
    rows = base_rows()
    rows[0][5], rows[1][5] = "=50+5", "=100-F2"
    data = with_computed_values(xlsx_bytes(rows), {"F2": "55", "F3": "45"})

    summary, message = import_bytes(data)

    assert summary.is_valid, message
    assert dict(
        Result.objects.filter(
            option__question__code="v1", segment__name="Totaal"
        ).values_list("option__label", "percentage")
    ) == {"Ja": Decimal("55.00"), "Nee": Decimal("45.00")}


def test_a_formula_whose_computed_result_is_empty_text_is_no_missing_result(existing):
    """Excel and LibreOffice store =ALS(…;"";…) giving "" as ``t="str"`` and an empty
    ``<v>``: the file was computed, and imports (the empty cell is a note column)."""
    rows = [[*row, '=IF(1,"","x")'] for row in base_rows()]
    rows[0][5] = "=50+10"
    data = with_computed_values(xlsx_bytes(rows, [*HEADERS, "opmerking"]), {"F2": "60"})
    data = _patch_sheet(
        data,
        lambda xml: re.sub(
            rb'<c r="(J\d+)"([^>]*)>(<f>[^<]*</f>)<v\s*/>',
            rb'<c r="\1"\2 t="str">\3<v></v>',
            xml,
        ),
    )

    summary, message = import_bytes(data)

    assert summary.is_valid, message
    assert Result.objects.get(
        option__label="Ja", segment__name="Totaal"
    ).percentage == Decimal("60.00")


def _patch_sheet(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = change(content)
            target.writestr(info, content)
    return out.getvalue()


def test_an_xlsx_with_formulas_never_computed_is_refused_with_a_message(existing):
    rows = base_rows()
    rows[0][5] = "=50+5"

    summary, message = import_bytes(xlsx_bytes(rows))

    assert not summary.is_valid
    assert "formules waarvan de uitkomst niet in het bestand is opgeslagen" in message
    assert stored_data() == existing


def test_merged_question_cells_are_read_as_the_text_of_the_first_row(
    existing, tmp_path
):
    path = write_xlsx(tmp_path / "samengevoegd.xlsx", base_rows())
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active.merge_cells("C2:C3")  # vraag, over both rows of v1
    workbook.save(path)

    summary, message = import_bytes(path.read_bytes())

    assert summary.is_valid, message
    assert Question.objects.get(code="v1").text == Q1


def test_merged_question_code_cells_are_refused_naming_the_rows(existing, tmp_path):
    path = write_xlsx(tmp_path / "samengevoegd.xlsx", base_rows())
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active.merge_cells("B2:B3")  # vraagcode, over both rows of v1
    workbook.save(path)

    summary, message = import_bytes(path.read_bytes())

    assert "Rij 3: de vraagcode is leeg." in message
    assert stored_data() == existing


def multi_rows_of_one_segment():
    """A multi question for segment Gemeente only, whose segment cell staff merged over
    its three rows (H2:H4): a person reads Gemeente in each row."""
    return [
        [SLUG, "v3", "Welke kanalen?", "multi", "E-mail", 80, "", "Gemeente", ""],
        [SLUG, "v3", "Welke kanalen?", "multi", "Telefoon", 45, "", "", ""],
        [SLUG, "v3", "Welke kanalen?", "multi", "Chat", 12, "", "", ""],
    ]


def test_segment_cells_merged_over_rows_are_refused_not_read_as_totaal(
    existing, tmp_path
):
    path = write_xlsx(tmp_path / "samengevoegd.xlsx", multi_rows_of_one_segment())
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active.merge_cells("H2:H4")
    workbook.save(path)

    said = refuse_by_command(path)

    assert "Rijen 2–4: de cellen van kolom segment zijn samengevoegd" in said
    assert stored_data() == existing


def test_segment_cells_merged_over_rows_in_an_ods_are_refused(existing, tmp_path):
    document = OpenDocumentSpreadsheet()
    table = Table(name="Resultaten")
    for number, values in enumerate([HEADERS, *multi_rows_of_one_segment()], 1):
        row = TableRow()
        for index, value in enumerate(values):
            if number == 2 and index == 7:
                cell = TableCell(valuetype="string", numberrowsspanned=3)
            elif number > 2 and index == 7:
                row.addElement(CoveredTableCell())
                continue
            elif value in ("", None):
                cell = TableCell()
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=str(value))
            else:
                cell = TableCell(valuetype="string")
            if value not in ("", None):
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    path = tmp_path / "samengevoegd.ods"
    document.save(str(path))

    said = refuse_by_command(path)

    assert "Rijen 2–4: de cellen van kolom segment zijn samengevoegd" in said
    assert stored_data() == existing


def test_empty_rows_between_and_after_the_data_are_skipped(existing):
    rows = base_rows()
    data = xlsx_bytes([rows[0], [None] * 9, rows[1], *[[None] * 9] * 50, rows[2]])

    summary, message = import_bytes(data)

    assert summary.is_valid, message
    assert summary.results == 3


def test_a_zip_bomb_is_refused_before_it_is_unpacked(existing):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            block = b"\x00" * (1 << 20)
            for _ in range(600):
                sheet.write(block)
    data = stream.getvalue()
    assert len(data) < 2 * 1024 * 1024

    summary, message = import_bytes(data)

    assert not summary.is_valid
    assert "uitgepakt groter dan" in message
    assert stored_data() == existing


@pytest.fixture
def hundred_thousand_rows():
    """100 000 rows (1 000 multi questions with 100 answers), the size of a large round."""
    return [
        [SLUG, f"q{q}", f"Vraag {q}?", "multi", f"Antwoord {o}", 5, "", "", o]
        for q in range(1000)
        for o in range(100)
    ]


def test_a_file_of_100000_rows_with_one_bad_row_at_the_end_stores_nothing(
    existing, hundred_thousand_rows, researcher_client, settings
):
    """Through the admin, as CSV (an xlsx of this size takes ~10 s to write and ~10 s to
    read, so it is left to bench/; CSV exercises the same checks on every row)."""
    # The synchronous page itself; files this large normally go to the background
    # (surveys/jobs/handover.py, tests/test_background_import.py).
    settings.BACKGROUND_IMPORT_MIN_ROWS = 200_000
    hundred_thousand_rows[-1][5] = "veel"
    data = csv_bytes(hundred_thousand_rows)

    response = researcher_client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("groot.csv", data),
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Rij 100001: het percentage ‘veel’ is geen getal." in html
    assert "Import bevestigen" not in html
    assert stored_data() == existing


# --- Damaged zips: a SpreadsheetError with a Dutch message, never a traceback ---------


def damage_deflate(data: bytes, part: str) -> bytes:
    """``data`` with the middle of ``part``'s deflate stream overwritten: unpacking it
    raises zlib.error ("invalid block type"), as a file damaged in transfer does."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(part)
    name_length = int.from_bytes(
        data[info.header_offset + 26 : info.header_offset + 28], "little"
    )
    extra_length = int.from_bytes(
        data[info.header_offset + 28 : info.header_offset + 30], "little"
    )
    start = info.header_offset + 30 + name_length + extra_length
    middle = start + info.compress_size // 3
    return data[:middle] + b"\xff" * 16 + data[middle + 16 :]


def ods_bytes(rows, headers=HEADERS) -> bytes:
    from tempfile import TemporaryDirectory

    from tests.spreadsheets import write_ods

    with TemporaryDirectory() as folder:
        return write_ods(Path(folder) / "a.ods", rows, headers=headers).read_bytes()


BROKEN = [
    "deflate-sheet",
    "deflate-styles",
    "deflate-ods",
    "cut-xlsx",
    "cut-ods",
    "garbage-workbook",
    "garbage-ods",
]


@functools.cache
def broken_files() -> dict[str, bytes]:
    xlsx, ods = xlsx_bytes(base_rows()), ods_bytes(base_rows())
    return {
        "deflate-sheet": damage_deflate(xlsx, "xl/worksheets/sheet1.xml"),
        "deflate-styles": damage_deflate(xlsx, "xl/styles.xml"),
        "deflate-ods": damage_deflate(ods, "content.xml"),
        "cut-xlsx": xlsx[: len(xlsx) // 2],
        "cut-ods": ods[: len(ods) * 2 // 3],
        "garbage-workbook": _zip(
            {"xl/workbook.xml": b"<workbook", "[Content_Types].xml": b"x"}
        ),
        "garbage-ods": _zip(
            {
                "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                "content.xml": b"<office:document-content>\x00",
            }
        ),
    }


def _zip(parts: dict[str, bytes]) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return stream.getvalue()


@pytest.mark.parametrize("name", BROKEN)
def test_a_damaged_file_is_refused_with_a_dutch_line_by_the_command(
    existing, tmp_path, name
):
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(broken_files()[name])

    said = refuse_by_command(path)

    assert "Dit bestand is geen spreadsheet die gelezen kan worden" in said
    assert "Traceback" not in said and "zlib" not in said
    assert stored_data() == existing


@pytest.mark.parametrize("name", BROKEN)
def test_a_damaged_file_gets_the_import_page_with_a_message(
    existing, researcher_client, name
):
    upload = SimpleUploadedFile(f"{name}.xlsx", broken_files()[name])

    response = researcher_client.post(
        IMPORT_URL, {"resource": "0", "format": "0", "import_file": upload}
    )

    assert response.status_code == 200
    assert (
        "Dit bestand is geen spreadsheet die gelezen kan worden"
        in response.content.decode()
    )
    assert stored_data() == existing


def test_an_ods_with_an_xml_entity_bomb_is_refused(existing):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
            for i in range(8)
        )
        + b']><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&i;</office:document-content>'
    )
    data = _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": bomb,
        }
    )

    summary, message = import_bytes(data)

    assert "Dit bestand is geen spreadsheet" in message
    assert stored_data() == existing


# --- LibreOffice's repeat counts ---------------------------------------------------------


def repeated_ods(*, rows_repeated=1, cells_repeated=1, blank_rows_before=0) -> bytes:
    """A tiny ods that says "this row (or cell) N times", as LibreOffice writes them."""
    document = OpenDocumentSpreadsheet()
    table = Table(name="Resultaten")
    header = TableRow()
    for name in HEADERS:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=name))
        header.addElement(cell)
    table.addElement(header)
    if blank_rows_before:
        table.addElement(TableRow(numberrowsrepeated=blank_rows_before))
    row = (
        TableRow(numberrowsrepeated=rows_repeated) if rows_repeated > 1 else TableRow()
    )
    for value in base_rows()[2]:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=str(value)))
        row.addElement(cell)
    filler = TableCell(valuetype="string", numbercolumnsrepeated=cells_repeated)
    filler.addElement(P(text="x"))
    row.addElement(filler)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


REPEAT_BOMBS = {
    "row repeated a billion times": {"rows_repeated": 10**9},
    "cell repeated a billion times": {"cells_repeated": 10**9},
    "data after a billion blank rows": {"blank_rows_before": 10**9},
    "both": {"rows_repeated": 10**6, "cells_repeated": 10**6},
}


@pytest.mark.parametrize("bomb", list(REPEAT_BOMBS))
def test_an_ods_with_huge_repeat_counts_is_refused_before_expanding_them(
    existing, tmp_path, bomb
):
    data = repeated_ods(**REPEAT_BOMBS[bomb])
    assert len(data) < 10_000
    path = tmp_path / "herhaald.ods"
    path.write_bytes(data)

    said = refuse_by_command(path)

    assert re.search(r"gegevens voorbij (rij|kolom) [\d.]+", said), said
    assert "Splits het bestand" in said or "Verwijder de gegevens" in said
    assert stored_data() == existing


def test_repeated_rows_and_cells_within_the_limits_are_read(existing):
    summary, message = import_bytes(repeated_ods(rows_repeated=1, cells_repeated=150))

    assert summary.is_valid, message


def peak_memory_of_command(path: Path, tmp_path: Path) -> tuple[int, str]:
    """Run ``manage.py import_results path`` in a process of its own: (peak resident
    memory in MB, what it printed). The file is refused before the database is used,
    so an empty SQLite file will do; the process may not grow past 2 GB of address space."""
    code = (
        "import re, django, sys\n"
        "django.setup()\n"
        "from django.core.management import call_command, CommandError\n"
        "try:\n"
        f"    call_command('import_results', {str(path)!r})\n"
        "except CommandError as error:\n"
        "    print('REFUSED', error)\n"
        "status = open('/proc/self/status').read()\n"
        "print('PEAK', int(re.search(r'VmHWM:\\s+(\\d+)', status)[1]) // 1024)\n"
    )

    def limit():
        two_gb = 2 * 1024**3
        resource.setrlimit(resource.RLIMIT_AS, (two_gb, two_gb))

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    peak = int(re.search(r"PEAK (\d+)", result.stdout)[1])
    return peak, result.stdout + result.stderr


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("bomb", ["row repeated a billion times", "both"])
def test_an_ods_repeat_bomb_stays_under_300_mb_in_the_command(tmp_path, bomb):
    path = tmp_path / "bom.ods"
    path.write_bytes(repeated_ods(**REPEAT_BOMBS[bomb]))

    peak, said = peak_memory_of_command(path, tmp_path)

    assert "REFUSED" in said and "gegevens voorbij" in said
    assert peak < MEMORY_LIMIT_MB, f"{peak} MB"
