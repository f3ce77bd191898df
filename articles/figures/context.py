"""The words around a written figure, each weighted by how much it speaks of that figure.

A figure's own words are those between the figure before it and the figure after it
in the same sentence; nearer words weigh more, and words beyond a comma, "terwijl" or
"en" weigh less (the next clause may be about the next figure). The rest of the
sentence, the sentences before it in the paragraph, the paragraph before and the
section's heading speak of the question only, with less weight.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .document import Block, Sentence
from .language import CONCEPTS, Word
from .phrases import QUOTE, SOURCE, Anchor, apposed, base_spans

_BOUNDARY = re.compile(
    r"(,)|([():])|[;–—]|\s-\s|\b(?:terwijl|maar|waarbij|tegenover)\b|\b(en|of)\b"
)
_AND_OR = {"en": 0.8, "of": 1.0}
# "af en toe", "min of meer": no clause boundary inside.
_FIXED_PHRASES = re.compile(
    r"\b(?:af\s+en\s+toe|zo\s+nu\s+en\s+dan|min\s+of\s+meer|meer\s+of\s+minder|"
    r"op\s+en\s+neer|heen\s+en\s+weer|in\s+en\s+om)\b",
    re.IGNORECASE,
)
_EXTERNAL = re.compile(
    r"\b(?:cbs|scp|cpb|eurostat|landelijk|vorig\s+jaar|vorige\s+(?:keer|peiling|meting|ronde)|"
    r"eerdere?\s+(?:peiling|meting|onderzoek|ronde)|destijds|toen\s+nog|was\s+dat\s+nog|"
    r"waren\s+dat\s+nog|in\s+het\s+buitenland)\b",
    re.IGNORECASE,
)
_REPLIES = {"ja", "nee"}
# A word between two figures that speaks more of the other one counts this much.
_OTHER_FIGURES = 0.4
_CLEARLY = 1.15  # ... when it is tied to that one this much more
_SCALE_NOUN = ("heid", "heden")
_REFERS_BACK = re.compile(
    r"\b(?:(?:dat|dit)\s+(?:is|was|ligt|lag|geldt|gold|zijn|waren)|"
    r"(?:is|was|ligt|lag|geldt|gold)\s+(?:dat|dit))\b(?:\s+\w+)?\s*$",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\([^()]*\)")
_YEAR = re.compile(r"\bin\s+(?:het\s+jaar\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)


@dataclass
class Weights:
    """Context of one figure: per vocabulary stem the best weight (and where that word is)."""

    question: dict[str, float] = field(
        default_factory=dict
    )  # the figure's own sentence
    earlier: dict[str, float] = field(
        default_factory=dict
    )  # sentences before, the heading
    answer: dict[str, tuple[float, int]] = field(
        default_factory=dict
    )  # best weight, where
    occurrences: dict[str, list[int]] = field(default_factory=dict)  # every own word
    # The words that say whom the figure counts ("36 procent van de gemeenteambtenaren",
    # "een op de drie gemeenten"): they name a group (segment), never an answer.
    base: dict[str, float] = field(default_factory=dict)
    external: bool = False
    # "Nee, zegt 7 procent", "36 procent zegt ja": the answer word itself, as a reply.
    reply: bool = False
    years: tuple[int, ...] = ()
    # Other numbers among the figure's own words ("jonger dan 45"): a label with a
    # number ("Jonger dan 40 jaar") is named only by its own.
    numbers: set[str] = field(default_factory=set)
    # "bij gemeenten is dat 41 procent": the answer of the figure before, in another group.
    refers_back: bool = False
    position: int = 0  # word position of the figure: words before it are "before"
    connectors: dict[int, bool] = field(
        default_factory=dict
    )  # "of", "tot", "en" by position

    def add_question(self, stem: str, weight: float) -> None:
        if weight > self.question.get(stem, 0.0):
            self.question[stem] = weight

    def add_earlier(self, stem: str, weight: float) -> None:
        if weight > self.earlier.get(stem, 0.0):
            self.earlier[stem] = weight

    def add_base(self, stem: str, weight: float) -> None:
        if weight > self.base.get(stem, 0.0):
            self.base[stem] = weight

    def add_answer(self, stem: str, weight: float, position: int) -> None:
        if weight >= 0.3:
            self.occurrences.setdefault(stem, []).append(position)
        if weight > self.answer.get(stem, (0.0, 0))[0]:
            self.answer[stem] = (weight, position)


def _decay(distance: int) -> float:
    return 1.0 / (1.0 + 0.05 * max(0, distance - 1))


class BlockContext:
    """Weighs the words of one paragraph for each of its figures."""

    def __init__(
        self,
        block: Block,
        block_words: list[Word],
        vocabulary,
        skip: list[tuple[int, int]],
        connectors: set[int] = frozenset(),
    ):
        self.block = block
        self.vocabulary = vocabulary
        self.words = [
            w for w in block_words if not any(s <= w.start < e for s, e in skip)
        ]
        self.named = [vocabulary.named_by(w.stem) for w in self.words]
        self.connectors = connectors
        self._sentences: dict[int, tuple] = {}
        self._boundary_offsets: list[int] | None = None
        self.semicolons = [m.start() for m in re.finditer(";", block.text)]
        # Quotes of a few words: someone's words, not the data's.
        self.quotes = [
            m.span() for m in QUOTE.finditer(block.text) if len(m.group().split()) >= 3
        ]
        self._external_sentences: dict[int, bool] = {}
        self.scale_nouns = {
            w.start for w in self.words if self._scale_noun(block.text[w.start : w.end])
        }
        # A comma may part clauses or the items of a list; "terwijl" parts clauses.
        self.boundaries = [
            (
                m.start(),
                0.7
                if m.group(1)
                else 0.85
                if m.group(2)
                else _AND_OR.get(m.group(3), 0.5),
            )
            for m in _BOUNDARY.finditer(
                _FIXED_PHRASES.sub(lambda p: "x" * len(p.group()), block.text)
            )
        ]

    @property
    def boundary_offsets(self) -> list[int]:
        if self._boundary_offsets is None:
            self._boundary_offsets = [offset for offset, _w in self.boundaries]
        return self._boundary_offsets

    def _sentence(self, sentence: Sentence) -> tuple:
        """The sentence's words, their offsets, and the weights every figure of it starts
        with (words away from the figure: 0.4 for the question, 0.08 for the answer)."""
        if sentence.start not in self._sentences:
            words = [
                (w, named)
                for w, named in zip(self.words, self.named, strict=True)
                if sentence.start <= w.start < sentence.end
            ]
            base = Weights()
            for word, named in words:
                for stem, sureness in named:
                    base.add_question(stem, 0.4 * sureness)
                    if word.start not in self.scale_nouns:
                        base.add_answer(stem, 0.08 * sureness, word.position)
            self._sentences[sentence.start] = (
                words,
                [w.start for w, _n in words],
                (base.question, base.answer),
            )
        return self._sentences[sentence.start]

    def _external(self, sentence: Sentence) -> bool:
        """Whether the sentence gives another source's figures (read once per sentence)."""
        if sentence.start not in self._external_sentences:
            self._external_sentences[sentence.start] = bool(
                _EXTERNAL.search(sentence.text) or SOURCE.search(sentence.text)
            )
        return self._external_sentences[sentence.start]

    def _scale_noun(self, raw: str) -> bool:
        """ "toegankelijkheid", "tevredenheid": a noun made of an answer's adjective."""
        raw = raw.lower()
        labels = self.vocabulary.label_words
        if raw in labels:
            return False  # "Rijksoverheid" is an answer itself
        return any(
            raw.endswith(ending) and raw[: -len(ending)] in labels
            for ending in _SCALE_NOUN
        )

    def _tie_before(self, other: "Anchor", word: Word, last: int) -> float:
        """How much ``word`` speaks of the figure ``other`` after it (as its words before);
        ``last``: the position of the last word before ``other``."""
        return (
            0.9
            * _decay(last - word.position + 1)
            * self._between(word.end, other.start, figure_at_start=False)
        )

    def _tie_after(self, other: "Anchor", word: Word, first: int) -> float:
        """How much ``word`` speaks of the figure ``other`` before it (as its words after);
        ``first``: the position of the first word after ``other``."""
        return _decay(word.position - first + 1) * self._between(
            other.end, word.start, figure_at_start=True
        )

    def _between(self, start: int, end: int, *, figure_at_start: bool) -> float:
        """How much the clause boundaries between a word and its figure weaken their tie.

        A boundary right at the figure ("– 70 procent –") separates nothing.
        """
        factor = 1.0
        text = self.block.text
        low = bisect_left(self.boundary_offsets, start)
        high = bisect_left(self.boundary_offsets, end)
        for offset, weight in self.boundaries[low:high]:
            beside = text[start:offset] if figure_at_start else text[offset + 1 : end]
            # "– 70 procent –", "(43 procent)", "in gesprek te gaan: 46 procent"
            if beside.strip() or text[offset] not in "–—()-:":
                factor *= weight
        return factor

    def weights(
        self,
        sentence: Sentence,
        anchors: list[Anchor],
        index: int,
        earlier: list[tuple[list[Word], float]],
    ) -> Weights:
        """The weights for ``anchors[index]``; ``earlier``: words of other blocks with their weight.

        Figures in apposition ("de helft (48 procent)", "een derde, 33 procent,") share
        their words: they say the same thing twice.
        """
        text = self.block.text
        first = last = index
        while first > 0 and apposed(text, anchors[first - 1], anchors[first]):
            first -= 1
        while last + 1 < len(anchors) and apposed(
            text, anchors[last], anchors[last + 1]
        ):
            last += 1
        anchor = Anchor(anchors[first].start, anchors[last].end, anchors[index].key)
        own = anchors[first : last + 1]
        before_limit = anchors[first - 1].end if first > 0 else sentence.start
        after_limit = (
            anchors[last + 1].start if last + 1 < len(anchors) else sentence.end
        )
        in_sentence, starts, baseline = self._sentence(sentence)
        figure_position = next(
            (w.position for w, _n in in_sentence if w.start >= anchor.end),
            (in_sentence[-1][0].position + 1) if in_sentence else 0,
        )
        first_position = next(
            (w.position for w, _n in reversed(in_sentence) if w.end <= anchor.start),
            figure_position,
        )
        weights = Weights(
            position=figure_position, connectors=dict.fromkeys(self.connectors, True)
        )
        weights.external = self._external(sentence) or any(
            start < anchor.start < end for start, end in self.quotes
        )
        # A year counts in the figure's own clause only ("…; in 2023 was dat 55 procent").
        clause_start = max(
            [before_limit] + [p + 1 for p in self.semicolons if p < anchor.start]
        )
        clause_end = min(
            [after_limit] + [p for p in self.semicolons if p >= anchor.end]
        )
        # ... and not in an aside in brackets ("de Agenda (versie 2 uit 2020) kent 57%").
        clause = text[clause_start:clause_end]
        figure_at = anchor.start - clause_start
        clause = _ASIDE.sub(
            lambda m: m.group() if m.start() <= figure_at < m.end() else " ", clause
        )
        weights.years = tuple(int(y) for y in _YEAR.findall(clause))
        weights.refers_back = bool(
            _REFERS_BACK.search(text[before_limit : anchor.start])
        )
        base = base_spans(text, anchor, before_limit, after_limit)
        # The rest of the sentence speaks of the question only: the same for every figure.
        weights.question.update(baseline[0])
        weights.answer.update(baseline[1])
        previous_first = (
            in_sentence[bisect_left(starts, anchors[first - 1].end)][0].position
            if first > 0 and bisect_left(starts, anchors[first - 1].end) < len(starts)
            else 0
        )
        next_index = bisect_left(starts, after_limit) - 1
        next_last = in_sentence[next_index][0].position if next_index >= 0 else 0
        own_words = in_sentence[
            bisect_left(starts, before_limit) : bisect_left(starts, after_limit)
        ]
        for word, named in own_words:
            if any(a.start <= word.start < a.end for a in own):
                continue
            if before_limit <= word.start < anchor.start:
                distance = first_position - word.position + 1
                answer = (
                    0.9
                    * _decay(distance)
                    * self._between(word.end, anchor.start, figure_at_start=False)
                )
                if first > 0 and answer * _CLEARLY < self._tie_after(
                    anchors[first - 1], word, previous_first
                ):
                    answer *= _OTHER_FIGURES  # "zegt 15 procent; altijd, zegt 25"
            elif anchor.end <= word.start < after_limit:
                distance = word.position - figure_position + 1
                answer = _decay(distance) * self._between(
                    anchor.end, word.start, figure_at_start=True
                )
                if last + 1 < len(anchors) and answer * _CLEARLY < self._tie_before(
                    anchors[last + 1], word, next_last
                ):
                    answer *= (
                        _OTHER_FIGURES  # "57 procent te zijn, onbekend 43 procent"
                    )
            else:
                answer = 0.08
            question = max(answer, 0.4)
            if answer >= 0.5 and text[word.start : word.end].lower() in _REPLIES:
                weights.reply = True
            if answer >= 0.5 and word.stem.isdigit():
                weights.numbers.add(word.stem)
            in_base = any(s <= word.start < e for s, e in base)
            # "de toegankelijkheid": the noun names the scale (the question), not a point
            # of it; "toegankelijk" is an answer.
            scale = word.start in self.scale_nouns
            for stem, sureness in named:
                weights.add_question(stem, question * sureness)
                if scale:
                    continue
                if in_base and stem not in CONCEPTS:
                    # "van de gemeenten": who the figure counts, a group, no answer.
                    weights.add_base(stem, answer * sureness)
                    continue
                weights.add_answer(stem, answer * sureness, word.position)
        earlier_sentences = [s for s in self.block.sentences if s.end <= sentence.start]
        asked = False
        for back, other in enumerate(reversed(earlier_sentences)):
            # A question in the text ("Stelt de organisatie kwaliteitseisen …?") holds
            # for the answers that follow it, and what came before it does not.
            asked = other.text.rstrip().endswith("?")
            weight = 0.35 if asked else max(0.12, 0.3 - 0.1 * back)
            for word, named in zip(self.words, self.named, strict=True):
                if other.start <= word.start < other.end:
                    for stem, sureness in named:
                        weights.add_earlier(stem, weight * sureness)
            if asked:
                break
        for other_words, weight in [] if asked else earlier:
            for word in other_words:
                for stem, sureness in self.vocabulary.named_by(word.stem):
                    weights.add_earlier(stem, weight * sureness)
        return weights
