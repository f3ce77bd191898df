"""What the matching knows of each candidate question: its words and its answers' words.

A ``QuestionProfile`` holds the stems of a question's text and, per answer, the stems
its label requires (``(Zeer) eens``: "eens", with "zeer" optional), whether the
answer is the negative or positive side of a yes/no question, or "weet niet". The
``Vocabulary`` says which words of a sentence name which of those stems, also when
inflected ("noemt"/"noem") or part of a compound ("staffunctie"/"functie").
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from .language import DONT_KNOW, NEG, POS, compound_part, same_word, words
from .questions import TOTAL, Answer, CandidateQuestion

_OPTIONAL = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True)
class AnswerProfile:
    answer: Answer
    required: tuple[str, ...]
    optional: tuple[str, ...]
    is_negative: bool
    is_positive: bool
    is_dont_know: bool


@dataclass
class QuestionProfile:
    question: CandidateQuestion
    tokens: frozenset[str]
    answers: list[AnswerProfile]
    segments: dict[str, tuple[str, ...]]  # segment name → its stems, Totaal left out

    @cached_property
    def asks_knowing(self) -> bool:
        """ "Weet u waar …?": not knowing is its negative answer, not "weet niet"."""
        return self.question.text.lower().startswith(
            ("weet u", "weet je", "kent u", "kent je")
        )

    @cached_property
    def not_knowing_is_no(self) -> bool:
        """Whether "weet niet" names the negative answer: a question about knowing, or a
        yes/no question without a don't-know answer ("weet niet wat de Agenda is": Nee)."""
        return self.asks_knowing or (
            self.is_yes_no and not any(a.is_dont_know for a in self.answers)
        )

    @cached_property
    def is_yes_no(self) -> bool:
        return any(a.is_positive for a in self.answers) and any(
            a.is_negative for a in self.answers
        )

    @cached_property
    def all_words(self) -> frozenset[str]:
        """Every stem of the question's text and answer labels."""
        return self.tokens.union(*(set(a.required) for a in self.answers))

    @cached_property
    def unique_words(self) -> frozenset[str]:
        """Label words that only one answer of the question has."""
        counts = Counter(t for a in self.answers for t in set(a.required))
        return frozenset(t for t, count in counts.items() if count == 1)

    @cached_property
    def answer_weights(self) -> dict[str, float]:
        """How much each label word tells the answers of this question apart."""
        counts = Counter(t for a in self.answers for t in set(a.required))
        total = len(self.answers)
        return {t: max(0.3, math.log(1 + total / count)) for t, count in counts.items()}


def _stems(text: str) -> list[str]:
    return [word.stem for word in words(text)]


def profile_answer(answer: Answer) -> AnswerProfile:
    label = answer.label
    optional = _stems(" ".join(_OPTIONAL.findall(label)))
    required = list(dict.fromkeys(_stems(_OPTIONAL.sub(" ", label))))
    if not required:  # "(Zeer) eens" without its brackets would be empty otherwise
        required, optional = list(dict.fromkeys(optional)), []
    first = required[0] if required else ""
    return AnswerProfile(
        answer=answer,
        required=tuple(required),
        optional=tuple(t for t in optional if t not in required),
        is_negative=first == NEG or (NEG in required and DONT_KNOW not in required),
        is_positive=first == POS,
        is_dont_know=DONT_KNOW in required,
    )


def profile_question(question: CandidateQuestion) -> QuestionProfile:
    return QuestionProfile(
        question=question,
        tokens=frozenset(_stems(question.text)),
        answers=[profile_answer(answer) for answer in question.answers],
        segments={
            name: tuple(_stems(name)) for name in question.segments if name != TOTAL
        },
    )


class Vocabulary:
    """The stems of the candidate questions, and which sentence words name them."""

    def __init__(self, profiles: list[QuestionProfile]):
        self.profiles = profiles
        documents = []
        for profile in profiles:
            document = set(profile.tokens)
            for answer in profile.answers:
                document.update(answer.required)
                document.update(answer.optional)
            for stems in profile.segments.values():
                document.update(stems)
            documents.append(document)
        counts = Counter(t for document in documents for t in document)
        size = len(documents)
        self.idf = {
            t: math.log((size + 1) / (count + 0.5)) for t, count in counts.items()
        }
        self.stems = set(counts)
        # The words of the answer labels as written, lowercased ("toegankelijk").
        self.label_words = {
            word
            for profile in profiles
            for a in profile.answers
            for word in re.findall(r"[\w-]+", a.answer.label.lower())
        }
        self._by_prefix: dict[str, list[str]] = {}
        for known in self.stems:
            self._by_prefix.setdefault(known[:4], []).append(known)
        self._named: dict[str, tuple[tuple[str, float], ...]] = {}

    def named_by(self, stem: str) -> tuple[tuple[str, float], ...]:
        """The vocabulary stems a sentence word names, each with how surely (1 or less)."""
        if stem not in self._named:
            found = []
            if stem in self.stems:
                found.append((stem, 1.0))
            for known in self._by_prefix.get(stem[:4], ()):
                if known != stem and same_word(stem, known):
                    found.append((known, 0.9))
            for cut in range(3, len(stem) - 3):
                known = stem[cut:]
                if known in self.stems and compound_part(stem, known):
                    found.append((known, 0.6))
            self._named[stem] = tuple(found)
        return self._named[stem]
