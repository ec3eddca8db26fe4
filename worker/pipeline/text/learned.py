"""The learned line decision: body or not, for every line of a flattened page.

A small gradient-boosted tree ensemble (`models/text_lines.json.gz`, trained by
`python -m worker.training --stage text` on WCXB's dev split flattened with html-text) reads each
line's shape (length, punctuation, function words, capitals, digits, links), its repetition on
the page, where it sits (on the page and against the hand rules' article run), the hand rules'
own kind and decision, and the same for its neighbours; a second small ensemble rescores each line
from the first one's scores around it. The score that decides is that probability blended with the
hand rules' own decision (`rule_weight`, chosen with the threshold on cross-validation): on news
pages the rules alone did better than the model alone, on the other WCXB pages the model did, and
the blend keeps most of both. Lines scored above the model's threshold are the body; the hand
rules' decision stands when the model keeps too little.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..learned.blend import blended
from ..learned.forest import Forest
from .classifier import Kind
from .lines import Line
from .signals import Signals

MODEL_FILE = "text_lines.json.gz"
FORMAT = "article-worker-text-lines/1"
KINDS: tuple[Kind, ...] = ("prose", "text", "short", "boiler", "barrier")
_LINK = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b|@\w")
_ARROW = re.compile(r"[»›→>]\s*$|^\s*[«‹←<]")
_PUNCT = re.compile(r"[^\w\s]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞА-Я]")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_CAP_WORD = re.compile(r"\b[A-ZÀ-ÖØ-ÞА-Я]")
_WORD = re.compile(r"\w+")

#: one line's own columns
OWN = (
    "words",
    "log_chars",
    "stop_share",
    "sentence_end",
    "sentences",
    "repeats",
    "separators",
    "self_repeat",
    "form",
    "legal",
    "social",
    "stamp",
    "truncated",
    "after",
    "bullet",
    "gap_before",
    "upper_share",
    "cap_words",
    "all_caps",
    "digit_share",
    "punct_share",
    "commas",
    "link",
    "arrow",
    "kind",
    "rule_keep",
)
#: neighbours' columns (a subset of `OWN`), for offsets -3..-1 and +1..+3
NEAR = ("words", "stop_share", "sentence_end", "kind", "rule_keep", "link", "repeats", "gap_before")
OFFSETS = (-3, -2, -1, 1, 2, 3)
#: where the line sits
PLACE = (
    "position",
    "char_position",
    "lines",
    "page_words",
    "in_rule_span",
    "before_rule_span",
    "after_rule_span",
    "prose_window",
    "words_window",
    "prose_mass_before",
    "prose_mass_after",
    "barriers_before",
    "barriers_after",
    "rule_span_share",
)
NAMES: tuple[str, ...] = OWN + tuple(f"{name}@{k:+d}" for k in OFFSETS for name in NEAR) + PLACE
WINDOW = 5


def _own(line: Line, s: Signals, kind: Kind, kept: bool) -> list[float]:
    text = line.text
    letters = len(_LETTER.findall(text)) or 1
    words = _WORD.findall(text)
    n = len(words) or 1
    return [
        s.words,
        float(np.log1p(len(text))),
        s.stop_share,
        float(s.sentence_end),
        float(s.sentences),
        float(min(s.repeats, 20)),
        float(s.separators),
        float(s.self_repeat),
        float(s.form),
        float(s.legal),
        float(s.social),
        float(s.stamp),
        float(s.truncated),
        float(s.after),
        float(s.bullet),
        float(line.gap_before),
        len(_UPPER.findall(text)) / letters,
        len(_CAP_WORD.findall(text)) / n,
        float(text.isupper()),
        len(_DIGIT.findall(text)) / max(1, len(text)),
        len(_PUNCT.findall(text)) / max(1, len(text)),
        text.count(",") / n,
        float(bool(_LINK.search(text))),
        float(bool(_ARROW.search(text))),
        float(KINDS.index(kind)),
        float(kept),
    ]


def features(lines: list[Line], signals: list[Signals], kinds: list[Kind], keep: list[int]) -> np.ndarray:
    """(n_lines, len(NAMES)) rows; `kinds` and `keep` are the hand rules' decision."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(NAMES)))
    kept = np.zeros(n, dtype=bool)
    kept[keep] = True
    own = np.asarray(
        [_own(line, s, k, bool(kept[i])) for i, (line, s, k) in enumerate(zip(lines, signals, kinds, strict=True))]
    )
    near_cols = [OWN.index(name) for name in NEAR]
    pad = np.full((3, len(near_cols)), -1.0)
    near = np.vstack([pad, own[:, near_cols], pad])
    shifted = [near[3 + k : 3 + k + n] for k in OFFSETS]

    words = own[:, 0]
    prose = np.asarray([k == "prose" for k in kinds])
    prose_words = np.where(prose, words, 0.0)
    total_prose = prose_words.sum() or 1.0
    cum = np.cumsum(prose_words)
    chars = np.asarray([len(line.text) for line in lines], dtype=np.float64)
    char_cum = np.cumsum(chars) - chars
    barrier = np.asarray([k == "barrier" for k in kinds], dtype=np.float64)
    bar_cum = np.cumsum(barrier)
    start, end = (keep[0], keep[-1] + 1) if keep else (n, n)
    idx = np.arange(n)
    place = np.column_stack(
        [
            idx / n,
            char_cum / max(1.0, chars.sum()),
            np.full(n, float(np.log1p(n))),
            np.full(n, float(np.log1p(words.sum()))),
            ((idx >= start) & (idx < end)).astype(np.float64),
            np.clip(start - idx, 0, None) / n,
            np.clip(idx - end + 1, 0, None) / n,
            _window(prose.astype(np.float64)) / (2 * WINDOW + 1),
            np.log1p(_window(words)),
            (cum - prose_words) / total_prose,
            (total_prose - cum) / total_prose,
            bar_cum - barrier,
            bar_cum[-1] - bar_cum,
            np.full(n, (end - start) / n),
        ]
    )
    return np.hstack([own, *shifted, place])


