"""Features of each text segment for the learned body stage: one row per segment, numbers only.

What a reader (or a hand-written rule) looks at, measured: the segment's words (length, stop-word
share, punctuation, capitals, digits, repetition on the page), its links, its tag and its ancestors'
tags, the class/id word families around it, where it sits on the page, what readability-lxml made of
it (kept, inside its top candidate, its candidate score), and the same for its neighbours. The
column order is part of the model file: `NAMES` is stored with the model and checked at load.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from lxml.html import HtmlElement

from ..text.stopwords import ANY as STOPWORDS
from .phrases import FAMILIES as PHRASES
from .phrases import phrase_bits
from .segments import CLASS_WORDS, CONTEXT_TAGS, Segment

OWNER_TAGS = (
    "p div li h1 h2 h3 h4 h5 h6 td th span a blockquote pre figcaption dd dt section article main header "
    "footer nav aside form label button ul ol table caption summary details address center font".split()
)
_OWNER_INDEX = {tag: i for i, tag in enumerate(OWNER_TAGS)}
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?。！？…]")
_ENDS = re.compile(r"[.!?。！？…:\"'”’)]$")
_SEPARATORS = re.compile(r"[|•·»«›‹/\\>]")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved|®|™", re.I)
_DATE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{1,2}[./-]\d{1,2}[./-]\d",
    re.I,
)
_NEIGHBOURS = (-2, -1, 1, 2)

TEXT_NAMES = (
    "log_words log_chars link_share links images stop_share sentence_ends ends_sentence comma_share upper_share "
    "digit_share starts_upper capitalised_share separators copyright avg_word_len repeats title_like date_like "
    "hidden depth position char_position is_first_owner_segment owner_segments"
).split()
READABILITY_NAMES = "rd_kept rd_in_best rd_score rd_parent_score rd_best_depth_gap".split()
REGION_NAMES = (
    "rd_before rd_after rd_distance after_h1 since_h1 since_heading heading_level cjk_share "
    "parent_segments parent_link_share grandparent_segments"
).split()
WINDOW_NAMES = tuple(
    f"{name}~{w}" for w in (3, 8) for name in ("link_share", "stop_share", "rd_kept", "log_words", "sentence_ends")
)
PAGE_NAMES = "page_log_words page_log_segments page_rd_share page_articles page_h1s page_link_share".split()
NEIGHBOUR_NAMES = tuple(
    f"{name}@{offset}"
    for offset in _NEIGHBOURS
    for name in ("log_words", "link_share", "stop_share", "rd_kept", "same_parent", "is_heading")
)
NAMES: tuple[str, ...] = (
    *TEXT_NAMES,
    *(f"owner_{t}" for t in OWNER_TAGS),
    "owner_other",
    *(f"in_{t}" for t in CONTEXT_TAGS),
    *(f"near_{name}" for name, _ in CLASS_WORDS),
    *(f"far_{name}" for name, _ in CLASS_WORDS),
    *READABILITY_NAMES,
    *REGION_NAMES,
    *WINDOW_NAMES,
    *(f"says_{name}" for name, _ in PHRASES),
    *(f"heading_says_{name}" for name, _ in PHRASES),
    *NEIGHBOUR_NAMES,
    *PAGE_NAMES,
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_HEADING_WORDS = 12  # a short segment alone in a bold/strong/label owner reads as a heading too


@dataclass(frozen=True)
class ReadabilityView:
    """What readability-lxml decided, as elements of our tree."""

    kept: frozenset[HtmlElement]
    best: HtmlElement | None
    scores: dict[HtmlElement, float]


def _bits(values: Sequence[int], width: int) -> np.ndarray:
    array = np.asarray(values, dtype=np.int64)
    return ((array[:, None] >> np.arange(width, dtype=np.int64)) & 1).astype(np.float32)


def _title_tokens(title: str | None) -> frozenset[str]:
    return frozenset(_WORD.findall((title or "").lower()))


def matrix(segments: Sequence[Segment], view: ReadabilityView, title: str | None = None) -> np.ndarray:
    """The feature rows of `segments` (columns as in `NAMES`)."""
    n = len(segments)
    if n == 0:
        return np.zeros((0, len(NAMES)), dtype=np.float32)
    texts = [s.text for s in segments]
    repeats = Counter(texts)
    title_words = _title_tokens(title)
    best_members = frozenset(view.best.iter()) if view.best is not None else frozenset()
    best_depth = sum(1 for _ in view.best.iterancestors()) if view.best is not None else 0
    top_score = max(view.scores.values(), default=0.0) or 1.0
    owners = Counter(id(s.owner) for s in segments)
    seen_owner: set[int] = set()
    total_chars = sum(len(t) for t in texts) or 1
    rows = np.zeros((n, len(TEXT_NAMES)), dtype=np.float32)
    rd = np.zeros((n, len(READABILITY_NAMES)), dtype=np.float32)
    words_col = np.zeros(n, dtype=np.float32)
    link_col = np.zeros(n, dtype=np.float32)
    stop_col = np.zeros(n, dtype=np.float32)
    heading_col = np.zeros(n, dtype=np.float32)
    parents: list[int] = []
    owner_index = np.full(n, len(OWNER_TAGS), dtype=np.int64)
    sentence_col = np.zeros(n, dtype=np.float32)
    region = np.zeros((n, len(REGION_NAMES)), dtype=np.float32)
    says: list[int] = []
    heading_says: list[int] = []
    last_heading_bits, last_heading_at, h1_at = 0, -1, -1
    grandparents: list[int] = []
    offset = 0
    for i, seg in enumerate(segments):
        text = seg.text
        words = _WORD.findall(text)
        lowered = [w.lower() for w in words]
        nw = len(words) or 1
        chars = len(text)
        letters = sum(1 for c in text if c.isalpha()) or 1
        stop = sum(1 for w in lowered if w in STOPWORDS) / nw
        link = min(1.0, seg.link_chars / chars) if chars else 0.0
        title_like = 0.0
        if title_words and words:
            common = len(title_words & frozenset(lowered))
            title_like = common / max(len(title_words), len(set(lowered)))
        first = id(seg.owner) not in seen_owner
        seen_owner.add(id(seg.owner))
        rows[i] = (
            math.log1p(len(words)),
            math.log1p(chars),
            link,
            min(seg.links, 50),
            min(seg.images, 20),
            stop,
            len(_SENTENCE_END.findall(text)) / nw,
            1.0 if _ENDS.search(text) else 0.0,
            text.count(",") / nw,
            sum(1 for c in text if c.isupper()) / letters,
            sum(1 for c in text if c.isdigit()) / chars,
            1.0 if text[:1].isupper() or text[:1].isdigit() else 0.0,
            sum(1 for w in words if w[:1].isupper()) / nw,
            min(len(_SEPARATORS.findall(text)), 20),
            1.0 if _COPYRIGHT.search(text) else 0.0,
            sum(len(w) for w in words) / nw,
            min(repeats[text] - 1, 20),
            title_like,
            1.0 if _DATE.search(text) else 0.0,
            1.0 if seg.hidden else 0.0,
            min(seg.depth, 60),
            i / n,
            offset / total_chars,
            1.0 if first else 0.0,
            min(owners[id(seg.owner)], 20),
        )
        offset += chars
        owner = seg.owner
        kept = owner in view.kept
        score, parent_score = _scores(owner, view.scores)
        rd[i] = (
            1.0 if kept else 0.0,
            1.0 if owner in best_members else 0.0,
            score / top_score,
            parent_score / top_score,
            (seg.depth - best_depth) if owner in best_members else -1.0,
        )
        words_col[i] = math.log1p(len(words))
        link_col[i] = link
        stop_col[i] = stop
        sentence_col[i] = rows[i, 6]
        is_heading = owner.tag in _HEADINGS or (
            owner.tag in ("strong", "b", "label", "dt", "summary") and len(words) <= _HEADING_WORDS
        )
        heading_col[i] = 1.0 if is_heading else 0.0
        own_bits = phrase_bits(text)
        says.append(own_bits)
        heading_says.append(last_heading_bits)
        cjk = len(_CJK.findall(text[:400]))
        region[i, 3] = 1.0 if h1_at >= 0 else 0.0
        region[i, 4] = math.log1p(i - h1_at) if h1_at >= 0 else -1.0
        region[i, 5] = math.log1p(i - last_heading_at) if last_heading_at >= 0 else -1.0
        region[i, 6] = int(owner.tag[1]) if owner.tag in _HEADINGS else 0.0
        region[i, 7] = cjk / (len(text[:400]) or 1)
        if is_heading:
            last_heading_bits, last_heading_at = own_bits, i
            if owner.tag == "h1" and h1_at < 0:
                h1_at = i
        parent = owner.getparent()
        parents.append(id(parent) if parent is not None else 0)
        grand = parent.getparent() if parent is not None else None
        grandparents.append(id(grand) if grand is not None else 0)
        owner_index[i] = _OWNER_INDEX.get(owner.tag, len(OWNER_TAGS))
    owner_onehot = np.zeros((n, len(OWNER_TAGS) + 1), dtype=np.float32)
    owner_onehot[np.arange(n), owner_index] = 1.0
    neighbours = _neighbours(words_col, link_col, stop_col, rd[:, 0], heading_col, parents)
    _fill_region(region, rd[:, 0], parents, grandparents, link_col)
    windows = _windows((link_col, stop_col, rd[:, 0], words_col, sentence_col))
    total_words = float(np.expm1(words_col).sum())
    kept_words = float(np.expm1(words_col[rd[:, 0] > 0]).sum())
    page = np.array(
        [
            math.log1p(total_words),
            math.log1p(n),
            kept_words / total_words if total_words else 0.0,
            min(sum(1 for s in segments if s.tags & 2), 50),  # segments inside <article>
            sum(1 for s in segments if s.owner.tag == "h1"),
            float((link_col * np.expm1(words_col)).sum() / total_words) if total_words else 0.0,
        ],
        dtype=np.float32,
    )
    return np.hstack(
        [
            rows,
            owner_onehot,
            _bits([s.tags for s in segments], len(CONTEXT_TAGS)),
            _bits([s.near for s in segments], len(CLASS_WORDS)),
            _bits([s.far for s in segments], len(CLASS_WORDS)),
            rd,
            region,
            windows,
            _bits(says, len(PHRASES)),
            _bits(heading_says, len(PHRASES)),
            neighbours,
            np.broadcast_to(page, (n, len(PAGE_NAMES))),
        ]
    )


def _scores(owner: HtmlElement, scores: dict[HtmlElement, float]) -> tuple[float, float]:
    """readability's score of the segment's nearest scored element, and of that element's parent."""
    if not scores:
        return 0.0, 0.0
    element: HtmlElement | None = owner
    for _ in range(6):
        if element is None:
            break
        if element in scores:
            parent = element.getparent()
            return scores[element], scores.get(parent, 0.0) if parent is not None else 0.0
        element = element.getparent()
    return 0.0, 0.0


