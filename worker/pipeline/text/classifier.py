"""Article or boilerplate, line by line, and the one contiguous run that is the article.

Each line gets a kind from its signals, then a score: prose earns its word count (less when no
prose stands next to it, as in teaser streams), unfinished lines earn a little, boilerplate costs
at least `BOILER_COST`, lines that open comments or related stories cost `BARRIER_COST`, short
neutral lines (headings, list items, bylines) cost a little. The article is the maximum-sum run
(Kadane): the densest stretch of prose, which may carry short lines inside it but not across a
wall of menus, forms or footers. Scattered prose fragments elsewhere on the page stay out.
"""

from __future__ import annotations

from typing import Literal

from .language import is_cjk
from .lines import Line
from .signals import Signals

Kind = Literal["prose", "text", "short", "boiler", "barrier"]
MIN_PROSE_WORDS = 8
MIN_STOP_SHARE = 0.12
BOILER_COST = 6.0
SHORT_COST = 1.5
BARRIER_COST = 80.0
MIN_REPEATS = 2
TEXT_WEIGHT = 0.3
ISOLATED_WEIGHT = 0.3
ISOLATION_REACH = 1


def kind_of(s: Signals, cjk: bool = False, known: bool = True) -> Kind:
    if s.after:
        return "barrier"
    if s.form or s.legal or s.social or s.stamp or s.self_repeat:
        return "boiler"
    if s.repeats >= MIN_REPEATS and s.words < MIN_PROSE_WORDS * 2:
        return "boiler"
    if (s.separators >= 2 and s.stop_share < 0.2) or (s.separators >= 3 and not s.sentence_end):
        return "boiler"  # menus, breadcrumbs, "Site | date • updated | author" rows
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
        return s.words
    if kind == "text":
        return s.words * TEXT_WEIGHT
    if kind == "boiler":
        return -max(BOILER_COST, s.words)
    if kind == "barrier":
        return -BARRIER_COST
    if s.bullet:
        return 0.0  # a list item written with its marker: part of whatever surrounds it
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


def isolate(kinds: list[Kind], scores: list[float]) -> list[float]:
    """Prose with no prose on either side weighs less: articles run paragraph after paragraph,
    teaser streams and comment lists alternate one blurb with headlines, names and buttons."""
    out = list(scores)
    for i, kind in enumerate(kinds):
        near = kinds[max(0, i - ISOLATION_REACH) : i] + kinds[i + 1 : i + 1 + ISOLATION_REACH]
        alone = kind == "prose" and "prose" not in near
        if alone:
            out[i] *= ISOLATED_WEIGHT
    return out


def classify(lines: list[Line], signals: list[Signals], language: str | None) -> tuple[list[Kind], list[int]]:
    """Each line's kind, and the indices of the article's lines in page order."""
    kinds = [kind_of(s, is_cjk(language), language is not None) for s in signals]
    scores = [score(k, s) for k, s in zip(kinds, signals, strict=True)]
    span = main_run(isolate(kinds, scores))
    if span is None:
        return kinds, []
    start, end = span
    if end - start > 1 and kinds[start] != "prose" and kinds[start + 1] == "prose" and not signals[start].sentence_end:
        start += 1  # a headline-shaped line right above the first paragraph heads the story, it is not body
    return kinds, [i for i in range(start, end) if kinds[i] not in ("boiler", "barrier")]
