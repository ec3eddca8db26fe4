"""`extract(RawPage) -> Article`: the whole pipeline, pure (no Redis, no Celery)."""

from __future__ import annotations

from schemas import Article, RawPage

from ..errors import EmptyPage
from .charset import charset_from_content_type, decode_page, reject_binary
from .detect import check_media_type, sniff_format
from .html import read_html
from .limits import Limits
from .parse import parse_html
from .payload import page_payload
from .text import read_text

DEFAULT_LIMITS = Limits()


def extract(raw: RawPage, limits: Limits = DEFAULT_LIMITS) -> Article:
    """Read one page; raises a subclass of `worker.errors.ArticleWorkerError` when it cannot."""
    content_type = raw.content_type or _header(raw, "content-type")
    check_media_type(content_type)
    payload = page_payload(raw, limits)
    if isinstance(payload, bytes):
        declared = raw.charset or charset_from_content_type(content_type)
        text, _charset = decode_page(payload, declared)
    else:
        text = payload
        reject_binary(text[:1024].encode("utf-8", "replace"))
    if not text.strip():
        raise EmptyPage("page is empty")
    if sniff_format(text, content_type) == "text":
        return read_text(text, raw.url)
    return read_html(parse_html(text, limits), raw.url)


def _header(raw: RawPage, name: str) -> str | None:
    return next((value for key, value in raw.headers.items() if key.lower() == name), None)
