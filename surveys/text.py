"""Text that is stored or leaves the site: NFC, no control characters, no formulas.

- ``clean_text`` is what every text stored through the import and the survey admin
  forms goes through: one Unicode form (NFC, so that "é" typed two ways is one
  answer), no control characters (they break the xlsx export, feeds and XML).
- ``neutralise_formula`` makes a text cell of an export safe to open in a spreadsheet
  program (OWASP "CSV injection": a leading ``=``, ``+``, ``-``, ``@``, tab or carriage
  return gets an apostrophe); ``restore_formula`` undoes exactly that on import, so
  that an answer "-" or "+5 %" round-trips.
"""

from __future__ import annotations

import re
import unicodedata

#: C0 and C1 control characters except tab, line feed and carriage return, and the
#: noncharacters U+FFFE and U+FFFF: never text, and invalid in XML.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Tabs and line breaks, with the spaces around them, in a one-line text.
_BREAKS = re.compile(r"[ \u00a0]*[\t\r\n][\s]*")

#: A text cell starting with one of these is a formula to a spreadsheet program.
FORMULA_TRIGGERS = frozenset("=+-@\t\r")
_ESCAPED = FORMULA_TRIGGERS | {"'"}


def strip_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)


def clean_text(text: str, *, multiline: bool = False) -> str:
    """``text`` in NFC without control characters, stripped.

    One-line texts (labels, codes, segment names) also lose tabs and line breaks (each
    run becomes one space); ``multiline`` texts keep their line breaks as ``\\n``.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = CONTROL_CHARACTERS.sub("", text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    elif "\t" in text or "\n" in text or "\r" in text:
        text = _BREAKS.sub(" ", text)
    return text.strip()


def neutralise_formula(text: str) -> str:
    """``=SUM(A1)`` → ``'=SUM(A1)``; ``-`` → ``'-``; other texts unchanged.

    A text that already starts with an apostrophe before such a character gets a
    second one, so that ``restore_formula`` gives back exactly the original.
    """
    first = text[:1]
    if first in FORMULA_TRIGGERS or (first == "'" and text[1:2] in _ESCAPED):
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """The inverse of ``neutralise_formula``: ``'-`` → ``-``, ``'=1`` → ``=1``.

    The import still refuses a text starting with ``=``; this only makes sure that an
    exported, neutralised cell is read as what was exported.
    """
    if text[:1] == "'" and text[1:2] in _ESCAPED:
        return text[1:]
    return text
