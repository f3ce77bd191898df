"""One cell's value for the import: text, a percentage or a whole number, or why not.

Cells arrive typed (``surveys.spreadsheets``): text, numbers, percent cells, dates. A
number or date where the format wants text is a conversion by the spreadsheet program
(01 → 1, 1-5 → 1 May) and is refused; numbers written as text are read with the file's
decimal separator (``surveys.spreadsheets.numbers``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from surveys.spreadsheets import PercentCell
from surveys.spreadsheets.numbers import (
    DECIMAL_COMMA,
    AmbiguousNumber,
    NotANumber,
    classify,
    compact,
    read_number,
)
from surveys.text import clean_text, restore_formula

CENT = Decimal("0.01")
#: The largest count or order the database stores (a PositiveIntegerField).
MAX_WHOLE_NUMBER = 2_147_483_647
_DATES = (datetime, date, time, timedelta)


class ParseError(ValueError):
    """A cell value that cannot be read; the message says why, in Dutch."""


def cell_text(value: object) -> str:
    """A cell as stripped text, whatever its type (for messages and loose columns)."""
    if type(value) is str:  # most cells: checked first, this runs for every cell
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime):
        return f"{value.day}-{value.month}-{value.year}" + (
            f" {value:%H:%M}" if value.time() != time() else ""
        )
    if isinstance(value, date):
        return f"{value.day}-{value.month}-{value.year}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    return str(value).strip()


def text_value(value: object, column: str, *, multiline: bool = False) -> str:
    """The text of a text column, cleaned (``surveys.text.clean_text``).

    Raises ``ParseError`` for a date, number or percent cell: the spreadsheet program
    turned the text into one, and the message says how to keep it text.
    """
    if type(value) is str:
        return clean_text(restore_formula(value.strip()), multiline=multiline)
    if value is None:
        return ""
    if isinstance(value, _DATES):
        raise ParseError(
            _(
                "in de kolom %(column)s staat de datum %(value)s in plaats van tekst: "
                "het spreadsheetprogramma heeft de tekst (bijvoorbeeld ‘1-5’) omgezet in "
                "een datum. Maak de kolom op als tekst, of begin de cel met een "
                "apostrof (’1-5), typ de tekst opnieuw en sla het bestand op"
            )
            % {"column": column, "value": cell_text(value)}
        )
    shown = str(value) if isinstance(value, PercentCell) else cell_text(value)
    raise ParseError(
        _(
            "in de kolom %(column)s staat het getal %(value)s in plaats van tekst: het "
            "spreadsheetprogramma heeft de tekst omgezet in een getal (‘01’ wordt 1). "
            "Maak de kolom op als tekst, of begin de cel met een apostrof (’01), typ "
            "de tekst opnieuw en sla het bestand op"
        )
        % {"column": column, "value": shown.replace(".", ",")}
    )


def _number(value: object, decimal: str | None, what: str, **context) -> Decimal:
    """A number from a number cell or a text; ParseError names ``what`` and the value."""
    if isinstance(value, bool):
        raise NotANumber(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr gives the shortest text that reads back as the same float: 0.1, not 0.1000000000000000055…
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return read_number(value, decimal)
        except AmbiguousNumber:
            raise ParseError(
                ambiguous_message(what, value.strip(), **context)
            ) from None
    raise NotANumber(value)


def ambiguous_message(what: str, value: str, *, separators=None) -> str:
    """Why ``value`` (``1.000``) cannot be read, given the decimal separators the file's
    other numbers showed (``Sheet.texts.separators``: separator → (text, row))."""
    separators = separators or {}
    separator = "," if "," in value else "."
    name = _("de komma") if separator == DECIMAL_COMMA else _("de punt")
    reason = _(
        "%(what)s ‘%(value)s’ is dubbelzinnig: het kan een getal met %(separator)s "
        "voor duizendtallen zijn of een getal met drie decimalen"
    ) % {"what": what, "value": value, "separator": name}
    if len(separators) > 1:
        (comma, comma_row), (point, point_row) = separators[","], separators["."]
        reason += _(
            ", en dit bestand gebruikt zowel een decimale komma (‘%(comma)s’, rij "
            "%(comma_row)d) als een decimale punt (‘%(point)s’, rij %(point_row)d)"
        ) % {
            "comma": comma,
            "comma_row": comma_row,
            "point": point,
            "point_row": point_row,
        }
    elif separator in separators:
        example, row = separators[separator]
        reason += _(
            ", en in dit bestand is %(separator)s het decimaalteken (‘%(example)s’, rij "
            "%(row)d), zodat er %(whole)s zou staan"
        ) % {
            "separator": name,
            "example": example,
            "row": row,
            "whole": _as_decimal(value, separator),
        }
    else:
        reason += _(", en de andere getallen in dit bestand laten niet zien welke")
    return reason + _(
        ". Schrijf het zonder scheidingsteken voor duizendtallen (bijvoorbeeld 1000)"
    )


def parse_percentage(
    value: object, decimal: str | None = None, *, separators=None
) -> tuple[Decimal, bool]:
    """A percentage between 0 and 100 with two decimals, and whether the cell said it
    is a percentage (a percent cell, or a ``%`` sign).

    Accepts ``25``, ``25%``, ``25,5``, ``25.5``, `` 25 % `` and numbers; a percent cell
    of 0.25 is 25. Raises ``ParseError``.
    """
    if isinstance(value, PercentCell):
        number, marked = value.percentage, True
        text = str(value)
    else:
        text = cell_text(value)
        if text == "":
            raise ParseError(_("het percentage is leeg"))
        marked = text.endswith("%")
        if isinstance(value, str):
            kind, separator = classify(compact(text))
            if kind == "ambiguous":
                # 33,333 or 1.578: read as thousands (33 333) it is no percentage, so
                # it has three decimals, whatever the file's other numbers show.
                decimal = separator
        try:
            number = _number(value, decimal, _("het percentage"), separators=separators)
        except NotANumber:
            raise ParseError(
                _("het percentage ‘%(value)s’ is geen getal") % {"value": text}
            ) from None
    if not 0 <= number <= 100:
        raise ParseError(
            _("het percentage %(value)s ligt niet tussen 0 en 100") % {"value": text}
        )
    return number.quantize(CENT, rounding=ROUND_HALF_UP), marked


def parse_whole_number(
    value: object, what: str, decimal: str | None = None, *, separators=None
) -> int | None:
    """A whole number of 0 or more, or None for an empty cell.

    ``1.000`` is one thousand in a file with decimal commas; where it could be one
    (a file with decimal points, or one that does not say), it is refused, never 1.
    """
    text = cell_text(value)
    if text == "":
        return None
    not_whole = ParseError(
        _("%(what)s ‘%(value)s’ is geen geheel getal van 0 of meer")
        % {"what": what, "value": text}
    )
    if text.isascii() and text.isdigit():
        number = int(text)
    elif isinstance(value, PercentCell):
        raise not_whole
    elif isinstance(value, str) and _reads_as_thousand_or_one(text, decimal):
        # 1.000 stored as 1 is the one thing never to happen.
        raise ParseError(ambiguous_message(what, text, separators=separators))
    else:
        try:
            number = _number(value, decimal, what, separators=separators)
        except NotANumber:
            raise not_whole from None
        if number < 0 or number != number.to_integral_value():
            raise not_whole
    if number > MAX_WHOLE_NUMBER:
        raise ParseError(
            _("%(what)s ‘%(value)s’ is te groot (hoogstens %(max)s)")
            % {
                "what": what,
                "value": text,
                "max": f"{MAX_WHOLE_NUMBER:,}".replace(",", "."),
            }
        )
    return int(number)


def _as_decimal(value: str, separator: str) -> str:
    """``1.200`` read with ``.`` as the decimal separator, written so: ``1.2``."""
    number = Decimal(compact(value).replace(separator, ".")).normalize()
    return format(number, "f").replace(".", separator)


def _reads_as_thousand_or_one(text: str, decimal: str | None) -> bool:
    """``1.000`` or ``1.200`` in a file with decimal points: one (or 1.2, no whole
    number), or a Dutch one thousand (two hundred)."""
    kind, separator = classify(compact(text))
    return kind == "ambiguous" and decimal == separator
