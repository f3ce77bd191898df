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

NEG = "NEG"  # niet, geen, nooit, nee, ontkennend
POS = "POS"  # ja, wel, bevestigend
DONT_KNOW = "WEETNIET"  # weet niet, niet te weten, geen idee
KNOWN = "BEKEND"  # bekend, kent, op de hoogte, gehoord van
TALK = "SPREKEN"  # gesproken, gesprek, ter sprake, ter tafel
NOW_AND_THEN = "AFENTOE"  # af en toe, soms, weleens

CONCEPTS = frozenset({NEG, POS, DONT_KNOW, KNOWN, TALK, NOW_AND_THEN})

# Phrases first (longest first), on lowercased text with hyphenation already joined.
_PHRASES = [
    # "zegt niets van samenwerking te weten": the words between still count.
    (r"\bniets?\b(?=(?:\s+\w+){0,3}?\s+(?:te\s+)?weten\b)", DONT_KNOW),
    (
        r"\b(?:weet|weten|wist|wisten)\s+(?:(?:het|dat|ik|u|men|ze|zij|er|nog|ook|dus)\s+){0,3}(?:niet|niets)\b",
        DONT_KNOW,
    ),
    (r"\bniet\s+(?:te\s+)?weten\b", DONT_KNOW),
    (r"\bniet\s+(?:\w+\s+){0,2}?(?:weet|weten|wist|wisten)\b", DONT_KNOW),
    (r"\bgeen\s+idee\b", DONT_KNOW),
    (r"\bonbekend\b", f"{NEG} {KNOWN}"),
    (r"\bop\s+de\s+hoogte\b", KNOWN),
    (r"\b(?:van\s+)?gehoord\b", KNOWN),
    (r"\bter\s+(?:sprake|tafel)\b", TALK),
    (r"\baan\s+bod\b", TALK),
    (r"\baf\s+en\s+toe\b", NOW_AND_THEN),
    (r"\bzo\s+nu\s+en\s+dan\b", NOW_AND_THEN),
    (r"\bvan\s+niet\b", NEG),
    (r"\bvan\s+wel\b", POS),
    (r"\bsamen\s+(?:te\s+)?werk\w*", "samenwerken"),
    # "hoe vaak", "hoe tevreden": the question's words, no answer (see _phrases()).
    (r"\bhoe\s+[a-zà-ÿ]+", "HOE"),
    # "Nog eens 16 procent": "eens" is not agreement there.
    (r"\b(?:nog|weer|ook)\s+eens\b", ""),
    (r"\bniet\s+eens\b", "oneens"),
    (r"\bmee\s+eens\b", "eens"),  # "mee eens" is "eens": "zeer eens of eens"
]
_PHRASE_PATTERNS = [(re.compile(pattern), repl) for pattern, repl in _PHRASES]

# Single words that stand for a concept or for a word the questions use.
_WORD_CONCEPTS = {
    "niet": NEG,
    "geen": NEG,
    "nooit": NEG,
    "nee": NEG,
    "ontkennend": NEG,
    "ja": POS,
    "wel": POS,
    "bevestigend": POS,
    "bekend": KNOWN,
    "bekende": KNOWN,
    "kent": KNOWN,
    "kennen": KNOWN,
    "kende": KNOWN,
    "kenden": KNOWN,
    "gesproken": TALK,
    "gesprek": TALK,
    "spreken": TALK,
    "spreekt": TALK,
    "sprak": TALK,
    "praten": TALK,
    "praat": TALK,
    "gepraat": TALK,
    "soms": NOW_AND_THEN,
    "weleens": NOW_AND_THEN,
}

# A word that also names other words (added beside it, never instead).
_EXPANSIONS = {
    "veel": ("altijd", "vaak"),
    "regelmatig": ("vaak",),
    "zelden": ("niet", "vaak"),
    "onder": ("jonger",),
    "jonger": ("onder",),
    "boven": ("ouder",),
    "rijk": ("rijksoverheid",),
    "rijks": ("rijksoverheid",),
    "gemeentes": ("gemeente",),
    "cursussen": ("cursus",),
    "meerdere": ("meer",),
    "ontoegankelijke": ("ontoegankelijk",),
    "positief": ("eens",),
    "instemmen": ("eens",),
    "elke": ("dagelijks",),
    "iedere": ("dagelijks",),
    "tevredenheid": ("tevreden",),
    "vrouwelijk": ("vrouw",),
    "mannelijk": ("man",),
    "zenden": ("berichten", "plaatsen"),
    "posten": ("berichten", "plaatsen"),
}

