"""The headline of a flattened page.

Headlines recur (title, h1, breadcrumb, share text) and sit just above the story, so each
headline-shaped line in the stretch above the body is scored on both: repetition anywhere on the
page weighs most, then closeness to the body, then length. The repeated form with the best casing
wins ("Syria army launches offensive" over "syria army launches offensive").
"""

from __future__ import annotations

import re

from ..fields.lexicon import LINE_BY_WORDS, alternation
from . import shapes
from .lines import Line

MAX_WORDS = 25
REACH = 15
REPEAT_WEIGHT = 1.0
MAX_ECHOES = 3
LENGTH_SCALE = 6
_WORD = re.compile(r"\w+")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")
_BYLINE = re.compile(rf"^(?:{alternation(LINE_BY_WORDS)})\s", re.I)


def find_headline(lines: list[Line], body_start: int, skip: set[int]) -> tuple[str, str] | None:
    """(headline, how) from the lines above the body; `skip` holds lines read as other fields or noise."""
    window = [
        line
        for line in lines[max(0, body_start - REACH) : body_start]
        if line.index not in skip and _plausible(line.text)
    ]
    if not window:
        return None
    keys = [line.key for line in lines if len(line.key) < 400]

    def repeats(line: Line) -> int:
        return sum(1 for key in keys if line.key in key) - 1 if len(line.key) >= 12 else 0

    def rank(line: Line) -> float:
        closeness = 1 - (body_start - line.index) / REACH
        echoes = repeats(line)
        echoed = REPEAT_WEIGHT if 1 <= echoes <= MAX_ECHOES else 0.0  # more often than that: a menu item
        return echoed + closeness + min(len(_WORD.findall(line.text)), 12) / LENGTH_SCALE

    best = max(window, key=rank)
    forms = [line.text for line in lines if line.key == best.key]
    return _best_cased(forms), "text:repeated-line" if repeats(best) else "text:line-above-body"


def _plausible(text: str) -> bool:
    words = len(_WORD.findall(text))
    if not 2 <= words <= MAX_WORDS or _BYLINE.match(text):
        return False
    if shapes.CAPTION_LABEL.match(text) or shapes.PHOTO_CREDIT.search(text):
        return False
    return not text.endswith((".", ":", "*", ",", "…"))


def _best_cased(forms: list[str]) -> str:
    """Prefer a form that starts with a capital and is neither all lower nor all upper case."""

    def rank(text: str) -> tuple[bool, bool, int]:
        return (text[:1].isupper(), not text.isupper() and not text.islower(), -forms.index(text))

    return _strip_site(max(forms, key=rank))


def _strip_site(text: str) -> str:
    """'Obama admits ... - BBC News' -> 'Obama admits ...' (a trailing site name after a separator)."""
    stripped = _SITE_SUFFIX.sub("", text)
    return stripped if len(_WORD.findall(stripped)) >= 3 else text
