"""What the text path found on a page before it becomes an `Article`: lines, blocks, the body span."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line
from .structure import Block


@dataclass
class Reading:
    """What the text path found, before it becomes an `Article`."""

    lines: list[Line]
    blocks: list[Block]
    body_start: int
    body_end: int
    language: str | None
    noise: set[int] = field(default_factory=set)  # stamps, forms, legal, social: never a headline
    skip: set[int] = field(default_factory=set)  # lines read as a field (dateline), not headline
    agency: str | None = None
    body_source: str = "text:classifier"  # "text:learned" when the line model chose the body
