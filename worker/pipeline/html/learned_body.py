"""The body and the page type, learned: readability-lxml's view plus two small tree models.

readability-lxml reads a copy of the page first (its article, top candidate and scores become
features); the body model then scores every text segment of the page, the segments whose score,
blended with readability's own keep decision (`blended`), is above the model's threshold make the
article (`assemble`), and the page-type model names the kind of page from page-level features and
the body model's raw scores. Models: `worker.pipeline.learned`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from lxml.html import HtmlElement

from schemas import PAGE_TYPES, PageType
from schemas.reasons import NoArticle

from ..learned import Models, blended, default_models
from .features import NAMES as SEGMENT_FEATURES
from .kept_copy import assemble
from .observe import Observation, observe, page_title
from .page_features import NAMES as PAGE_FEATURES
from .page_features import page_matrix

DEFAULT_THRESHOLD = 0.5
MIN_WORDS = 20  # under this many words kept, the body model's answer gives way to readability's
# A bare document: the kept text is (nearly) all the page says. The page-type model learned from whole
# web pages and has seen none like it (it reads such pages as forum posts); a bare document is what a
# producer sends when it has the article already (an export, an archive, a pre-cleaned page).
BARE_SHARE = 0.95  # on wcxb-dev 25 real pages reach it (fold models): 21 articles, 4 others
BARE_MAX_WORDS = 3_000


def _words(seen: Observation, keep: list[bool]) -> int:
    return sum(len(s.text.split()) for s, k in zip(seen.segments, keep, strict=True) if k)


@dataclass(frozen=True)
class BodyChoice:
    element: HtmlElement
    page_type: PageType
    page_type_confidence: float | None


def segment_scores(seen: Observation, models: Models) -> np.ndarray:
    models.body.check(SEGMENT_FEATURES)
    return models.body.proba(seen.features)[:, 1] if len(seen.segments) else np.zeros(0)


def readability_kept(seen: Observation) -> np.ndarray:
    """1.0 for each segment readability-lxml kept, else 0.0. The body model reads that decision as
    one feature among many; the score that decides also blends it in directly (`blended`, weight
    chosen with the threshold on cross-validation, `make train`): on news pages, where readability
    is strong, that kept more of their text in cross-validation."""
    kept = seen.view.kept
    return np.fromiter((s.owner in kept for s in seen.segments), dtype=np.float64, count=len(seen.segments))


def page_type(
    root: HtmlElement, url: str, seen: Observation, scores: np.ndarray, models: Models
) -> tuple[PageType, float | None]:
    forest = models.page_type
    if forest is None:
        return "article", None
    forest.check(PAGE_FEATURES)
    proba = forest.proba(page_matrix(root, url, page_title(root), seen.features, scores))[0]
    best = int(np.argmax(proba))
    threshold = forest.meta.get("article_threshold")
    if threshold is not None and "article" in forest.classes:  # the decision the training chose on CV
        article = forest.classes.index("article")
        if proba[article] >= float(threshold):
            best = article
        elif best == article:
            best = max((i for i in range(len(proba)) if i != article), key=lambda i: float(proba[i]))
    name = forest.classes[best]
    if name not in PAGE_TYPES:
        raise ValueError(f"page-type model names an unknown type {name!r}")
    return name, round(float(proba[best]), 4)


def choose_body(root: HtmlElement, url: str, models: Models | None = None) -> BodyChoice:
    """The article element (a detached, cleaned copy) and the page's type; NoArticle when the
    model keeps no segment."""
    models = models or default_models()
    seen = observe(root, url)
    scores = segment_scores(seen, models)
    threshold = float(models.body.meta.get("threshold", DEFAULT_THRESHOLD))
    weight = float(models.body.meta.get("readability_weight", 0.0))
    readability = readability_kept(seen)
    keep = (blended(scores, readability, weight) > threshold).tolist()
    if _words(seen, keep) < MIN_WORDS:  # the model found next to nothing: readability's article, if any
        fallback = (readability > 0).tolist()
        if _words(seen, fallback) >= MIN_WORDS:
            keep = fallback
    element = assemble(seen.segments, keep)
    if element is None:
        raise NoArticle("no segment of the page reads as main text")
    # Bare or not is the model's own reading: readability keeps most of any short page, and its share
    # in `keep` would make short listings and docs pages "bare". A segment readability dropped needs
    # threshold / (1 - weight) to be kept; here every segment does.
    cut = threshold / (1.0 - weight) if weight < 1.0 else np.inf  # weight 1: readability alone decides
    if is_bare(seen, (scores > cut).tolist()):
        return BodyChoice(element, "article", None)
    kind, confidence = page_type(root, url, seen, scores, models)
    return BodyChoice(element, kind, confidence)


def is_bare(seen: Observation, keep: list[bool]) -> bool:
    """True when the page holds little but its kept text: an article handed over without a site
    around it. Its type is `article` and its confidence None (no model decided it)."""
    total = _words(seen, [True] * len(keep))
    return 0 < total <= BARE_MAX_WORDS and _words(seen, keep) >= BARE_SHARE * total
