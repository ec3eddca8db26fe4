"""The HTML path: fields from the page's own metadata, body from readability, all on one tree."""

from __future__ import annotations

import lxml.html
from lxml.html import HtmlElement

from schemas import Article
from schemas.reasons import NoArticle

from ..fields.assemble import assemble, metadata
from ..guards import check_entities
from ..learned import Models
from ..limits import Limits
from ..mojibake import repair, repair_value
from ..textutil import reading_minutes, word_count
from .fields.page import HtmlPage
from .learned_body import choose_body
from .render import render_text
from .sanitize import sanitize_html

MIN_WORDS = 20


def read_html(root: HtmlElement, url: str, models: Models | None = None, limits: Limits | None = None) -> Article:
    page = HtmlPage.read(root, url)
    assemble(page, "html", body=False)  # every field the page states; a failed body keeps them
    fields = page.found
    try:
        choice = choose_body(root, url, models)
        body = choice.element
        body_text = render_text(body)
        words = word_count(body_text)
        if words < MIN_WORDS:
            raise NoArticle(f"no article found: {words} words of body text")
    except NoArticle as exc:
        raise NoArticle(str(exc), metadata=metadata(page)) from None
    repaired = repair(body_text)  # 'Thatâ€™s': a page double-encoded once (before the fingerprint)
    double_encoded, body_text = repaired is not body_text, repaired
    page.body, page.body_text = body, body_text
    assemble(page, "html", body=True)  # body-dependent sources: first paragraph, body images, ...
    # The body may hold nodes readability never saw (recovered leads, captions): resolve every link here.
    body.make_links_absolute(url, resolve_base_href=False, handle_failures="discard")
    html = lxml.html.tostring(body, encoding="unicode")
    check_entities(html, limits or Limits())
    if double_encoded:  # its markup and its fields are too
        html = repair(html, force=True)
        fields = {name: repair_value(value) for name, value in fields.items()}
    return Article(
        url=url,
        body_text=body_text,
        body_html=sanitize_html(html),
        word_count=words,
        reading_time_minutes=reading_minutes(words),
        input_format="html",
        page_type=choice.page_type,
        page_type_confidence=choice.page_type_confidence,
        provenance=page.provenance,
        **fields,
    )
