"""Every figure of a round from its respondents' answers: numpy, no ORM.

For each question and each segment (Totaal, and every value of every ``profiel``
question: "Organisatie: Gemeente"):

- n: the segment's respondents who answered the question (a multi question: who chose
  at least one of its options), and n_eff (Kish) of their weights;
- per answer, the percentage p = Σw·y / Σw (plain shares without weights), the
  unweighted count, and the 95 % Wilson interval on n_eff;
- per answer, whether the segment differs significantly from the rest of the
  respondents: a two-proportion z-test on n_eff, Holm-corrected across the question's
  segments (per answer), only when both groups have at least 30 respondents.

Small groups (``min_group``): a segment with fewer respondents is suppressed, and so
are complementary cells: within one profile, whenever the respondents of a question
that no shown segment covers (suppressed segments plus those without a profile
answer: Totaal minus the shown segments) are more than 0 and fewer than
``min_group``, the smallest shown segment is suppressed too, until they are not. A
suppressed figure carries no percentage, count, n or interval.

A profile question broken down by another profile is the transpose of that one
broken down by it: organisation by age holds, in its Waterschap answers, the age of
the Waterschap respondents that age by organisation suppresses. So a profile's
breakdown by another profile is suppressed whole when the transposed breakdown
suppresses any segment.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from surveys import statistics

from .answers import MISSING, Answers
from .codebook import PROFIEL, Codebook

TOTAL = "Totaal"
TENTH = Decimal("0.1")
HIGHER, LOWER = "hoger", "lager"


@dataclass(frozen=True)
class SegmentKey:
    name: str
    group: str  # "" for Totaal
    order: int  # position in the round: Totaal 0, then profile by profile


@dataclass(frozen=True)
class Figure:
    """One answer in one segment; all None when suppressed."""

    percentage: Decimal | None
    count: int | None
    low: Decimal | None
    high: Decimal | None
    difference: str = ""


@dataclass(frozen=True)
class SegmentFigures:
    segment: SegmentKey
    n: int | None
    n_effective: float | None
    is_suppressed: bool
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class QuestionFigures:
    index: int  # the question's position in the codebook
    segments: tuple[SegmentFigures, ...]  # Totaal first


@dataclass
class _Table:
    """Tabulation of one question by one grouping (G groups, k answers)."""

    n: np.ndarray  # (G,) respondents who answered
    w: np.ndarray  # (G,) Σw
    w2: np.ndarray  # (G,) Σw²
    x: np.ndarray  # (G, k) Σw·y
    c: np.ndarray  # (G, k) respondents with y


def segment_keys(codebook: Codebook) -> list[SegmentKey]:
    """Totaal, then each profile's values in codebook order."""
    keys = [SegmentKey(TOTAL, "", 0)]
    for question in codebook.profiles:
        for option in question.options:
            keys.append(
                SegmentKey(question.segment_name(option), question.group, len(keys))
            )
    return keys


def compute(
    codebook: Codebook, answers: Answers, *, min_group: int, progress=None
) -> list[QuestionFigures]:
    count = answers.count
    weights = answers.weights if answers.weights is not None else np.ones(count)
    everyone = np.zeros(count, dtype=np.int16)
    profiles = [
        (index, question)
        for index, question in enumerate(codebook.questions)
        if question.type == PROFIEL
    ]
    keys = segment_keys(codebook)
    results = []
    for index, question in enumerate(codebook.questions):
        codes = answers.codes[index]
        answered = answers.answered(index)
        k = len(question.options)
        total = _tabulate(codes, answered, everyone, 1, weights, k)
        parts: list[tuple[list[SegmentKey], _Table]] = []
        forced: list[bool] = []
        position = 1
        for profile_index, profile in profiles:
            size = len(profile.options)
            if profile_index != index:  # a profile by itself says nothing
                groups = answers.codes[profile_index]
                table = _tabulate(codes, answered, groups, size, weights, k)
                parts.append((keys[position : position + size], table))
                forced.append(
                    question.type == PROFIEL
                    and _transpose_suppresses(
                        answers, profile_index, index, size, k, weights, min_group
                    )
                )
            position += size
        results.append(
            QuestionFigures(index, tuple(_figures(total, parts, min_group, forced)))
        )
        if progress:
            progress(index + 1, len(codebook.questions))
    return results


def _tabulate(codes, answered, groups, size: int, weights, k: int) -> _Table:
    valid = answered & (groups != MISSING)
    group = groups[valid].astype(np.intp)
    w = weights[valid]
    n = np.bincount(group, minlength=size)
    w_sum = np.bincount(group, weights=w, minlength=size)
    w2 = np.bincount(group, weights=w * w, minlength=size)
    if codes.ndim == 2:
        chosen = codes[valid]
        x = np.empty((size, k))
        c = np.empty((size, k), dtype=np.int64)
        for option in range(k):
            column = chosen[:, option]
            x[:, option] = np.bincount(group, weights=w * column, minlength=size)
            c[:, option] = np.bincount(group[column], minlength=size)
    else:
        index = group * k + codes[valid].astype(np.intp)
        x = np.bincount(index, weights=w, minlength=size * k).reshape(size, k)
        c = np.bincount(index, minlength=size * k).reshape(size, k)
    return _Table(n=n, w=w_sum, w2=w2, x=x, c=c)


