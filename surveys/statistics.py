"""Survey statistics as pure functions on numbers and numpy arrays (no ORM, no Django).

- ``effective_n``: Kish's effective sample size of weighted data, (Σw)² / Σw².
- ``wilson_interval``: the 95 % Wilson score interval of a proportion on n (n_eff for
  weighted data), which stays inside 0–1 and behaves for small n and extreme p.
- ``two_proportion_z_test``: a segment against the rest of the respondents, on n_eff.
- ``holm``: Holm's step-down correction of a family of p-values.

The interval is checked against statsmodels' ``proportion_confint(method="wilson")`` in
the tests; the z-test's false-positive rate on simulated null data, too. For a panel
whose members chose to take part these are indicative, not sampling guarantees (AAPOR).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy.stats import norm

#: The level of every interval and test: 95 % intervals, differences at α = 0.05.
CONFIDENCE = 0.95
ALPHA = 1 - CONFIDENCE
#: A difference is only tested when both groups have at least this many respondents.
MIN_TEST_GROUP = 30

_Z = float(norm.ppf(1 - ALPHA / 2))  # 1.959963984540054


def effective_n(weights: np.ndarray) -> float:
    """Kish's effective sample size, (Σw)² / Σw²; the count itself for equal weights.

    0 for no respondents.
    """
    weights = np.asarray(weights, dtype=float)
    squares = float(np.dot(weights, weights))
    if squares == 0:
        return 0.0
    total = float(weights.sum())
    return total * total / squares


def wilson_interval(
    proportion: float, n: float, *, confidence: float = CONFIDENCE
) -> tuple[float, float]:
    """The Wilson score interval (low, high) of ``proportion`` (0–1) on ``n`` (may be n_eff).

    ``n`` of 0 gives the uninformative (0, 1).
    """
    if n <= 0:
        return 0.0, 1.0
    z = _Z if confidence == CONFIDENCE else float(norm.ppf(1 - (1 - confidence) / 2))
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (proportion + z2 / (2 * n)) / denominator
    half = (
        z
        / denominator
        * math.sqrt(proportion * (1 - proportion) / n + z2 / (4 * n * n))
    )
    return max(0.0, centre - half), min(1.0, centre + half)


def wilson_intervals(
    proportions: np.ndarray, n: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``wilson_interval`` over arrays (same shape); n ≤ 0 gives (0, 1)."""
    p = np.asarray(proportions, dtype=float)
    n = np.asarray(n, dtype=float)
    safe = np.where(n > 0, n, 1.0)
    z2 = _Z * _Z
    denominator = 1 + z2 / safe
    centre = (p + z2 / (2 * safe)) / denominator
    half = (
        _Z
        / denominator
        * np.sqrt(np.clip(p * (1 - p), 0, None) / safe + z2 / (4 * safe * safe))
    )
    low = np.where(n > 0, np.clip(centre - half, 0, 1), 0.0)
    high = np.where(n > 0, np.clip(centre + half, 0, 1), 1.0)
    return low, high


def two_proportion_z_test(p1: float, n1: float, p2: float, n2: float) -> float:
    """Two-sided p-value of the pooled two-proportion z-test (n may be n_eff).

    1.0 when the test cannot say anything (an empty group, or both proportions 0 or 1).
    """
    if n1 <= 0 or n2 <= 0:
        return 1.0
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:
        return 1.0
    z = (p1 - p2) / math.sqrt(variance)
    return float(2 * norm.sf(abs(z)))


def holm(p_values: Sequence[float], *, alpha: float = ALPHA) -> list[bool]:
    """Which hypotheses Holm's step-down procedure rejects at family-wise level ``alpha``."""
    order = sorted(range(len(p_values)), key=lambda index: p_values[index])
    rejected = [False] * len(p_values)
    family = len(p_values)
    for rank, index in enumerate(order):
        if p_values[index] > alpha / (family - rank):
            break
        rejected[index] = True
    return rejected
