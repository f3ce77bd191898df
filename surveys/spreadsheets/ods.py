"""OpenDocument spreadsheets (LibreOffice), read as a stream of XML events.

odfpy builds the whole document in memory and expands nothing itself, so a 1 KB file
whose row says "repeated 1 000 000 times" took gigabytes once expanded. Here
``content.xml`` is parsed with expat while it is unpacked: repeated empty rows and cells
are counted, never expanded; a repeated row or cell with a value is checked against
``MAX_ROWS`` and ``MAX_COLUMNS`` before it is expanded. A document type declaration
(the way to entity bombs) is refused.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from xml.parsers import expat

from .sheet import (
    MAX_COLUMNS,
    MAX_ROWS,
    PercentCell,
    Sheet,
    SheetRow,
    SkippedSheet,
    SpreadsheetError,
    TextCells,
    empty_sheet_message,
    normalize_header,
    not_a_spreadsheet_message,
    too_large_message,
)
from .xlsx import hidden_sheet_message

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
CHUNK = 1 << 16
# Start and end events of these elements, as "namespace local-name".
_TABLE = f"{TABLE} table"
_ROW = f"{TABLE} table-row"
_CELLS = (f"{TABLE} table-cell", f"{TABLE} covered-table-cell")
_COLUMN = f"{TABLE} table-column"
_P = f"{TEXT} p"
_ANNOTATION = f"{OFFICE} annotation"
_STYLE = f"{STYLE} style"
_TABLE_PROPERTIES = f"{STYLE} table-properties"


def read_ods(
    archive: zipfile.ZipFile, headers: frozenset[str], max_columns: int = MAX_COLUMNS
) -> Sheet:
    """The first visible table whose first row has ``headers``; else the first visible one."""
    skipped, first_visible, hidden_match = [], None, None
    for table in _parse(archive, _ContentReader(TextCells(), max_columns=max_columns)):
        names = {normalize_header(value) for value in table.header}
        has_headers = bool(table.header) and headers <= names
        if table.visible and has_headers:
            return _sheet(archive, table, skipped, max_columns)
        if table.visible and first_visible is None:
            first_visible = (table, list(skipped))
        if not table.visible and has_headers and hidden_match is None:
            hidden_match = table.name
        skipped.append(SkippedSheet(table.name, not table.visible, has_headers))
    if hidden_match is not None:
        raise SpreadsheetError(hidden_sheet_message(hidden_match))
    if first_visible is None:
        raise SpreadsheetError(empty_sheet_message())
    return _sheet(archive, *first_visible, max_columns)


def _sheet(archive, table: _Table, skipped, max_columns: int) -> Sheet:
    texts = TextCells()
    reader = _ContentReader(texts, only=table.index, max_columns=max_columns)
    return Sheet(
        format="ods",
        name=table.name,
        headers=["" if value is None else str(value).strip() for value in table.header],
        rows=(row for row in _parse(archive, reader) if row.number > 1),
        skipped=skipped,
        hidden_columns=set(table.hidden_columns),
        merged=reader.merged,
        texts=texts,
    )


class _Table:
    """A table's name, visibility and first row (``header``, empty if row 1 is blank)."""

    def __init__(self, index: int, name: str, visible: bool):
        self.index, self.name, self.visible = index, name, visible
        self.header: list = []
        self.hidden_columns: set[int] = set()
        self.columns = 0  # the table's columns declared so far


def _parse(archive: zipfile.ZipFile, reader: _ContentReader) -> Iterator:
    """Feeds ``content.xml`` to ``reader`` a chunk at a time, yielding what it produced:
    each table (once its first row is read), or the wanted table's rows."""
    try:
        with archive.open("content.xml") as content:
            while chunk := content.read(CHUNK):
                try:
                    reader.parser.Parse(chunk, False)
                except _Stop:
                    yield from reader.take()
                    return
                yield from reader.take()
            reader.parser.Parse(b"", True)
            yield from reader.take()
    except SpreadsheetError:
        raise
    except Exception as error:  # zlib.error, broken XML, a cut-off zip, ...
        raise SpreadsheetError(not_a_spreadsheet_message()) from error


