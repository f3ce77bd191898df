"""The survey questions the check and the tags read: plain data, no database.

``CandidateQuestion`` holds what the check needs of a stored question: its text, its
answers in order and each answer's figure per segment. ``candidates.py`` loads them.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

TOTAL = "Totaal"


@dataclass(frozen=True)
class Value:
    percentage: Decimal | None
    is_suppressed: bool = False
    #: Respondents in the segment who answered, when known (computed rounds).
    n: int | None = None


@dataclass(frozen=True)
class Answer:
    label: str
    order: int
    values: Mapping[str, Value] = field(default_factory=dict)  # segment name → figure


@dataclass(frozen=True)
class CandidateQuestion:
    survey_slug: str
    code: str
    text: str
    type: str
    answers: tuple[Answer, ...]
    pk: int | None = None
    url: str = ""
    n: str = ""  # the round's n as a reader sees it ("480", "een kleine 500")
    fieldwork_year: int | None = None

    @property
    def reference(self) -> str:
        return f"{self.survey_slug}/{self.code}"

    @property
    def segments(self) -> list[str]:
        names = {name for answer in self.answers for name in answer.values}
        return sorted(names, key=lambda name: (name != TOTAL, name))


@dataclass(frozen=True)
class StoredFigure:
    """The figure of one or more answers (a sum) of a question in one segment."""

    question: CandidateQuestion
    answers: tuple[Answer, ...]
    segment: str = TOTAL

    @property
    def labels(self) -> str:
        """The answer as the check reports it: "Ja", "Altijd+Vaak", "Ja@Gemeente"."""
        text = "+".join(answer.label for answer in self.answers)
        return text if self.segment == TOTAL else f"{text}@{self.segment}"

    @property
    def is_suppressed(self) -> bool:
        return any(
            answer.values.get(self.segment, Value(None)).is_suppressed
            for answer in self.answers
        )

    @property
    def n(self) -> int | None:
        """How many respondents of the segment answered, when the data say (computed)."""
        counts = {
            value.n
            for answer in self.answers
            if (value := answer.values.get(self.segment)) is not None
        }
        return counts.pop() if len(counts) == 1 else None

    @property
    def percentage(self) -> Decimal | None:
        """The stored percentage (a sum for several answers); None when one is missing or suppressed."""
        values = [answer.values.get(self.segment) for answer in self.answers]
        if any(value is None or value.percentage is None for value in values):
            return None
        if self.is_suppressed:
            return None
        return sum((value.percentage for value in values), Decimal(0))
