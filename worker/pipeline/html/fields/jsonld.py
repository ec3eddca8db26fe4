"""Values out of JSON-LD article objects, which come in many shapes (str, dict, list)."""

from __future__ import annotations

from typing import Any

from ...textutil import clean_value
from ..facts import PageFacts


def article_value(facts: PageFacts, *keys: str) -> Any:
    for obj in facts.article_objects():
        for key in keys:
            value = obj.get(key)
            if value not in (None, "", [], {}):
                return value
    return None


def as_text(value: Any) -> str | None:
    """A string out of a value, a {"name": ...} object or the first item of a list."""
    if isinstance(value, list):
        return next((text for item in value if (text := as_text(item))), None)
    if isinstance(value, dict):
        return as_text(value.get("name") or value.get("@value") or value.get("url"))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return clean_value(str(value))
    return None


def article_text(facts: PageFacts, *keys: str) -> str | None:
    return as_text(article_value(facts, *keys))
