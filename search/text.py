"""Text as the search index sees it: plain text from an article's HTML, words, stems.

- ``plain_text(html)``: what a reader reads of a body: no markup, no attribute values
  (``href``), no ``[grafiek …]``/``[cijfer …]`` markers, no control characters.
- ``words(text)``: the words of a text folded as SQLite's FTS5 ``unicode61
  remove_diacritics 2`` tokenizer folds them (lower case, no accents), so that the
  vocabulary and the FTS5 index agree on what a word is.
- ``stem(word)``: the Dutch Snowball stem, the same algorithm as PostgreSQL's ``dutch``
  configuration (Snowball's ``dutch_porter``; snowballstemmer's ``dutch`` is a newer,
  different algorithm), so that both databases match the same forms.
- ``STOPWORDS``: PostgreSQL's Dutch stop list (Snowball's), left out on both databases.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser

import snowballstemmer

#: Marks a matched word in a snippet before it is escaped; never part of indexed text.
MARK_START = "\ue000"
MARK_END = "\ue001"

_BLOCK_TAGS = {
    "blockquote",
    "br",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "ul",
}
_SPACE = r"(?:\s|\u00a0)"
#: ``[grafiek slug/code]`` and ``[cijfer slug/code/antwoord]``: placed by editors, not read.
MARKER = re.compile(rf"\[{_SPACE}*(?:grafiek|cijfer)\b[^\[\]]*\]", re.IGNORECASE)
# Control characters (tab and newline become spaces) and the snippet sentinels.
_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000\ue001]")
_BLANKS = re.compile(r"[ \t\r\f\v\u00a0]+")
_WORD = re.compile(r"[^\W_]+")

_STOPWORDS = """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er
    maar om hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der
    daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets
    worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja
    eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon
    niets uw iemand geweest andere"""
STOPWORDS = frozenset(_STOPWORDS.split())

_stemmer = snowballstemmer.stemmer("dutch_porter")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def clean(text: str) -> str:
    """``text`` without markers and control characters, blanks collapsed, one block a line."""
    text = unicodedata.normalize("NFC", MARKER.sub(" ", _UNWANTED.sub(" ", text or "")))
    lines = (line.strip() for line in _BLANKS.sub(" ", text).split("\n"))
    return "\n".join(line for line in lines if line)


def plain_text(html: str) -> str:
    """The text a reader reads in ``html``: see the module docstring."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return clean("".join(extractor.parts))


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without diacritics (é → e, ë → e), as FTS5's tokenizer folds a word."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """The words of ``text`` as written (lower case), in order, repeats included."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def words(text: str) -> list[str]:
    """The folded words of ``text`` in order, repeats included."""
    return [fold(token) for token in tokens(text)]


def vocabulary_words(*texts: str) -> dict[str, str]:
    """The distinct folded words of ``texts`` worth a vocabulary entry, with a spelling.

    Stopwords and words longer than 100 characters are left out.
    """
    found: dict[str, str] = {}
    for text in texts:
        for token in dict.fromkeys(tokens(text)):
            word = fold(token)
            if word not in found and word not in STOPWORDS and len(word) <= 100:
                found[word] = token
    return found


def replace_words(text: str, replacements: dict[str, str]) -> str:
    """``text`` with every word whose folded form is in ``replacements`` replaced."""
    return _WORD.sub(
        lambda match: replacements.get(fold(match.group()), match.group()),
        unicodedata.normalize("NFC", text),
    )


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Dutch stem of a folded word; numbers stay as they are."""
    if word.isdigit():
        return word
    return _stemmer.stemWord(word)
