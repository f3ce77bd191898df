"""The one builder of chart data for a survey question.

``build_chart()`` turns a question loaded with ``Question.objects.with_results()``
into a ``QuestionChart``: the rows of the data table (what the page shows, the
content) and ``payload()``, the Chart.js data (``labels`` and one dataset per
segment) that ``grafiek.json`` returns and that every chart figure embeds with
``json_script`` for ``static/js/charts.js``. It runs no query of its own.

Computed rounds (respondent-level data) add, per segment, its n and whether it is
suppressed ("te weinig respondenten": no figure anywhere), and per figure its 95 %
interval and a significant difference from the rest. ``build_charts()`` splits such a
question into one chart per breakdown (Totaal with the segments of one profile
question), which is what the question page shows.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .checks import min_group_size
from .models import Question, Result, Segment

# Okabe–Ito, the colour-blind-safe palette, darkest first so that the usual
# one or two datasets have the strongest contrast against the white page.
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermilion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
SYMBOLS = {Result.Difference.HIGHER: "▲", Result.Difference.LOWER: "▼"}


@dataclass(frozen=True)
class ChartCell:
    """One figure: None when there is none or it is suppressed."""

    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    difference: str = ""
    is_suppressed: bool = False

    @property
    def symbol(self) -> str:
        return SYMBOLS.get(self.difference, "")

    @property
    def difference_text(self) -> str:
        return str(Result.Difference(self.difference).label) if self.difference else ""


@dataclass(frozen=True)
class ChartColumn:
    """A segment as a chart shows it: its name (short inside its breakdown) and n."""

    segment: Segment
    name: str
    n: int | None
    is_suppressed: bool

    @property
    def is_total(self) -> bool:
        return self.segment.is_total

    @property
    def legend(self) -> str:
        """ "Gemeente (n = 412)", "Waterschap (te weinig respondenten)" or just the name."""
        if self.is_suppressed:
            return f"{self.name} ({_('te weinig respondenten')})"
        if self.n is not None:
            return f"{self.name} (n\u00a0=\u00a0{self.n})"
        return self.name


@dataclass(frozen=True)
class ChartRow:
    """One answer option and its percentage per segment (None: no figure)."""

    label: str
    values: tuple[Decimal | None, ...]
    cells: tuple[ChartCell, ...] = ()


@dataclass(frozen=True)
class QuestionChart:
    question: Question
    segments: tuple[Segment, ...]
    rows: tuple[ChartRow, ...]
    columns: tuple[ChartColumn, ...] = ()
    #: The breakdown this chart shows ("Organisatie"), or "" for all segments.
    group: str = ""

    @property
    def survey(self):
        return self.question.survey

    @property
    def is_multi(self) -> bool:
        return self.question.type == Question.Type.MULTI

    @property
    def has_breakdown(self) -> bool:
        """True when the figures are split into segments other than Totaal."""
        return any(not segment.is_total for segment in self.segments)

    @property
    def is_empty(self) -> bool:
        return not self.rows or not self.segments

    @property
    def has_intervals(self) -> bool:
        return any(cell.low is not None for row in self.rows for cell in row.cells)

    @property
    def has_differences(self) -> bool:
        return any(cell.difference for row in self.rows for cell in row.cells)

    @property
    def has_suppressed(self) -> bool:
        return any(column.is_suppressed for column in self.columns)

    @property
    def min_group_size(self) -> int:
        return min_group_size()

    def payload(self) -> dict:
        """Chart.js data, plus what the script and other clients need to label it."""
        question = self.question
        survey = question.survey
        datasets = []
        for index, column in enumerate(self.columns):
            cells = [row.cells[index] for row in self.rows]
            dataset = {
                "label": column.legend,
                "data": [_as_number(cell.value) for cell in cells],
                "backgroundColor": PALETTE[index % len(PALETTE)],
                "borderColor": PALETTE[index % len(PALETTE)],
            }
            if self.has_intervals or self.has_suppressed or column.n is not None:
                dataset.update(
                    {
                        "segment": column.segment.name,
                        "n": column.n,
                        "total": column.is_total,
                        "suppressed": column.is_suppressed,
                        "intervals": [
                            None
                            if cell.low is None
                            else [_as_number(cell.low), _as_number(cell.high)]
                            for cell in cells
                        ],
                        "differences": [cell.difference or None for cell in cells],
                    }
                )
            datasets.append(dataset)
        payload = {
            "labels": [row.label for row in self.rows],
            "datasets": datasets,
            "question": question.text,
            "code": question.code,
            "type": question.type,
            "survey": survey.title,
            "survey_slug": survey.slug,
            "n": survey.respondents,
            "unit": "%",
        }
        if self.has_intervals or self.has_suppressed:
            payload["texts"] = {
                "margin": _("marge"),
                "suppressed": _("te weinig respondenten"),
                "hoger": str(Result.Difference.HIGHER.label),
                "lager": str(Result.Difference.LOWER.label),
            }
        return payload


def build_chart(
    question: Question, *, all_segments: bool = True, group: str | None = None
) -> QuestionChart:
    """The chart of ``question``; ``question`` must come from ``with_results()``.

    Options keep their order. Segments are those with at least one result for
    the question, Totaal first, then in segment order. With
    ``all_segments=False`` (survey page, articles) only Totaal is kept when the
    question has it; the question page shows the full breakdown. ``group`` keeps
    Totaal and the segments of that breakdown only, with their short names.
    """
    options = list(question.options.all())
    by_option: list[dict[int, Result]] = []
    segments: dict[int, Segment] = {}
    for option in options:
        found = {}
        for result in option.results.all():
            found[result.segment_id] = result
            segments[result.segment_id] = result.segment
        by_option.append(found)
    ordered = sorted(
        segments.values(),
        key=lambda segment: (not segment.is_total, segment.order, segment.name),
    )
    if not all_segments and ordered and ordered[0].is_total:
        ordered = ordered[:1]
    if group is not None:
        ordered = [s for s in ordered if s.is_total or s.group == group]
    columns = tuple(_column(segment, by_option, group) for segment in ordered)
    rows = []
    for option, found in zip(options, by_option, strict=True):
        cells = tuple(_cell(found.get(segment.pk)) for segment in ordered)
        rows.append(
            ChartRow(
                label=option.label,
                values=tuple(cell.value for cell in cells),
                cells=cells,
            )
        )
    return QuestionChart(
        question=question,
        segments=tuple(ordered),
        rows=tuple(rows),
        columns=columns,
        group=group or "",
    )


def build_charts(question: Question) -> list[QuestionChart]:
    """The question page's charts: one per breakdown (profile question), else one."""
    first_order: dict[str, int] = {}
    for option in question.options.all():
        for result in option.results.all():
            group = result.segment.group
            if group:
                order = min(
                    first_order.get(group, result.segment.order), result.segment.order
                )
                first_order[group] = order
    groups = sorted(first_order, key=lambda group: (first_order[group], group))
    if not groups:
        return [build_chart(question)]
    charts = [build_chart(question, group=group) for group in groups]
    ungrouped = build_chart(question, group="")
    if ungrouped.has_breakdown:
        charts.insert(0, ungrouped)
    return charts


def _column(segment: Segment, by_option, group: str | None) -> ChartColumn:
    result = next(
        (found[segment.pk] for found in by_option if segment.pk in found), None
    )
    name = segment.name
    if group and segment.group == group:
        name = name.removeprefix(f"{group}: ")
    return ChartColumn(
        segment=segment,
        name=name,
        n=result.n if result is not None else None,
        is_suppressed=bool(result and result.is_suppressed),
    )


def _cell(result: Result | None) -> ChartCell:
    if result is None:
        return ChartCell(None)
    if result.is_suppressed:
        return ChartCell(None, is_suppressed=True)
    return ChartCell(
        value=result.percentage,
        low=result.interval_low,
        high=result.interval_high,
        difference=result.difference,
    )


def _as_number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
