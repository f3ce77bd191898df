"""Exporting results in the import format, so that export → edit → import round-trips.

One source of rows (``result_rows``) for every file that leaves the site: the public
``data.csv`` and ``data.xlsx`` of a round, and the admin export in all its formats.
Every text cell is safe to open in a spreadsheet program: control characters are
dropped and a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return gets an
apostrophe (OWASP, CSV injection), which the import takes off again. Numbers are
numbers (25.5, never 0.255), never neutralised: they are never negative.

Speed: a round has up to 100 000 results. The results are read as bare values (no
joins, no model objects, no per-row converters), their questions, answers and segments
in three small queries, and the rows sorted in Python; ``data.xlsx`` is written by
``surveys.spreadsheets.writing`` (openpyxl takes seconds for 900 000 cells).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal

import tablib
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from .importing.format import COLUMNS
from .models import AnswerOption, Question, Result, Segment
from .spreadsheets.writing import xlsx_workbook
from .text import neutralise_formula, strip_control_characters

#: The sheet name of every exported workbook.
SHEET_TITLE = "Resultaten"
#: Added to the public files of a round computed from respondents (ignored on import):
#: the segment's n, the margin's bounds and a significant difference from the rest.
STATISTICS_COLUMNS = ("n", "marge_van", "marge_tot", "verschil")
STATISTICS_FIELDS = ("n", "interval_low", "interval_high", "difference")


def safe_text(value: str) -> str:
    """A text cell as it may leave the site."""
    return neutralise_formula(strip_control_characters(value))


def result_rows(
    results: QuerySet[Result] | None = None,
    *,
    public: bool = False,
    with_statistics: bool = False,
) -> Iterator[tuple]:
    """The rows of the import format, ordered by round, question, segment and option
    (as people write them).

    A suppressed result (too few respondents) has no figure: with ``public`` it shows
    "te weinig respondenten", else an empty cell. ``with_statistics`` adds the
    ``STATISTICS_COLUMNS`` of a computed round (empty for a suppressed result).
    """
    extra = STATISTICS_FIELDS if with_statistics else ()
    if results is None:
        results = Result.objects.all()
    # The percentage as text: the same on every database, and no Decimal converter
    # per row (the text is turned into a number once per distinct value).
    values = list(
        results.order_by()
        .annotate(shown=Cast("percentage", CharField()))
        .values_list("pk", "option_id", "segment_id", "shown", "count", *extra)
    )
    if not values:
        return
    suppressed = (
        set(results.filter(is_suppressed=True).values_list("pk", flat=True))
        if public
        else set()
    )
    options = list(
        AnswerOption.objects.filter(pk__in=results.values("option_id")).values_list(
            "pk", "question_id", "label", "order"
        )
    )
    questions = {
        pk: (slug, order, safe_text(code), safe_text(text), kind)
        for pk, slug, order, code, text, kind in Question.objects.filter(
            pk__in=AnswerOption.objects.filter(
                pk__in=results.values("option_id")
            ).values("question_id")
        ).values_list("pk", "survey__slug", "order", "code", "text", "type")
    }
    segments = sorted(Segment.objects.values_list("order", "name", "pk"))
    segment_rank = {pk: rank for rank, (_order, _name, pk) in enumerate(segments)}
    segment_names = {pk: safe_text(name) for _order, name, pk in segments}
    # Each answer's place: by round, question (order, id), then answer (order, id); a
    # result's place puts the segment between question and answer. One integer each,
    # so that sorting 100 000 results compares numbers, not tuples.
    options.sort(
        key=lambda o: (
            *(questions[o[1]][:2] if o[1] in questions else ("", 0)),
            o[1],
            o[3],
            o[0],
        )
    )
    width = len(options) + 1
    per_question: dict[int, int] = {}
    rank: dict[int, int] = {}
    row_of: dict[int, tuple] = {}
    for index, (pk, question_id, label, order) in enumerate(options):
        if question_id not in questions:
            continue  # deleted while this ran
        slug, _order, code, text, kind = questions[question_id]
        first = per_question.setdefault(question_id, index)
        rank[pk] = first * len(segments) * width + index
        row_of[pk] = (safe_text(slug), code, text, kind, safe_text(label), order)
    values.sort(key=lambda v: rank.get(v[1], 0) + segment_rank.get(v[2], 0) * width)

    numbers: dict[str, Decimal | int] = {}
    hidden = _("te weinig respondenten")
    for pk, option_id, segment_id, shown, count, *statistics in values:
        option = row_of.get(option_id)
        segment = segment_names.get(segment_id)
        if option is None or segment is None:
            continue  # deleted while this ran
        if pk in suppressed or shown is None:
            percentage, count = (hidden if public else ""), None
            statistics = [None] * len(statistics)
        else:
            percentage = numbers.get(shown)
            if percentage is None:
                percentage = numbers[shown] = plain_number(Decimal(shown))
        slug, code, text, kind, label, order = option
        yield (
            slug,
            code,
            text,
            kind,
            label,
            percentage,
            "" if count is None else count,
            segment,
            order,
            *(_statistic(value) for value in statistics),
        )


def _statistic(value) -> Decimal | int | str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_number(value)
    return value


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


def _public_headers(with_statistics: bool) -> tuple[str, ...]:
    return COLUMNS + (STATISTICS_COLUMNS if with_statistics else ())


def results_csv(results: QuerySet[Result], *, with_statistics: bool = False) -> bytes:
    """``data.csv``: UTF-8 with a byte-order mark, so that Dutch Excel reads é and €."""
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(_public_headers(with_statistics))
    writer.writerows(result_rows(results, public=True, with_statistics=with_statistics))
    return stream.getvalue().encode("utf-8")


def results_xlsx(results: QuerySet[Result], *, with_statistics: bool = False) -> bytes:
    """``data.xlsx``: one sheet "Resultaten", bold frozen headers, numbers as numbers."""
    return xlsx_workbook(
        SHEET_TITLE,
        _public_headers(with_statistics),
        result_rows(results, public=True, with_statistics=with_statistics),
    )
