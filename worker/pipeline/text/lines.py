"""Split flattened text into normalised lines, remembering where blank lines separated them."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..textutil import squash

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@dataclass(frozen=True)
class Line:
    """One non-empty line; `gap_before` is True when a blank line (or the start) precedes it."""

    index: int
    text: str
    gap_before: bool

    @property
    def key(self) -> str:
        """The form used to spot repetition: case and punctuation do not make a line new."""
        return "".join(ch for ch in self.text.casefold() if ch.isalnum() or ch == " ").strip()


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    gap = True
    for raw in unicodedata.normalize("NFC", text).translate(_INVISIBLE).splitlines():
        line = squash(raw)
        if not line:
            gap = True
            continue
        lines.append(Line(len(lines), line, gap))
        gap = False
    return lines
