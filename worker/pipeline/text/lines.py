"""Split flattened text into normalised lines, remembering where blank lines separated them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..textutil import squash

_NOT_WORD = re.compile(r"[\W_]+")
MIN_LINES = 10
DOUBLE_SPACED = 0.9
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@dataclass(frozen=True)
class Line:
    """One non-empty line; `gap_before` is True when a blank line (or the start) precedes it."""

    index: int
    text: str
    gap_before: bool
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The form used to spot repetition: case and punctuation do not make a line new.
        object.__setattr__(self, "key", repetition_key(self.text))


def repetition_key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def split_lines(text: str, max_lines: int | None = None) -> list[Line]:
    """Non-empty lines, normalised; at most `max_lines` of them."""
    lines: list[Line] = []
    gap = True
    for raw in text.splitlines():
        line = squash(unicodedata.normalize("NFC", raw).translate(_INVISIBLE))
        if not line:
            gap = True
            continue
        lines.append(Line(len(lines), line, gap))
        gap = False
        if max_lines is not None and len(lines) >= max_lines:
            break
    if len(lines) >= MIN_LINES and sum(line.gap_before for line in lines) >= DOUBLE_SPACED * len(lines):
        # A blank line after every line says nothing about paragraphs: read it as single-spaced.
        return [Line(line.index, line.text, line.index == 0) for line in lines]
    return lines
