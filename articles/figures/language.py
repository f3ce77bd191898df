"""Words for matching a sentence to a survey question: Dutch stems, stop words, synonyms.

``words(text)`` turns text into ``Word`` tokens (stem, position) after rewriting the
phrases that carry meaning beyond their words: "weet het niet" → ``WEETNIET``,
"nooit van gehoord" → ``NEG`` + ``BEKEND``, "op de hoogte" → ``BEKEND``. Question
texts, answer labels and article sentences all go through it, so they meet on the
same tokens. Stemming is Snowball's Dutch stemmer (snowballstemmer, pinned), with a
few words kept apart that it would merge (gemeente/mening).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from .lexicon import (
    COMPOUND_HEADS,
    CONCEPTS,
    CONNECTORS,
    DONT_KNOW,
    EXPANSIONS,
    KEEP,
    KNOWN,
    NEG,
    NOW_AND_THEN,
    PHRASES,
    POS,
    STOP_WORDS,
    TALK,
    WORD_CONCEPTS,
)

__all__ = [
    "CONCEPTS",
    "CONNECTORS",
    "DONT_KNOW",
    "KNOWN",
    "NEG",
    "NOW_AND_THEN",
    "POS",
    "STOP_WORDS",
    "TALK",
]

_PHRASE_PATTERNS = [(re.compile(pattern), repl) for pattern, repl in PHRASES]

_STEMMER = snowballstemmer.stemmer("dutch")
_WORD = re.compile(r"[a-z0-9à-öø-ÿ]+(?:-[a-zà-öø-ÿ]+)*")


@dataclass(frozen=True)
class Word:
    stem: str
    position: int  # the word's number in the text, counting every word
    start: int  # character offset in the text given to ``words()``
    end: int


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    if word in CONCEPTS or ":" in word:  # "hoe:vaak": the question's words
        return word
    if word in KEEP:
        return KEEP[word]
    return _STEMMER.stemWord(word)


def _phrases(text: str) -> list[tuple[int, int, str]]:
    """The meaningful phrases of lowercased ``text``: (start, end, replacement), not overlapping."""
    found: list[tuple[int, int, str]] = []
    for pattern, replacement in _PHRASE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            value = (
                "hoe:" + match.group().split()[-1]
                if replacement == "HOE"
                else replacement
            )
            if all(end <= s or start >= e for s, e, _r in found):
                found.append((start, end, value))
    return sorted(found)


def _pieces(text: str) -> list[tuple[int, int, list[str], str]]:
    """(start, end, items, raw) per word or phrase of ``text``, in order."""
    lowered = text.lower().replace("\u2019", "'")
    pieces: list[tuple[int, int, list[str], str]] = []
    position = 0
    for start, end, replacement in _phrases(lowered) + [
        (len(lowered), len(lowered), "")
    ]:
        for match in _WORD.finditer(lowered, position, start):
            token = match.group()
            items = _expand(token.replace("-", ""))
            if "-" in token:  # "e-learning" is "elearning"; "AI-toepassingen" also "ai"
                for part in token.split("-"):
                    items.extend(_expand(part))
            pieces.append((match.start(), match.end(), items, token))
        if end > start:
            pieces.append((start, end, replacement.split(), lowered[start:end]))
        position = end
    return pieces


def words(text: str) -> list[Word]:
    """The meaningful words of ``text``: stemmed, concepts for phrases, stop words left out.

    Positions count all words, stop words included, so that distances between words
    are those a reader sees. Offsets are those of ``text``.
    """
    result = []
    for number, (start, end, items, _raw) in enumerate(_pieces(text)):
        for item in items:
            if item not in STOP_WORDS:
                result.append(Word(stem(item), number, start, end))
    return result


def connector_positions(text: str) -> set[int]:
    """The positions (as ``words()`` counts them) of "of", "tot", "en": words that join labels."""
    return {
        number for number, piece in enumerate(_pieces(text)) if piece[3] in CONNECTORS
    }


def _expand(token: str) -> list[str]:
    if token in CONCEPTS:
        return [token]
    concept = WORD_CONCEPTS.get(token)
    items = [concept] if concept else [token]
    items.extend(WORD_CONCEPTS.get(item, item) for item in EXPANSIONS.get(token, ()))
    for head in COMPOUND_HEADS:
        # "rijksambtenaren" are of the Rijk, "gemeenteambtenaren" of a gemeente.
        if token.endswith(head) and len(token) - len(head) >= 4:
            modifier = token[: -len(head)]
            items.append(modifier)
            items.extend(EXPANSIONS.get(modifier, ()))
    return items


def same_word(a: str, b: str) -> bool:
    """Stems that name the same word: equal, or one a short inflection of the other."""
    if a == b:
        return True
    if a in CONCEPTS or b in CONCEPTS or ":" in a or ":" in b:
        return False
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def compound_part(text_stem: str, label_stem: str) -> bool:
    """Whether ``text_stem`` is a compound ending in ``label_stem`` ("staffunctie", "functie")."""
    return (
        ":" not in text_stem
        and len(label_stem) >= 4
        and text_stem != label_stem
        and len(text_stem) - len(label_stem) >= 3
        and text_stem.endswith(label_stem)
    )
