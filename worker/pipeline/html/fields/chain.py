"""A named fallback chain: try each source in order, keep the first value and where it came from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from lxml.html import HtmlElement

from ..facts import PageFacts

T = TypeVar("T")


@dataclass(frozen=True)
class Found(Generic[T]):
    value: T
    source: str


Step = tuple[str, Callable[[PageFacts, HtmlElement], T | None]]


def first(steps: Sequence[Step[T]], facts: PageFacts, root: HtmlElement) -> Found[T] | None:
    for source, read in steps:
        value = read(facts, root)
        if value:
            return Found(value, source)
    return None
