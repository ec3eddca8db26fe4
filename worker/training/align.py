"""Labels for segments and lines: which of them the people-reviewed main text contains.

The truth is plain text, so a segment is matched by its words. A segment of three or more words is
content when at least half of its word trigrams are still unmatched in the truth's trigram multiset
(matched trigrams are used up in page order, so a caption repeated three times on the page counts
once if the truth has it once). A shorter segment (a heading, a list item) is content when it is a
whole line of the truth not yet used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

_TOKEN = re.compile(r"\w+")
MIN_SHARE = 0.5


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _trigrams(words: Sequence[str]) -> list[tuple[str, str, str]]:
    return [(words[i], words[i + 1], words[i + 2]) for i in range(len(words) - 2)]


def label(texts: Sequence[str], truth: str) -> list[float]:
    """For each text in page order, the share of its trigrams found in the truth (0 or that share
    at least MIN_SHARE; short texts 1.0 or 0.0)."""
    gold = tokens(truth)
    grams: Counter[tuple[str, str, str]] = Counter(_trigrams(gold))
    lines: Counter[tuple[str, ...]] = Counter(tuple(tokens(line)) for line in truth.splitlines() if line.strip())
    out: list[float] = []
    for text in texts:
        words = tokens(text)
        if len(words) >= 3:
            own = _trigrams(words)
            wanted = Counter(own)
            hits = sum(min(count, grams[g]) for g, count in wanted.items())
            share = hits / len(own)
            if share >= MIN_SHARE:
                grams.subtract({g: min(count, grams[g]) for g, count in wanted.items()})
                lines[tuple(words)] -= 1 if lines[tuple(words)] > 0 else 0
                out.append(share)
            else:
                out.append(0.0)
        else:
            key = tuple(words)
            if key and lines[key] > 0:
                lines[key] -= 1
                out.append(1.0)
            else:
                out.append(0.0)
    return out
