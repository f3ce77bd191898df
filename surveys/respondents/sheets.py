"""The one place where respondent imports meet the project's spreadsheet reading.

Everything else in this package reads tables through ``read_table()``; when the
spreadsheet readers (``surveys/spreadsheets/``) change, only the imports below change.

A ``Table`` is the header row and an iterator of ``(row_number, cells)`` pairs in
sheet numbering (header = row 1), blank rows left out. CSV is read here, without the
200-column cap of the aggregated import's reader (an answers file has a column per
question and per multi option); xlsx and ods go through ``surveys.spreadsheets.read_sheet``,
which keeps Excel's percent cells and LibreOffice's repeated cells right, skips hidden
sheets and caps the size (here at ``MAX_ANSWER_COLUMNS`` columns and
``MAX_ANSWER_CELLS`` cells, not the aggregated format's 200 columns); a hidden row is
refused, as in the aggregated import. CSV is decoded as the aggregated import decodes
it (encoding detection, NFC, no control characters).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from surveys.importing.cells import cell_text
from surveys.importing.check import hidden_columns_issue, merged_cells_issues
from surveys.spreadsheets import (
    OLE_MAGIC,
    ZIP_MAGIC,
    SpreadsheetError,
    empty_sheet_message,
    normalize_header,
    not_a_spreadsheet_message,
    read_sheet,
)
from surveys.spreadsheets.delimited import decode
from surveys.spreadsheets.sheet import TextCells

__all__ = [
    "SpreadsheetError",
    "Table",
    "cell_text",
    "empty_sheet_message",
    "normalize_header",
    "not_a_spreadsheet_message",
    "read_table",
]

SAV_MAGIC = (b"$FL2", b"$FL3")
#: An answers workbook has a column per question and per multi option: far wider than
#: the aggregated format's 200 columns.
MAX_ANSWER_COLUMNS = 2000
#: Cells of an answers workbook read at most (10 000 respondents × 1 000 columns): a
#: small ods can repeat a row of 2 000 cells 200 000 times, which must not fill the
#: memory.
MAX_ANSWER_CELLS = 10_000_000


@dataclass
class Table:
    headers: list
    rows: Iterator[tuple[int, list]]
    #: Data rows, when known before reading them (for progress); else None.
    row_count: int | None = None


def is_sav(data: bytes) -> bool:
    return data.startswith(SAV_MAGIC)


#: A codebook's columns that may be merged over a question's rows: its text, type and
#: group are given once.
CODEBOOK_MERGE_HARMLESS = frozenset({"vraag", "vraagtype", "groep"})


def read_table(data: bytes, *, merge_harmless=frozenset()) -> Table:
    """The sheet of an xlsx, ods or csv file; ``SpreadsheetError`` for anything else.

    Cells merged over rows are refused (only the first row holds the value: a profile
    answer merged over five respondents would count as four non-answers), except in the
    columns ``merge_harmless``."""
    if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC):
        sheet = read_sheet(data, max_columns=MAX_ANSWER_COLUMNS)
        hidden = [
            cell_text(header)
            for index, header in enumerate(sheet.headers)
            if index in sheet.hidden_columns and cell_text(header)
        ]
        if hidden:
            raise SpreadsheetError(hidden_columns_issue(hidden, sheet).message)
        return Table(
            headers=list(sheet.headers),
            rows=_sheet_rows(sheet, merge_harmless),
            row_count=sheet.size_hint,
        )
    if is_sav(data):
        raise SpreadsheetError(
            _(
                "Een SPSS-bestand (.sav) kan alleen als antwoordenbestand worden gelezen."
            )
        )
    text, _encoding = decode(data)
    if not text.strip():
        # No rows at all: the codebook and the answers file each say what belongs in it.
        return Table(headers=[], rows=iter(()), row_count=0)
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    cleaned = TextCells()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [cleaned.clean(cell, 1) or "" for cell in next(reader)]
    except (csv.Error, StopIteration) as error:
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
    return Table(
        headers=headers,
        rows=_csv_rows(reader, cleaned),
        row_count=max(0, text.count("\n") - 1),
    )


def _sheet_rows(sheet, merge_harmless) -> Iterator[tuple[int, list]]:
    cells_read = 0
    for row in sheet.rows:
        cells_read += len(row.cells)
        if cells_read > MAX_ANSWER_CELLS:
            raise SpreadsheetError(
                _(
                    "Dit werkblad heeft bij rij %(row)d al meer dan %(cells)s cellen met "
                    "gegevens; zoveel worden niet gelezen. Sla de antwoorden op als "
                    "CSV-bestand, of splits ze in delen."
                )
                % {
                    "row": row.number,
                    "cells": f"{MAX_ANSWER_CELLS:,}".replace(",", "."),
                }
            )
        if row.hidden:
            raise SpreadsheetError(
                _(
                    "Rij %(row)d van %(sheet)s is verborgen. Verborgen rijen worden "
                    "niet gelezen en ook niet overgeslagen, want het is niet te zien of "
                    "ze meetellen: maak de rij zichtbaar (of haal het filter weg), of "
                    "verwijder haar, en upload het bestand opnieuw."
                )
                % {"row": row.number, "sheet": sheet.label}
            )
        cells = [cell_text(cell) for cell in row.cells]
        if any(cells):
            yield row.number, cells
    columns = {
        normalize_header(header): index
        for index, header in enumerate(sheet.headers)
        if cell_text(header)
    }
    merged = merged_cells_issues(sheet, columns, harmless=merge_harmless)
    if merged:
        raise SpreadsheetError(merged[0].message.rstrip("."))


def _csv_rows(reader, cleaned: TextCells) -> Iterator[tuple[int, list]]:
    try:
        for number, row in enumerate(reader, start=2):
            cells = [cleaned.clean(cell, number) or "" for cell in row]
            if any(cell.strip() for cell in cells):
                yield number, cells
    except csv.Error as error:
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