def _window(values: np.ndarray) -> np.ndarray:
    """Sum of each value and its WINDOW neighbours on either side."""
    cum = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(len(values))
    return np.asarray(cum[np.minimum(idx + WINDOW + 1, len(values))] - cum[np.maximum(idx - WINDOW, 0)])


#: the second stage's columns: the first stage's probability, the hand rules' decision, and the
#: first stage's view of the neighbourhood (an article runs paragraph after paragraph)
CONTEXT = (
    "p",
    "rule_keep",
    "log_words",
    "page_mean",
    "page_p90",
    "mean_1",
    "mean_3",
    "mean_10",
    "max_3",
    "max_10",
    "p_before",
    "p_after",
    "max_above",
    "max_below",
)


def _sliding(values: np.ndarray, reach: int, fill: float) -> np.ndarray:
    padded = np.concatenate([np.full(reach, fill), values, np.full(reach, fill)])
    return np.lib.stride_tricks.sliding_window_view(padded, 2 * reach + 1)


def _window_mean(values: np.ndarray, reach: int) -> np.ndarray:
    """Mean over each value and its `reach` neighbours on either side that exist."""
    cum = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(len(values))
    hi, lo = np.minimum(idx + reach + 1, len(values)), np.maximum(idx - reach, 0)
    return np.asarray((cum[hi] - cum[lo]) / (hi - lo))


def context_features(p: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """(n_lines, len(CONTEXT)) rows of the second stage from the first stage's probabilities `p`
    and the lines' own rows (`features`)."""
    n = len(p)
    if n == 0:
        return np.zeros((0, len(CONTEXT)))
    return np.column_stack(
        [
            p,
            rows[:, NAMES.index("rule_keep")],
            np.log1p(rows[:, NAMES.index("words")]),
            np.full(n, p.mean()),
            np.full(n, np.quantile(p, 0.9)),
            _window_mean(p, 1),
            _window_mean(p, 3),
            _window_mean(p, 10),
            _sliding(p, 3, 0.0).max(axis=1),
            _sliding(p, 10, 0.0).max(axis=1),
            np.concatenate([[0.0], p[:-1]]),
            np.concatenate([p[1:], [0.0]]),
            np.maximum.accumulate(p),
            np.maximum.accumulate(p[::-1])[::-1],
        ]
    )


@dataclass(frozen=True)
class LineModel:
    """Two stages: `lines` scores each line from its rows, `context` rescores it from the first
    stage's scores around it; blended with the hand rules' decision (weight `rule_weight`), lines
    above `threshold` are the body."""

    lines: Forest
    context: Forest
    threshold: float
    meta: Mapping[str, Any]
    rule_weight: float = 0.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LineModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
        lines, context = Forest.from_dict(data["lines"]), Forest.from_dict(data["context"])
        lines.check(NAMES)
        context.check(CONTEXT)
        weight = float(data.get("rule_weight", 0.0))
        return cls(lines, context, float(data["threshold"]), dict(data.get("meta", {})), weight)

    def proba(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        p = self.lines.proba(rows)[:, 1]
        return np.asarray(self.context.proba(context_features(p, rows))[:, 1])


def decide(
    lines: list[Line], signals: list[Signals], kinds: list[Kind], keep: list[int], model: LineModel
) -> list[int]:
    """Indices of the body's lines in page order, by the model."""
    if not lines:
        return []
    p = model.proba(features(lines, signals, kinds, keep))
    ruled = np.zeros(len(lines))
    ruled[keep] = 1.0
    p = blended(p, ruled, model.rule_weight)
    return trim_head([int(i) for i in np.flatnonzero(p > model.threshold)], kinds, signals)


def trim_head(keep: list[int], kinds: list[Kind], signals: list[Signals]) -> list[int]:
    """Leave out the lines kept above the first paragraph that are not sentences: the headline,
    byline, date and kicker lines head the story (the field rules read them above the body), as
    the hand rules leave out the headline-shaped line right above their run."""
    first = next((n for n, i in enumerate(keep) if kinds[i] == "prose"), None)
    if first is None:
        return keep
    head = [i for i in keep[:first] if signals[i].sentence_end]
    return head + keep[first:]


def read_model(path: Path) -> LineModel:
    return LineModel.from_dict(json.loads(gzip.decompress(path.read_bytes())))


@lru_cache(maxsize=1)
def default_model() -> LineModel | None:
    """The packaged line model, or None when the package ships none (the hand rules decide)."""
    with resources.as_file(resources.files("worker.pipeline.learned") / "models" / MODEL_FILE) as path:
        return read_model(Path(path)) if Path(path).is_file() else None
