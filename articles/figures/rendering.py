"""``[cijfer]`` tags as readers see them: Dutch words for the stored figure, linked.

``ArticleFigures`` loads the figure of every tag in some texts at once (three
queries however many tags, and none without tags). ``figure_pieces()`` splits a
text into its own parts and the figures between them, for the template layer
(``articles/_figure.html`` renders a figure, never Python). ``rendered_plain_text()``
is an article's text as plain words, the tags as their figures: what search,
feeds and share descriptions use.

Rounding: a figure is shown as stored, without trailing zeros: 57.00 is "57
procent", 40.80 is "40,8 procent", a sum 25 + 51 is "76 procent". A suppressed
figure (a group too small to show) is "(te weinig respondenten)", never a number.
"""

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ambtenarenpanel.text import shorten
from surveys.models import Survey

from .candidates import candidate_from, load_questions
from .questions import TOTAL, CandidateQuestion, StoredFigure
from .tags import FIGURE_TAG, FigureTag, parse_tag
from .values import resolve_tag

_CHART_MARKER = re.compile(
    r"\[(?:\s|&nbsp;|&#160;)*grafiek(?:\s|&nbsp;|&#160;)+[^\]]*\]", re.IGNORECASE
)
_TAG_OR_BREAK = re.compile(r"<(?:/p|/h[1-6]|/li|/blockquote|br\s*/?)>", re.IGNORECASE)
_MARKUP = re.compile(r"<[^>]*>")
_LINK_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)


def percentage_words(value: Decimal) -> str:
    """57 → "57 procent", 40.80 → "40,8 procent": as stored, without trailing zeros."""
    value = value.normalize()
    decimals = max(0, -value.as_tuple().exponent)
    return _("%(number)s procent") % {
        "number": number_format(value, decimal_pos=decimals)
    }


@dataclass(frozen=True)
class RenderedFigure:
    """What a reader sees for one tag."""

    tag: FigureTag
    figure: StoredFigure | None  # None: the question or answer no longer exists

    @property
    def is_suppressed(self) -> bool:
        return self.figure is not None and self.figure.is_suppressed

    @property
    def text(self) -> str:
        if self.figure is None:
            return _("(cijfer ontbreekt)")
        if self.figure.is_suppressed:
            return _("(te weinig respondenten)")
        percentage = self.figure.percentage
        if percentage is None:
            return _("(cijfer ontbreekt)")
        return percentage_words(percentage)

    @property
    def url(self) -> str:
        return self.figure.question.url if self.figure else ""

    @property
    def title(self) -> str:
        """The question, the answer and the group, and n: the link's ``title``."""
        figure = self.figure
        if figure is None:
            return ""
        question = figure.question
        answers = " + ".join(answer.label for answer in figure.answers)
        parts = [f"{question.text} — {answers}"]
        if figure.segment != TOTAL:
            parts.append(figure.segment)
        n = figure.n
        if n is None and figure.segment == TOTAL:
            n = question.n
        if n and not figure.is_suppressed:
            parts.append(_("n = %(n)s") % {"n": n})
        return " · ".join(parts)


@dataclass(frozen=True)
class Piece:
    """A part of a text: its own HTML, its own plain text, or a figure."""

    html: str = ""
    text: str = ""
    figure: RenderedFigure | None = None
    #: The figure stands inside the editor's own link: shown unlinked (no link in a link).
    in_link: bool = False


class ArticleFigures:
    """The figures of the tags in ``texts``, loaded when first asked for."""

    def __init__(self, *texts: str):
        self.tags = [
            parse_tag(m) for text in texts for m in FIGURE_TAG.finditer(text or "")
        ]

    @cached_property
    def _loaded(
        self,
    ) -> tuple[dict[tuple[str, str], CandidateQuestion], dict[str, Survey]]:
        questions = load_questions({tag.reference for tag in self.tags})
        return (
            {(q.survey.slug, q.code): candidate_from(q) for q in questions},
            {q.survey.slug: q.survey for q in questions},
        )

    def get(self, tag: FigureTag) -> RenderedFigure:
        question = self._loaded[0].get(tag.reference)
        return RenderedFigure(tag, resolve_tag(tag, question) if question else None)

    @property
    def surveys(self) -> list[Survey]:
        """The rounds the tags cite, as loaded (for the method box)."""
        return list(self._loaded[1].values())


