"""The text path's line model: body or not, for each line of a page flattened to visible text.

Pages are flattened the way a text-only crawler sends them: `html_text.extract_text(html,
guess_layout=True)`, one line per block. Each line is labelled by aligning it to the page's
people-reviewed main text (`align.label`), and described by `worker.pipeline.text.learned`'s
features (which include the hand rules' own decision). Rows are weighted by the square root of
their words, like the body model's. Out-of-fold probabilities (folds grouped by domain, the fold
map of `eval/cv/folds.json`) choose the threshold and the weight of the rules' decision
(`text_stage.best_blend`); the reported figures are the word F1 of `read_text`'s body with the fold
model that never saw the page's domain, against the hand rules alone on the same pages.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from schemas.reasons import ArticleWorkerError

from ..evaluation import dataset
from ..evaluation.wcxb import WcxbPage, load
from ..evaluation.words import word_score
from ..pipeline.charset import decode_page
from ..pipeline.text import read_text
from ..pipeline.text.learned import LineModel, context_features, features
from ..pipeline.text.reader import analyse
from . import boosting
from .align import label
from .data import READABILITY_PREFIX

_SERIES = re.compile(r"-\d+$")  # nytimes-1 .. nytimes-5: one site, one group
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.71, 0.05))
SETTINGS: dict[str, Any] = {"max_iter": 150, "max_leaf_nodes": 15, "learning_rate": 0.1, "l2_regularization": 1.0}
#: the second stage reads 14 columns: fewer, shallower trees
CONTEXT_SETTINGS: dict[str, Any] = {
    "max_iter": 100,
    "max_leaf_nodes": 15,
    "learning_rate": 0.1,
    "l2_regularization": 1.0,
}


@dataclass
class TextPage:
    name: str
    domain: str
    page_type: str
    url: str
    text: str  # the page flattened
    truth: str
    lines: list[str]
    features: np.ndarray
    labels: np.ndarray


def flatten(source: bytes) -> str:
    """Visible text as html-text prints it with `guess_layout=True` (what the held-out set uses)."""
    import html_text

    text, _ = decode_page(source, None)
    return str(html_text.extract_text(text, guess_layout=True))


def _page(name: str, domain: str, page_type: str, url: str, *, source: bytes, truth: str) -> TextPage | None:
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        text = flatten(source)
    except (ArticleWorkerError, ValueError):
        return None
    seen = analyse(text)
    rows = features(seen.lines, seen.signals, seen.kinds, seen.keep)
    texts = [line.text for line in seen.lines]
    labels = np.asarray(label(texts, truth), dtype=np.float32)
    return TextPage(name, domain, page_type, url, text, truth, texts, rows, labels)


def wcxb_page(page: WcxbPage) -> TextPage | None:
    return _page(page.name, page.domain, page.page_type, page.url, source=page.source, truth=page.main_content)


def readability_page(page: dataset.DevPage) -> TextPage | None:
    group = READABILITY_PREFIX + _SERIES.sub("", page.name)
    return _page(
        READABILITY_PREFIX + page.name, group, "article", page.url, source=page.source, truth=page.expected_text
    )


def build(directory: Path, jobs: int = 2, readability_pages: Path | None = None) -> list[TextPage]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        rows = list(pool.map(wcxb_page, load(directory), chunksize=8))
        if readability_pages is not None:
            rows += list(pool.map(readability_page, dataset.load(readability_pages), chunksize=4))
    return [r for r in rows if r is not None]


def weights(page: TextPage) -> np.ndarray:
    return np.asarray(np.sqrt(page.features[:, 0]) + 0.5)  # column 0: the line's words


Rows = Callable[[int], np.ndarray]


def fit(pages: Sequence[TextPage], rows: Rows, index: Sequence[int], settings: dict[str, Any]) -> Any:
    x = np.vstack([rows(i) for i in index])
    y = np.concatenate([pages[i].labels > 0 for i in index]).astype(np.int8)
    w = np.concatenate([weights(pages[i]) for i in index])
    return boosting.fit(x, y, w, **settings)


def out_of_fold(
    pages: Sequence[TextPage], rows: Rows, fold_of: dict[str, int], folds: int, settings: dict[str, Any]
) -> tuple[list[np.ndarray], list[Any]]:
    """Each page's line probabilities from the model of the folds without it, and those models.
    A page in no fold trains no model and is read by the first fold's model, which never saw it
    either (today every page has a fold: `text_stage.fold_map`)."""
    models = []
    for k in range(folds):
        models.append(
            fit(pages, rows, [i for i, p in enumerate(pages) if fold_of.get(p.name, -1) not in (k, -1)], settings)
        )
    probs = []
    for i, page in enumerate(pages):
        k = fold_of.get(page.name, 0)
        probs.append(models[k].predict_proba(rows(i))[:, 1] if len(page.lines) else np.zeros(0))
    return probs, models


def first_rows(pages: Sequence[TextPage]) -> Rows:
    return lambda i: pages[i].features


def context_rows(pages: Sequence[TextPage], first: Sequence[np.ndarray]) -> Rows:
    return lambda i: context_features(first[i], pages[i].features)


def kept_f1(page: TextPage, p: np.ndarray, threshold: float) -> float:
    """Word F1 of the kept lines alone (a quick proxy of `read_text`'s body, for choosing)."""
    text = "\n".join(t for t, keep in zip(page.lines, p > threshold, strict=True) if keep)
    return word_score(text, page.truth).f1


def best_threshold(pages: Sequence[TextPage], probs: Sequence[np.ndarray]) -> float:
    pairs = list(zip(pages, probs, strict=True))
    return max(THRESHOLDS, key=lambda t: statistics.fmean(kept_f1(page, p, t) for page, p in pairs))


def body(page: TextPage, model: LineModel | bool) -> str:
    """`read_text`'s body for the page; empty when it finds no article."""
    try:
        return read_text(page.text, page.url, model=model).body_text
    except ArticleWorkerError:
        return ""


def figures(pages: Sequence[TextPage], bodies: Sequence[str]) -> dict[str, float]:
    """Mean WCXB word F1 per page type, over all WCXB pages, and over the Readability test pages."""
    by_type: dict[str, list[float]] = {}
    for page, text in zip(pages, bodies, strict=True):
        kind = "readability-testpages" if page.name.startswith(READABILITY_PREFIX) else page.page_type
        by_type.setdefault(kind, []).append(word_score(text, page.truth).f1)
    out = {kind: statistics.fmean(values) for kind, values in sorted(by_type.items())}
    out["all"] = statistics.fmean(
        v for kind, values in by_type.items() if kind != "readability-testpages" for v in values
    )
    return out
