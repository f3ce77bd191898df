"""The one builder of chart data for a survey question.

``build_chart()`` turns a question loaded with ``Question.objects.with_results()``
into a ``QuestionChart``: the rows of the data table (what the page shows, the
content) and ``payload()``, the Chart.js data (``labels`` and one dataset per
segment) that ``grafiek.json`` returns and that every chart figure embeds with
``json_script`` for ``static/js/charts.js``. It runs no query of its own.
"""

from dataclasses import dataclass
from decimal import Decimal

from .models import Question, Segment

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


@dataclass(frozen=True)
class ChartRow:
    """One answer option and its percentage per segment (None: no figure)."""

    label: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class QuestionChart:
    question: Question
    segments: tuple[Segment, ...]
    rows: tuple[ChartRow, ...]

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

    def payload(self) -> dict:
        """Chart.js data, plus what the script and other clients need to label it."""
        question = self.question
        survey = question.survey
        return {
            "labels": [row.label for row in self.rows],
            "datasets": [
                {
                    "label": segment.name,
                    "data": [_as_number(row.values[index]) for row in self.rows],
                    "backgroundColor": PALETTE[index % len(PALETTE)],
                    "borderColor": PALETTE[index % len(PALETTE)],
                }
                for index, segment in enumerate(self.segments)
            ],
            "question": question.text,
            "code": question.code,
            "type": question.type,
            "survey": survey.title,
            "survey_slug": survey.slug,
            "n": survey.respondents,
            "unit": "%",
        }


def build_chart(question: Question, *, all_segments: bool = True) -> QuestionChart:
    """The chart of ``question``; ``question`` must come from ``with_results()``.

    Options keep their order. Segments are those with at least one result for
    the question, Totaal first, then in segment order. With
    ``all_segments=False`` (survey page, articles) only Totaal is kept when the
    question has it; the question page shows the full breakdown.
    """
    options = list(question.options.all())
    by_option: list[dict[int, Decimal]] = []
    segments: dict[int, Segment] = {}
    for option in options:
        values = {}
        for result in option.results.all():
            values[result.segment_id] = result.percentage
            segments[result.segment_id] = result.segment
        by_option.append(values)
    ordered = sorted(
        segments.values(),
        key=lambda segment: (not segment.is_total, segment.order, segment.name),
    )
    if not all_segments and ordered and ordered[0].is_total:
        ordered = ordered[:1]
    rows = tuple(
        ChartRow(
            label=option.label,
            values=tuple(values.get(segment.pk) for segment in ordered),
        )
        for option, values in zip(options, by_option, strict=True)
    )
    return QuestionChart(question=question, segments=tuple(ordered), rows=rows)


def _as_number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
