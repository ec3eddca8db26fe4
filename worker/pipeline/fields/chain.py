"""A named fallback chain: try each source in order, keep the first value and where it came from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
P = TypeVar("P")


@dataclass(frozen=True)
class Found(Generic[T]):
    value: T
    source: str


@dataclass(frozen=True)
class Source(Generic[P, T]):
    """One step of a chain: `read(page)` gives a value or None. `needs_body` steps run only once
    the article body is known (the first paragraph as description, body images, the fingerprint)."""

    name: str
    read: Callable[[P], T | None]
    needs_body: bool = False


def present(value: Any) -> bool:
    """A value that counts as found: not None and not empty text or an empty collection.
    `False` and `0` are legitimate values and count."""
    if value is None:
        return False
    if isinstance(value, (str, list, tuple, dict, set, frozenset)):
        return len(value) > 0
    return True


def first(steps: Sequence[Source[P, T]], page: P, *, body: bool | None = None) -> Found[T] | None:
    """The first step that finds a value. `body`: None runs every step, False only the steps that
    need no body, True only those that do. A step that weighs several sources itself returns a
    `Found` naming the one it chose."""
    for step in steps:
        if body is not None and step.needs_body != body:
            continue
        value = step.read(page)
        if isinstance(value, Found):
            return value if present(value.value) else None
        if value is not None and present(value):
            return Found(value, step.name)
    return None
