"""The headline of a flattened page: a line the page repeats (headlines recur in title, h1,
breadcrumb, share text), in its best-cased form, or else the last short line before the body."""

from __future__ import annotations

import re
from collections import defaultdict

from .lines import Line

MAX_WORDS = 25
_WORD = re.compile(r"\w+")
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


def find_headline(lines: list[Line], body_start: int, skip: set[int]) -> tuple[str, str] | None:
    """(headline, how) from the lines before the body; `skip` holds lines already read as other fields."""
    head = [line for line in lines[:body_start] if line.index not in skip and _plausible(line.text)]
    forms: dict[str, list[Line]] = defaultdict(list)
    for line in head:
        forms[line.key].append(line)
    later = [line.key for line in lines[body_start:] if len(line.key) < 400]
    repeated = [
        group
        for key, group in forms.items()
        if len(_WORD.findall(key)) >= 3 and (len(group) >= 2 or any(key in other for other in later))
    ]
    if repeated:
        group = max(repeated, key=lambda g: (min(len(g), 3), len(_WORD.findall(g[0].text))))
        return _best_cased([line.text for line in group]), "text:repeated-line"
    if head:
        return _strip_site(head[-1].text), "text:line-before-body"
    return None


def _plausible(text: str) -> bool:
    words = len(_WORD.findall(text))
    return (2 <= words <= MAX_WORDS and not text.endswith((".", ":", "*"))) or (3 <= words <= MAX_WORDS and "?" in text)


def _best_cased(forms: list[str]) -> str:
    """Prefer a form that starts with a capital and is neither all lower nor all upper case."""

    def rank(text: str) -> tuple[int, int, int]:
        return (text[:1].isupper(), not text.isupper() and not text.islower(), -forms.index(text))

    return _strip_site(max(forms, key=rank))


def _strip_site(text: str) -> str:
    """'Obama admits ... - BBC News' -> 'Obama admits ...' (a trailing site name after a separator)."""
    stripped = _SITE_SUFFIX.sub("", text)
    return stripped if len(_WORD.findall(stripped)) >= 3 else text