class _Stop(Exception):
    """The wanted table has ended: the rest of the file is not read."""


class _ContentReader:
    """expat callbacks. Without ``only``: a ``_Table`` per table, with its first row.
    With ``only`` (a table's index): that table's rows as ``SheetRow``s."""

    def __init__(
        self, texts: TextCells, *, only: int | None = None, max_columns=MAX_COLUMNS
    ):
        self.texts, self.only, self.max_columns = texts, only, max_columns
        #: Merged cells spanning rows, as ``Sheet.merged`` (the wanted table only).
        self.merged: list[tuple[int, int, int, int]] = []
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartDoctypeDeclHandler = self._refuse_doctype
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.buffer_text = True
        self.output: list = []
        self.hidden_styles: set[str] = set()
        self.style_name: str | None = None
        self.table: _Table | None = None
        self.table_index = -1
        self.row_number = 0
        self.reading = False  # inside a table whose rows are wanted
        self.row: list | None = None
        self.row_repeat = 1
        self.row_hidden = False
        self.cell: dict | None = None
        self.cell_repeat = 1
        self.blank_cells = 0
        self.paragraphs: list[list[str]] | None = None
        self.annotation_depth = 0

    def take(self) -> list:
        output, self.output = self.output, []
        return output

    def _refuse_doctype(self, *args) -> None:
        raise SpreadsheetError(not_a_spreadsheet_message())

    # --- elements ----------------------------------------------------------------

    def _start(self, name: str, attributes: dict) -> None:
        if self.annotation_depth:
            self.annotation_depth += name == _ANNOTATION
            return
        if self.cell is not None:
            if name == _P:
                self.paragraphs.append([])
            elif name == _ANNOTATION:
                self.annotation_depth = 1
            elif self.paragraphs:
                self._inline(name, attributes)
            return
        if name in _CELLS and self.reading:
            self.cell = attributes
            self.cell_repeat = _count(
                attributes.get(f"{TABLE} number-columns-repeated")
            )
            self.paragraphs = []
        elif name == _COLUMN and self.table is not None:
            self._column(attributes)
        elif name == _ROW:
            self._start_row(attributes)
        elif name == _TABLE:
            self._start_table(attributes)
        elif name == _STYLE:
            self.style_name = attributes.get(f"{STYLE} name")
        elif (
            name == _TABLE_PROPERTIES
            and self.style_name
            and attributes.get(f"{TABLE} display") == "false"
        ):
            self.hidden_styles.add(self.style_name)

    def _inline(self, name: str, attributes: dict) -> None:
        if name == f"{TEXT} s":
            self.paragraphs[-1].append(" " * _count(attributes.get(f"{TEXT} c")))
        elif name == f"{TEXT} tab":
            self.paragraphs[-1].append("\t")
        elif name == f"{TEXT} line-break":
            self.paragraphs[-1].append("\n")

    def _text(self, data: str) -> None:
        if self.paragraphs and not self.annotation_depth:
            self.paragraphs[-1].append(data)

    def _end(self, name: str) -> None:
        if self.annotation_depth:
            self.annotation_depth -= name == _ANNOTATION
            return
        if name in _CELLS and self.cell is not None:
            self._end_cell()
        elif name == _ROW and self.row is not None:
            self._end_row()
        elif name == _TABLE and self.table is not None:
            self._end_table()
        elif name == _STYLE:
            self.style_name = None

    def _start_table(self, attributes: dict) -> None:
        self.table_index += 1
        self.row_number = 0
        style = attributes.get(f"{TABLE} style-name")
        self.table = _Table(
            self.table_index,
            attributes.get(f"{TABLE} name", ""),
            style not in self.hidden_styles,
        )
        self.reading = self.only is None or self.only == self.table_index
        if self.only is not None and self.table_index > self.only:
            raise _Stop

    def _end_table(self) -> None:
        table, self.table = self.table, None
        if self.only is None:
            if self.reading:  # no row with a value: no header
                self.output.append(table)
        elif self.reading:
            raise _Stop
        self.reading = False

    def _column(self, attributes: dict) -> None:
        """A column declaration: ``table:visibility`` collapse or filter hides it."""
        table = self.table
        repeat = _count(attributes.get(f"{TABLE} number-columns-repeated"))
        if attributes.get(f"{TABLE} visibility", "visible") != "visible":
            last = min(table.columns + repeat, self.max_columns)
            table.hidden_columns.update(range(table.columns, last))
        table.columns = min(table.columns + repeat, self.max_columns + 1)

    def _start_row(self, attributes: dict) -> None:
        self.row_repeat = _count(attributes.get(f"{TABLE} number-rows-repeated"))
        self.row_hidden = attributes.get(f"{TABLE} visibility", "visible") != "visible"
        if self.reading and self.only is None and self.row_number >= 1:
            # The first row is all this pass needs of the table.
            self.reading = False
            self.output.append(self.table)
        self.row = [] if self.reading else None
        self.blank_cells = 0
        if self.row is None:
            self.row_number += self.row_repeat

    def _end_row(self) -> None:
        values, self.row = self.row, None
        first = self.row_number + 1
        self.row_number += self.row_repeat
        if not values:
            return  # blank rows, however many, are counted, not expanded
        if self.row_number > MAX_ROWS:
            raise SpreadsheetError(too_large_message(min(self.row_number, first)))
        if self.only is None:
            if first == 1:
                self.table.header = values
            return
        cells = tuple(values)
        self.output.extend(
            SheetRow(number, cells, self.row_hidden)
            for number in range(first, self.row_number + 1)
        )

    def _end_cell(self) -> None:
        cell, self.cell = self.cell, None
        value = self._value(cell, self.paragraphs)
        self.paragraphs = None
        rows_spanned = _count(cell.get(f"{TABLE} number-rows-spanned"))
        if rows_spanned > 1 and self.only is not None:
            row, column = self.row_number + 1, len(self.row) + self.blank_cells
            columns = _count(cell.get(f"{TABLE} number-columns-spanned"))
            self.merged.append(
                (row, column, row + rows_spanned - 1, column + columns - 1)
            )
        if value is None:
            self.blank_cells += self.cell_repeat  # counted; only kept before a value
            return
        width = len(self.row) + self.blank_cells + self.cell_repeat
        if width > self.max_columns:
            raise SpreadsheetError(too_large_message(columns=self.max_columns))
        self.row.extend([None] * self.blank_cells)
        self.blank_cells = 0
        self.row.extend([value] * self.cell_repeat)

    def _value(self, cell: dict, paragraphs):
        row = self.row_number + 1
        kind = cell.get(f"{OFFICE} value-type")
        try:
            if kind in ("float", "currency"):
                return _number(cell[f"{OFFICE} value"])
            if kind == "percentage":
                return PercentCell(Decimal(cell[f"{OFFICE} value"]))
            if kind == "date":
                return _date(cell[f"{OFFICE} date-value"])
            if kind == "time":
                return _duration(cell[f"{OFFICE} time-value"])
        except (KeyError, ValueError, InvalidOperation):
            raise SpreadsheetError(not_a_spreadsheet_message()) from None
        if kind == "boolean":
            return "WAAR" if cell.get(f"{OFFICE} boolean-value") == "true" else "ONWAAR"
        text = "\n".join("".join(parts) for parts in paragraphs)
        if not text and kind == "string":
            text = cell.get(f"{OFFICE} string-value", "")
        return self.texts.clean(text, row) if text else None


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


def _number(text: str):
    number = Decimal(text)
    if not number.is_finite():
        raise ValueError(text)
    return int(number) if number == number.to_integral_value() else number


def _date(text: str) -> date | datetime:
    value = datetime.fromisoformat(text)
    return value.date() if "T" not in text else value


def _duration(text: str) -> time | timedelta:
    """``PT10H30M00S`` → 10:30 (a time of day), longer ones a timedelta."""
    match = re.fullmatch(r"-?PT?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", text)
    if not match:
        raise ValueError(text)
    hours, minutes, seconds = (float(part or 0) for part in match.groups())
    duration = timedelta(hours=hours, minutes=minutes, seconds=seconds)
    if duration < timedelta(days=1):
        seconds = duration.total_seconds()
        return time(int(seconds // 3600), int(seconds % 3600 // 60), int(seconds % 60))
    return duration
