"""CSV as spreadsheet programs save it: four encodings, three separators, three line ends.

Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" in Windows-1252 with
semicolons, "CSV UTF-8" with a byte-order mark, "Unicode-tekst" as UTF-16 with tabs, and
Excel for Mac "CSV (Macintosh)" in Mac Roman with CR line ends. A byte-order mark or valid
UTF-8 decides; otherwise charset-normalizer proposes the single-byte code pages the
text decodes in (with Windows-1252 and Mac Roman always among them), and
``implausibility`` chooses: on short Dutch texts charset-normalizer alone takes Mac
Roman "één" for Windows-1252 "ŽŽn", or proposes nothing. When the
choice stays open the file is refused: mojibake is never stored.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Iterator

from django.utils.translation import gettext as _

from .sheet import (
    MAX_COLUMNS,
    MAX_ROWS,
    Sheet,
    SheetRow,
    SpreadsheetError,
    TextCells,
    empty_sheet_message,
    not_a_spreadsheet_message,
    too_large_message,
)

#: The single-byte code pages Dutch spreadsheet programs write.
CODE_PAGES = ["cp1252", "mac_roman"]
DELIMITERS = (",", ";", "\t")

# Non-ASCII characters that Dutch (and Western European) text has, by kind.
_LOWER = set("éèëêáàäâïóòöôúùüûçøåæß")
_UPPER = set("ÉÈËÊÁÀÄÖÜÏÇØÅ")
_PUNCTUATION = set("€‘’“”„–—…•°±²³½¼¾×÷§©®™£¢µ«»\u00a0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def read_csv(data: bytes, *, max_columns: int = MAX_COLUMNS) -> Sheet:
    text, encoding = decode(data)
    lines = text.splitlines()
    # The separator from the first line with text: a blank first line says nothing.
    first = next((line for line in lines if line.strip()), "")
    offset = 0
    if re.fullmatch(r"sep=.", first):  # Excel's own hint of the separator
        delimiter, offset = first[4], 1
        text = text.split(first, 1)[1].lstrip("\r\n")
        first = text.splitlines()[0] if text else ""
    else:
        delimiter = max(DELIMITERS, key=first.count)
        if not first.count(delimiter):
            delimiter = None
    texts = TextCells()
    rows = _rows(text, delimiter, texts, offset, max_columns)
    header = next(rows, None)
    if header is None:
        raise SpreadsheetError(empty_sheet_message())
    if header.number != 1 + offset:  # the first row is blank: no headers
        rows, header = itertools.chain([header], rows), SheetRow(1, ())
    return Sheet(
        format="csv",
        headers=["" if value is None else value.strip() for value in header.cells],
        rows=rows,
        encoding=encoding,
        delimiter=delimiter,
        texts=texts,
        size_hint=max(len(lines) - 1 - offset, 0),
    )


def _rows(
    text: str, delimiter, texts: TextCells, offset: int, max_columns: int
) -> Iterator[SheetRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or ",")
    clean = texts.clean
    seen = texts.seen  # cleaned texts by raw text: most cells are found here
    try:
        for number, record in enumerate(reader, start=1 + offset):
            values = [
                seen[raw] if raw in seen else clean(raw, number) for raw in record
            ]
            while values and values[-1] is None:
                values.pop()
            if not values:
                continue
            if len(values) > max_columns:
                raise SpreadsheetError(too_large_message(columns=max_columns))
            if number > MAX_ROWS:
                raise SpreadsheetError(too_large_message(number))
            yield SheetRow(number, tuple(values))
    except csv.Error as error:
        raise SpreadsheetError(not_a_spreadsheet_message()) from error


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding; ``SpreadsheetError`` when unsure."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise SpreadsheetError(not_a_spreadsheet_message()) from error
    sample = data[:4096]
    if not _looks_like_utf16(sample) and _control_bytes(sample) > max(
        2, len(sample) / 20
    ):
        raise SpreadsheetError(not_a_spreadsheet_message())  # binary, not text
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy(data)


def _control_bytes(sample: bytes) -> int:
    return sum(byte < 32 and byte not in b"\t\n\r" for byte in sample)


def _legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    sample = data[:4096]
    if _looks_like_utf16(sample):
        proposed = ["utf_16_le", "utf_16_be"]  # no byte-order mark, but NUL bytes
    else:
        proposed = [m.encoding for m in from_bytes(data, cp_isolation=CODE_PAGES)]
    decoded: dict[str, str] = {}
    for name in proposed if _looks_like_utf16(sample) else [*proposed, *CODE_PAGES]:
        encoding = codecs.lookup(name).name
        try:
            decoded.setdefault(encoding, data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise SpreadsheetError(not_a_spreadsheet_message())
    scores = sorted(
        (implausibility(text), encoding) for encoding, text in decoded.items()
    )
    best_score, best = scores[0]
    rivals = [
        encoding
        for score, encoding in scores[1:]
        if score == best_score and decoded[encoding] != decoded[best]
    ]
    text = decoded[best]
    if rivals and "mac-roman" in [best, *rivals] and _mac_line_ends(data):
        best, rivals = "mac-roman", []  # Excel for Mac writes CR line ends
        text = decoded[best]
    # A text that is mostly unlikely characters in every code page is none of them.
    if rivals or best_score > len(_NON_ASCII.findall(text)):
        raise SpreadsheetError(
            _(
                "De tekenset van dit CSV-bestand is niet met zekerheid vast te stellen, "
                "zodat letters als é of ë verkeerd zouden worden opgeslagen. Sla het "
                "bestand op als ‘CSV UTF-8’ (of als Excel-werkmap, .xlsx) en upload het "
                "opnieuw."
            )
        )
    return text, best


def _looks_like_utf16(sample: bytes) -> bool:
    """ASCII text in UTF-16: every other byte NUL, and the bytes between them not.

    (A run of NUL bytes, as in a binary file, is no text in any encoding.)
    """
    if len(sample) < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    nuls, others = max(even, odd), min(even, odd)
    return nuls > len(sample) * 0.4 and others < len(sample) * 0.05


def _mac_line_ends(data: bytes) -> bool:
    return b"\r" in data and b"\n" not in data


def implausibility(text: str) -> int:
    """How many non-ASCII characters of ``text`` are unlikely in Dutch text where they stand.

    Mojibake shows as letters and signs Dutch hardly has (Ž, š, ˆ, ∞), as a capital
    inside a word (cafÈ), as a lone letter (" ñ " for a dash) or as punctuation
    inside a word (idee‘n).
    """
    score = 0
    length = len(text)
    for match in _NON_ASCII.finditer(text):
        char, position = match.group(), match.start()
        before = text[position - 1] if position else " "
        after = text[position + 1] if position + 1 < length else " "
        if char in _LOWER:
            if not (before.isalpha() or after.isalpha()) and char != "à":
                score += 1  # a letter on its own
            elif char in "ëïüöä" and not before.isalpha():
                score += 1  # a diaeresis starts no Dutch word
        elif char in _UPPER:
            if before.isalpha() and before.islower():
                score += 1  # a capital inside a word
            elif before.isupper() and after.islower():
                score += 1  # ÈÈn: two capitals, then small letters
            elif not (before.isalpha() or after.isalpha()):
                score += 1
        elif char in _PUNCTUATION:
            if char not in "’\u00a0" and before.isalpha() and after.isalpha():
                score += 1
        elif unicodedata.category(char) != "Zs":
            score += 2
    return score
