"""The statistics behind every computed figure, against statsmodels and simulated data."""

import numpy as np
import pytest
from statsmodels.stats.proportion import proportion_confint

from surveys import statistics


def test_the_wilson_interval_matches_statsmodels_over_many_random_counts():
    rng = np.random.default_rng(2024)
    for _ in range(2000):
        n = int(rng.integers(1, 5000))
        x = int(rng.integers(0, n + 1))
        expected = proportion_confint(x, n, alpha=0.05, method="wilson")
        assert statistics.wilson_interval(x / n, n) == pytest.approx(expected, abs=1e-9)


def test_the_array_wilson_interval_agrees_with_the_single_one():
    rng = np.random.default_rng(5)
    n = rng.integers(1, 3000, size=500).astype(float)
    p = rng.random(500)
    low, high = statistics.wilson_intervals(p, n)
    for i in range(500):
        assert (low[i], high[i]) == pytest.approx(
            statistics.wilson_interval(p[i], n[i])
        )


def test_the_interval_on_an_effective_n_is_wider_than_on_the_count():
    weights = np.array([0.5, 2.0] * 100)
    n_eff = statistics.effective_n(weights)
    assert n_eff == pytest.approx(weights.sum() ** 2 / (weights**2).sum())
    assert n_eff < 200
    narrow = statistics.wilson_interval(0.4, 200)
    wide = statistics.wilson_interval(0.4, n_eff)
    assert wide[0] < narrow[0] and wide[1] > narrow[1]


def test_equal_weights_give_the_count_as_effective_n():
    assert statistics.effective_n(np.full(412, 1.7)) == pytest.approx(412)
    assert statistics.effective_n(np.array([])) == 0


def test_the_z_test_rejects_at_most_alpha_of_true_null_differences():
    rng = np.random.default_rng(11)
    trials, rejected = 4000, 0
    for _ in range(trials):
        p = rng.uniform(0.1, 0.9)
        n1, n2 = int(rng.integers(30, 400)), int(rng.integers(30, 400))
        x1, x2 = rng.binomial(n1, p), rng.binomial(n2, p)
        if (
            statistics.two_proportion_z_test(x1 / n1, n1, x2 / n2, n2)
            < statistics.ALPHA
        ):
            rejected += 1
    # Binomial standard error of the rate at 4000 trials is about 0.0035.
    assert rejected / trials <= statistics.ALPHA + 0.01


def test_holm_keeps_the_family_wise_error_at_most_alpha_on_null_data():
    rng = np.random.default_rng(3)
    families, any_rejected = 1500, 0
    for _ in range(families):
        p = rng.uniform(0.2, 0.8)
        p_values = []
        for _segment in range(6):
            n1, n2 = int(rng.integers(30, 300)), int(rng.integers(300, 900))
            x1, x2 = rng.binomial(n1, p), rng.binomial(n2, p)
            p_values.append(statistics.two_proportion_z_test(x1 / n1, n1, x2 / n2, n2))
        any_rejected += any(statistics.holm(p_values))
    assert any_rejected / families <= statistics.ALPHA + 0.01


def test_the_z_test_finds_a_real_difference():
    assert statistics.two_proportion_z_test(0.8, 200, 0.5, 400) < 0.001


def test_holm_steps_down():
    assert statistics.holm([0.01, 0.04, 0.03, 0.5]) == [True, False, False, False]
    assert statistics.holm([0.001, 0.012, 0.02]) == [True, True, True]
    assert statistics.holm([]) == []
