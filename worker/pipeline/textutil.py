"""Small text helpers shared by both extraction paths."""

from __future__ import annotations

import math
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
WORDS_PER_MINUTE = 230


def squash(text: str | None) -> str:
    """Collapse every run of whitespace to one space and trim."""
    return _SPACE.sub(" ", text or "").strip()


def clean_value(text: str | None, max_len: int = 2000) -> str | None:
    """A field value, or None when nothing meaningful is left."""
    value = squash(unicodedata.normalize("NFC", text or ""))
    return value[:max_len] if value else None


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    return math.ceil(words / WORDS_PER_MINUTE) if words else 0
