"""Finding the percentages written in Dutch text, with the range of values each allows.

``find_percentages(text)`` returns a ``Mention`` per share of respondents written in
``text``: "43 procent", "43%", "43 %", "25,5 procent", lists ("13 en 44 procent",
"respectievelijk 33, 6 en 46 procent"), "een percentage van 32", words ("de helft",
"driekwart", "een op de vijf", "twee procent") and hedges ("een kleine 5", "ruim",
"bijna", "nog geen", "meer dan", "ongeveer"). Never a mention: numbers without a
percentage unit (years, dates, n, counts, times, money, phone and section numbers) and
differences ("5 procentpunt", "gestegen met 4 procent", "10 procent meer dan").

A written whole number allows the values that round to it ("57": 56.5 up to 57.5,
"25,5": 25.45 up to 25.55); a hedge widens that range the way its words say.
"""

import re
from dataclasses import dataclass

_NUMBER = r"(?<![\w.,€$-])(\d{1,3}(?:[.,]\d{1,2})?)(?![\d])(?![.,]\d)"
_UNIT = r"\s?(?:%|procent\b|pct\b\.?|percent\b)"
_NUMBER_WORDS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
    "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
    "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    "honderd": 100,
}  # fmt: skip
_UNITS = "een|twee|drie|vier|vijf|zes|zeven|acht|negen"
_TENS = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_WORD_NUMBER = (
    rf"\b((?:{_UNITS})(?:ën|en)(?:{_TENS})|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\b"
)
_FRACTIONS = {
    "helft": 50.0, "derde": 100 / 3, "kwart": 25.0, "vijfde": 20.0, "tiende": 10.0,
}  # fmt: skip
_FRACTION = re.compile(
    r"\b(?:(?P<count>een|één|twee|drie|vier|negen)\s+|(?P<the>de|een)\s+)?"
    r"(?P<fraction>driekwart|helft|derde|kwart|vijfde|tiende)\b",
    re.IGNORECASE,
)
# "een derde partij", "kwart over drie": ordinals and clock times, not shares.
_NOT_A_FRACTION_AFTER = re.compile(
    r"\s*(?:partij|partijen|keer|plaats|persoon|personen|weg|ronde|optie|mogelijkheid|"
    r"categorie|kamer|generatie|jaar|jaren|dag|week|maand|eeuw|uur|niveau|lid|fase|stap|"
    r"punt|vraag|alinea|hoofdstuk|paragraaf|golf|termijn|editie|rang|klas|wereld|over|"
    r"voor|na|deel\s+van\s+de\s+tijd)\b"
)
_ONE_IN = re.compile(
    r"\b(een|één|\d{1,2}|twee|drie|vier|vijf|zes|zeven|acht|negen)\s+(op|van)\s+"
    r"(?:de\s+|elke\s+|iedere\s+)?(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|"
    r"twaalf|vijftien|twintig|\d{1,2})\b"
    # "4 van de 5 sterren", "2 op de 3 dagen": a score or a count of things, no share.
    r"(?!\s*(?:%|procent|jaar|jaren|keer|sterren|punten|dagen|weken|maanden|uur|uren|"
    r"minuten|vragen|stellingen|criteria|onderdelen|pagina's))",
    re.IGNORECASE,
)

_HEDGES = [
    # (words right before the number, kind)
    (r"ruim\s+meer\s+dan|ruim\s+boven|meer\s+dan|boven\s+de|minstens|ten\s+minste|"
     r"tenminste|minimaal|op\s+zijn\s+minst", "at_least"),
    (r"minder\s+dan|onder\s+de|nog\s+geen|niet\s+meer\s+dan|hooguit|maximaal|"
     r"ten\s+hoogste|hoogstens|amper|nauwelijks", "at_most"),
    (r"een\s+kleine|net\s+geen|net\s+onder|iets\s+minder\s+dan|bijna|nagenoeg|"
     r"vrijwel|krap", "just_below"),
    (r"een\s+ruime|iets\s+meer\s+dan|net\s+meer\s+dan|net\s+boven|ruim|goed|dik",
     "just_above"),
    (r"ongeveer|circa|ca\.|rond\s+de|rond|rondom|zo'n|zo’n|pakweg|grofweg|ruwweg|"
     r"om\s+en\s+nabij|plusminus|±|naar\s+schatting|ergens\s+rond", "about"),
]  # fmt: skip
_HEDGE_BEFORE = re.compile(
    r"(?:^|(?<=[\s(–—-]))(?P<hedge>"
    + "|".join(f"(?:{pattern})" for pattern, _kind in _HEDGES)
    + r")\s+(?:de\s+|het\s+)?$",
    re.IGNORECASE,
)
_HEDGE_KINDS = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), k) for p, k in _HEDGES]
_TRAILING = re.compile(r"^\s+of\s+(meer|minder|hoger|lager)\b", re.IGNORECASE)

