"""The weight of a hand-made decision in a learned score, and the threshold, chosen together.

Both learned stages decide with `blended(probability, decision, weight) > threshold`
(`worker.pipeline.learned.blend`), where the decision is readability-lxml's (the body) or the hand
rules' (the text path). Each pair of the
grid is scored on out-of-fold probabilities: the mean F1 over the pages of each group, then the mean
over groups, so that a small group (122 news pages) weighs as much as a large one (711 modern
articles). Ties go to the smaller weight, then the smaller threshold.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

from ..pipeline.learned.blend import blended

__all__ = ["Item", "best_pair", "blended"]

Page = TypeVar("Page")
#: (a page, its out-of-fold probabilities, the hand-made decision on the same rows, 0 or 1)
Item = tuple[Page, np.ndarray, np.ndarray]


def best_pair(
    groups: Sequence[Sequence[Item[Page]]],
    weights: Sequence[float],
    thresholds: Sequence[float],
    f1: Callable[[Page, np.ndarray, float], float],
) -> tuple[float, float, float]:
    """(weight, threshold, the objective there); `f1(page, scores, threshold)` scores one page."""
    if not any(groups):
        raise ValueError("no page to choose the blend on")
    best: tuple[float, float, float] | None = None
    for weight in weights:
        for threshold in thresholds:
            value = statistics.fmean(
                statistics.fmean(f1(page, blended(p, decision, weight), threshold) for page, p, decision in group)
                for group in groups
                if group
            )
            if best is None or value > best[2] + 1e-9:
                best = (weight, threshold, value)
    assert best is not None  # weights and thresholds are not empty
    return best
