"""The dev pages as training rows: one observation per page, with labels from the truth."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from schemas.reasons import ArticleWorkerError

from ..evaluation import dataset
from ..evaluation.dataset import DevPage
from ..evaluation.wcxb import WcxbPage, load
from ..pipeline.charset import decode_page
from ..pipeline.html.observe import observe, page_title
from ..pipeline.html.page_features import static_row
from ..pipeline.limits import Limits
from ..pipeline.parse import parse_html
from .align import label


@dataclass
class PageRows:
    name: str
    domain: str
    page_type: str
    features: np.ndarray
    texts: list[str]
    labels: np.ndarray  # share of each segment's trigrams in the truth (0 when under MIN_SHARE)
    truth: str
    page_row: np.ndarray  # the page-type model's features that do not depend on the body model


def page_rows(page: WcxbPage) -> PageRows | None:
    """None for a page the pipeline cannot parse (it never reaches the learned stage)."""
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        text, _ = decode_page(page.source, None)
        root = parse_html(text, Limits())
    except ArticleWorkerError:
        return None
    seen = observe(root, page.url)
    texts = [s.text for s in seen.segments]
    labels = np.asarray(label(texts, page.main_content), dtype=np.float32)
    page_row = static_row(root, page.url, page_title(root))
    return PageRows(page.name, page.domain, page.page_type, seen.features, texts, labels, page.main_content, page_row)


READABILITY_PREFIX = "rt:"
_SERIES = re.compile(r"-\d+$")


def readability_page_rows(page: DevPage) -> PageRows | None:
    """A vendored Readability test page as a training page: its truth is Readability.js's article
    (through html-text, as the eval reads it); pages of one site (nytimes-1..5) share a group."""
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        text, _ = decode_page(page.source, None)
        root = parse_html(text, Limits())
    except ArticleWorkerError:
        return None
    seen = observe(root, page.url)
    texts = [s.text for s in seen.segments]
    truth = page.expected_text
    labels = np.asarray(label(texts, truth), dtype=np.float32)
    name = READABILITY_PREFIX + page.name
    group = READABILITY_PREFIX + _SERIES.sub("", page.name)
    page_row = static_row(root, page.url, page_title(root))
    return PageRows(name, group, "article", seen.features, texts, labels, truth, page_row)


def build(directory: Path, jobs: int = 2, readability_pages: Path | None = None) -> list[PageRows]:
    """Rows of every WCXB page, then (when given) of the readerable Readability test pages."""
    from concurrent.futures import ProcessPoolExecutor

    pages = load(directory)
    with ProcessPoolExecutor(jobs) as pool:
        rows = list(pool.map(page_rows, pages, chunksize=8))
        if readability_pages is not None:
            rows += list(pool.map(readability_page_rows, dataset.load(readability_pages), chunksize=4))
    return [r for r in rows if r is not None]
