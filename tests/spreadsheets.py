"""Write real xlsx, csv and ods files for tests (no binaries are committed).

    write_xlsx(path, rows, headers=HEADERS, number_formats={"percentage": "0%"})
    write_csv(path, rows, headers=HEADERS, encoding="utf-8", delimiter=",")
    write_ods(path, rows, headers=HEADERS, percent_columns=("percentage",))
    headers, rows = sheet_values(path.read_bytes())

``rows`` are sequences of cell values in the order of ``headers`` (``None`` or
``""`` is an empty cell). ``headers=None`` writes no header row. Each function
returns ``path``, so ``data = write_csv(tmp_path / "a.csv", rows).read_bytes()``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal
from numbers import Number
from pathlib import Path

from surveys.importing import COLUMNS

HEADERS = COLUMNS


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence],
    headers: Sequence[str] | None = HEADERS,
    number_formats: dict[str, str] | None = None,
) -> Path:
    """An Excel workbook with one sheet; ``number_formats`` maps a header to a format such as ``"0%"``."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Resultaten"
    if headers is not None:
        sheet.append(list(headers))
    formats = {
        index + 1: number_format
        for index, header in enumerate(headers or ())
        for name, number_format in (number_formats or {}).items()
        if header == name
    }
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
        for column, number_format in formats.items():
            sheet.cell(row=sheet.max_row, column=column).number_format = number_format
    workbook.save(path)
    return Path(path)


def write_csv(
    path: Path,
    rows: Iterable[Sequence],
    headers: Sequence[str] | None = HEADERS,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    """A CSV file, e.g. ``encoding="cp1252", delimiter=";"`` as Dutch Excel saves it."""
    with open(path, "w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter)
        if headers is not None:
            writer.writerow(headers)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
    return Path(path)


def write_ods(
    path: Path,
    rows: Iterable[Sequence],
    headers: Sequence[str] | None = HEADERS,
    percent_columns: Sequence[str] = (),
) -> Path:
    """An OpenDocument spreadsheet; cells of ``percent_columns`` are percentage cells (0.25 shown as 25%)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Resultaten")
    percent_indexes = {
        index for index, header in enumerate(headers or ()) if header in percent_columns
    }

    def add_row(values, is_header=False):
        row = TableRow()
        for index, value in enumerate(values):
            if value is None or value == "":
                cell = TableCell()
            elif index in percent_indexes and not is_header:
                cell = TableCell(valuetype="percentage", value=str(value))
                cell.addElement(P(text=f"{Decimal(str(value)) * 100}%"))
            elif isinstance(value, Number) and not isinstance(value, bool):
                cell = TableCell(valuetype="float", value=str(value))
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)

    if headers is not None:
        add_row(headers, is_header=True)
    for values in rows:
        add_row(values)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return Path(path)


# The example round most import tests use: two questions, five options, seven results
# (one single question with a segment).
Q1 = "Ervaart u veel werkdruk?"
Q2 = "Via welke kanalen neemt u contact op?"


def base_rows(slug: str = "werkdruk-2024") -> list[list]:
    return [
        [slug, "v1", Q1, "single", "Ja", 60, 120, "", 1],
        [slug, "v1", Q1, "single", "Nee", 40, 80, "", 2],
        [slug, "v1", Q1, "single", "Ja", 70, "", "Gemeente", 1],
        [slug, "v1", Q1, "single", "Nee", 30, "", "Gemeente", 2],
        [slug, "v2", Q2, "multi", "E-mail", 80, "", "", ""],
        [slug, "v2", Q2, "multi", "Telefoon", 45, "", "", ""],
        [slug, "v2", Q2, "multi", "Chat", 12.5, "", "", ""],
    ]


def sheet_values(data: bytes) -> tuple[list[str], list[list]]:
    """The header row and the rows of a file as the importer reads them (typed cells,
    trailing empty cells as None), e.g. to look into an exported file."""
    from surveys.spreadsheets import read_sheet

    sheet = read_sheet(data, headers=HEADERS[:6])
    rows = [
        list(row.cells) + [None] * (len(HEADERS) - len(row.cells)) for row in sheet.rows
    ]
    return sheet.headers, rows


def stored_data() -> dict[str, list[tuple]]:
    """Everything an import can write, comparable before and after: the one snapshot
    of the import tests. ``["results"]`` has one tuple per result: (round, code, question
    text, type, question order, answer, answer order, segment, percentage, count)."""
    from surveys.models import AnswerOption, Question, Result, Segment, Survey

    return {
        "results": sorted(
            Result.objects.values_list(
                "option__question__survey__slug",
                "option__question__code",
                "option__question__text",
                "option__question__type",
                "option__question__order",
                "option__label",
                "option__order",
                "segment__name",
                "percentage",
                "count",
            )
        ),
        **{
            model.__name__: sorted(
                tuple(str(value) for value in row)
                for row in model.objects.values_list()
            )
            for model in (Survey, Question, AnswerOption, Segment)
        },
    }
