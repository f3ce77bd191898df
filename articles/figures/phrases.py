"""Patterns in the words around a written figure that say how to read it.

A figure said twice ("de helft (48 procent)"), the words that say whom it counts ("van
de gemeenten"), another source's figure ("becijferde de VNG") and a quote. ``context``
weighs the words with them.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    """A figure in a sentence: a written percentage (or a list of them) or a ``[cijfer]`` tag."""

    start: int
    end: int
    key: object  # the mention (or list number) or the tag


# "becijferde de VNG", "volgens TNO", "meldt het ministerie": another source's figure.
SOURCE = re.compile(
    r"\b(?:volgens|aldus|meldt|meldde|melden|meldden|schrijft|schreef|rapporteert|"
    r"rapporteerde|becijfert|becijferde|berekent|berekende|concludeert|concludeerde|"
    r"telt|telde|stelt|stelde|zegt|zei|vond|vindt|onderzocht|onderzoekt)\s+"
    r"(?:de\s+|het\s+)?(?:(?-i:[A-Z][A-Z&]+)\b|ministerie|kabinet|minister|"
    r"staatssecretaris|rekenkamer|ombudsman|regering|inspectie|planbureau|"
    r"rijksoverheid\s+zelf)",
    re.IGNORECASE,
)
# A quote: ‘…’, “…”, „…”, "…" (a closing ’ is no apostrophe as in "zo’n").
QUOTE = re.compile(r"‘[^‘’]*’(?![a-zà-ÿ])|[“„][^“”„]*”|\"[^\"]*\"")


_APPOSITION = re.compile(r"[\s,:]*[(–—][\s,:]*|\s*,\s*")
# "bijna de helft van de ambtenaren (45 procent)": a few words, then the bracket.
_APPOSITION_AFTER_WORDS = re.compile(r"(?:\s+[\w'’-]+){1,4}\s*\(\s*")


def apposed(text: str, first: Anchor, second: Anchor) -> bool:
    """ "de helft (48 procent)", "– 70 procent –", "een derde, 33 procent": one figure, said twice."""
    gap = text[first.end : second.start]
    if _APPOSITION_AFTER_WORDS.fullmatch(gap):
        # Only a figure in words explained by digits: "ja (7 procent nee" is a list.
        return _is_word(first) and not _is_word(second)
    if not _APPOSITION.fullmatch(gap):
        return False
    if "(" in gap or "–" in gap or "—" in gap:
        return True
    # A comma only joins a figure in words and one in digits, not a list of figures.
    return _is_word(first) != _is_word(second)


def _is_word(anchor: Anchor) -> bool:
    key = anchor.key
    return isinstance(key, tuple) and len(key) == 1 and key[0].is_word


_WORD_AHEAD = r"[a-zà-ÿ][\w'’-]*"
# An adjective before the noun: "de deelnemende ambtenaren", "de grote gemeenten".
_ADJECTIVE = r"[a-zà-ÿ][\w'’-]*e"
# "36 procent van de (deelnemende) ambtenaren", "Van de gemeenten heeft 35 procent".
_BASE_AFTER = re.compile(
    rf"\s+van\s+(?:de|het|alle|onze|hun|deze)\s+((?:{_ADJECTIVE}\s+)?{_WORD_AHEAD})",
    re.IGNORECASE,
)
_BASE_BEFORE = re.compile(
    rf"^\s*van\s+(?:de|het|alle|onze|hun|deze)\s+((?:{_ADJECTIVE}\s+)?{_WORD_AHEAD})",
    re.IGNORECASE,
)
# "een op de drie gemeenten": the plural noun after a share "op de".
_ONE_IN_END = re.compile(r"\b(?:op|van)\s+(?:de|elke|iedere)\s+\S+$", re.IGNORECASE)
_PLURAL_AHEAD = re.compile(rf"\s+({_WORD_AHEAD}(?:en|s))\b", re.IGNORECASE)


def base_spans(
    text: str, anchor, before_limit: int, after_limit: int
) -> list[tuple[int, int]]:
    """Where the words stand that say whom the figure counts."""
    spans = []
    after = text[anchor.end : after_limit]
    match = _BASE_AFTER.match(after)
    if match is None and _ONE_IN_END.search(text[anchor.start : anchor.end]):
        match = _PLURAL_AHEAD.match(after)
    if match:
        spans.append((anchor.end + match.start(1), anchor.end + match.end(1)))
    before = text[before_limit : anchor.start]
    if match := _BASE_BEFORE.match(before):
        spans.append((before_limit + match.start(1), before_limit + match.end(1)))
    return spans
