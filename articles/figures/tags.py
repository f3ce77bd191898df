"""``[cijfer <ronde>/<vraag>/<antwoord>]``: a stored figure written inline in the text.

The answer part is one label, a sum of labels joined by ``+`` (``Altijd+Vaak``), and
optionally ``@<segment>`` (``Ja@Gemeente``); labels and segments match
case-insensitively. A label that itself holds ``+`` or ``@`` is found whole first.
The editor stores spaces inside a tag as ``&nbsp;`` at times: any kind of space counts.
"""

import html
import re
from dataclasses import dataclass

_SPACE = r"(?:\s|&nbsp;|&#160;|&#xa0;)"
FIGURE_TAG = re.compile(
    rf"\[{_SPACE}*cijfer{_SPACE}+([^\]\[/<>]+?){_SPACE}*/{_SPACE}*([^\]\[/<>]+?)"
    rf"{_SPACE}*/{_SPACE}*([^\]\[<>]+?){_SPACE}*\]",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


@dataclass(frozen=True)
class FigureTag:
    survey_slug: str
    code: str
    spec: str  # the answer part as written: "Altijd+Vaak", "Ja@Gemeente"

    def __str__(self) -> str:
        return f"{self.survey_slug}/{self.code}/{self.spec}"

    @property
    def reference(self) -> tuple[str, str]:
        return self.survey_slug, self.code

    @property
    def markup(self) -> str:
        return f"[cijfer {self}]"


def parse_tag(match: re.Match) -> FigureTag:
    return FigureTag(_clean(match[1]), _clean(match[2]), _clean(match[3]))


def find_tags(text: str) -> list[FigureTag]:
    """Every ``[cijfer]`` tag in ``text`` (HTML or plain), in order, repeats included."""
    return [parse_tag(match) for match in FIGURE_TAG.finditer(text or "")]


def figure_references(*texts: str) -> list[tuple[str, str]]:
    """The (survey slug, question code) pairs the ``[cijfer]`` tags of ``texts`` cite, without repeats."""
    pairs = [tag.reference for text in texts for tag in find_tags(text)]
    return list(dict.fromkeys(pairs))


def tag_for(
    survey_slug: str, code: str, labels: list[str], segment: str | None
) -> str | None:
    """The tag text for these answers, or None when a label cannot be written in a tag."""
    if any(("]" in label or "[" in label) for label in labels):
        return None
    spec = "+".join(labels)
    if segment:
        spec += f"@{segment}"
    return f"[cijfer {survey_slug}/{code}/{spec}]"
