"""Which path reads a page: the HTML one or the flattened-text one."""

from __future__ import annotations

import re
from typing import Literal

from ..errors import UnsupportedContent

Format = Literal["html", "text"]

_MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|br|span|a|table|article|section|main"
    r"|h[1-6]|ul|ol|li|script|style|link|img|header|footer|nav)\b[^>]{0,2000}>",
    re.I,
)
_TEXT_TYPES = ("text/plain",)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
_SNIFF_CHARS = 64 * 1024
_MIN_TAGS = 3


def media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def check_media_type(content_type: str | None) -> None:
    """Refuse a declared type we cannot read before spending time on the bytes."""
    mime = media_type(content_type)
    if mime and mime not in _TEXT_TYPES + _HTML_TYPES and not mime.startswith("text/"):
        raise UnsupportedContent(f"content_type {mime!r} is not a text or HTML page")


def sniff_format(text: str, content_type: str | None) -> Format:
    """Declared type first; otherwise the page is HTML when it carries real markup."""
    mime = media_type(content_type)
    if mime in _TEXT_TYPES:
        return "text"
    if mime in _HTML_TYPES:
        return "html"
    head = text[:_SNIFF_CHARS]
    for tags, _ in enumerate(_MARKUP.finditer(head), 1):
        if tags >= _MIN_TAGS:
            return "html"
    return "text"
