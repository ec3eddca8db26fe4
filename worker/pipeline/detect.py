"""Which path reads a page, and why: the HTML one or the flattened-text one.

Text path: a declared `text/plain`; content with no markup; or HTML whose body is only a text
blob (one `<pre>`, `<br>`-separated lines, or one giant block with no paragraphs), where markup
carries nothing a line classifier would not see. The reason travels in the event's provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from lxml.html import HtmlElement

from schemas.reasons import UnsupportedContent

Format = Literal["html", "text"]

_MARKUP = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|br|span|a|table|article|section|main"
    r"|h[1-6]|ul|ol|li|script|style|link|img|header|footer|nav|pre)\b[^>]{0,2000}>",
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


@dataclass(frozen=True)
class Detection:
    format: Format
    reason: str


def detect(text: str, content_type: str | None) -> Detection:
    """Declared type first; otherwise the page is HTML when it carries real markup."""
    mime = media_type(content_type)
    if mime in _TEXT_TYPES:
        return Detection("text", f"content_type {mime}")
    if mime in _HTML_TYPES:
        return Detection("html", f"content_type {mime}")
    head = text[:_SNIFF_CHARS]
    for tags, _ in enumerate(_MARKUP.finditer(head), 1):
        if tags >= _MIN_TAGS:
            return Detection("html", "markup")
    return Detection("text", "no markup")


def sniff_format(text: str, content_type: str | None) -> Format:
    return detect(text, content_type).format


_STRUCTURE = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "blockquote", "article", "section")
MIN_BLOB_CHARS = 200
BLOB_SHARE = 0.8
MIN_BRS = 8


def text_blob(root: HtmlElement) -> tuple[HtmlElement, str] | None:
    """(element holding the text, reason) when an HTML body is only a blob of text."""
    body = root.find("body")
    if body is None:
        return None
    total = len(body.text_content().strip())
    if total < MIN_BLOB_CHARS:
        return None
    for pre in body.iter("pre"):
        if len(pre.text_content().strip()) >= BLOB_SHARE * total:
            return pre, "html body is a <pre> text blob"
    structure = sum(1 for _ in body.iter(*_STRUCTURE))
    if structure <= 1 and sum(1 for _ in body.iter("br")) >= MIN_BRS:
        return body, "html body is <br>-separated lines"
    if structure == 0 and sum(1 for _ in body.iter("div", "span", "font", "center", "main")) <= 3:
        return body, "html body is one block of text"
    return None