def figure_pieces(
    text: str, figures: ArticleFigures | None, *, is_html: bool
) -> list[Piece]:
    """``text`` split into its own parts and the figures of its tags, in order."""
    text = text or ""
    if figures is None:
        figures = ArticleFigures(text)
    pieces: list[Piece] = []
    position = 0
    for match in FIGURE_TAG.finditer(text):
        before = text[position : match.start()]
        if before:
            pieces.append(Piece(html=before) if is_html else Piece(text=before))
        in_link = is_html and _inside_link(text[: match.start()])
        pieces.append(Piece(figure=figures.get(parse_tag(match)), in_link=in_link))
        position = match.end()
    rest = text[position:]
    if rest or not pieces:
        pieces.append(Piece(html=rest) if is_html else Piece(text=rest))
    return pieces


def _inside_link(html_before: str) -> bool:
    """Whether sanitised HTML ending here is inside an ``<a>`` element."""
    return len(_LINK_OPEN.findall(html_before)) > len(_LINK_CLOSE.findall(html_before))


def plain(
    text: str, figures: ArticleFigures, *, is_html: bool, missing: bool = True
) -> str:
    """``text`` as plain words: no markup, no chart markers, tags as their figures.

    ``missing=False`` leaves out a tag whose data are gone, instead of its
    "(cijfer ontbreekt)" (the search index holds no such words)."""
    if is_html:
        text = _CHART_MARKER.sub(" ", text or "")
        text = _TAG_OR_BREAK.sub("\n", text)
    parts = []
    for piece in figure_pieces(text, figures, is_html=is_html):
        if piece.figure is not None:
            if missing or piece.figure.figure is not None:
                parts.append(piece.figure.text)
        elif is_html:
            parts.append(html.unescape(_MARKUP.sub("", piece.html)))
        else:
            parts.append(piece.text)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class RenderedText:
    """An article as plain text, ``[cijfer]`` tags as their words, no markup or chart markers."""

    title: str
    lead: str
    body: str
    search_description: str

    def __str__(self) -> str:
        return "\n\n".join(part for part in (self.title, self.lead, self.body) if part)

    @property
    def description(self) -> str:
        """The share and search-engine description: the editor's own, else the lead,
        at most 160 characters, cut at a word."""
        return self.search_description or shorten(self.lead, 160)


def rendered_plain_texts(
    articles: Iterable, *, figures: ArticleFigures | None = None, missing: bool = True
) -> dict[int, RenderedText]:
    """``rendered_plain_text()`` of many articles, by primary key, in three queries at most
    (``missing``: see ``plain()``)."""
    articles = list(articles)
    figures = figures or ArticleFigures(
        *(
            text
            for article in articles
            for text in (article.lead, article.body, article.search_description)
        )
    )
    return {
        article.pk: RenderedText(
            title=" ".join(article.title.split()),
            lead=plain(article.lead, figures, is_html=False, missing=missing),
            body=plain(article.body, figures, is_html=True, missing=missing),
            search_description=plain(
                article.search_description, figures, is_html=False, missing=missing
            ),
        )
        for article in articles
    }


def rendered_plain_text(article) -> RenderedText:
    """The article's rendered plain text: title, lead and body without markup and without
    ``[grafiek]`` markers, each ``[cijfer]`` as its rendered words ("57 procent")."""
    return rendered_plain_texts([article])[article.pk]


def plain_description(article, figures: ArticleFigures) -> str:
    """``RenderedText.description`` of ``article`` (``figures``: the page's), without
    working out the body, which it does not show."""
    return plain(article.search_description, figures, is_html=False) or shorten(
        plain(article.lead, figures, is_html=False), 160
    )


def figure_context(body, figures: ArticleFigures) -> dict:
    """What ``articles/_article_body.html`` needs besides the body: its figures and method box.

    ``body`` is the ``ArticleBody`` of ``articles.embeds.article_body()``; the rounds of
    the method box are those of its charts and of the tags, as already loaded.
    """
    from .method import method_rounds

    charted = [part.chart.survey for part in body.parts if part.chart]
    return {
        "figures": figures,
        "method_rounds": method_rounds(charted + figures.surveys),
    }


def with_plain_leads(articles: Iterable) -> list:
    """``articles`` as a list, each with ``plain_lead``: the lead, tags as words (three queries at most)."""
    articles = list(articles)
    texts = rendered_plain_texts(articles)
    for article in articles:
        article.plain_lead = texts[article.pk].lead
    return articles
