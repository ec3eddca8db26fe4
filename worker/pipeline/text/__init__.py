"""The flattened-text path: pages that arrive as visible text without markup."""

from __future__ import annotations

from schemas import Article
from schemas.reasons import NoArticle

from .fields import metadata_without_body
from .reader import read_text as _read_text

__all__ = ["read_text"]


def read_text(text: str, url: str, reason: str = "no markup") -> Article:
    """Read a flattened page; a page without an article body still reports the fields it states
    (`NoArticle.metadata`)."""
    try:
        return _read_text(text, url, reason)
    except NoArticle as exc:
        if exc.metadata:
            raise
        raise NoArticle(str(exc), metadata=metadata_without_body(text, url)) from None
