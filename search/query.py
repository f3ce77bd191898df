"""Finding entries: a reader's query parsed into words, matched, ranked, marked, paged.

Every word of the query must occur (stopwords left out), in any form with the same
Dutch stem; a stem of 5 letters or more also finds the compounds it begins
("thuiswerk" finds "thuiswerkbeleid"). Hits are ranked by relevance (title weighs
most, then lead, then body), then newest first. A word that finds nothing is tried as
a compound of two known words ("thuiswerken": "thuis" and "werk…"). A word that no
entry holds as such (a typo, found at most as the start of longer words) gets a
spelling suggestion (``search.spelling``). Only entries whose
``published_at`` has passed are found, checked at query time.

Passages come from the database (``ts_headline``, FTS5 ``snippet``) with the matched
words between sentinels; ``mark()`` escapes the text and only then turns the sentinels
into ``<mark>``, so that text of an article such as ``<script>`` stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connections
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import backends
from .text import MARK_END, MARK_START, STOPWORDS, stem, words

#: A query needs a word of at least this many letters or digits.
MIN_WORD_LENGTH = 2
#: Words of a query beyond this many are ignored.
MAX_WORDS = 10
#: A stem at least this long also matches the words that begin with it.
PREFIX_FROM = 5

_MARKED = re.compile(f"{MARK_START}([^{MARK_START}{MARK_END}]*){MARK_END}")


@dataclass(frozen=True)
class Word:
    """A folded query word and how it matches: by ``stem``, and as a prefix or not."""

    text: str
    stem: str
    prefix: bool

    @classmethod
    def of(cls, text: str, *, prefix_from: int = PREFIX_FROM) -> Word:
        word_stem = stem(text)
        return cls(
            text, word_stem, not text.isdigit() and len(word_stem) >= prefix_from
        )


#: One word of the query: matched when all its parts match (one part, or a compound's two).
Term = tuple[Word, ...]


def query_words(query: str) -> list[str]:
    """The folded words to search for, in order, without stopwords and repeats."""
    found = [word for word in words(query) if word not in STOPWORDS]
    return list(dict.fromkeys(found))[:MAX_WORDS]


def is_too_short(query: str) -> bool:
    return not any(len(word) >= MIN_WORD_LENGTH for word in words(query))


def mark(text: str) -> SafeString:
    """``text`` escaped, with the words between sentinels in ``<mark>``."""
    escaped = _MARKED.sub(r"<mark>\1</mark>", escape(text))
    return mark_safe(escaped.replace(MARK_START, "").replace(MARK_END, ""))


@dataclass(frozen=True)
class Hit:
    kind: str
    url: str
    title: str
    passage: SafeString
    context: str
    published_at: datetime

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    @classmethod
    def from_row(cls, row) -> Hit:
        kind, url, title, lead, body, context, published_at = row
        passage = lead
        if MARK_START not in lead and MARK_START in body and kind == "article":
            passage = body
        return cls(kind, url, title, mark(passage), context, published_at)


class Results:
    """The hits of a query, counted once; sliced by the paginator, a page at a time."""

    def __init__(self, terms: list[Term], *, now: datetime, using: str = "default"):
        self.connection = connections[using]
        self.backend = backends.for_connection(self.connection)
        self.terms = terms
        self.now = now
        self.prepared = self.backend.prepare(self.connection, terms) if terms else None
        self.counts: dict[str, int] = (
            self.backend.counts(self.connection, self.prepared, now)
            if self.prepared is not None
            else {}
        )

    def count(self) -> int:
        return sum(self.counts.values())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[Hit]:
        start, stop = key.start or 0, key.stop
        if self.prepared is None or stop <= start or start >= self.count():
            return []
        rows = self.backend.hits(
            self.connection, self.prepared, self.now, start, stop - start
        )
        return [Hit.from_row(row) for row in rows]


@dataclass
class Search:
    """What the search page shows for ``query``."""

    query: str
    too_short: bool = False
    results: Results | None = None
    #: The query with misspelt words replaced, when that finds something.
    suggestion: str | None = None
    #: The compounds that were split to find something, e.g. {"thuiswerken": "thuis werken"}.
    split: dict[str, str] = field(default_factory=dict)


def find(query: str, *, now: datetime | None = None, using: str = "default") -> Search:
    """Search ``query``: see the module docstring. An empty query finds nothing, silently."""
    from . import spelling

    now = now or timezone.now()
    search = Search(query=query)
    if not query.strip():
        return search
    if is_too_short(query):
        search.too_short = True
        return search
    found = query_words(query)
    terms = [(Word.of(word),) for word in found]
    search.results = Results(terms, now=now, using=using)
    if not terms:
        return search
    # Words no entry holds as such: found at most as the start of a longer word.
    unheard = spelling.unknown_words(found, prefix=False, using=using)
    if not search.results.count():
        unknown = spelling.unknown_words(unheard, using=using)
        compounds = spelling.split_compounds(unknown, using=using)
        if compounds:
            terms = [compounds.get(word, (Word.of(word),)) for word in found]
            results = Results(terms, now=now, using=using)
            if results.count():
                search.results = results
                search.split = {
                    word: " ".join(part.text for part in parts)
                    for word, parts in compounds.items()
                }
                return search
    if unheard:
        search.suggestion = spelling.suggest(query, unheard, now=now, using=using)
    return search
