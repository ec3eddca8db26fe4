"""Undo hard wrapping: a text archived at a fixed width becomes one line per paragraph again.

Crawlers that keep one line per block need nothing here; e-mail style text wrapped at ~72
columns (most long lines near one width, cut mid-sentence) does. With blank lines between
paragraphs every wrapped line joins its paragraph; without them only a line that visibly
continues a sentence (previous one unfinished, this one starting in lower case) joins.
"""

from __future__ import annotations

from statistics import median

from .lines import Line

MIN_WRAPPED = 0.5
MIN_WIDTH, MAX_WIDTH = 50, 100
_ENDS = (".", "!", "?", '"', "”", "»", ":")


def unwrap(lines: list[Line]) -> list[Line]:
    """Join wrapped lines of one paragraph; return the lines unchanged when the text is not wrapped."""
    if not _is_wrapped(lines):
        return lines
    paragraphs = sum(line.gap_before for line in lines) >= 2
    out: list[Line] = []
    for line in lines:
        if out and not line.gap_before and _continues(out[-1].text, line.text, paragraphs):
            prev = out[-1]
            out[-1] = Line(prev.index, f"{prev.text} {line.text}", prev.gap_before)
        else:
            out.append(line)
    return [Line(i, line.text, line.gap_before) for i, line in enumerate(out)]


def _is_wrapped(lines: list[Line]) -> bool:
    long_lines = [line.text for line in lines if len(line.text) >= 30]
    if len(long_lines) < 6:
        return False
    if sum(1 for text in long_lines if not text.endswith(_ENDS)) < len(long_lines) * MIN_WRAPPED:
        return False
    width = median(len(text) for text in long_lines)
    near = sum(1 for text in long_lines if width * 0.75 <= len(text) <= width * 1.1)
    return MIN_WIDTH <= width <= MAX_WIDTH and near / len(long_lines) >= MIN_WRAPPED


def _continues(previous: str, current: str, paragraphs: bool) -> bool:
    if current.startswith(("- ", "* ", "• ")) or len(previous) < MIN_WIDTH * 0.6:
        return False
    if paragraphs:
        return True
    return not previous.endswith(_ENDS) and current[:1].islower()
