"""The vocabulary of the test cases: a paragraph (or a few) and what the check must say about it.

A case's text uses the demo text format (``## `` a heading, blank lines between
paragraphs) with two shorthands: ``[grafiek code]`` and ``[cijfer code/answer]`` name a
question of the demo round. Expectations name each figure by its written value:

- ``ok(57, "agenda-bekend", "Ja")``: a percentage the check ties to that answer and passes;
- ``wrong(43, "agenda-bekend", "Ja", 57)``: a mismatch against that answer (``stored``);
- ``unlinked(45)``: a percentage tied to no question;
- ``plain("2020")``: a number that is not a percentage: never part of a finding.

A reference without a slash is a question of the demo round; ``"werken-2024/werkdruk"``
names another round. ``hedged=True`` marks a wrong figure written with a hedge ("ruim",
"een kleine"), which the 100 % target for exact figures leaves out.
"""

import re
from dataclasses import dataclass, field

DEMO = "digitale-dienstverlening"


def full_reference(reference: str) -> str:
    return reference if "/" in reference else f"{DEMO}/{reference}"


@dataclass(frozen=True)
class Expect:
    kind: str  # "ok", "mismatch", "unlinked" or "plain"
    value: float | None = None
    question: str | None = None
    answer: str | None = None
    stored: float | None = None
    hedged: bool = False
    token: str = ""


def ok(value: float, question: str, answer: str) -> Expect:
    return Expect("ok", float(value), full_reference(question), answer)


def wrong(
    value: float, question: str, answer: str, stored: float, *, hedged: bool = False
) -> Expect:
    return Expect(
        "mismatch",
        float(value),
        full_reference(question),
        answer,
        float(stored),
        hedged=hedged,
    )


def unlinked(value: float) -> Expect:
    return Expect("unlinked", float(value))


def plain(token: str) -> Expect:
    return Expect("plain", token=token)


_SHORT_CHART = re.compile(r"\[grafiek ([\w-]+)\]")
_SHORT_FIGURE = re.compile(r"\[cijfer ([\w-]+)/([^\]/]+)\]")


@dataclass(frozen=True)
class Case:
    text: str
    expects: tuple[Expect, ...] = field(default_factory=tuple)
    lead: str = ""

    def __init__(self, text: str, *expects: Expect, lead: str = ""):
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "expects", tuple(expects))
        object.__setattr__(self, "lead", lead)

    @property
    def body_text(self) -> str:
        """The text with the shorthands written out in full."""
        text = _SHORT_CHART.sub(rf"[grafiek {DEMO}/\1]", self.text)
        return _SHORT_FIGURE.sub(rf"[cijfer {DEMO}/\1/\2]", text)

    def ties(self, expect: Expect) -> bool:
        """Whether a chart or a tag of the expected question stands in the case's text."""
        slug, code = expect.question.split("/")
        body = self.body_text
        return f"[grafiek {slug}/{code}]" in body or f"[cijfer {slug}/{code}/" in body
