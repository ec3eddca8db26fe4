"""Images inside the article body, with caption, alt text and size where the page gives them."""

from __future__ import annotations

from lxml.html import HtmlElement

from schemas import Image

from ..textutil import clean_value
from .fields.links import absolute_url

_SRC_ATTRS = ("src", "data-src", "data-original", "data-lazy-src")
MAX_IMAGES = 50


def body_images(body: HtmlElement, base_url: str) -> list[Image]:
    images: list[Image] = []
    seen: set[str] = set()
    for img in body.iter("img"):
        url = next((u for a in _SRC_ATTRS if (u := absolute_url(base_url, img.get(a)))), None)
        if not url or url in seen:
            continue
        seen.add(url)
        images.append(
            Image(
                url=url,
                alt=clean_value(img.get("alt"), 500),
                caption=_caption(img),
                width=_dimension(img.get("width")),
                height=_dimension(img.get("height")),
            )
        )
        if len(images) >= MAX_IMAGES:
            break
    return images


def _caption(img: HtmlElement) -> str | None:
    for ancestor in img.iterancestors("figure"):
        caption = ancestor.find(".//figcaption")
        return clean_value(caption.text_content(), 1000) if caption is not None else None
    return None


def _dimension(value: str | None) -> int | None:
    value = (value or "").strip().removesuffix("px")
    return int(value) if value.isdigit() and len(value) < 7 else None
