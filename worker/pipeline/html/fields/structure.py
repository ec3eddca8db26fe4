"""Fields read from the article body once it is known: its images, sub-headings and captions."""

from __future__ import annotations

from schemas import Image

from ...textutil import clean_value
from ..images import body_images
from .page import HtmlPage


def images(page: HtmlPage) -> list[Image]:
    return body_images(page.body, page.url) if page.body is not None else []


def subheadings(page: HtmlPage) -> list[str]:
    if page.body is None:
        return []
    return [h for e in page.body.iter("h2", "h3", "h4") if (h := clean_value(e.text_content(), 300))]


def captions(page: HtmlPage) -> list[str]:
    if page.body is None:
        return []
    return [c for e in page.body.iter("figcaption") if (c := clean_value(e.text_content(), 1000))]
