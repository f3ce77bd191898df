"""Reading xlsx, ods and csv files as a person sees them in a spreadsheet program.

Our own readers, because tablib's and odfpy's lose what importers need: percent formats,
dates, hidden rows and sheets, row numbers, and odfpy expands repeated rows in memory.
docs/spreadsheets.md has the long note. One call for any importer::

    sheet = read_sheet(data, headers={"vraagcode", "antwoord"})
    sheet.name, sheet.headers          # the sheet chosen, its first row
    for row in sheet.rows:             # SheetRow(number, cells, hidden), read lazily
        ...
    sheet.decimal_separator            # "," or "." (known once the rows are read)
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .delimited import read_csv
from .ods import read_ods
from .sheet import (
    MAX_COLUMNS,
    MAX_ROWS,
    PercentCell,
    Sheet,
    SheetRow,
    SkippedSheet,
    SpreadsheetError,
    empty_sheet_message,
    normalize_header,
    not_a_spreadsheet_message,
)
from .xlsx import read_xlsx

__all__ = [
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "PercentCell",
    "Sheet",
    "SheetRow",
    "SkippedSheet",
    "SpreadsheetError",
    "empty_sheet_message",
    "normalize_header",
    "not_a_spreadsheet_message",
    "read_sheet",
]

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary Excel format, .xls
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: A zip whose contents unpack to more than this is refused before it is read (a
#: round of 100 000 rows is ~25 MB unpacked): a small file must not fill the memory.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: The parts openpyxl reads whole into memory (shared strings, styles, the workbook):
#: together at most this much unpacked. Worksheets and ods content are streamed.
MAX_WHOLE_PARTS_BYTES = 16 * 1024 * 1024
_STREAMED_PART = re.compile(r"xl/worksheets/[^/]+\.xml|content\.xml")


def read_sheet(
    data: bytes, *, headers: Iterable[str] = (), max_columns: int = MAX_COLUMNS
) -> Sheet:
    """The sheet of an xlsx, ods or csv file (recognised by content) that an importer reads.

    Of a workbook: the first visible sheet whose first row has all of ``headers``
    (matched as ``normalize_header`` does), else the first visible sheet. A hidden sheet
    is never read: when only a hidden one has the headers, that is the error. Raises
    ``SpreadsheetError`` (a Dutch message) for anything unreadable; ``sheet.rows`` may
    raise it too, as reading goes on. ``max_columns``: data beyond this column is
    refused (an answers file of respondents has a column per question and option).
    """
    wanted = frozenset(normalize_header(name) for name in headers)
    if data.startswith(ZIP_MAGIC):
        return _read_zip(data, wanted, max_columns)
    if data.startswith(OLE_MAGIC):
        raise SpreadsheetError(
            _(
                "Het oude Excel-formaat (.xls) wordt niet gelezen. Sla het bestand in "
                "Excel op als Excel-werkmap (.xlsx) en upload het opnieuw."
            )
        )
    return read_csv(data, max_columns=max_columns)


def _read_zip(data: bytes, headers: frozenset[str], max_columns: int) -> Sheet:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        names = {info.filename for info in infos}
        unpacked = sum(info.file_size for info in infos)
        whole = sum(
            info.file_size
            for info in infos
            if info.filename.endswith((".xml", ".rels"))
            and not _STREAMED_PART.fullmatch(info.filename)
        )
        if unpacked > MAX_UNPACKED_BYTES or whole > MAX_WHOLE_PARTS_BYTES:
            raise SpreadsheetError(
                _(
                    "Dit bestand is uitgepakt groter dan %(size)s en wordt niet gelezen. "
                    "Splits het in delen, bijvoorbeeld per vraag."
                )
                % {"size": filesizeformat(MAX_UNPACKED_BYTES)}
            )
        if "xl/workbook.xml" in names:
            if _uncomputed_formulas(archive):
                raise SpreadsheetError(
                    _(
                        "Dit bestand bevat formules waarvan de uitkomst niet in het "
                        "bestand is opgeslagen (het is door een programma gemaakt en "
                        "nooit in een spreadsheetprogramma geopend). Open het in Excel "
                        "of LibreOffice, sla het op en upload het opnieuw."
                    )
                )
            return read_xlsx(data, headers, max_columns)
        mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
        if mimetype == ODS_MIMETYPE and "content.xml" in names:
            return read_ods(archive, headers, max_columns)
    except SpreadsheetError:
        raise
    except Exception as error:  # BadZipFile, zlib.error, EOFError, a cut-off file ...
        raise SpreadsheetError(not_a_spreadsheet_message()) from error
    raise SpreadsheetError(not_a_spreadsheet_message())


# A formula cell without a stored result: ``<f>…</f>`` or ``<f …/>``, then no or an
# empty ``<v>``. Excel and LibreOffice always store the result; reading the values
# only would turn such a cell into an empty one. A cell typed ``t="str"`` has a
# computed text result, and an empty ``<v>`` there is the empty text that a formula
# such as =ALS(A2="";"";…) gives: that is a result, not a missing one.
_UNCOMPUTED_FORMULA = re.compile(
    rb'<c\b(?![^>]*\bt="str")[^>]*>\s*(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)'
    rb"\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
#: Bytes of one chunk kept for the next, so that a cell split between them is seen.
_OVERLAP = 4096


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
                tail = chunk[-_OVERLAP:]
    return False
