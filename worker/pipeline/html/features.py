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
from operator import itemgetter

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
_END_CHARS = frozenset(".!?。！？…:\"'”’)")
_SEPARATORS = re.compile(r"[|•·»«›‹/\\>]")
_COPYRIGHT_MARKS = ("©", "(c)", "copyright", "all rights reserved", "®", "™")
_DATE = re.compile(r"\b(?:19|20)\d\d\b|\d{1,2}[./-]\d{1,2}[./-]\d")
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december".split()
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
_LABEL_TAGS = frozenset({"strong", "b", "label", "dt", "summary"})


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


_SENTENCE_MARKS = ".!?。！？…"
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]")
_DIGIT = re.compile(r"\d")
SAMPLE = 600  # character shares are measured on a segment's first characters


def _text_stats(text: str, title_words: frozenset[str]) -> tuple[tuple[float, ...], int, float]:
    """What the words of one segment look like: (the TEXT_NAMES columns that depend on the text
    alone, the phrase-family bits, the CJK share)."""
    # Per-word sums run through map() (C loops): this function is the feature matrix's largest cost.
    words = _WORD.findall(text)
    nw = len(words) or 1
    lower_words = list(map(str.lower, words))
    lowered = set(lower_words)
    stop = sum(map(STOPWORDS.__contains__, lower_words)) / nw
    sample = text[:SAMPLE]
    low = sample.lower()
    word_chars = sum(map(len, words))
    letters = (word_chars if len(text) <= SAMPLE else sum(map(len, _WORD.findall(sample)))) or 1
    title_like = 0.0
    if title_words and words:
        title_like = len(title_words & lowered) / max(len(title_words), len(lowered))
    stats = (
        math.log1p(len(words)),
        math.log1p(len(text)),
        stop,
        sum(map(text.count, _SENTENCE_MARKS)) / nw,
        1.0 if text[-1:] in _END_CHARS else 0.0,
        text.count(",") / nw,
        len(_CAPITAL.findall(sample)) / letters,
        len(_DIGIT.findall(sample)) / (len(sample) or 1),
        1.0 if text[:1].isupper() or text[:1].isdigit() else 0.0,
        sum(map(str.isupper, map(itemgetter(0), words))) / nw,
        min(len(_SEPARATORS.findall(sample)), 20),
        1.0 if any(mark in low for mark in _COPYRIGHT_MARKS) else 0.0,
        word_chars / nw,
        title_like,
        1.0 if _DATE.search(sample) or not _MONTHS.isdisjoint(lowered) else 0.0,
    )
    bits = phrase_bits(text) if len(words) <= PHRASE_WORDS else 0
    return stats, bits, len(_CJK.findall(sample)) / (len(sample) or 1)


PHRASE_WORDS = 30  # longer segments are prose: their first words name no furniture


def matrix(segments: Sequence[Segment], view: ReadabilityView, title: str | None = None) -> np.ndarray:
    """The feature rows of `segments` (columns as in `NAMES`)."""
    n = len(segments)
    if n == 0:
        return np.zeros((0, len(NAMES)), dtype=np.float32)
    title_words = _title_tokens(title)
    measured = [_text_stats(s.text, title_words) for s in segments]
    text = np.asarray([m[0] for m in measured], dtype=np.float32)
    says = [m[1] for m in measured]
    log_words, log_chars, stop = text[:, 0], text[:, 1], text[:, 2]
    chars = np.expm1(log_chars)
    link = np.minimum(1.0, np.asarray([s.link_chars for s in segments], dtype=np.float32) / np.maximum(chars, 1))
    owner_ids = [id(s.owner) for s in segments]
    owners = Counter(owner_ids)
    firsts: dict[int, int] = {}  # each owner's first segment (a dict, not list.index: linear in segments)
    for i, o in enumerate(owner_ids):
        firsts.setdefault(o, i)
    repeats = Counter(s.text for s in segments)
    first_of_owner = np.zeros(n, dtype=np.float32)
    first_of_owner[list(firsts.values())] = 1.0
    index = np.arange(n, dtype=np.float32)
    shape = np.column_stack(
        [
            log_words,
            log_chars,
            link,
            np.minimum([s.links for s in segments], 50),
            np.minimum([s.images for s in segments], 20),
            text[:, 2:13],
            np.minimum([repeats[s.text] - 1 for s in segments], 20),
            text[:, 13:15],
            [1.0 if s.hidden else 0.0 for s in segments],
            np.minimum([s.depth for s in segments], 60),
            index / n,
            (np.cumsum(chars) - chars) / (chars.sum() or 1),
            first_of_owner,
            np.minimum([owners[o] for o in owner_ids], 20),
        ]
    ).astype(np.float32)
    tags = [s.owner.tag for s in segments]
    owner_index = np.asarray([_OWNER_INDEX.get(t, len(OWNER_TAGS)) for t in tags])
    owner_onehot = np.zeros((n, len(OWNER_TAGS) + 1), dtype=np.float32)
    owner_onehot[np.arange(n), owner_index] = 1.0
    parents = [s.owner.getparent() for s in segments]
    # Elements are told apart by id(): every proxy stays referenced (`parents`, `grandparents`) while the ids
    # are in use. lxml makes a new proxy object for each getparent() call on an element no one holds, so
    # an id taken from a proxy that is then dropped can be reused by the next one: two grandparents
    # would count as one, depending on the process's allocation history (the same page came out
    # differently in different runs).
    parent_ids = [id(p) if p is not None else 0 for p in parents]
    grandparents = [p.getparent() if p is not None else None for p in parents]
    grand_ids = [id(g) if g is not None else 0 for g in grandparents]
    rd = _readability(segments, view)
    words_for_heading = np.expm1(log_words)
    heading = np.asarray(
        [
            t in _HEADINGS or (t in _LABEL_TAGS and w <= _HEADING_WORDS)
            for t, w in zip(tags, words_for_heading, strict=True)
        ],
        dtype=np.float32,
    )
    region, heading_says = _region(tags, heading, says, rd[:, 0], parent_ids, grand_ids, link)
    region[:, 7] = [m[2] for m in measured]
    total_words = float(words_for_heading.sum())
    kept_words = float(words_for_heading[rd[:, 0] > 0].sum())
    page = np.array(
        [
            math.log1p(total_words),
            math.log1p(n),
            kept_words / total_words if total_words else 0.0,
            min(sum(1 for s in segments if s.tags & 2), 50),  # segments inside <article>
            tags.count("h1"),
            float((link * words_for_heading).sum() / total_words) if total_words else 0.0,
        ],
        dtype=np.float32,
    )
    return np.hstack(
        [
            shape,
            owner_onehot,
            _bits([s.tags for s in segments], len(CONTEXT_TAGS)),
            _bits([s.near for s in segments], len(CLASS_WORDS)),
            _bits([s.far for s in segments], len(CLASS_WORDS)),
            rd,
            region,
            _windows((link, stop, rd[:, 0], log_words, text[:, 3])),
            _bits(says, len(PHRASES)),
            _bits(heading_says, len(PHRASES)),
            _neighbours(log_words, link, stop, rd[:, 0], heading, parent_ids),
            np.broadcast_to(page, (n, len(PAGE_NAMES))),
        ]
    )


