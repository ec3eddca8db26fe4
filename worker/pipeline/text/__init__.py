"""The flattened-text path: pages that arrive as visible text without markup."""

from __future__ import annotations

from schemas import Article
from schemas.reasons import NoArticle

from ..mojibake import repair
from .fields import metadata_without_body
from .learned import LineModel
from .reader import read_text as _read_text

__all__ = ["LineModel", "read_text"]


def read_text(text: str, url: str, reason: str = "no markup", model: LineModel | bool = True) -> Article:
    """Read a flattened page; a page without an article body still reports the fields it states
    (`NoArticle.metadata`). `model`: True for the packaged line model, False for the hand rules
    alone, or a line model of one's own (the cross-validated evaluation passes fold models)."""
    text = repair(text)  # a double-encoded page ('Thatâ€™s'): small enough to repair whole
    try:
        return _read_text(text, url, reason, model)
    except NoArticle as exc:
        if exc.metadata:
            raise
        raise NoArticle(str(exc), metadata=metadata_without_body(text, url)) from None
