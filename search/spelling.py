"""When a query finds nothing: compounds split into known words, and "Bedoelde je …?".

Both work on the vocabulary (``SearchWord``), which holds every word of the index:

- ``split_compounds``: a query word the vocabulary does not know ("thuiswerken") is
  split into two words it does know ("thuis" + "werken", also with a linking s as in
  "beleidsadviseur"), each matched by its stem and as a prefix of 4 letters or more.
- ``suggest``: each unknown word is replaced by the most similar known word (trigram
  similarity as ``pg_trgm`` computes it, at least 0.3; the more frequent word on a tie),
  and the corrected query is offered only if it finds something now: the vocabulary
  also holds words of scheduled articles, which a suggestion must not reveal.
"""

from __future__ import annotations

from django.db import connections

from . import backends
from .query import Results, Term, Word, query_words
from .text import STOPWORDS, replace_words

MIN_SIMILARITY = 0.3
#: Parts of a compound: at least this long, and matched as a prefix from this length.
MIN_PART = 3
PART_PREFIX_FROM = 4
#: Longer words are not split (no Dutch compound of two parts is), nor more than 3.
MAX_COMPOUND = 30
MAX_SPLIT_WORDS = 3


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """Shared trigrams over all trigrams of both words, as ``pg_trgm``'s ``similarity()``."""
    left, right = trigrams(a), trigrams(b)
    return len(left & right) / len(left | right)


def _known(words: list[Word], using: str) -> set[str]:
    connection = connections[using]
    return backends.for_connection(connection).known(connection, words)


def unknown_words(
    found: list[str], *, prefix: bool = True, using: str = "default"
) -> list[str]:
    """The words of ``found`` that no entry holds in any form with the same stem.

    With ``prefix``, a word that begins longer words (by its stem) counts as held.
    """
    if not found:
        return []
    words = [Word.of(word) for word in found]
    if not prefix:
        words = [Word(word.text, word.stem, False) for word in words]
    known = _known(words, using)
    return [word for word in found if word not in known]


def _splits(word: str) -> list[tuple[Word, Word]]:
    splits = []
    for at in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:at], word[at:]
        heads = [head]
        if head[-1] in "se" and len(head) > MIN_PART:
            heads.append(head[:-1])  # beleid-s-adviseur, ziekt-e-verzuim
        for part in heads:
            if part not in STOPWORDS and tail not in STOPWORDS:
                splits.append(
                    (
                        Word.of(part, prefix_from=PART_PREFIX_FROM),
                        Word.of(tail, prefix_from=PART_PREFIX_FROM),
                    )
                )
    return splits


def split_compounds(unknown: list[str], *, using: str = "default") -> dict[str, Term]:
    """The words of ``unknown`` that are two known words, as two-part terms."""
    candidates = {
        word: _splits(word)
        for word in unknown[:MAX_SPLIT_WORDS]
        if not word.isdigit() and 2 * MIN_PART <= len(word) <= MAX_COMPOUND
    }
    parts = {
        part for splits in candidates.values() for split in splits for part in split
    }
    if not parts:
        return {}
    known = _known(sorted(parts, key=lambda part: part.text), using)
    compounds = {}
    for word, splits in candidates.items():
        usable = [split for split in splits if all(p.text in known for p in split)]
        if usable:
            compounds[word] = max(
                usable, key=lambda split: min(len(part.text) for part in split)
            )
    return compounds


def suggest(
    query: str, unknown: list[str], *, now, using: str = "default"
) -> str | None:
    """``query`` with its ``unknown`` words replaced by similar known ones, if that finds something."""
    connection = connections[using]
    backend = backends.for_connection(connection)
    replacements = {}
    for word in unknown[:3]:
        if word.isdigit() or len(word) < MIN_PART:
            continue
        scored = [
            (similarity(word, candidate), entries, spelling)
            for candidate, spelling, entries in backend.similar(connection, word)
            if candidate != word
        ]
        best = max(scored, default=None)
        if best and best[0] >= MIN_SIMILARITY:
            replacements[word] = best[2]
    if not replacements:
        return None
    corrected = replace_words(query, replacements)
    terms = [(Word.of(word),) for word in query_words(corrected)]
    if Results(terms, now=now, using=using).count():
        return corrected
    return None
