"""Agency or source credit lines: "Source: AFP", "(AP)", "— Reuters", "Quelle: dpa", "Fuente: EFE".

A labelled credit ("Source:" in some language) names any short source; an unlabelled one must
be a known agency, so an ordinary bracketed word is never read as a credit.
"""

from __future__ import annotations

import re

from ..fields.lexicon import SOURCE_LABELS, alternation
from .agencies import AGENCY

_LABELS = alternation(SOURCE_LABELS)
_LABELLED = re.compile(rf"^(?:{_LABELS})\s*[:：]\s*(?P<credit>[^.:]{{2,60}}?)\.?$", re.I)
_BARE = re.compile(rf"^[(\[–—-]*\s*(?P<credit>{AGENCY})\s*[)\]]?\.?$")
_TRAILING = re.compile(rf"(?:^|\s)[(\[–—-]+\s*(?P<credit>{AGENCY})\s*[)\]]?\.?$")
_CLAIMED = re.compile(rf"^(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?P<credit>{AGENCY})\b", re.I)


def read_credit(line: str) -> str | None:
    """The credit a whole line states, or None."""
    text = line.strip()
    for pattern in (_LABELLED, _BARE, _CLAIMED):
        match = pattern.match(text)
        if match:
            return match["credit"].strip(" ,;")
    return None


def trailing_credit(paragraph: str) -> tuple[str, str] | None:
    """A credit at the end of the last paragraph ("... he said. — Reuters"): (paragraph without it, credit)."""
    match = _TRAILING.search(paragraph)
    if not match or match.start() == 0:
        return None
    return paragraph[: match.start()].rstrip(), match["credit"]
