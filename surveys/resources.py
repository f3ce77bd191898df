"""django-import-export resource and file format for survey results.

The admin's import and export (``surveys.admin.ResultAdmin``) use
``ResultResource``; its ``import_data`` hands the whole file to
``surveys.services.import_results``, which validates every row in Python and
stores the lot in bulk, instead of django-import-export's row-by-row saving (a
round can have 100 000 rows). The ``import_results`` command reads files with the
same ``read_spreadsheet`` and calls the same service, so rules and messages match.

``read_spreadsheet`` reads xlsx, ods and csv by their content, whatever the file
is called, and keeps what tablib's own readers lose: cells formatted as
percentage (Excel stores 25 % as 0.25) become the text ``25%``; LibreOffice's
repeated cells are expanded; CSV may be UTF-8 or Windows-1252 and separated by
commas, semicolons (Dutch Excel) or tabs.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from decimal import Decimal

import tablib
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from import_export import resources
from import_export.fields import Field
from import_export.formats import base_formats
from import_export.results import Error, RowResult
from import_export.results import Result as ImportExportResult

from .models import Result, Survey
from .services import (
    COLUMNS,
    ImportSummary,
    empty_sheet_message,
    export_results,
    import_results,
    not_a_spreadsheet_message,
)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format, .xls
# Empty cells and rows at the end of a sheet are not data; LibreOffice writes
# "1 048 576 empty rows" as one repeated row, which must not be expanded.
MAX_COLUMNS = 200
#: A zip whose contents unpack to more than this is refused before it is read (a
#: round of 100 000 rows is ~25 MB unpacked): a small file must not fill the memory.
MAX_UNPACKED_BYTES = 500 * 1024 * 1024


class SpreadsheetError(ValueError):
    """The file cannot be read as a sheet of rows; the message says why, in Dutch."""


def read_spreadsheet(data: bytes) -> tablib.Dataset:
    """The first sheet of an xlsx, ods or csv file: first row headers, then data.

    Raises ``SpreadsheetError`` for anything else, and for a sheet without data.
    Blank rows in between stay in the dataset (as empty rows) so that row numbers
    in messages match the spreadsheet: dataset row *i* is sheet row *i + 2*.
    """
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                mimetype = (
                    archive.read("mimetype") if "mimetype" in names else b""
                ).strip()
                unpacked = sum(info.file_size for info in archive.infolist())
                uncomputed = unpacked <= MAX_UNPACKED_BYTES and _uncomputed_formulas(
                    archive
                )
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise SpreadsheetError(not_a_spreadsheet_message()) from error
        if unpacked > MAX_UNPACKED_BYTES:
            raise SpreadsheetError(
                _(
                    "Dit bestand is uitgepakt groter dan %(size)s en wordt niet gelezen. "
                    "Splits het in delen, bijvoorbeeld per vraag."
                )
                % {"size": filesizeformat(MAX_UNPACKED_BYTES)}
            )
        if uncomputed:
            raise SpreadsheetError(
                _(
                    "Dit bestand bevat formules waarvan de uitkomst niet in het bestand "
                    "is opgeslagen (het is door een programma gemaakt en nooit in een "
                    "spreadsheetprogramma geopend). Open het in Excel of LibreOffice, "
                    "sla het op en upload het opnieuw."
                )
            )
        if "xl/workbook.xml" in names:
            rows = _xlsx_rows(data)
        elif mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
            rows = _ods_rows(data)
        else:
            raise SpreadsheetError(not_a_spreadsheet_message())
    elif data.startswith(OLE_MAGIC):
        raise SpreadsheetError(
            _(
                "Het oude Excel-formaat (.xls) wordt niet gelezen. Sla het bestand in "
                "Excel op als Excel-werkmap (.xlsx) en upload het opnieuw."
            )
        )
    else:
        rows = _csv_rows(data)
    return _dataset(rows)


# A formula cell without a stored result: ``<f>…</f>`` or ``<f …/>``, then no or an
# empty ``<v>``. Excel and LibreOffice always store the result; data_only reading
# would turn such a cell into an empty one.
_UNCOMPUTED_FORMULA = re.compile(
    rb"(?:</f>|<f\b[^>]*/>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)


def _uncomputed_formulas(archive: zipfile.ZipFile) -> bool:
    """Whether a worksheet of this xlsx has a formula cell without its result."""
    for info in archive.infolist():
        if not (
            info.filename.startswith("xl/worksheets/")
            and info.filename.endswith(".xml")
        ):
            continue
        with archive.open(info) as sheet:
            tail = b""
            while chunk := sheet.read(1 << 20):
                if _UNCOMPUTED_FORMULA.search(tail + chunk):
                    return True
                tail = chunk[-200:]
    return False


def _dataset(rows) -> tablib.Dataset:
    """Rows (an iterable of cell values, the first the headers) as a padded Dataset.

    Blank cells become None. Equal texts are stored once: a round of 100 000 rows
    repeats its question texts, answers and segments thousands of times.
    """
    rows = iter(rows)
    texts: dict[str, str] = {}
    headers = _cells(next(rows, None) or [], texts)
    data, blank, width = [], 0, len(headers)
    for row in rows:
        values = _cells(row, texts)
        if not values:
            blank += 1  # kept only when data follows, so trailing blanks disappear
            continue
        data.extend([] for _ in range(blank))
        blank = 0
        data.append(values)
        width = max(width, len(values))
    if not headers or not data:
        raise SpreadsheetError(empty_sheet_message())
    for values in (headers, *data):
        values.extend([None] * (width - len(values)))
    return tablib.Dataset(*data, headers=headers)


def _cells(row, texts: dict[str, str]) -> list:
    """At most ``MAX_COLUMNS`` values, blanks as None, without blanks at the end."""
    values = []
    for value in itertools.islice(row, MAX_COLUMNS):
        if isinstance(value, str):
            value = texts.setdefault(value, value) if value.strip() else None
        values.append(value)
    while values and values[-1] is None:
        values.pop()
    return values


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


# --- xlsx --------------------------------------------------------------------------

# Quoted text and escaped characters in a number format are shown, not applied:
# 0.0"%" shows 25 as "25%" without multiplying.
_LITERALS = re.compile(r'"[^"]*"|\\.')


def _is_percent_format(number_format: str | None) -> bool:
    return bool(number_format) and "%" in _LITERALS.sub("", number_format)


def _percent_text(value) -> str:
    """0.255 (an Excel percentage cell) → ``"25.5%"``."""
    number = (
        Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    ) * 100
    return format(number.normalize(), "f") + "%"


def _xlsx_rows(data: bytes):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
    try:
        if not workbook.worksheets:
            raise SpreadsheetError(empty_sheet_message())
        sheet = workbook.worksheets[0]
        # Some programs write a wrong sheet size; read until the data ends instead.
        sheet.reset_dimensions()
        percent_formats: dict[str, bool] = {}
        # Row by row, without a list of all rows: ``_dataset`` keeps what it needs.
        for cells in sheet.iter_rows():
            row = []
            for cell in cells[:MAX_COLUMNS]:
                value = getattr(cell, "value", None)
                if isinstance(value, int | float | Decimal) and not isinstance(
                    value, bool
                ):
                    number_format = cell.number_format
                    if number_format not in percent_formats:
                        percent_formats[number_format] = _is_percent_format(
                            number_format
                        )
                    if percent_formats[number_format]:
                        value = _percent_text(value)
                row.append(value)
            yield row
    finally:
        workbook.close()


# --- ods ---------------------------------------------------------------------------


def _ods_rows(data: bytes):
    from odf import teletype
    from odf.namespaces import TABLENS
    from odf.opendocument import load
    from odf.table import Table

    try:
        document = load(io.BytesIO(data))
    except Exception as error:  # odfpy raises XML and zip errors of many kinds
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
    tables = document.spreadsheet.getElementsByType(Table)
    if not tables:
        raise SpreadsheetError(empty_sheet_message())

    def repeat(element, attribute: str) -> int:
        value = element.attributes.get((TABLENS, attribute))
        return int(value) if value and value.isdigit() else 1

    def read_cell(cell):
        kind = cell.getAttribute("valuetype")
        if kind in ("float", "currency"):
            return Decimal(cell.getAttribute("value"))
        if kind == "percentage":
            return _percent_text(Decimal(cell.getAttribute("value")))
        if kind == "date":
            return cell.getAttribute("datevalue")
        paragraphs = [
            teletype.extractText(node)
            for node in cell.childNodes
            if node.qname[1] == "p"
        ]
        return "\n".join(paragraphs)

    rows, blank_rows = [], 0
    for row in _table_rows(tables[0]):
        values, blank_cells = [], 0
        for cell in row.childNodes:
            if cell.qname[1] not in ("table-cell", "covered-table-cell"):
                continue
            value = read_cell(cell)
            count = repeat(cell, "number-columns-repeated")
            if _is_blank(value):
                blank_cells += count  # only kept when a value follows
                continue
            values.extend([None] * blank_cells)
            blank_cells = 0
            values.extend([value] * min(count, MAX_COLUMNS))
            if len(values) >= MAX_COLUMNS:
                break
        count = repeat(row, "number-rows-repeated")
        if not values:
            blank_rows += count
            continue
        rows.extend([[]] * blank_rows)
        blank_rows = 0
        rows.extend([values] * count)
    return rows


def _table_rows(table):
    """Rows of a table, also those inside header-row and row groups."""
    for node in table.childNodes:
        kind = node.qname[1]
        if kind == "table-row":
            yield node
        elif kind in ("table-header-rows", "table-rows", "table-row-group"):
            yield from _table_rows(node)


# --- csv ---------------------------------------------------------------------------


def _csv_rows(data: bytes):
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise SpreadsheetError(not_a_spreadsheet_message()) from error


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM ("Unicode text"), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise SpreadsheetError(not_a_spreadsheet_message()) from error
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(not_a_spreadsheet_message())
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(not_a_spreadsheet_message())


# --- django-import-export -----------------------------------------------------------


class ResultsSpreadsheet(base_formats.Format):
    """The admin's one import format: xlsx, ods or csv, recognised by content.

    One format means no format menu to get wrong, and nothing that needs
    JavaScript to guess it from the file name.
    """

    def __init__(self, encoding=None):
        # The admin passes an encoding; the content decides it (see ``_decode``).
        self.encoding = encoding

    def get_title(self):
        return _("xlsx, csv of ods")

    def create_dataset(self, in_stream):
        return read_spreadsheet(in_stream)

    def can_import(self) -> bool:
        return True

    def get_extension(self) -> str:
        return "xlsx"


class ExcelCSV(base_formats.CSV):
    """CSV export with a byte-order mark, so that Excel reads its accents (é) correctly."""

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, **kwargs)


class ResultsImportResult(ImportExportResult):
    """django-import-export's result, carrying our summary for the preview template."""

    def __init__(self, summary: ImportSummary):
        super().__init__()
        self.summary = summary
        self.diff_headers = list(COLUMNS)
        self.total_rows = summary.results
        for issue in summary.errors:
            self.append_base_error(
                Error(SpreadsheetError(issue.message), number=issue.row)
            )
        self.totals[RowResult.IMPORT_TYPE_NEW] = summary.new
        self.totals[RowResult.IMPORT_TYPE_UPDATE] = summary.updated
        self.totals[RowResult.IMPORT_TYPE_SKIP] = summary.unchanged
        self.totals[RowResult.IMPORT_TYPE_DELETE] = summary.removed


class ResultResource(resources.Resource):
    """Aggregated results in the import format of PRODUCT.md, one row per option per segment."""

    enquete = Field(column_name="enquete")
    vraagcode = Field(column_name="vraagcode")
    vraag = Field(column_name="vraag")
    vraagtype = Field(column_name="vraagtype")
    antwoord = Field(column_name="antwoord")
    percentage = Field(column_name="percentage")
    aantal = Field(column_name="aantal")
    segment = Field(column_name="segment")
    volgorde = Field(column_name="volgorde")

    class Meta:
        model = Result

    def __init__(self, survey: Survey | None = None, **kwargs):
        super().__init__()
        self.survey = survey

    @classmethod
    def get_display_name(cls) -> str:
        return _("Resultaten")

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """Validate everything, then store everything or nothing (see ``import_results``)."""
        summary = import_results(survey=self.survey, dataset=dataset, dry_run=dry_run)
        return ResultsImportResult(summary)

    def export(self, queryset=None, **kwargs) -> tablib.Dataset:
        return export_results(queryset)