def _readability(segments: Sequence[Segment], view: ReadabilityView) -> np.ndarray:
    """READABILITY_NAMES columns: kept, inside the top candidate, candidate scores, depth below it."""
    best_members = frozenset(view.best.iter()) if view.best is not None else frozenset()
    best_depth = sum(1 for _ in view.best.iterancestors()) if view.best is not None else 0
    top = max(view.scores.values(), default=0.0) or 1.0
    rows = []
    for seg in segments:
        owner = seg.owner
        inside = owner in best_members
        score, parent_score = _scores(owner, view.scores)
        rows.append(
            (
                1.0 if owner in view.kept else 0.0,
                1.0 if inside else 0.0,
                score / top,
                parent_score / top,
                (seg.depth - best_depth) if inside else -1.0,
            )
        )
    return np.asarray(rows, dtype=np.float32)


def _region(  # noqa: PLR0917
    tags: list[str],
    heading: np.ndarray,
    says: list[int],
    kept: np.ndarray,
    parents: list[int],
    grandparents: list[int],
    links: np.ndarray,
) -> tuple[np.ndarray, list[int]]:
    """REGION_NAMES columns (the CJK share is filled by the caller), and for each segment the
    phrase families of the nearest heading above it."""
    n = len(tags)
    region = np.zeros((n, len(REGION_NAMES)), dtype=np.float32)
    index = np.arange(n)
    kept_at = index[kept > 0]
    if len(kept_at):
        region[:, 0] = index < kept_at[0]
        region[:, 1] = index > kept_at[-1]
        after = np.clip(np.searchsorted(kept_at, index), 0, len(kept_at) - 1)
        before = np.clip(after - 1, 0, len(kept_at) - 1)
        region[:, 2] = np.log1p(np.minimum(np.abs(kept_at[after] - index), np.abs(kept_at[before] - index)))
    else:
        region[:, 0:3] = -1.0
    heading_says: list[int] = []
    last_bits, last_at, h1_at = 0, -1, -1
    for i, tag in enumerate(tags):
        heading_says.append(last_bits)
        region[i, 3] = 1.0 if h1_at >= 0 else 0.0
        region[i, 4] = math.log1p(i - h1_at) if h1_at >= 0 else -1.0
        region[i, 5] = math.log1p(i - last_at) if last_at >= 0 else -1.0
        region[i, 6] = int(tag[1]) if tag in _HEADINGS else 0.0
        if heading[i]:
            last_bits, last_at = says[i], i
            if tag == "h1" and h1_at < 0:
                h1_at = i
    parent_counts = Counter(parents)
    grand_counts = Counter(grandparents)
    link_sum: dict[int, float] = {}
    for parent, link in zip(parents, links.tolist(), strict=True):
        link_sum[parent] = link_sum.get(parent, 0.0) + link
    region[:, 8] = np.log1p([parent_counts[p] for p in parents])
    region[:, 9] = [link_sum[p] / parent_counts[p] for p in parents]
    region[:, 10] = np.log1p([grand_counts[g] for g in grandparents])
    return region, heading_says


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


def _neighbours(  # noqa: PLR0917
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
