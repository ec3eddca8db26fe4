"""Field accuracy on WCXB article pages: title, author, date, one rule each (README: Evaluation).

Every article page counts: a missing truth matches only a missing prediction, so inventing a value
is as wrong as missing one. Typographic quotes and dashes read as ASCII and whitespace runs as one
space on both sides. Titles: equal, or one is the other plus trailing site parts (a site suffix is
allowed; our own rule is the headline without it); `title_exact` is plain equality. Authors: the same set of names
(split at commas, semicolons, '&', 'and'; 'By' and credentials such as 'MD' dropped; case folded).
Dates: the same calendar day (the page's own day, as the truth gives it).
"""

from __future__ import annotations

import re

from .fields import _TITLE_SUFFIX, normal

#: report name -> WCXB ground-truth key
FIELDS: dict[str, str] = {"title": "title", "title_exact": "title", "author": "author", "date": "publish_date"}

_NAME_SPLIT = re.compile(r"\s*(?:[,;&|/]|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)
_BY = re.compile(r"^(?:written\s+|posted\s+|reviewed\s+)?(?:by|par|von|por|di|door|av)\b\s*:?\s*", re.I)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{1,5}|[A-Z][a-z]?\.?[A-Z]\.?|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|III?)$")


def names(value: str | None) -> frozenset[str]:
    parts = (_BY.sub("", p.strip()) for p in _NAME_SPLIT.split(normal(value)))
    return frozenset(p.casefold() for p in parts if p and not _CREDENTIAL.match(p))


def same_title(expected: str | None, predicted: str | None) -> bool:
    """Equal, or one is the other plus trailing " | Site"-style parts (either side may carry them)."""
    want, got = normal(expected), normal(predicted)
    if want == got:
        return True
    short, long = sorted((want, got), key=len)
    return bool(short) and long.startswith(short) and bool(_TITLE_SUFFIX.match(long[len(short) :]))


def matches(field: str, expected: str | None, predicted: str | None) -> bool:
    if field == "title":
        return same_title(expected, predicted)
    if field == "title_exact":
        return normal(expected) == normal(predicted)
    if field == "author":
        return names(expected) == names(predicted)
    if field == "date":
        return normal(expected)[:10] == normal(predicted)[:10]
    raise KeyError(field)
