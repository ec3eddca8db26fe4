"""Bylines: "By Jane Doe", "Par Jean Dupont et Marie Curie", "Von Max Muster" near the top of the story.

Only a short line that starts with the word for "by" and goes on with capitalised names counts;
the names are split on "and" in the same languages and on commas.
"""

from __future__ import annotations

import re

from ..fields.lexicon import AND_WORDS, LINE_BY_WORDS, alternation

_BY = rf"(?i:{alternation(LINE_BY_WORDS)})"
_NAME = r"[A-ZÀ-ÞĀ-ſ][\w.'’-]*(?:\s+(?:[A-ZÀ-ÞĀ-ſ][\w.'’-]*|van|von|de|da|del|der|di|du|la|le|bin|al-\w+)){0,4}"
_AND = rf"(?:\s*,\s*|\s+(?:{alternation(AND_WORDS)})\s+|\s*&\s*)"
_BYLINE = re.compile(rf"^{_BY}\s+(?P<names>{_NAME}(?:{_AND}{_NAME}){{0,4}})\s*(?:[,|·•–—-].*)?$")
_SPLIT = re.compile(_AND)
MAX_WORDS = 20


def read_byline(line: str) -> list[str]:
    """The names a byline line gives, or [] when the line is not a byline."""
    if len(line.split()) > MAX_WORDS:
        return []
    match = _BYLINE.match(line.strip())
    if not match:
        return []
    names = [name.strip() for name in _SPLIT.split(match["names"]) if len(name.strip()) > 2]
    if any(" " in name for name in names):  # "Max Muster, Berlin": a one-word part is a place, not a name
        names = [name for name in names if " " in name]
    return names
