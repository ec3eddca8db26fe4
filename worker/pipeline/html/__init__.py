"""The HTML path: fields from the page's own metadata, body from readability, all on one tree."""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml.html import HtmlElement

from schemas import Article
from schemas.reasons import NoArticle

from ..learned import Models
from ..textutil import clean_value, reading_minutes, word_count
from .facts import gather
from .fields.authors import read_authors
from .fields.dates import read_modified, read_published
from .fields.language import direction, read_language
from .fields.links import read_canonical, read_lead_image
from .fields.site import read_publisher
from .fields.summary import first_paragraph, read_description, read_keywords, read_section
from .fields.title import read_title
from .images import body_images
from .learned_body import choose_body
from .render import render_text
from .sanitize import sanitize_html

MIN_WORDS = 20


def read_html(root: HtmlElement, url: str, models: Models | None = None) -> Article:
    facts = gather(root, url)
    fields: dict[str, Any] = {}
    provenance: dict[str, str] = {}

    def keep(name: str, found: Any, value: Any = None) -> None:
        if found is not None:
            fields[name] = found.value if value is None else value
            provenance[name] = found.source

    keep("title", read_title(facts, root))
    keep("authors", read_authors(facts, root))
    keep("publisher", read_publisher(facts, root))
    for name, found in (("date_published", read_published(facts, root)), ("date_modified", read_modified(facts, root))):
        if found is not None:
            fields[name], fields[f"{name}_precision"] = found.value
            provenance[name] = found.source
    keep("language", read_language(facts, root))
    keep("description", read_description(facts, root))
    keep("section", read_section(facts, root))
    keep("keywords", read_keywords(facts))
    keep("canonical_url", read_canonical(facts, root))
    keep("lead_image", read_lead_image(facts, root))

    choice = choose_body(root, url, models)
    body = choice.element
    body_text = render_text(body)
    words = word_count(body_text)
    if words < MIN_WORDS:
        raise NoArticle(f"no article found: {words} words of body text")
    if "description" not in fields and (lead := first_paragraph(body)):
        fields["description"], provenance["description"] = lead, "body"
    images = body_images(body, url)
    if "lead_image" not in fields and images:
        fields["lead_image"], provenance["lead_image"] = images[0], "body"
    # The body may hold nodes readability never saw (recovered leads, captions): resolve every link here.
    body.make_links_absolute(url, resolve_base_href=False, handle_failures="discard")
    return Article(
        url=url,
        direction=direction(facts, fields.get("language")),
        body_text=body_text,
        body_html=sanitize_html(lxml.html.tostring(body, encoding="unicode")),
        word_count=words,
        reading_time_minutes=reading_minutes(words),
        images=images,
        subheadings=[h for e in body.iter("h2", "h3", "h4") if (h := clean_value(e.text_content(), 300))],
        captions=[c for e in body.iter("figcaption") if (c := clean_value(e.text_content(), 1000))],
        input_format="html",
        page_type=choice.page_type,
        page_type_confidence=choice.page_type_confidence,
        provenance=provenance,
        **fields,
    )
