"""The body model: content or furniture for each text segment of a page.

Trained on every wcxb-dev page (all seven types: a forum's or a shop's main text is labelled too),
rows weighted by the square root of their words (the metric counts words, and one long paragraph
should not outweigh twenty headings by a hundred to one). Out-of-fold probabilities, from models
that never saw the page's domain, choose the threshold and give the reported figures.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..evaluation.words import word_score
from ..pipeline.html.features import NAMES
from . import boosting
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


def best_threshold(pages: Sequence[PageRows], probs: Sequence[np.ndarray]) -> float:
    """The threshold with the best mean word F1 over article pages (WCXB articles and the Readability
    test pages: what the service publishes), on out-of-fold probabilities. Chosen over all seven
    types it was 0.4; over articles 0.6 reads fewer captions and teasers (+0.002 WCXB, +0.006 test pages)."""
    pairs = [(page, p) for page, p in zip(pages, probs, strict=True) if page.page_type == "article"]
    return max(THRESHOLDS, key=lambda t: statistics.fmean(page_f1(page, p, t) for page, p in pairs))


def figures(pages: Sequence[PageRows], probs: Sequence[np.ndarray], threshold: float) -> dict[str, float]:
    """Mean word F1 of the kept segments' text per page type and over all WCXB pages (the
    Readability test pages apart)."""
    by_type: dict[str, list[float]] = {}
    for page, p in zip(pages, probs, strict=True):
        kind = "readability-testpages" if page.name.startswith("rt:") else page.page_type
        by_type.setdefault(kind, []).append(page_f1(page, p, threshold))
    out = {kind: statistics.fmean(values) for kind, values in sorted(by_type.items())}
    out["all"] = statistics.fmean(
        v for kind, values in by_type.items() if kind != "readability-testpages" for v in values
    )
    return out
