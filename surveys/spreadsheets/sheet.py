"""What a reader hands over: one sheet, its header row and its rows as typed cell values.

Cell values, by type:

- ``None``: an empty cell (also a text of spaces only);
- ``str``: text, in NFC, never with a control character (a CSV with one is refused);
- ``int`` or ``Decimal``: a number cell (xlsx, ods; CSV has text only);
- ``PercentCell``: a number cell formatted as percentage (Excel stores 25 % as 0.25);
- ``datetime.date``, ``datetime.datetime``, ``datetime.time`` or ``datetime.timedelta``:
  a cell that the spreadsheet program holds as a date or time.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext as _

from surveys.text import CONTROL_CHARACTERS

from . import numbers

#: Rows and columns read at most; a file with data beyond them is refused, before
#: LibreOffice's repeated rows or cells are expanded (a 1 KB file can say "this row
#: 1 000 000 times").
MAX_ROWS = 200_000
MAX_COLUMNS = 200


class SpreadsheetError(ValueError):
    """The file cannot be read as a sheet of rows; the message says why, in Dutch."""


@dataclass(frozen=True, slots=True)
class PercentCell:
    """A number cell formatted as percentage: ``fraction`` 0.25 is shown as 25 %."""

    fraction: Decimal

    @property
    def percentage(self) -> Decimal:
        return (self.fraction * 100).normalize()

    def __str__(self) -> str:
        return format(self.percentage, "f") + "%"


class SheetRow(NamedTuple):
    """One row with a value: its spreadsheet row number (the header row is 1), its cell
    values from the first column on (trailing empty cells left off), and whether the
    row is hidden in the spreadsheet program."""

    number: int
    cells: tuple
    hidden: bool = False


@dataclass(frozen=True)
class SkippedSheet:
    """A sheet before the chosen one, and why it was not taken."""

    name: str
    hidden: bool
    has_headers: bool

    @property
    def reason(self) -> str:
        if self.hidden:
            return _("verborgen")
        return _("zonder de kolomkoppen")


def normalize_header(value: object) -> str:
    """``" Enquête "`` → ``"enquete"``: headers match case- and accent-insensitively."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFKD", text.strip()).lower()
    return "".join(char for char in text if not unicodedata.combining(char))


class TextCells:
    """Cleans text cells once per distinct text, and notes the decimal separator that
    number-like texts show.

    A round of 100 000 rows repeats its question texts, answers and segments thousands
    of times: each distinct text is checked and normalised once, and kept once.
    """

    def __init__(self) -> None:
        #: Raw text → cleaned text (None for blank), for readers that look up first.
        self.seen: dict[str, str | None] = {"": None}
        #: Decimal separator → (the first text that showed it, its row).
        self.separators: dict[str, tuple[str, int]] = {}

    def clean(self, raw: str, row: int) -> str | None:
        try:
            return self.seen[raw]
        except KeyError:
            pass
        match = CONTROL_CHARACTERS.search(raw)
        if match:
            raise SpreadsheetError(
                _(
                    "Rij %(row)d bevat een onzichtbaar stuurteken (%(code)s), dat niet "
                    "in tekst hoort; het komt meestal mee bij kopiëren en plakken. "
                    "Verwijder het (of typ de cel opnieuw) en upload het bestand opnieuw."
                )
                % {"row": row, "code": f"U+{ord(match.group()):04X}"}
            )
        text = raw
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if not text.strip():
            text = None
        else:
            separator = numbers.evidence(text)
            if separator is not None and separator not in self.separators:
                self.separators[separator] = (text.strip(), row)
        self.seen[raw] = text
        return text


@dataclass
class Sheet:
    """The sheet that was read, its header row, its rows (once, lazily) and the facts of
    the file.

    ``rows`` yields a ``SheetRow`` for every row after the header row that has a value,
    reading the file as it goes; a damaged file raises ``SpreadsheetError`` from it.
    ``decimal_separator`` is known once ``rows`` has been read to the end.
    """

    format: str  # "xlsx", "ods" or "csv"
    headers: list[str]
    rows: Iterator[SheetRow]
    name: str | None = None  # None for CSV
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only
    skipped: list[SkippedSheet] = field(default_factory=list)
    #: Columns hidden in the spreadsheet program (0 is the first), known once the header
    #: row is read; empty for CSV.
    hidden_columns: set[int] = field(default_factory=set)
    #: Merged cells as (first row, first column, last row, last column), rows numbered
    #: as ``SheetRow.number``, columns from 0; complete once ``rows`` has been read.
    #: Only the first cell of a merge holds its value.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    texts: TextCells = field(default_factory=TextCells, repr=False)
    #: A guess of the number of rows, for progress bars (None: unknown).
    size_hint: int | None = None

    @property
    def decimal_separator(self) -> str | None:
        """``","`` or ``"."`` when the file's number texts show it (and not both)."""
        return numbers.decide(self.texts.separators)

    @property
    def label(self) -> str:
        """ "werkblad ‘Resultaten’" or "het CSV-bestand"."""
        if self.format == "csv":
            return _("het CSV-bestand")
        return _("werkblad ‘%(name)s’") % {"name": self.name}

    @property
    def description(self) -> str:
        """Which sheet was read, for the preview and the command: "werkblad ‘Resultaten’"."""
        if self.format == "csv":
            return _("het CSV-bestand (tekenset %(encoding)s, %(delimiter)s)") % {
                "encoding": ENCODING_NAMES.get(self.encoding, self.encoding),
                "delimiter": delimiter_name(self.delimiter),
            }
        text = self.label
        if self.skipped:
            text += " " + _("(overgeslagen: %(sheets)s)") % {
                "sheets": ", ".join(
                    f"‘{sheet.name}’ ({sheet.reason})" for sheet in self.skipped
                )
            }
        return text


ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "cp1252": "Windows-1252",
    "mac-roman": "Mac Roman",
}


def delimiter_name(delimiter: str | None) -> str:
    names = {
        ",": _("gescheiden door komma’s"),
        ";": _("gescheiden door puntkomma’s"),
        "\t": _("gescheiden door tabs"),
    }
    return names.get(delimiter, _("één kolom"))


def empty_sheet_message() -> str:
    return _(
        "Het werkblad is leeg: er staan geen gegevens in. Zet de kolomkoppen in de "
        "eerste rij en daaronder één rij per antwoord per segment."
    )


def not_a_spreadsheet_message() -> str:
    return _(
        "Dit bestand is geen spreadsheet die gelezen kan worden. Gebruik een xlsx-, "
        "csv- of ods-bestand."
    )


def too_large_message(row: int | None = None, *, columns: int = MAX_COLUMNS) -> str:
    if row is None:
        return _(
            "Dit werkblad heeft gegevens voorbij kolom %(columns)d; zo breed kan een "
            "importbestand niet zijn. Verwijder de gegevens rechts van de tabel."
        ) % {"columns": columns}
    return _(
        "Dit werkblad heeft gegevens voorbij rij %(rows)s (rij %(row)s); zoveel rijen "
        "worden niet gelezen. Splits het bestand in delen, bijvoorbeeld per vraag."
    ) % {"rows": f"{MAX_ROWS:,}".replace(",", "."), "row": f"{row:,}".replace(",", ".")}
