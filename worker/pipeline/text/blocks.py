"""Undo hard wrapping: a text archived at a fixed width becomes one line per paragraph again.

Crawlers that keep one line per block need nothing here; e-mail style text wrapped at ~72
columns (paragraphs separated by blank lines, most lines ending near the same width) does.
"""

from __future__ import annotations

from statistics import median

from .lines import Line

MIN_WRAPPED = 0.5
MIN_WIDTH, MAX_WIDTH = 50, 100


def unwrap(lines: list[Line]) -> list[Line]:
    """Join wrapped lines of one paragraph; return the lines unchanged when the text is not wrapped."""
    if not _is_wrapped(lines):
        return lines
    out: list[Line] = []
    for line in lines:
        if out and not line.gap_before and _continues(out[-1].text, line.text):
            prev = out[-1]
            out[-1] = Line(prev.index, f"{prev.text} {line.text}", prev.gap_before)
        else:
            out.append(Line(len(out), line.text, line.gap_before))
    return [Line(i, line.text, line.gap_before) for i, line in enumerate(out)]


def _is_wrapped(lines: list[Line]) -> bool:
    long = [len(line.text) for line in lines if len(line.text) >= 30]
    if len(long) < 6:
        return False
    width = median(long)
    near = sum(1 for n in long if width * 0.75 <= n <= width * 1.1)
    return MIN_WIDTH <= width <= MAX_WIDTH and near / len(long) >= MIN_WRAPPED and max(long) <= width * 1.2


def _continues(previous: str, current: str) -> bool:
    """A wrapped line goes on when the previous one was long and did not end a heading or list item."""
    return len(previous) >= MIN_WIDTH * 0.8 and not current.startswith(("- ", "* ", "• "))
