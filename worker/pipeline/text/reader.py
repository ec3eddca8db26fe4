"""The text path: lines -> signals -> article/boilerplate -> structure -> fields."""

from __future__ import annotations

from schemas import Article
from schemas.reasons import NoArticle

from ..textutil import word_count
from .blocks import unwrap
from .classifier import classify
from .fields import to_article
from .language import detect_language
from .lines import split_lines
from .reading import Reading
from .signals import read_signals
from .structure import build_blocks

MIN_WORDS = 20
#: Lines read at most: a news page flattens to a few thousand; this keeps a 10 MB text file within
#: the task's time limit (about 0.3 ms a line) and an article is never that far down.
MAX_LINES = 20_000


def read_text(text: str, url: str, reason: str = "no markup") -> Article:
    """Read a flattened page; `reason` says why it took this path and is kept in the provenance."""
    lines = unwrap(split_lines(text, MAX_LINES))
    language = detect_language(text)
    signals = read_signals(lines, language)
    kinds, keep = classify(lines, signals, language)
    if not keep:
        raise NoArticle("no prose found in text page")
    blocks = build_blocks(lines, kinds, signals, keep)
    words = sum(word_count(block.text) for block in blocks)
    if words < MIN_WORDS:
        raise NoArticle(f"no article found: {words} words of body text")
    noise = {
        i
        for i, s in enumerate(signals)
        if s.self_repeat or s.form or s.legal or s.social or s.stamp or s.after or s.truncated or s.separators >= 2
    }
    return to_article(Reading(lines, blocks, keep[0], keep[-1] + 1, language, noise=noise), url, reason)
