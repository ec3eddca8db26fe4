"""The WCXB benchmark's body metric (its `evaluate.py`): word precision, recall and F1, and snippet rates.

Per page: tokens are the lower-cased `\\w+` runs of the prediction and of the truth; the overlap is
their multiset intersection; P = overlap / predicted tokens, R = overlap / true tokens. An empty
truth scores 1 only for an empty prediction; an empty prediction scores 0. P, R and F1 are each
averaged over pages (so mean F1 is not the harmonic mean of mean P and mean R).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

_TOKEN = re.compile(r"\w+")


class WordScore(NamedTuple):
    f1: float
    precision: float
    recall: float


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def word_score(prediction: str, truth: str) -> WordScore:
    got, want = Counter(tokens(prediction)), Counter(tokens(truth))
    if not want:
        return WordScore(1.0, 1.0, 1.0) if not got else WordScore(0.0, 0.0, 0.0)
    if not got:
        return WordScore(0.0, 0.0, 0.0)
    overlap = sum((got & want).values())
    p, r = overlap / sum(got.values()), overlap / sum(want.values())
    return WordScore(2 * p * r / (p + r) if p + r else 0.0, p, r)


def snippet_rate(prediction: str, snippets: list[str]) -> float | None:
    """Share of `snippets` found in the prediction (case-insensitive substring); None without snippets."""
    if not snippets:
        return None
    text = prediction.lower()
    return sum(1 for s in snippets if s.lower() in text) / len(snippets)
