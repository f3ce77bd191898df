"""Numbers written as text, read as a person reads them: ``25,5``, ``1.000``, ``1,000.5``.

Dutch files write one thousand and a half as ``1.000,5``, English ones as ``1,000.5``.
Most values say by themselves which separator is the decimal one (``25,5``, ``0.125``,
``1.000.000``); a value such as ``1.000`` or ``1,578`` does not: one separator followed
by exactly three digits is a thousand-something or a number with three decimals. Such a
value is read the way the file's other values show (``decimal_separator``), and is
ambiguous when they show nothing, or both.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DECIMAL_COMMA = ","
DECIMAL_POINT = "."

_WHITESPACE = re.compile(r"\s+")  # also non-breaking and narrow spaces (thousands)
_PLAIN = re.compile(r"[-+]?[0-9]+")
_ONE_SEPARATOR = re.compile(r"([-+]?)([0-9]*)([.,])([0-9]*)")
_GROUPED = {
    # thousands separator: the number, with an optional decimal part
    ".": re.compile(r"[-+]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]*)?"),
    ",": re.compile(r"[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?"),
}
_OTHER = {".": ",", ",": "."}


class NotANumber(ValueError):
    """The text is no number in any notation."""


class AmbiguousNumber(ValueError):
    """``1.000``: one thousand or one, and the file does not say which."""


def compact(text: str) -> str:
    """Without any whitespace (``1 000`` is one thousand) and without a ``%`` at the end."""
    return _WHITESPACE.sub("", text).removesuffix("%")


def classify(text: str) -> tuple[str, str | None]:
    """What ``text`` (compacted) is: ``("plain", None)``, ``("decimal", sep)`` where ``sep``
    is certainly the decimal separator, ``("ambiguous", sep)``, or ``("none", None)``."""
    if _PLAIN.fullmatch(text):
        return "plain", None
    has_point, has_comma = "." in text, "," in text
    if has_point and has_comma:
        for thousands, pattern in _GROUPED.items():
            if pattern.fullmatch(text):
                return "decimal", _OTHER[thousands]
        return "none", None
    separator = "." if has_point else ","
    if text.count(separator) > 1:
        if _GROUPED[separator].fullmatch(text):
            return "decimal", _OTHER[separator]  # 1.000.000: the point groups thousands
        return "none", None
    match = _ONE_SEPARATOR.fullmatch(text)
    if not match:
        return "none", None
    _sign, whole, _separator, fraction = match.groups()
    if not (whole or fraction):
        return "none", None
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole[0] != "0":
        return "ambiguous", separator
    return "decimal", separator


def evidence(text: str) -> str | None:
    """The decimal separator that this cell text shows for certain, if any."""
    if "," not in text and "." not in text:
        return None
    kind, separator = classify(compact(text))
    return separator if kind == "decimal" else None


def read_number(text: str, decimal_separator: str | None) -> Decimal:
    """The number that ``text`` says, given the file's decimal separator (None: unknown).

    Raises ``NotANumber``, or ``AmbiguousNumber`` for ``1.000`` in a file that does not
    show its decimal separator.
    """
    value = compact(text)
    kind, separator = classify(value)
    if kind == "none":
        raise NotANumber(text)
    if kind == "ambiguous":
        if decimal_separator is None:
            raise AmbiguousNumber(text)
        kind = "decimal" if decimal_separator == separator else "thousands"
        if kind == "thousands":
            value = value.replace(separator, "")
            separator = None
    if kind == "decimal":
        value = value.replace(_OTHER[separator], "").replace(separator, ".")
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise NotANumber(text) from error
    if not number.is_finite():
        raise NotANumber(text)
    return number


def decide(seen: dict[str, object]) -> str | None:
    """The file's decimal separator from the separators its values showed (``seen``)."""
    if len(seen) == 1:
        return next(iter(seen))
    return None
