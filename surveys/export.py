"""Exporting results in the import format, so that export → edit → import round-trips.

One source of rows (``result_rows``) for every file that leaves the site: the public
``data.csv`` and ``data.xlsx`` of a round, and the admin export in all its formats.
Every text cell is safe to open in a spreadsheet program: control characters are
dropped and a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return gets an
apostrophe (OWASP, CSV injection), which the import takes off again. Numbers are
numbers (25.5, never 0.255), never neutralised: they are never negative.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal

import tablib
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .importing.format import COLUMNS
from .models import Result
from .text import neutralise_formula, strip_control_characters

#: The sheet name of every exported workbook.
SHEET_TITLE = "Resultaten"

_ORDER = (
    "option__question__survey__slug",
    "option__question__order",
    "option__question__id",
    "segment__order",
    "segment__name",
    "option__order",
    "option__id",
)
_FIELDS = (
    "option__question__survey__slug",
    "option__question__code",
    "option__question__text",
    "option__question__type",
    "option__label",
    "percentage",
    "count",
    "segment__name",
    "option__order",
    "is_suppressed",
)


def safe_text(value: str) -> str:
    """A text cell as it may leave the site."""
    return neutralise_formula(strip_control_characters(value))


def result_rows(
    results: QuerySet[Result] | None = None, *, public: bool = False
) -> Iterator[tuple]:
    """The rows of the import format, ordered by round, question, segment and option.

    ``public``: a suppressed result (too few respondents) shows no figure, only
    "te weinig respondenten".
    """
    if results is None:
        results = Result.objects.all()
    rows = results.order_by(*_ORDER).values_list(*_FIELDS)
    texts: dict[str, str] = {}
    numbers: dict[Decimal, Decimal | int] = {}
    suppressed = _("te weinig respondenten")

    def text(value: str) -> str:
        try:
            return texts[value]
        except KeyError:
            texts[value] = safe_text(value)
            return texts[value]

    for (
        slug,
        code,
        question,
        kind,
        label,
        percentage,
        count,
        segment,
        order,
        hidden,
    ) in rows.iterator(chunk_size=5000):
        if public and hidden:
            shown, count = suppressed, None
        else:
            shown = numbers.get(percentage)
            if shown is None:
                shown = numbers[percentage] = plain_number(percentage)
        yield (
            text(slug),
            text(code),
            text(question),
            kind,
            text(label),
            shown,
            "" if count is None else count,
            text(segment),
            order,
        )


def plain_number(value: Decimal) -> Decimal | int:
    """25.00 → 25, 25.50 → 25.5: what a person would type."""
    value = value.normalize()
    return int(value) if value == value.to_integral_value() else value


def results_dataset(results: QuerySet[Result] | None = None) -> tablib.Dataset:
    """For the admin export (django-import-export formats): the sheet is "Resultaten"."""
    dataset = tablib.Dataset(headers=list(COLUMNS), title=SHEET_TITLE)
    for row in result_rows(results):
        dataset.append(row)
    return dataset


def results_csv(results: QuerySet[Result]) -> bytes:
    """``data.csv``: UTF-8 with a byte-order mark, so that Dutch Excel reads é and €."""
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    writer.writerows(result_rows(results, public=True))
    return stream.getvalue().encode("utf-8")


def results_xlsx(results: QuerySet[Result]) -> bytes:
    """``data.xlsx``: one sheet "Resultaten", bold frozen headers, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in result_rows(results, public=True):
        sheet.append([None if value == "" else value for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
