"""The page-type model: one of the seven WCXB page types for a whole page.

Its rows are each page's static features (structured data, URL, markup counts) and the body
model's view of it, taken from out-of-fold body probabilities so that the page-type model learns
from the body model as it behaves on pages it never saw.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..pipeline.html.page_features import STATIC_NAMES, body_row
from . import boosting
from .data import READABILITY_PREFIX, PageRows

SETTINGS: dict[str, Any] = {"max_iter": 150, "max_leaf_nodes": 15, "learning_rate": 0.08, "l2_regularization": 2.0}
ARTICLE = "article"


#: the URL columns: the Readability test pages have no URL of their own (all are read as
#: http://fakehost/test/page.html), so theirs are missing values, never a shortcut to `article`
URL_COLUMNS = [i for i, name in enumerate(STATIC_NAMES) if name.startswith("url_")]


def rows(pages: Sequence[PageRows], probs: Sequence[np.ndarray]) -> np.ndarray:
    x = np.vstack([np.concatenate([p.page_row, body_row(p.features, q)]) for p, q in zip(pages, probs, strict=True)])
    without_url = [i for i, p in enumerate(pages) if p.name.startswith(READABILITY_PREFIX)]
    x[np.ix_(without_url, URL_COLUMNS)] = np.nan
    return x


def fit(pages: Sequence[PageRows], probs: Sequence[np.ndarray]) -> Any:
    return boosting.fit(rows(pages, probs), np.asarray([p.page_type for p in pages]), None, **SETTINGS)


def out_of_fold(
    pages: Sequence[PageRows], probs: Sequence[np.ndarray], fold_of: dict[str, int], folds: int
) -> tuple[list[dict[str, float]], list[Any]]:
    """Each page's type probabilities from the model of the folds without it, and those models."""
    out: list[dict[str, float]] = [{}] * len(pages)
    models = []
    x = rows(pages, probs)
    y = np.asarray([p.page_type for p in pages])
    for k in range(folds):
        train = np.asarray([fold_of[p.name] != k for p in pages])
        model = boosting.fit(x[train], y[train], None, **SETTINGS)
        models.append(model)
        for i in np.flatnonzero(~train):
            out[i] = dict(zip(model.classes_, model.predict_proba(x[i : i + 1])[0].tolist(), strict=True))
    return out, models


ARTICLE_THRESHOLDS = tuple(round(0.2 + 0.025 * i, 3) for i in range(25))  # 0.2 .. 0.8


def decide(proba: dict[str, float], article_threshold: float | None) -> str:
    """The page's type: `article` when its probability reaches the threshold, else the likeliest
    other type (no threshold: the likeliest type)."""
    if article_threshold is None:
        return max(proba, key=lambda k: proba[k])
    if proba.get(ARTICLE, 0.0) >= article_threshold:
        return ARTICLE
    return max((k for k in proba if k != ARTICLE), key=lambda k: proba[k])


def _decision_accuracy(pages: Sequence[PageRows], predicted: Sequence[dict[str, float]], t: float) -> float:
    return statistics.fmean(
        float((decide(q, t) == ARTICLE) == (p.page_type == ARTICLE)) for p, q in zip(pages, predicted, strict=True)
    )


def best_article_threshold(pages: Sequence[PageRows], predicted: Sequence[dict[str, float]]) -> float:
    """The P(article) threshold with the best article / not-article accuracy on out-of-fold probabilities."""
    return max(ARTICLE_THRESHOLDS, key=lambda t: (_decision_accuracy(pages, predicted, t), -abs(t - 0.5)))


def fold_thresholds(
    pages: Sequence[PageRows], predicted: Sequence[dict[str, float]], fold_of: dict[str, int], folds: int
) -> list[float]:
    """Per fold, the threshold chosen on the other folds' out-of-fold probabilities: the figures
    then never score a page with a threshold its own probabilities helped choose."""
    chosen = []
    for k in range(folds):
        others = [i for i, p in enumerate(pages) if fold_of[p.name] != k]
        chosen.append(best_article_threshold([pages[i] for i in others], [predicted[i] for i in others]))
    return chosen


def figures(
    pages: Sequence[PageRows], predicted: Sequence[dict[str, float]], thresholds: Sequence[float | None] | None = None
) -> dict[str, float]:
    """Accuracy of the article / not-article decision per true type and overall, and of the type."""
    decided: dict[str, list[float]] = {}
    exact: list[float] = []
    limits = list(thresholds) if thresholds is not None else [None] * len(pages)
    for page, proba, t in zip(pages, predicted, limits, strict=True):
        best = decide(proba, t)
        decided.setdefault(page.page_type, []).append(float((best == ARTICLE) == (page.page_type == ARTICLE)))
        exact.append(float(best == page.page_type))
    out = {f"decision_{kind}": statistics.fmean(v) for kind, v in sorted(decided.items())}
    out["decision"] = statistics.fmean(v for values in decided.values() for v in values)
    out["type_accuracy"] = statistics.fmean(exact)
    return out
