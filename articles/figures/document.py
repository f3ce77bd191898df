"""An article's text as the check reads it: sections, paragraphs and sentences, with offsets.

``read_article(title, lead, body)`` turns the title, the lead (plain text) and the
body (sanitised HTML) into ``Block``s: headings, paragraphs and chart markers, each
paragraph with its plain text, split into ``Sentence``s. Hyphenation left by a
paste from print ("pro-cent", "onder- nemers") is joined in ``Block.text``; every
character of it keeps its offsets in the stored field, so that a figure found in a
sentence can be replaced in the field itself. Sections are split by h2 and h3; the
title and the lead are sections of their own.
"""

import html
import re
from dataclasses import dataclass, field

from .tags import FIGURE_TAG, FigureTag, parse_tag

CHART_MARKER = re.compile(
    r"^\s*\[\s*grafiek\s+([\w-]+)\s*/\s*([\w-]+)\s*\]\s*$", re.IGNORECASE
)
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|&", re.DOTALL)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}
_SECTION_TAGS = {"h2", "h3"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# A word broken at the end of a printed line: a lowercase letter, a hyphen, maybe a
# space, a lowercase letter ("pro-cent", "onder- nemers"); not "Noord- en Zuid-".
_HYPHENATION = re.compile(r"(?<=[a-zà-ÿ])-\s?(?=[a-zà-ÿ])(?!(?:en|of|tot)\s)")
_SENTENCE_END = re.compile(
    r"(?<!\bca)(?<!\bo\.a)(?<!\bbijv)(?<!\bresp)(?<!\bm\.n)(?<!\bnr)(?<!\bvs)"
    r"[.!?]+[\"'’”)]*\s+(?=[A-Z0-9À-Ý‘'\"“(\[])"
)


@dataclass(frozen=True)
class Sentence:
    start: int  # in Block.text
    end: int
    text: str


@dataclass
class Block:
    """A heading, a paragraph or a chart marker of one field (title, lead or body)."""

    field: str
    kind: str  # "heading", "paragraph" or "chart"
    section: int
    index: int  # the block's number in the article, for distances between blocks
    text: str = ""  # plain text, hyphenation joined, tags as they stand
    sources: list[tuple[int, int]] = field(default_factory=list)  # per character
    chart: tuple[str, str] | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tags: list[tuple[int, int, FigureTag]] = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``text[start:end]`` stands in the stored field."""
        return self.sources[start][0], self.sources[end - 1][1]

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return self.sentences[-1]


@dataclass
class ArticleDocument:
    blocks: list[Block]

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "paragraph"]

    @property
    def charts(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "chart"]


def _plain_characters(markup: str, *, is_html: bool):
    """Yield (kind, characters, start, end): text with source offsets, and tags."""
    if not is_html:
        for number, character in enumerate(markup):
            yield "text", character, number, number + 1
        return
    for match in _TOKEN.finditer(markup):
        token = match.group()
        if token.startswith("<"):
            yield "tag", token, match.start(), match.end()
        elif token.startswith("&") and token.endswith(";"):
            yield "text", html.unescape(token), match.start(), match.end()
        else:
            for number, character in enumerate(token):
                yield (
                    "text",
                    character,
                    match.start() + number,
                    match.start() + number + 1,
                )


def _tag_name(tag: str) -> tuple[str, bool]:
    match = re.match(r"<\s*(/?)\s*([a-zA-Z0-9]+)", tag)
    if not match:
        return "", False
    return match[2].lower(), bool(match[1])


class _Reader:
    def __init__(self):
        self.blocks: list[Block] = []
        self.section = 0

    def add(self, field_name: str, kind: str, chars: list[tuple[str, int, int]]):
        text = "".join(character for character, _s, _e in chars)
        sources = [(start, end) for _c, start, end in chars]
        text, sources = _normalise(text, sources)
        if not text.strip():
            return
        chart = CHART_MARKER.match(text)
        if chart and kind == "paragraph":
            kind = "chart"
        block = Block(
            field=field_name,
            kind=kind,
            section=self.section,
            index=len(self.blocks),
            text=text,
            sources=sources,
            chart=(chart[1], chart[2]) if chart else None,
        )
        if kind == "paragraph":
            block.sentences = split_sentences(text)
            block.tags = [
                (m.start(), m.end(), parse_tag(m)) for m in FIGURE_TAG.finditer(text)
            ]
        self.blocks.append(block)


def _normalise(text: str, sources: list[tuple[int, int]]):
    """Join hyphenated words and turn every kind of space into a plain one."""
    chars = []
    kept = []
    position = 0
    brackets = [match.span() for match in re.finditer(r"\[[^\]]*\]", text)]
    for match in _HYPHENATION.finditer(text):
        if any(start <= match.start() < end for start, end in brackets):
            continue  # a chart marker or tag: "[grafiek digitale-dienstverlening/...]"
        chars.append(text[position : match.start()])
        kept.extend(sources[position : match.start()])
        position = match.end()
    chars.append(text[position:])
    kept.extend(sources[position:])
    joined = re.sub(r"\s", " ", "".join(chars))
    return joined, kept


def split_sentences(text: str) -> list[Sentence]:
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            sentences.append(Sentence(start, end, text[start:end]))
        start = end
    if text[start:].strip() or not sentences:
        sentences.append(Sentence(start, len(text), text[start:]))
    return sentences


def read_article(*, title: str = "", lead: str = "", body: str = "") -> ArticleDocument:
    reader = _Reader()
    if title.strip():
        reader.add("title", "paragraph", [(c, i, i + 1) for i, c in enumerate(title)])
    reader.section += 1
    for paragraph in _plain_paragraphs(lead):
        reader.add("lead", "paragraph", paragraph)
    reader.section += 1
    chars: list[tuple[str, int, int]] = []
    kind = "paragraph"
    for token_kind, value, start, end in _plain_characters(body or "", is_html=True):
        if token_kind == "text":
            chars.append((value, start, end))
            continue
        name, closing = _tag_name(value)
        if name == "br":
            chars.append((" ", start, end))
        elif name in _BLOCK_TAGS:
            if chars:
                reader.add("body", kind, chars)
            chars = []
            if not closing and name in _SECTION_TAGS:
                reader.section += 1
            kind = "heading" if (name in _HEADING_TAGS and not closing) else "paragraph"
    if chars:
        reader.add("body", kind, chars)
    return ArticleDocument(reader.blocks)


def _plain_paragraphs(text: str):
    """The paragraphs of a plain-text field, split at blank lines, with offsets."""
    position = 0
    for part in re.split(r"(\n\s*\n)", text or ""):
        if part.strip() and not re.fullmatch(r"\n\s*\n", part):
            yield [(c, position + i, position + i + 1) for i, c in enumerate(part)]
        position += len(part)