TOTAL_KEY = SegmentKey(TOTAL, "", 0)


def _transpose_suppresses(
    answers: Answers, profile: int, by: int, size: int, k: int, weights, min_group: int
) -> bool:
    """Whether question ``profile`` broken down by profile ``by`` (``k`` values)
    suppresses a segment."""
    codes, answered = answers.codes[profile], answers.answered(profile)
    n_total = int(answered.sum())
    if n_total < min_group:
        return True
    table = _tabulate(codes, answered, answers.codes[by], k, weights, size)
    return bool(_suppressed(table.n, n_total, min_group).any())


def _figures(
    total: _Table, parts, min_group: int, forced: list[bool]
) -> list[SegmentFigures]:
    k = total.x.shape[1]
    total_hidden = int(total.n[0]) < min_group
    hidden = [
        _suppressed(table.n, int(total.n[0]), min_group) | total_hidden | whole
        for (_keys, table), whole in zip(parts, forced, strict=True)
    ]
    marks = _differences(total, [table for _keys, table in parts], hidden, k)
    segments = [_segment_figures(TOTAL_KEY, total, 0, total_hidden, [""] * k)]
    for part, ((keys, table), part_hidden) in enumerate(
        zip(parts, hidden, strict=True)
    ):
        for g, key in enumerate(keys):
            segments.append(
                _segment_figures(key, table, g, bool(part_hidden[g]), marks[part][g])
            )
    return segments


def _suppressed(n: np.ndarray, n_total: int, min_group: int) -> np.ndarray:
    """Primary (n below ``min_group``) and complementary suppression in one breakdown."""
    hidden = n < min_group
    while True:
        residual = n_total - int(n[~hidden].sum())
        if not 0 < residual < min_group or hidden.all():
            return hidden
        shown = np.flatnonzero(~hidden)
        hidden[shown[np.argmin(n[shown])]] = True


def _differences(total: _Table, tables, hidden, k: int) -> list[list[list[str]]]:
    """Per breakdown, segment and answer: "hoger", "lager" or "".

    Per answer, Holm runs over every tested segment of the question (all breakdowns).
    """
    marks = [[[""] * k for _ in range(len(table.n))] for table in tables]
    tested = [
        (part, g)
        for part, table in enumerate(tables)
        for g in range(len(table.n))
        if not hidden[part][g]
        and table.n[g] >= statistics.MIN_TEST_GROUP
        and total.n[0] - table.n[g] >= statistics.MIN_TEST_GROUP
    ]
    if not tested:
        return marks
    for option in range(k):
        p_values, signs = [], []
        for part, g in tested:
            table = tables[part]
            p1, n1 = _share(table, g, option), _n_eff(table.w[g], table.w2[g])
            rest_w = total.w[0] - table.w[g]
            rest_w2 = max(total.w2[0] - table.w2[g], 0.0)
            rest_x = total.x[0, option] - table.x[g, option]
            p2 = float(rest_x / rest_w) if rest_w > 0 else 0.0
            n2 = _n_eff(rest_w, rest_w2)
            p_values.append(statistics.two_proportion_z_test(p1, n1, p2, n2))
            signs.append(p1 > p2)
        rejected = statistics.holm(p_values)
        for (part, g), is_rejected, higher in zip(tested, rejected, signs, strict=True):
            if is_rejected:
                marks[part][g][option] = HIGHER if higher else LOWER
    return marks


def _share(table: _Table, g: int, option: int) -> float:
    return float(table.x[g, option] / table.w[g]) if table.w[g] > 0 else 0.0


def _n_eff(w: float, w2: float) -> float:
    return float(w * w / w2) if w2 > 0 else 0.0


def _segment_figures(key, table: _Table, g: int, hidden: bool, marks) -> SegmentFigures:
    k = table.x.shape[1]
    if hidden:
        empty = Figure(None, None, None, None)
        return SegmentFigures(key, None, None, True, tuple([empty] * k))
    n_eff = _n_eff(table.w[g], table.w2[g])
    shares = table.x[g] / table.w[g] if table.w[g] > 0 else np.zeros(k)
    low, high = statistics.wilson_intervals(shares, np.full(k, n_eff))
    figures = tuple(
        Figure(
            percentage=_percent(shares[j]),
            count=int(table.c[g, j]),
            low=_percent(low[j]),
            high=_percent(high[j]),
            difference=marks[j],
        )
        for j in range(k)
    )
    return SegmentFigures(key, int(table.n[g]), round(n_eff, 2), False, figures)


def _percent(share: float) -> Decimal:
    return (Decimal(repr(float(share))) * 100).quantize(TENTH, rounding=ROUND_HALF_UP)
