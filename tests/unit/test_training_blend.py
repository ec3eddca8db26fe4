"""Choosing the weight of a hand-made decision and the threshold together (`worker.training.blend`)."""

from __future__ import annotations

import numpy as np
import pytest

from worker.training.blend import best_pair, blended

P = np.array([0.9, 0.2, 0.7])
RULE = np.array([1.0, 1.0, 0.0])


def test_blended_is_the_weighted_mean_and_weight_zero_is_the_probability() -> None:
    assert blended(P, RULE, 0.0) is P
    np.testing.assert_allclose(blended(P, RULE, 0.25), 0.75 * P + 0.25 * RULE)


def _kept_share(page: np.ndarray, scores: np.ndarray, threshold: float) -> float:
    """F1 stand-in: the share of rows whose truth (`page`) the decision `scores > threshold` matches."""
    return float(np.mean((scores > threshold) == page.astype(bool)))


def test_each_group_weighs_the_same_whatever_its_size() -> None:
    """Ten pages where the probability alone is right on every row and the blend on two of three,
    one page where the probability alone is wrong on every row and the blend right: counted by
    pages the probability alone would win (0.91 against 0.70); groups weighed alike, the blend
    wins (0.83 against 0.5)."""
    large = [(np.array([1, 0, 1]), P, np.array([1.0, 0.0, 0.0]))] * 10
    small = [(np.array([1, 1, 0]), np.array([0.4, 0.4, 0.6]), RULE)]
    weight, threshold, value = best_pair([large, small], (0.0, 0.5), (0.5,), _kept_share)
    assert (weight, threshold) == (0.5, 0.5)
    assert value == pytest.approx((2 / 3 + 1.0) / 2)
    pooled, *_ = best_pair([large + small], (0.0, 0.5), (0.5,), _kept_share)
    assert pooled == 0.0


def test_ties_go_to_the_smaller_weight_then_the_smaller_threshold() -> None:
    group = [(np.array([1, 0, 1]), P, RULE)]
    weight, threshold, _ = best_pair([group], (0.0, 0.1), (0.3, 0.4), lambda page, s, t: 1.0)
    assert (weight, threshold) == (0.0, 0.3)


def test_no_page_is_an_error() -> None:
    with pytest.raises(ValueError, match="no page"):
        best_pair([[], []], (0.0,), (0.5,), _kept_share)
