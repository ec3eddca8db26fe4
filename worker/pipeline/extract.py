"""`extract(RawPage) -> Article`: the whole pipeline, pure (no Redis, no Celery)."""

from __future__ import annotations

from schemas import Article, RawPage
from schemas.reasons import EmptyPage, NoArticle

from .charset import charset_from_content_type, decode_page, reject_binary
from .detect import check_media_type, detect, text_blob
from .html import read_html
from .learned import Models
from .limits import Limits
from .parse import parse_html
from .payload import page_payload
from .text import read_text
from .text.markup import visible_text

DEFAULT_LIMITS = Limits()


def extract(raw: RawPage, limits: Limits = DEFAULT_LIMITS, models: Models | None = None) -> Article:
    """Read one page; raises a subclass of `schemas.reasons.ArticleWorkerError` when it cannot.
    `models`: the learned stages' models (default: the packaged ones)."""
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
    detection = detect(text, content_type)
    if detection.format == "text":
        return read_text(text, raw.url, detection.reason)
    root = parse_html(text, limits)
    blob = text_blob(root)
    if blob is not None:
        try:
            return read_text(visible_text(blob[0], keep_newlines=True), raw.url, blob[1])
        except NoArticle:
            pass  # the blob held no article the text path could see: let the HTML path try
    article = read_html(root, raw.url, models, limits)
    return article.model_copy(update={"provenance": {**article.provenance, "input_format": detection.reason}})


def _header(raw: RawPage, name: str) -> str | None:
    return next((value for key, value in raw.headers.items() if key.lower() == name), None)
