"""Charts inside article bodies: ``[grafiek <survey-slug>/<vraagcode>]`` on its own line.

The stored, sanitised body holds such a line as ``<p>[grafiek slug/code]</p>``.
``article_body()`` splits a body into HTML fragments and charts, loading every
question it names with one set of queries; ``chart_reference_errors()`` is what
``Article.clean()`` refuses; ``cited_questions()`` is every question a body cites (the
``Citation`` rows kept on each save, articles/citations.py).
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext as _

from surveys.charts import QuestionChart, build_chart
from surveys.models import Question, Survey, with_breakdowns_where_no_total

from .figures.tags import figure_references

_SPACE = r"(?:\s|&nbsp;|&#160;)"
_MARKER = rf"\[{_SPACE}*grafiek{_SPACE}+([\w-]+){_SPACE}*/{_SPACE}*([\w-]+){_SPACE}*\]"
CHART_MARKER = re.compile(_MARKER, re.IGNORECASE)
_UNGROUPED_MARKER = _MARKER.replace("([", "(?:[")
# A marker alone in its paragraph, or alone on a line of plain text.
CHART_LINE = re.compile(
    rf"<p>{_SPACE}*{_UNGROUPED_MARKER}{_SPACE}*</p>"
    rf"|^[ \t]*{_UNGROUPED_MARKER}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class ChartReference:
    survey_slug: str
    code: str

    def __str__(self) -> str:
        return f"{self.survey_slug}/{self.code}"


@dataclass(frozen=True)
class BodyPart:
    """A fragment of the body's own (sanitised) HTML, a chart, or (in the preview) a
    chart whose question no longer exists."""

    html: str = ""
    chart: QuestionChart | None = None
    missing: ChartReference | None = None


@dataclass(frozen=True)
class ArticleBody:
    parts: tuple[BodyPart, ...]

    @property
    def has_charts(self) -> bool:
        return any(part.chart for part in self.parts)


def _reference(marker: str) -> ChartReference:
    match = CHART_MARKER.search(marker)
    return ChartReference(match[1], match[2])


def split_body(html: str) -> list[str | ChartReference]:
    """The body as HTML fragments and the chart references on their own lines, in order."""
    pieces: list[str | ChartReference] = []
    position = 0
    for match in CHART_LINE.finditer(html or ""):
        if match.start() > position:
            pieces.append(html[position : match.start()])
        pieces.append(_reference(match.group()))
        position = match.end()
    if position < len(html or ""):
        pieces.append(html[position:])
    return pieces


def find_chart_references(html: str) -> list[ChartReference]:
    """Every chart marker in ``html``, wherever it stands, without repeats."""
    references = [ChartReference(m[1], m[2]) for m in CHART_MARKER.finditer(html or "")]
    return list(dict.fromkeys(references))


def cited_questions(*texts: str) -> list[ChartReference]:
    """Every question ``texts`` cite, by any marker, in order and without repeats.

    The one extraction behind the ``Citation`` rows: the questions of ``[grafiek …]``
    charts and of ``[cijfer …]`` figures (which may stand in the lead too).
    """
    references = [ref for text in texts for ref in find_chart_references(text)]
    references += [ChartReference(*pair) for pair in figure_references(*texts)]
    return list(dict.fromkeys(references))


def _named_by(references: list[ChartReference]) -> Q:
    return reduce(
        or_,
        (Q(survey__slug=ref.survey_slug, code=ref.code) for ref in set(references)),
    )


def load_questions(
    references: list[ChartReference],
) -> dict[ChartReference, Question]:
    """The questions named by ``references``, with results: three queries, or none."""
    if not references:
        return {}
    questions = with_breakdowns_where_no_total(
        Question.objects.with_results(all_segments=False).filter(_named_by(references))
    )
    return {
        ChartReference(question.survey.slug, question.code): question
        for question in questions
    }


def existing_references(references: list[ChartReference]) -> set[ChartReference]:
    """Which of ``references`` name an existing question: one query."""
    if not references:
        return set()
    pairs = Question.objects.filter(_named_by(references)).values_list(
        "survey__slug", "code"
    )
    return {ChartReference(slug, code) for slug, code in pairs}


def article_body(html: str, *, show_missing: bool = False) -> ArticleBody:
    """The body split for ``articles/_article_body.html``.

    A chart line whose question no longer exists is left out: readers see
    nothing rather than an error or the raw marker. With ``show_missing`` (the
    staff preview) a notice stands in its place instead.
    """
    pieces = split_body(html)
    questions = load_questions(
        [piece for piece in pieces if isinstance(piece, ChartReference)]
    )
    parts = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(BodyPart(html=piece))
        elif piece in questions:
            parts.append(
                BodyPart(chart=build_chart(questions[piece], all_segments=False))
            )
        elif show_missing:
            parts.append(BodyPart(missing=piece))
    return ArticleBody(parts=tuple(parts))


def chart_reference_errors(
    html: str, *, already_cited: frozenset[ChartReference] = frozenset()
) -> list[str]:
    """Why the chart markers in ``html`` cannot be shown; empty when all is well.

    Refused: an unknown round, an unknown question in a known round, and a
    marker that does not stand alone on its own line. A reference in
    ``already_cited`` (the article's stored citations) whose question has since
    been deleted is not refused, so that the article can still be saved.
    """
    references = find_chart_references(html)
    if not references:
        return []
    known_surveys = set(
        Survey.objects.filter(
            slug__in={ref.survey_slug for ref in references}
        ).values_list("slug", flat=True)
    )
    known_questions = existing_references(references)
    on_own_line = {
        piece for piece in split_body(html) if isinstance(piece, ChartReference)
    }
    errors = []
    for ref in references:
        if ref in already_cited and ref not in known_questions:
            continue
        if ref.survey_slug not in known_surveys:
            errors.append(
                _("De grafiek ‘%(chart)s’ bestaat niet: onbekende enquête %(survey)s.")
                % {"chart": ref, "survey": ref.survey_slug}
            )
        elif ref not in known_questions:
            errors.append(
                _(
                    "De grafiek ‘%(chart)s’ bestaat niet: onbekende vraag %(code)s "
                    "in enquête %(survey)s."
                )
                % {"chart": ref, "code": ref.code, "survey": ref.survey_slug}
            )
        elif ref not in on_own_line:
            errors.append(
                _("Zet de grafiek ‘%(chart)s’ op een eigen regel, zonder andere tekst.")
                % {"chart": ref}
            )
    return errors


def articles_citing(question: Question) -> list:
    """Published articles that cite ``question``, newest first: one indexed query."""
    from .models import Article

    return list(
        Article.objects.published()
        .filter(
            citations__survey_slug=question.survey.slug,
            citations__code=question.code,
        )
        .only("title", "slug", "published_at")
    )
