"""Article or boilerplate, line by line, and the one contiguous run that is the article.

Each line gets a kind from its signals, then a score: prose earns its word count, boilerplate
costs at least `BOILER_COST`, short neutral lines (headings, list items, bylines) cost a little.
The article is the maximum-sum run (Kadane): the densest stretch of prose, which may carry
short lines inside it but not across a wall of menus, forms or footers. Scattered prose
fragments elsewhere on the page (teasers, comments after a form) stay out.
"""

from __future__ import annotations

from typing import Literal

from .language import is_cjk
from .lines import Line
from .signals import Signals

Kind = Literal["prose", "text", "short", "boiler"]
MIN_PROSE_WORDS = 8
MIN_STOP_SHARE = 0.12
BOILER_COST = 6.0
SHORT_COST = 1.5
MIN_REPEATS = 2
PROSE_OFFSET = 0


def kind_of(s: Signals, cjk: bool = False, known: bool = True) -> Kind:
    if s.form or s.legal or s.social or s.stamp or s.self_repeat:
        return "boiler"
    if s.repeats >= MIN_REPEATS and s.words < MIN_PROSE_WORDS * 2:
        return "boiler"
    if s.separators >= 2 and s.stop_share < 0.2:
        return "boiler"
    min_stop = 0.3 if cjk else MIN_STOP_SHARE if known else 0.0
    if s.words >= MIN_PROSE_WORDS and s.stop_share >= min_stop:
        if s.truncated:
            return "text"  # a teaser cut short with an ellipsis: a link to another story
        return "prose" if s.sentence_end or s.words >= 2 * MIN_PROSE_WORDS else "text"
    if s.words >= 2 * MIN_PROSE_WORDS and s.sentences >= 2:
        return "prose"  # sentences in words the stop lists do not know (a quoted language, Latin filler)
    return "short"


def score(kind: Kind, s: Signals) -> float:
    if kind == "prose":
        return s.words - PROSE_OFFSET
    if kind == "text":
        return (s.words - PROSE_OFFSET) * 0.3
    if kind == "boiler":
        return -max(BOILER_COST, s.words)
    return -SHORT_COST - s.words * 0.1


def main_run(scores: list[float]) -> tuple[int, int] | None:
    """[start, end) of the maximum-sum run, or None when nothing scores above zero."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, value in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def classify(lines: list[Line], signals: list[Signals], language: str | None) -> tuple[list[Kind], list[int]]:
    """Each line's kind, and the indices of the article's lines in page order."""
    kinds = [kind_of(s, is_cjk(language), language is not None) for s in signals]
    span = main_run([score(k, s) for k, s in zip(kinds, signals, strict=True)])
    if span is None:
        return kinds, []
    return kinds, [i for i in range(*span) if kinds[i] != "boiler"]