def _neighbours(
    words: np.ndarray, links: np.ndarray, stops: np.ndarray, kept: np.ndarray, heading: np.ndarray, parents: list[int]
) -> np.ndarray:
    n = len(words)
    parent_ids = np.asarray(parents, dtype=np.int64)
    columns = []
    for offset in _NEIGHBOURS:
        index = np.arange(n) + offset
        valid = (index >= 0) & (index < n)
        clipped = np.clip(index, 0, n - 1)
        for values in (words, links, stops, kept):
            columns.append(np.where(valid, values[clipped], -1.0))
        columns.append(np.where(valid, (parent_ids[clipped] == parent_ids).astype(np.float32), -1.0))
        columns.append(np.where(valid, heading[clipped], -1.0))
    return np.stack(columns, axis=1).astype(np.float32)


def _fill_region(
    region: np.ndarray, kept: np.ndarray, parents: list[int], grandparents: list[int], links: np.ndarray
) -> None:
    """Where each segment sits relative to readability's article, and how many siblings it has."""
    n = len(kept)
    index = np.arange(n)
    kept_at = index[kept > 0]
    if len(kept_at):
        region[:, 0] = (index < kept_at[0]).astype(np.float32)
        region[:, 1] = (index > kept_at[-1]).astype(np.float32)
        nearest = np.abs(index[:, None] - kept_at[None, :]).min(axis=1) if n * len(kept_at) < 4_000_000 else 0
        region[:, 2] = np.log1p(nearest)
    else:
        region[:, 0:3] = -1.0
    parent_counts = Counter(parents)
    grand_counts = Counter(grandparents)
    link_sum: dict[int, float] = {}
    for parent, link in zip(parents, links.tolist(), strict=True):
        link_sum[parent] = link_sum.get(parent, 0.0) + link
    region[:, 8] = np.log1p([parent_counts[p] for p in parents])
    region[:, 9] = [link_sum[p] / parent_counts[p] for p in parents]
    region[:, 10] = np.log1p([grand_counts[g] for g in grandparents])


def _windows(columns: tuple[np.ndarray, ...]) -> np.ndarray:
    """Means of each column over the segments within 3 and within 8 places (the segment included)."""
    n = len(columns[0])
    out = []
    for reach in (3, 8):
        lo = np.clip(np.arange(n) - reach, 0, n)
        hi = np.clip(np.arange(n) + reach + 1, 0, n)
        for column in columns:
            total = np.concatenate([[0.0], np.cumsum(column, dtype=np.float64)])
            out.append(((total[hi] - total[lo]) / (hi - lo)).astype(np.float32))
    return np.stack(out, axis=1)
