"""xlsx (Excel, LibreOffice): openpyxl's streaming worksheet parser, plus what it leaves out.

openpyxl's read-only rows lose hidden rows and number formats; its worksheet parser
(``WorkSheetParser``, the one the read-only rows use) keeps both, so the rows are read
with it directly. openpyxl is pinned: this uses its parser and the workbook's style
tables, which are not public API.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

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

# Quoted text and escaped characters in a number format are shown, not applied:
# 0.0"%" shows 25 as "25%" without multiplying.
_LITERALS = re.compile(r'"[^"]*"|\\.')
_DATE_TYPES = (datetime, date, time, timedelta)
# Booleans as Dutch Excel shows them.
_BOOLEANS = {True: "WAAR", False: "ONWAAR"}


def is_percent_format(number_format: str | None) -> bool:
    return bool(number_format) and "%" in _LITERALS.sub("", number_format)


def read_xlsx(
    data: bytes, headers: frozenset[str], max_columns: int = MAX_COLUMNS
) -> Sheet:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
    try:
        return _choose(workbook, headers, max_columns)
    except SpreadsheetError:
        workbook.close()
        raise
    except Exception as error:
        workbook.close()
        raise SpreadsheetError(not_a_spreadsheet_message()) from error


def _choose(workbook, headers: frozenset[str], max_columns: int) -> Sheet:
    """The first visible sheet whose first row has ``headers``; else the first visible one."""
    skipped, first_visible, hidden_match = [], None, None
    for worksheet in workbook.worksheets:
        header_row = _header_row(workbook, worksheet, max_columns)
        names = {normalize_header(value) for value in header_row}
        has_headers = bool(header_row) and headers <= names
        visible = worksheet.sheet_state == "visible"
        if visible and has_headers:
            return _sheet(workbook, worksheet, header_row, skipped, max_columns)
        if visible and first_visible is None:
            first_visible = (worksheet, header_row, list(skipped))
        if not visible and has_headers and hidden_match is None:
            hidden_match = worksheet.title
        skipped.append(SkippedSheet(worksheet.title, not visible, has_headers))
    if hidden_match is not None:
        raise SpreadsheetError(hidden_sheet_message(hidden_match))
    if first_visible is None:
        raise SpreadsheetError(empty_sheet_message())
    worksheet, header_row, skipped = first_visible
    return _sheet(workbook, worksheet, header_row, skipped, max_columns)


def hidden_sheet_message(name: str) -> str:
    return _(
        "Het werkblad ‘%(name)s’ heeft de kolomkoppen, maar is verborgen; verborgen "
        "werkbladen worden niet gelezen. Maak het zichtbaar (of zet de gegevens op een "
        "zichtbaar werkblad) en upload het bestand opnieuw."
    ) % {"name": name}


def _header_row(workbook, worksheet, max_columns: int) -> list:
    for row in _rows(workbook, worksheet, TextCells(), max_columns):
        return list(row.cells) if row.number == 1 else []
    return []


def _sheet(workbook, worksheet, header_row: list, skipped, max_columns: int) -> Sheet:
    texts = TextCells()
    hidden: set[int] = set()
    merged: list[tuple[int, int, int, int]] = []
    rows = _rows(
        workbook,
        worksheet,
        texts,
        max_columns,
        close=True,
        hidden_columns=hidden,
        merged=merged,
    )
    if header_row:
        next(rows)  # the header row, read above; the columns are known by then
    size = worksheet.max_row
    return Sheet(
        format="xlsx",
        name=worksheet.title,
        headers=["" if value is None else str(value).strip() for value in header_row],
        rows=rows,
        skipped=skipped,
        hidden_columns=hidden,
        merged=merged,
        texts=texts,
        size_hint=size - 1 if size else None,
    )


def _rows(
    workbook,
    worksheet,
    texts: TextCells,
    max_columns: int,
    close=False,
    hidden_columns: set | None = None,
    merged: list | None = None,
) -> Iterator[SheetRow]:
    """The rows with a value; ``hidden_columns`` (a set) gets the hidden columns'
    indexes once the first row is read, ``merged`` (a list) the merged ranges once the
    last one is (``<mergeCells>`` follows the rows)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
    from openpyxl.worksheet._reader import WorkSheetParser

    styles = workbook._cell_styles
    percent_styles: dict[int, bool] = {}

    def is_percent(style_id: int) -> bool:
        if style_id not in percent_styles:
            number_format = None
            if style_id < len(styles):
                format_id = styles[style_id].numFmtId
                if format_id < BUILTIN_FORMATS_MAX_SIZE:
                    number_format = BUILTIN_FORMATS.get(format_id)
                else:
                    custom = format_id - BUILTIN_FORMATS_MAX_SIZE
                    if custom < len(workbook._number_formats):
                        number_format = workbook._number_formats[custom]
            percent_styles[style_id] = is_percent_format(number_format)
        return percent_styles[style_id]

    try:
        with workbook._archive.open(worksheet._worksheet_path) as source:
            parser = WorkSheetParser(
                source,
                worksheet._shared_strings,
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            columns_known = hidden_columns is None
            for number, cells in parser.parse():
                if not columns_known:  # <cols> comes before the first row
                    hidden_columns.update(_hidden_columns(parser, max_columns))
                    columns_known = True
                values: list = []
                for cell in cells:
                    value = cell["value"]
                    if value is None or value == "":
                        continue
                    column = cell["column"]
                    if column > max_columns:
                        raise SpreadsheetError(too_large_message(columns=max_columns))
                    value = _typed(value, cell["style_id"], number, texts, is_percent)
                    if value is None:
                        continue
                    if number > MAX_ROWS:
                        raise SpreadsheetError(too_large_message(number))
                    values.extend([None] * (column - 1 - len(values)))
                    if column <= len(values):  # a cell given twice: the last counts
                        values[column - 1] = value
                    else:
                        values.append(value)
                if not values:
                    continue
                dimensions = parser.row_dimensions.get(str(number))
                hidden = bool(dimensions) and dimensions.get("hidden") in ("1", "true")
                yield SheetRow(number, tuple(values), hidden)
            if merged is not None and parser.merged_cells is not None:
                merged.extend(_merged_ranges(parser.merged_cells))
    except SpreadsheetError:
        raise
    except Exception as error:  # zlib.error, a cut-off zip, broken XML, ...
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
    finally:
        if close:
            workbook.close()


def _hidden_columns(parser, max_columns: int) -> set[int]:
    """The indexes (0 is column A) of the columns that ``<cols>`` hides."""
    hidden = set()
    for attributes in parser.column_dimensions.values():
        if attributes.get("hidden") not in ("1", "true"):
            continue
        try:
            first, last = int(attributes["min"]), int(attributes.get("max", 0))
        except (KeyError, ValueError):
            continue
        hidden.update(range(first - 1, min(max(first, last), max_columns)))
    return hidden


def _merged_ranges(merged_cells) -> list[tuple[int, int, int, int]]:
    """``<mergeCell ref="B2:B4"/>`` → (first row, first column, last row, last column),
    rows numbered from 1, columns from 0."""
    from openpyxl.utils.cell import range_boundaries

    ranges = []
    for cell in merged_cells.mergeCell:
        try:
            first_column, first_row, last_column, last_row = range_boundaries(cell.ref)
        except (TypeError, ValueError):
            continue
        ranges.append((first_row, first_column - 1, last_row, last_column - 1))
    return ranges


def _typed(value, style_id, row: int, texts: TextCells, is_percent):
    kind = type(value)
    if kind is str:
        return texts.clean(value, row)
    if kind is bool:
        return _BOOLEANS[value]
    if kind is int or kind is float:
        number = Decimal(repr(value)) if kind is float else value
        if style_id and is_percent(style_id):
            return PercentCell(Decimal(number))
        if kind is float:
            if not number.is_finite():
                return texts.clean(str(value), row)
            if number == number.to_integral_value():
                return int(number)
        return number
    if isinstance(value, _DATE_TYPES):
        return value
    return texts.clean(str(value), row)  # rich text and the like
