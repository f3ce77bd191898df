"""One row of the import format on its own: its texts checked, its numbers parsed.

Each column's distinct values are parsed and checked once (a round of 100 000 rows
repeats its codes, questions, answers and segments thousands of times); numbers are
parsed once all rows are read, because how ``1.000`` reads depends on the file's other
numbers (``Sheet.decimal_separator``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter

from django.utils.translation import gettext as _

from surveys.models import TOTAL_SEGMENT, AnswerOption, Segment, Survey
from surveys.spreadsheets import Sheet

from .cells import (
    ParseError,
    cell_text,
    parse_percentage,
    parse_whole_number,
    text_value,
)
from .format import CODE_PATTERN, COLUMNS, FORMULA_PREFIX, QUESTION_TYPES
from .summary import ImportIssue

#: Progress is reported every this many rows read.
PROGRESS_EVERY = 1000


@dataclass(slots=True)
class Row:
    number: int
    slug: str
    code: str
    text: str
    type: str
    label: str
    segment: str
    raw_percentage: object
    raw_count: object
    raw_order: object
    survey: Survey | None = None
    percentage: Decimal | None = None
    marked_percent: bool = False
    count: int | None = None
    order: int | None = None


def row_issue(number: int, reason: str) -> ImportIssue:
    return ImportIssue(
        _("Rij %(row)d: %(reason)s.") % {"row": number, "reason": reason}, row=number
    )


def read_rows(sheet: Sheet, columns, errors, progress) -> tuple[list[Row], list[int]]:
    """Every row with a value as a ``Row`` (numbers still raw); hidden rows apart."""
    # One itemgetter takes the format's columns from each row, cut to the columns it
    # needs and padded: a column the file lacks is read from the padding.
    needed = max(columns.values()) + 1
    take = itemgetter(*[columns.get(name, needed) for name in COLUMNS])
    pad = (None,) * (needed + 1)
    width = len(COLUMNS)
    parser = _RowParser()
    rows: list[Row] = []
    hidden: list[int] = []
    total = sheet.size_hint
    read = 0
    for read, sheet_row in enumerate(sheet.rows, start=1):
        if read % PROGRESS_EVERY == 0:
            progress("lezen", read, total)
        cells = sheet_row.cells
        values = take(cells[:needed] + pad[min(len(cells), needed) :])
        if values.count(None) == width:
            continue  # a value in another column only (a note)
        if sheet_row.hidden:
            hidden.append(sheet_row.number)
            continue
        row, reasons = parser.parse(sheet_row.number, values)
        rows.append(row)
        if reasons:
            errors.extend(row_issue(sheet_row.number, reason) for reason in reasons)
    progress("lezen", read, read)
    return rows, hidden


class _RowParser:
    """Parses rows; each column's distinct values once (a round of 100 000 rows repeats
    its codes, questions, answers and segments thousands of times)."""

    def __init__(self) -> None:
        # One cache and parser per text column, in the order of the format.
        self.parsers = list(_COLUMN_PARSERS.values())
        self.caches: list[dict] = [{} for _parser in self.parsers]

    def parse(self, number: int, values: tuple) -> tuple[Row, list[str]]:
        results = []
        for cache, parser, raw in zip(
            self.caches, self.parsers, itemgetter(0, 1, 2, 3, 4, 7)(values), strict=True
        ):
            result = cache.get(raw)
            if result is None:
                result = cache[raw] = parser(raw)
            results.append(result)
        (slug, e1), (code, e2), (text, e3), (kind, e4), (label, e5), (segment, e6) = (
            results
        )
        reasons = (
            [*e1, *e2, *e3, *e4, *e5, *e6] if e1 or e2 or e3 or e4 or e5 or e6 else []
        )
        row = Row(
            number=number,
            slug=slug,
            code=code,
            text=text,
            type=kind,
            label=label,
            segment=segment,
            raw_percentage=values[5],
            raw_count=values[6],
            raw_order=values[8],
        )
        return row, reasons


def _text(raw, column: str, errors: list[str], **options) -> str | None:
    """The text of a text column; None (with the reason in ``errors``) if it is none."""
    try:
        return text_value(raw, column, **options)
    except ParseError as error:
        errors.append(str(error))
        return None


def _formula(column: str, text: str, errors: list[str]) -> None:
    if text.startswith(FORMULA_PREFIX):
        errors.append(
            _(
                "de kolom %(column)s begint met =; dat ziet eruit als een formule, "
                "zet de tekst zelf in de cel"
            )
            % {"column": column}
        )


def _parse_slug(raw) -> tuple[str, tuple[str, ...]]:
    errors: list[str] = []
    return _text(raw, "enquete", errors) or "", tuple(errors)


def _parse_code(raw) -> tuple[str, tuple[str, ...]]:
    errors: list[str] = []
    code = _text(raw, "vraagcode", errors)
    if code == "":
        errors.append(_("de vraagcode is leeg"))
    elif code and (len(code) > 50 or not CODE_PATTERN.match(code)):
        errors.append(
            _(
                "de vraagcode ‘%(code)s’ mag alleen letters, cijfers, - en _ bevatten "
                "(hoogstens 50 tekens)"
            )
            % {"code": code}
        )
    return code or "", tuple(errors)


def _parse_question_text(raw) -> tuple[str, tuple[str, ...]]:
    errors: list[str] = []
    text = _text(raw, "vraag", errors, multiline=True) or ""
    _formula("vraag", text, errors)
    return text, tuple(errors)


def _parse_type(raw) -> tuple[str, tuple[str, ...]]:
    kind = cell_text(raw).lower()
    if kind and kind not in QUESTION_TYPES:
        return kind, (
            _("het vraagtype ‘%(type)s’ is onbekend; gebruik single of multi")
            % {"type": cell_text(raw)},
        )
    return kind, ()


def _parse_label(raw) -> tuple[str, tuple[str, ...]]:
    errors: list[str] = []
    label = _text(raw, "antwoord", errors)
    if label == "":
        errors.append(_("het antwoord is leeg"))
    elif label and len(label) > AnswerOption._meta.get_field("label").max_length:
        errors.append(_("het antwoord is langer dan 300 tekens"))
    _formula("antwoord", label or "", errors)
    return label or "", tuple(errors)


def _parse_segment(raw) -> tuple[str, tuple[str, ...]]:
    errors: list[str] = []
    segment = _text(raw, "segment", errors) or TOTAL_SEGMENT
    if len(segment) > Segment._meta.get_field("name").max_length:
        errors.append(_("de naam van het segment is langer dan 100 tekens"))
    _formula("segment", segment, errors)
    return segment, tuple(errors)


_COLUMN_PARSERS = {
    "enquete": _parse_slug,
    "vraagcode": _parse_code,
    "vraag": _parse_question_text,
    "vraagtype": _parse_type,
    "antwoord": _parse_label,
    "segment": _parse_segment,
}


def parse_numbers(rows: list[Row], sheet: Sheet, errors: list[ImportIssue]) -> None:
    """Percentages, counts and orders, now that the file's decimal separator is known.

    Each distinct value is parsed once; a failure is kept as its reason."""
    decimal = sheet.decimal_separator
    separators = sheet.texts.separators
    count_name, order_name = _("het aantal"), _("de volgorde")
    percentages: dict = {}
    counts: dict = {}
    orders: dict = {}

    def percentage(raw):
        try:
            return percentages[raw]
        except KeyError:
            try:
                result = parse_percentage(raw, decimal, separators=separators)
            except ParseError as error:
                result = str(error)
            percentages[raw] = result
            return result

    def whole(cache: dict, raw, what: str):
        try:
            return cache[raw]
        except KeyError:
            try:
                result = (
                    parse_whole_number(raw, what, decimal, separators=separators),
                )
            except ParseError as error:
                result = str(error)
            cache[raw] = result
            return result

    for row in rows:
        reasons = []
        result = percentage(row.raw_percentage)
        if type(result) is str:
            reasons.append(result)
        else:
            row.percentage, row.marked_percent = result
        result = whole(counts, row.raw_count, count_name)
        if type(result) is str:
            reasons.append(result)
        else:
            row.count = result[0]
        result = whole(orders, row.raw_order, order_name)
        if type(result) is str:
            reasons.append(result)
        else:
            row.order = result[0]
        if reasons:
            errors.extend(row_issue(row.number, reason) for reason in reasons)
