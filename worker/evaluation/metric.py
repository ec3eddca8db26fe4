"""The body-text metric of the article-extraction-benchmark, identical to shared/eval/score.py.

Per page: multisets of 4-token shingles (tokens are `\\w+` runs, case kept), TP/FP/FN normalised
to sum 1. Precision and recall are averaged over pages; F1 is the harmonic mean of the averages;
"exact" is the share of pages whose token lists are identical.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

TOKEN = re.compile(r"\w+")
Counts = tuple[float, float, float]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(truth: str, prediction: str) -> Counts:
    t, p = shingles(truth), shingles(prediction)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


@dataclass(frozen=True)
class BodyScore:
    f1: float
    precision: float
    recall: float
    exact: float
    pages: dict[str, Counts] = field(default_factory=dict, repr=False)


def score(truth: Mapping[str, str], predicted: Mapping[str, str | None]) -> BodyScore:
    """Score predicted bodies against true bodies, both keyed by page id (missing = empty)."""
    counts: list[Counts] = []
    exact: list[float] = []
    pages: dict[str, Counts] = {}
    for key, gold in truth.items():
        guess = predicted.get(key) or ""
        c = page_counts(gold, guess)
        counts.append(c)
        exact.append(float(TOKEN.findall(gold) == TOKEN.findall(guess)))
        pages[key] = c
    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return BodyScore(f1=2 * p * r / (p + r), precision=p, recall=r, exact=statistics.mean(exact), pages=pages)
