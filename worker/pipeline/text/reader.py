"""The text path: lines -> signals -> article/boilerplate (hand rules, then the learned line
model when one is given) -> structure -> fields."""

from __future__ import annotations

from dataclasses import dataclass

from schemas import Article
from schemas.reasons import NoArticle

from ..textutil import word_count
from .blocks import unwrap
from .classifier import Kind, classify
from .fields import to_article
from .language import detect_language
from .learned import LineModel, decide, default_model
from .lines import Line, split_lines
from .reading import Reading
from .signals import Signals, read_signals
from .structure import build_blocks

MIN_WORDS = 20
#: Lines read at most: a news page flattens to a few thousand; this keeps a 10 MB text file within
#: the task's time limit (about 0.3 ms a line) and an article is never that far down.
MAX_LINES = 20_000


@dataclass
class Analysis:
    """A flattened page's lines, their signals and the hand rules' kinds and article lines."""

    lines: list[Line]
    language: str | None
    signals: list[Signals]
    kinds: list[Kind]
    keep: list[int]


def analyse(text: str) -> Analysis:
    lines = unwrap(split_lines(text, MAX_LINES))
    language = detect_language(text)
    signals = read_signals(lines, language)
    kinds, keep = classify(lines, signals, language)
    return Analysis(lines, language, signals, kinds, keep)


def read_text(text: str, url: str, reason: str = "no markup", model: LineModel | bool = True) -> Article:
    """Read a flattened page; `reason` says why it took this path and is kept in the provenance.
    `model`: True for the packaged line model, False for the hand rules alone, or a model."""
    seen = analyse(text)
    lines, language, signals, kinds, keep = seen.lines, seen.language, seen.signals, seen.kinds, seen.keep
    line_model = default_model() if model is True else None if model is False else model
    source = "text:classifier"
    if line_model is not None:
        learned = decide(lines, signals, kinds, keep, line_model)
        if sum(signals[i].words for i in learned) >= MIN_WORDS:  # else the hand rules' run stands
            keep, source = learned, "text:learned"
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
    reading = Reading(lines, blocks, keep[0], keep[-1] + 1, language, noise=noise, body_source=source)
    return to_article(reading, url, reason)
