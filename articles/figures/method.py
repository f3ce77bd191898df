"""The method box at the end of an article: where the figures of each cited round come from.

Per round: fieldwork period, n (or its wording), who was asked and how (the round's
method text), how the figures were computed, the indicative margin at 50 % for
that n, and links to the round's data. The margin is 1.96 · √(0.25 / n): the
95 % margin of a share of 50 % in a simple random sample of n, labelled indicative
because the panel is a self-selected sample.
"""

import math
from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import number_format

from surveys.models import Survey


@dataclass(frozen=True)
class MethodRound:
    survey: Survey
    margin: str  # "4,0" (percentage points), "" when n is unknown

    @property
    def n(self) -> str:
        return self.survey.respondents_display

    @property
    def is_weighted(self) -> bool | None:
        """Whether the figures are weighted; None: not known (aggregated results as delivered).

        Respondent-level rounds (issue 13) know it; they may set ``Survey.is_weighted``.
        """
        return getattr(self.survey, "is_weighted", None)

    @property
    def data_url(self) -> str:
        return self.survey.get_absolute_url()

    @property
    def csv_url(self) -> str:
        return reverse("surveys:survey-csv", kwargs={"slug": self.survey.slug})


def margin_at_half(n: int | None) -> float | None:
    """The 95 % margin of a 50 % share for ``n`` respondents, in percentage points."""
    if not n or n <= 0:
        return None
    return 100 * 1.96 * math.sqrt(0.25 / n)


def method_rounds(surveys) -> list[MethodRound]:
    """The rounds in the order given, each once."""
    seen, rounds = set(), []
    for survey in surveys:
        if survey.pk in seen:
            continue
        seen.add(survey.pk)
        margin = margin_at_half(survey.respondents)
        rounds.append(
            MethodRound(
                survey, number_format(round(margin, 1), decimal_pos=1) if margin else ""
            )
        )
    return rounds
