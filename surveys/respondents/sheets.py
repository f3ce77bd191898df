"""The one place where respondent imports meet the project's spreadsheet reading.

Everything else in this package reads tables through ``read_table()``; when the
readers move (``surveys/resources.py`` → ``surveys/spreadsheets.py``), only the
imports below change.

A ``Table`` is the header row and an iterator of ``(row_number, cells)`` pairs in
sheet numbering (header = row 1), blank rows left out. CSV is read here, without the
200-column cap of the aggregated import's reader (an answers file has a column per
question and per multi option); xlsx and ods go through ``read_spreadsheet``, which
keeps Excel's percent cells and LibreOffice's repeated cells right, and a sheet as wide
as its cap is refused rather than silently cut.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from surveys.resources import (
    MAX_COLUMNS,
    OLE_MAGIC,
    ZIP_MAGIC,
    SpreadsheetError,
    _decode,
    read_spreadsheet,
)
from surveys.services import (
    cell_text,
    empty_sheet_message,
    normalize_header,
    not_a_spreadsheet_message,
)

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


@dataclass
class Table:
    headers: list
    rows: Iterator[tuple[int, list]]
    #: Data rows, when known before reading them (for progress); else None.
    row_count: int | None = None


def is_sav(data: bytes) -> bool:
    return data.startswith(SAV_MAGIC)


def read_table(data: bytes) -> Table:
    """The first sheet of an xlsx, ods or csv file; ``SpreadsheetError`` for anything else."""
    if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC):
        dataset = read_spreadsheet(data)
        headers = list(dataset.headers or [])
        if len(headers) >= MAX_COLUMNS:
            raise SpreadsheetError(
                _(
                    "Dit werkblad heeft %(count)d of meer kolommen; zo brede xlsx- en "
                    "ods-bestanden worden niet gelezen. Sla het op als CSV."
                )
                % {"count": MAX_COLUMNS}
            )
        return Table(
            headers=headers,
            rows=_non_blank(enumerate(dataset, start=2)),
            row_count=len(dataset),
        )
    if is_sav(data):
        raise SpreadsheetError(
            _(
                "Een SPSS-bestand (.sav) kan alleen als antwoordenbestand worden gelezen."
            )
        )
    text = _decode(data)
    if not text.strip():
        raise SpreadsheetError(empty_sheet_message())
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except (csv.Error, StopIteration) as error:
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
    return Table(
        headers=headers,
        rows=_csv_rows(reader),
        row_count=max(0, text.count("\n") - 1),
    )


def _csv_rows(reader) -> Iterator[tuple[int, list]]:
    try:
        for number, row in enumerate(reader, start=2):
            if any(cell.strip() for cell in row):
                yield number, row
    except csv.Error as error:
        raise SpreadsheetError(not_a_spreadsheet_message()) from error


def _non_blank(rows) -> Iterator[tuple[int, list]]:
    for number, row in rows:
        if any(cell_text(cell) != "" for cell in row):
            yield number, list(row)