# Differences and other percentages that are no share of respondents.
_DIFFERENCE_AFTER = re.compile(
    r"^(?:-?\s?punt(?:en)?\b|\s+(?:meer|minder|hoger|lager|vaker|groter|kleiner|"
    r"minder\s+vaak)\s+dan\b|\s+(?:gestegen|gedaald|toegenomen|afgenomen|gegroeid|"
    r"meer|minder|korting|rente|btw|inflatie|loonsverhoging|salarisverhoging|"
    r"groei|rendement|zekerheid|betrouwbaarheid|kans)\b)",
    re.IGNORECASE,
)
_DIFFERENCE_BEFORE = re.compile(
    r"(?:(?:stijging|daling|toename|afname|groei|krimp|verschil|verhoging|verlaging|"
    r"steeg|stegen|stijgt|stijgen|daalde|daalden|daalt|dalen|groeide|groeiden|groeit|"
    r"groeien|gestegen|gedaald|toegenomen|afgenomen|gegroeid|gekrompen|verhoogd|"
    r"verlaagd|verhogen|verlagen|nam\s+toe|namen\s+toe|nam\s+af|namen\s+af)"
    r"(?:\s+[\w']+){0,4}?\s+(?:met|van)|[+−]|\bplus|\bmin)"
    r"\s*(?:ruim|bijna|ongeveer|circa|zo'n|maar\s+liefst|slechts)?\s*$",
    re.IGNORECASE,
)
# "de 50%-grens", "een 80%-regel": a percentage in a compound names a threshold.
_COMPOUND_AFTER = re.compile(r"^-[a-zà-ÿ]", re.IGNORECASE)
# "onder de 40 en 1 procent": a number after these words is no list item.
_NOT_A_LIST_START = re.compile(
    r"(?:\bde|\bhet|\bdan|\btussen|\bonder|\bboven|\bsinds|\bvanaf|\bna|\bvoor|\bom|"
    r"\bop|\bin|\bruim|\bbijna|\bouder|\bjonger|\bjaar|\buur)\s+$",
    re.IGNORECASE,
)
_LIST = re.compile(
    rf"{_NUMBER}(?P<rest>(?:\s*,\s*\d{{1,3}}(?:,\d{{1,2}})?(?![\d]))*\s+(?:en|of|&)\s+"
    rf"\d{{1,3}}(?:,\d{{1,2}})?){_UNIT}",
    re.IGNORECASE,
)
_RANGE = re.compile(
    rf"(?:\btussen\s+(?:de\s+)?{_NUMBER}\s+en\s+|{_NUMBER}\s*(?:tot(?:\s+en\s+met)?|à|á|-|–)\s*)"
    rf"(\d{{1,3}}(?:,\d{{1,2}})?){_UNIT}",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"{_NUMBER}{_UNIT}", re.IGNORECASE)
