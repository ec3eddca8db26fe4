"""The body model: content or furniture for each text segment of a page.

Trained on every wcxb-dev page (all seven types: a forum's or a shop's main text is labelled too),
rows weighted by the square root of their words (the metric counts words, and one long paragraph
should not outweigh twenty headings by a hundred to one; the same weights scaled so that every
page weighs about alike gave 0.946 against 0.948 out of fold on articles). Out-of-fold probabilities, from models
that never saw the page's domain, choose the threshold and give the reported figures.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..evaluation.words import word_score
from ..pipeline.html.features import NAMES
from . import blend, boosting
from .data import PageRows

THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.25, 0.71, 0.05))


def weights(rows: PageRows) -> np.ndarray:
    words = np.expm1(rows.features[:, NAMES.index("log_words")])
    return np.asarray(np.sqrt(words) + 0.5)


def fit(pages: Sequence[PageRows]) -> Any:
    x = np.vstack([p.features for p in pages])
    y = np.concatenate([p.labels > 0 for p in pages]).astype(np.int8)
    w = np.concatenate([weights(p) for p in pages])
    return boosting.fit(x, y, w)


def out_of_fold(pages: Sequence[PageRows], fold_of: dict[str, int], folds: int) -> tuple[list[np.ndarray], list[Any]]:
    """Each page's segment probabilities from the model of the folds without it, and those models."""
    probs: list[np.ndarray] = [np.zeros(0)] * len(pages)
    models = []
    for k in range(folds):
        model = fit([p for p in pages if fold_of[p.name] != k])
        models.append(model)
        for i, page in enumerate(pages):
            if fold_of[page.name] == k and len(page.texts):
                probs[i] = model.predict_proba(page.features)[:, 1]
    return probs, models


def page_f1(page: PageRows, p: np.ndarray, threshold: float) -> float:
    text = "\n".join(t for t, keep in zip(page.texts, p > threshold, strict=True) if keep)
    return word_score(text, page.truth).f1


READABILITY_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def blended(page: PageRows, p: np.ndarray, weight: float) -> np.ndarray:
    """The deciding score, as `learned_body.blend` computes it: the probability blended with
    readability-lxml's keep decision (the `rd_kept` column)."""
    return blend.blended(p, page.features[:, NAMES.index("rd_kept")], weight)


def best_blend(pages: Sequence[PageRows], probs: Sequence[np.ndarray]) -> tuple[float, float]:
    """(readability_weight, threshold) with the best word F1 on article pages, on out-of-fold
    probabilities, WCXB articles and the Readability test pages (news) weighing the same
    (`blend.best_pair`: both kinds are what the service publishes, and the held-out sets measure
    both). With the weight fixed at 0 and every article page counted alike, the threshold was 0.55."""
    kept = NAMES.index("rd_kept")
    groups: list[list[blend.Item[PageRows]]] = [[], []]
    for page, p in zip(pages, probs, strict=True):
        if page.page_type == "article":
            groups[page.name.startswith("rt:")].append((page, p, page.features[:, kept]))
    weight, threshold, _ = blend.best_pair(groups, READABILITY_WEIGHTS, THRESHOLDS, page_f1)
    return weight, threshold


def figures(
    pages: Sequence[PageRows], probs: Sequence[np.ndarray], threshold: float, weight: float = 0.0
) -> dict[str, float]:
    """Mean word F1 of the kept segments' text per page type and over all WCXB pages (the
    Readability test pages apart)."""
    by_type: dict[str, list[float]] = {}
    for page, p in zip(pages, probs, strict=True):
        kind = "readability-testpages" if page.name.startswith("rt:") else page.page_type
        by_type.setdefault(kind, []).append(page_f1(page, blended(page, p, weight), threshold))
    out = {kind: statistics.fmean(values) for kind, values in sorted(by_type.items())}
    out["all"] = statistics.fmean(
        v for kind, values in by_type.items() if kind != "readability-testpages" for v in values
    )
    return out
