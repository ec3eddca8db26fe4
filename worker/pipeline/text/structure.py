"""Structure inside the kept lines: sub-headings, and the caption of the lead photo.

A sub-heading is a short standalone line between paragraphs that does not end a sentence
("- Rebels targeted in Hama -", "'Fundamental mistake'"). Runs of short lines are lists, not
headings. A caption is the short line right above the story's first line or its dateline with
no blank line between them, the way flattened pages print a photo, its caption and the dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .classifier import Kind
from .lines import Line
from .signals import Signals

MAX_HEADING_WORDS = 12
_DECORATION = re.compile(r"^[-–—*#=•\s]+|[-–—*#=•\s]+$")
_PHOTO = re.compile(r"^(?:photo|foto|image|picture|bild|imagen|immagine|圖|图)\s*[:：]|\((?:photo|foto)\b", re.I)


@dataclass(frozen=True)
class Block:
    tag: Literal["p", "h2"]
    text: str


def build_blocks(lines: list[Line], kinds: list[Kind], signals: list[Signals], keep: list[int]) -> list[Block]:
    """Paragraphs and headings of the article, in order."""
    blocks: list[Block] = []
    for pos, i in enumerate(keep):
        before = kinds[keep[pos - 1]] if pos > 0 else None
        after = kinds[keep[pos + 1]] if pos + 1 < len(keep) else None
        if _is_heading(lines[i].text, kinds[i], signals[i], before, after):
            blocks.append(Block("h2", _DECORATION.sub("", lines[i].text)))
        else:
            blocks.append(Block("p", lines[i].text))
    return blocks


def _is_heading(text: str, kind: Kind, s: Signals, before: Kind | None, after: Kind | None) -> bool:
    if kind in ("prose", "text") or s.words > MAX_HEADING_WORDS or s.words < 1:
        return False
    if text.endswith((".", ",", ";", ":", "!")) and not _DECORATION.search(text):
        return False
    decorated = bool(re.match(r"^[-–—*#=•]\s.+\s[-–—*#=•]$", text))
    return decorated or (before in ("prose", "text") and after in ("prose", "text"))


def find_caption(lines: list[Line], anchor: int, headline: str | None, *, dateline: bool) -> int | None:
    """Index of the caption just above line `anchor` (the dateline or first body line), if evident:
    a photo-labelled line, or a short line printed right on top of a dateline of its own."""
    if anchor <= 0:
        return None
    above, below = lines[anchor - 1], lines[anchor]
    if _PHOTO.search(above.text):
        return above.index
    if not dateline or below.gap_before or above.text.endswith((".", ":", "*")) or len(above.text.split()) > 30:
        return None
    if headline and above.key == Line(0, headline, False).key:
        return None
    return above.index if len(above.text.split()) >= 3 else None