# Words that carry no meaning for matching: Dutch function words and the words every
# sentence about the panel uses.
STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "in",
        "op",
        "te",
        "dat",
        "die",
        "dit",
        "deze",
        "is",
        "zijn",
        "was",
        "waren",
        "er",
        "met",
        "voor",
        "aan",
        "om",
        "bij",
        "zich",
        "ze",
        "zij",
        "hun",
        "haar",
        "hij",
        "u",
        "uw",
        "ik",
        "je",
        "jij",
        "we",
        "wij",
        "men",
        "als",
        "dan",
        "maar",
        "ook",
        "nog",
        "al",
        "wordt",
        "worden",
        "werd",
        "werden",
        "heeft",
        "hebben",
        "had",
        "hadden",
        "kan",
        "kunnen",
        "kon",
        "zal",
        "zullen",
        "zou",
        "zouden",
        "moet",
        "mag",
        "tot",
        "door",
        "over",
        "uit",
        "naar",
        "wat",
        "welke",
        "hoe",
        "waar",
        "wie",
        "zo",
        "dus",
        "toch",
        "want",
        "omdat",
        "terwijl",
        "hoewel",
        "even",
        "elk",
        "ieder",
        "iets",
        "nu",
        "toen",
        "daar",
        "hier",
        "daarbij",
        "daarvan",
        "daartoe",
        "erover",
        "ervan",
        "erbij",
        "meest",
        "mate",
        "procent",
        "pct",
        "percent",
        "percentage",
        "aandeel",
        "deel",
        "aantal",
        "zegt",
        "zeggen",
        "zei",
        "gezegd",
        "geeft",
        "geven",
        "gaf",
        "aangeeft",
        "aangeven",
        "aan",
        "vindt",
        "vinden",
        "vond",
        "vonden",
        "noemt",
        "noemen",
        "stelt",
        "ambtenaar",
        "ambtenaren",
        "deelnemer",
        "deelnemers",
        "deelnemende",
        "respondent",
        "respondenten",
        "medewerker",
        "medewerkers",
        "overheidsmedewerkers",
        "overheidsmedewerker",
        "ondervraagden",
        "ondervraagde",
        "geraadpleegde",
        "geraadpleegd",
        "onderzoek",
        "panel",
        "ambtenarenpanel",
        "slechts",
        "maar",
        "liefst",
        "ruim",
        "bijna",
        "circa",
        "ongeveer",
        "zo'n",
        "kleine",
        "klein",
        "grote",
        "groot",
        "opvallend",
        "schrikbarend",
        "relatief",
        "respectievelijk",
        "meerderheid",
        "minderheid",
        "helft",
        "derde",
        "kwart",
        "driekwart",
        "vijfde",
        "tiende",
        "eigen",
        "jaar",
        "ben",
        "bent",
        "heb",
        "hebt",
        "word",
        "doe",
        "doet",
        "doen",
        "gaat",
        "gaan",
        "ga",
        "kom",
        "komt",
        "komen",
    ]
)

_STEMMER = snowballstemmer.stemmer("dutch")
# Words the stemmer would merge with an unrelated word, kept as they are.
_KEEP = {
    "gemeente": "gemeente",
    "gemeenten": "gemeente",
    "gemeentelijke": "gemeente",
    "mening": "mening",
    "meningen": "mening",
    "binnen": "binnen",
    "eens": "eens",
    "oneens": "oneens",
    "hoge": "hoog",
    "hoog": "hoog",
}
_WORD = re.compile(r"[a-z0-9à-öø-ÿ]+(?:-[a-zà-öø-ÿ]+)*")
_COMPOUND_HEADS = ("ambtenaren", "ambtenaar", "medewerkers", "medewerker", "werknemers")


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
    if word in _KEEP:
        return _KEEP[word]
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


CONNECTORS = frozenset({"of", "tot", "en", "à", "t/m"})


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
    concept = _WORD_CONCEPTS.get(token)
    items = [concept] if concept else [token]
    items.extend(_WORD_CONCEPTS.get(item, item) for item in _EXPANSIONS.get(token, ()))
    for head in _COMPOUND_HEADS:
        # "rijksambtenaren" are of the Rijk, "gemeenteambtenaren" of a gemeente.
        if token.endswith(head) and len(token) - len(head) >= 4:
            modifier = token[: -len(head)]
            items.append(modifier)
            items.extend(_EXPANSIONS.get(modifier, ()))
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
