"""The figure check: an article's text and the candidate questions in, findings out.

``check_text(text, questions)`` reads the title, lead and body, finds every written
percentage, ties it to a question and answer (``matching.py``) and compares it with
the stored value, rounded as written. A **mismatch** is a figure whose value is not
the stored value of the answer it names (or whose group is too small to show); an
**unlinked** figure could not be tied to any question. ``[cijfer]`` tags are never
findings: their figure comes from the data. Pure: no database, no Django.
"""

from dataclasses import dataclass, field

from .document import Block, read_article
from .matching import Link, Matcher
from .numbers import Mention
from .questions import CandidateQuestion, StoredFigure
from .tags import FigureTag
from .values import resolve_tag

MISMATCH = "mismatch"
UNLINKED = "unlinked"


@dataclass(frozen=True)
class ArticleText:
    title: str = ""
    lead: str = ""
    body: str = ""  # sanitised HTML


@dataclass(frozen=True)
class CheckedFigure:
    """A written percentage, what it was tied to and whether the data agree."""

    block: Block
    mention: Mention
    figure: StoredFigure | None
    question: CandidateQuestion | None
    kind: str | None  # None: the data agree; else MISMATCH or UNLINKED
    stored: float | None = None

    @property
    def field(self) -> str:
        return self.block.field

    @property
    def text(self) -> str:
        """The sentence the figure stands in, as the reader sees it."""
        return " ".join(self.block.sentence_at(self.mention.start).text.split())

    @property
    def written(self) -> str:
        return self.block.text[self.mention.start : self.mention.end]

    @property
    def source_span(self) -> tuple[int, int]:
        """Where the written figure stands in its stored field (title, lead or body)."""
        return self.block.source_span(self.mention.start, self.mention.end)

    @property
    def answer(self) -> str | None:
        return self.figure.labels if self.figure else None


@dataclass
class CheckResult:
    figures: list[CheckedFigure] = field(default_factory=list)
    tags: list[tuple[FigureTag, StoredFigure]] = field(default_factory=list)

    @property
    def findings(self) -> list[CheckedFigure]:
        return [figure for figure in self.figures if figure.kind]

    @property
    def has_mismatch(self) -> bool:
        return any(figure.kind == MISMATCH for figure in self.figures)


def cited_rounds(text: ArticleText) -> set[str]:
    """The rounds the article cites by ``[grafiek]`` or ``[cijfer]``."""
    document = read_article(title=text.title, lead=text.lead, body=text.body)
    rounds = {block.chart[0] for block in document.charts}
    rounds.update(
        tag.survey_slug for block in document.blocks for _s, _e, tag in block.tags
    )
    return rounds


def check_text(text: ArticleText, questions: list[CandidateQuestion]) -> CheckResult:
    """Check every written percentage of ``text`` against ``questions``.

    Only questions of the rounds the text cites are candidates; ``questions`` may hold
    more. An article that cites no round has only unlinked figures.
    """
    document = read_article(title=text.title, lead=text.lead, body=text.body)
    rounds = {block.chart[0] for block in document.charts}
    rounds.update(
        tag.survey_slug for block in document.blocks for _s, _e, tag in block.tags
    )
    candidates = [q for q in questions if q.survey_slug in rounds]
    by_reference = {q.reference: q for q in candidates}
    result = CheckResult()
    resolved = {}
    for block in document.blocks:
        for _start, _end, tag in block.tags:
            question = by_reference.get(f"{tag.survey_slug}/{tag.code}")
            figure = resolve_tag(tag, question) if question else None
            if figure is not None:
                resolved[tag] = figure
                result.tags.append((tag, figure))
    matcher = Matcher(candidates)
    for link in matcher.link(document, resolved):
        result.figures.append(_checked(link))
    return result


def agrees(mention: Mention, stored: float) -> bool:
    """Whether the stored value is one the written figure allows ("57": 56.5 up to 57.5)."""
    return mention.low - 1e-9 <= stored < mention.high - 1e-9


def _checked(link: Link) -> CheckedFigure:
    def checked(figure, kind=None, stored=None) -> CheckedFigure:
        return CheckedFigure(
            link.block, link.mention, figure, link.question, kind, stored
        )

    figure = link.figure
    if figure is None:
        return checked(None, UNLINKED)
    for each in link.each or (figure,):
        if each.is_suppressed:
            return checked(each, MISMATCH)
        percentage = each.percentage
        if percentage is None:
            return checked(None, UNLINKED)
        if agrees(link.mention, float(percentage)):
            continue
        inclusive = link.inclusive
        if (
            not link.each
            and inclusive is not None
            and inclusive.percentage is not None
            and agrees(link.mention, float(inclusive.percentage))
        ):
            return checked(inclusive, None, float(inclusive.percentage))
        return checked(each, MISMATCH, float(percentage))
    return checked(figure, None, float(figure.percentage))