_SPELLED = re.compile(rf"{_WORD_NUMBER}\s+procent\b", re.IGNORECASE)
_PERCENTAGE_OF = re.compile(
    r"\b(?:percentage|aandeel)\s+van\s+(?:(?:maar\s+liefst|maar|slechts|liefst|zo'n|"
    r"ongeveer|circa|ruim|bijna)\s+)?"
    rf"{_NUMBER}(?!\s?(?:%|procent|pct|percent|\d))",
    re.IGNORECASE,
)
_EACH_BEFORE = re.compile(
    r"\b(?:elk|ieder|allebei|beide|allemaal|telkens|steeds)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A share written in the text. Offsets are those of the text searched."""

    start: int  # the written figure: the number, with its unit when it has one
    end: int
    value: float  # the written number (a range: its middle)
    low: float  # the stored values it allows: low <= value < high
    high: float
    hedge: str = ""  # the hedge words, as written
    group: int = -1  # mentions of one list share a number
    order: int = 0  # place in its list
    each: bool = False  # "elk 5 procent": every answer named has this value
    is_word: bool = False  # "de helft", "twee procent": a number written in words
    hedge_start: int = -1  # where the hedge words start; -1: no hedge

    @property
    def phrase_start(self) -> int:
        return self.hedge_start if self.hedge_start >= 0 else self.start

    @property
    def is_exact(self) -> bool:
        return not self.hedge and not self.is_word


def _number(text: str) -> tuple[float, int]:
    text = text.replace(",", ".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return float(text), decimals


def _rounding(decimals: int) -> float:
    return 0.5 * 10 ** (-decimals)


def _hedged_range(value: float, half: float, kind: str, slack: float):
    """The values a hedge allows around ``value`` (``half``: its rounding, ``slack``: how far)."""
    if kind == "at_least":
        return value - half, 100.0 + half
    if kind == "at_most":
        return 0.0, value + half
    if kind == "just_below":
        return value - slack, value + half
    if kind == "just_above":
        return value - half, value + slack
    return value - slack, value + slack


def _hedge_kind(words: str) -> str:
    normalised = " ".join(words.split())
    for pattern, kind in _HEDGE_KINDS:
        if pattern.match(normalised):
            return kind
    return "about"


def _make(
    text: str,
    start: int,
    end: int,
    value: float,
    decimals: int,
    *,
    word_tolerance=0.0,
    **extra,
) -> Mention | None:
    if not 0 <= value <= 100:
        return None
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    if _DIFFERENCE_AFTER.match(after) or _DIFFERENCE_BEFORE.search(before):
        return None
    if _COMPOUND_AFTER.match(after):
        return None
    half = max(_rounding(decimals), word_tolerance)
    low, high = value - half, value + half
    hedge = ""
    hedge_start = -1
    if match := _HEDGE_BEFORE.search(before):
        hedge = " ".join(match["hedge"].split())
        hedge_start = max(0, start - 60) + match.start("hedge")
        low, high = _hedged_range(
            value,
            _rounding(decimals),
            _hedge_kind(hedge),
            max(2.0, 0.2 * value, word_tolerance),
        )
    elif match := _TRAILING.match(after):
        hedge = "of " + match[1].lower()
        if match[1].lower() in ("meer", "hoger"):
            low, high = value - half, 100.0 + half
        else:
            low, high = 0.0, value + half
    each = bool(_EACH_BEFORE.search(before[-30:]))
    return Mention(
        start,
        end,
        value,
        low,
        high,
        hedge=hedge,
        each=each,
        hedge_start=hedge_start,
        **extra,
    )


def find_percentages(text: str) -> list[Mention]:
    """Every share of respondents written in ``text``, in the order of the text."""
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(mention: Mention | None, span: tuple[int, int]) -> None:
        taken.append(span)
        if mention is not None:
            mentions.append(mention)

    group = 0
    for match in _RANGE.finditer(text):
        numbers = [g for g in match.groups() if g]
        first, decimals = _number(numbers[0])
        last, last_decimals = _number(numbers[-1])
        if not free(*match.span()) or first > last:
            continue
        half = _rounding(max(decimals, last_decimals))
        mention = _make(text, match.start(), match.end(), (first + last) / 2, decimals)
        if mention is not None:
            mention = Mention(
                mention.start, mention.end, mention.value, first - half, last + half,
                hedge="tussen", each=mention.each, hedge_start=mention.hedge_start,
            )  # fmt: skip
        add(mention, match.span())
    for match in _LIST.finditer(text):
        if not free(*match.span()) or _NOT_A_LIST_START.search(
            text[max(0, match.start() - 30) : match.start()]
        ):
            continue
        numbers = list(
            re.finditer(r"\d{1,3}(?:,\d{1,2})?", text[match.start() : match.end()])
        )
        group += 1
        for order, number in enumerate(numbers):
            start = match.start() + number.start()
            end = match.start() + number.end()
            if order == len(numbers) - 1:
                end = match.end()
            value, decimals = _number(number.group())
            add(
                _make(text, start, end, value, decimals, group=group, order=order)
                if order < len(numbers) - 1
                else _make(text, start, end, value, decimals, group=group, order=order),
                (start, end),
            )
    for pattern in (_SINGLE, _PERCENTAGE_OF):
        for match in pattern.finditer(text):
            span = match.span(1) if pattern is _PERCENTAGE_OF else match.span()
            if not free(*span):
                continue
            value, decimals = _number(match[1])
            add(_make(text, span[0], span[1], value, decimals), span)
    for match in _SPELLED.finditer(text):
        if not free(*match.span()):
            continue
        word = match[1].lower()
        add(
            _make(text, *match.span(), _spelled_value(word), 0, is_word=True),
            match.span(),
        )
    for match in _FRACTION.finditer(text):
        if not free(*match.span()) or _NOT_A_FRACTION_AFTER.match(text[match.end() :]):
            continue
        value = _fraction_value(match)
        if value is None:
            continue
        add(
            _make(text, *match.span(), value, 1, word_tolerance=3.0, is_word=True),
            match.span(),
        )
    for match in _ONE_IN.finditer(text):
        if not free(*match.span()):
            continue
        part, whole = _count(match[1]), _count(match[3])
        if not part or not whole or part >= whole or whole > 20:
            continue
        if match[2].lower() == "van" and whole > 10:
            continue  # "3 van de 20 grote gemeenten": a count; "drie van de tien": a share
        add(
            _make(
                text,
                *match.span(),
                round(100 * part / whole, 1),
                1,
                word_tolerance=3.0,
                is_word=True,
            ),
            match.span(),
        )
    return sorted(mentions, key=lambda mention: mention.start)


def _spelled_value(word: str) -> float:
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    unit, _sep, tens = re.match(rf"({_UNITS})(ën|en)(.+)", word).groups()
    return float(_NUMBER_WORDS[unit] + _NUMBER_WORDS[tens])


def _fraction_value(match: re.Match) -> float | None:
    fraction = match["fraction"].lower()
    if fraction == "driekwart":
        return 75.0
    count = (match["count"] or "").lower()
    if not count and not match["the"]:
        return None  # "helft" alone, "derde" alone: no share without its article
    if not count:
        if fraction == "helft" or (match["the"] or "").lower() == "een":
            return _FRACTIONS[fraction]
        return None
    times = _NUMBER_WORDS[count]
    if fraction == "helft":
        return None
    return round(times * _FRACTIONS[fraction], 1)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)
