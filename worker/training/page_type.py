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

from ..pipeline.html.page_features import body_row
from . import boosting
from .data import PageRows

SETTINGS: dict[str, Any] = {"max_iter": 150, "max_leaf_nodes": 15, "learning_rate": 0.08, "l2_regularization": 2.0}
ARTICLE = "article"


def rows(pages: Sequence[PageRows], probs: Sequence[np.ndarray]) -> np.ndarray:
    return np.vstack([np.concatenate([p.page_row, body_row(p.features, q)]) for p, q in zip(pages, probs, strict=True)])


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


def figures(pages: Sequence[PageRows], predicted: Sequence[dict[str, float]]) -> dict[str, float]:
    """Accuracy of the article / not-article decision per true type and overall, and of the type."""
    decided: dict[str, list[float]] = {}
    exact: list[float] = []
    for page, proba in zip(pages, predicted, strict=True):
        best = max(proba, key=lambda k: proba[k])
        decided.setdefault(page.page_type, []).append(float((best == ARTICLE) == (page.page_type == ARTICLE)))
        exact.append(float(best == page.page_type))
    out = {f"decision_{kind}": statistics.fmean(v) for kind, v in sorted(decided.items())}
    out["decision"] = statistics.fmean(v for values in decided.values() for v in values)
    out["type_accuracy"] = statistics.fmean(exact)
    return out
