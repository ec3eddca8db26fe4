"""`Article`: the structured result of extracting one page."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import WireModel

#: ISO 8601 date or date-time; a time appears only when the page gave one, an offset only when known.
IsoDate = Annotated[
    str,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$"),
]
Precision = Literal["date", "datetime"]
#: What kind of page the main text came from (the seven types of the WCXB benchmark).
PageType = Literal["article", "forum", "product", "collection", "listing", "documentation", "service"]
PAGE_TYPES: tuple[PageType, ...] = ("article", "forum", "product", "collection", "listing", "documentation", "service")


class Author(WireModel):
    name: str = Field(min_length=1, description="Person or organisation, without 'By' or dates.")
    url: str | None = Field(None, description="Profile page, when the page links one.")


class Image(WireModel):
    url: str = Field(description="Absolute URL of the image.")
    alt: str | None = None
    caption: str | None = None
    width: int | None = Field(None, ge=0)
    height: int | None = Field(None, ge=0)


class Dateline(WireModel):
    location: str = Field(min_length=1, description="Place the story was filed from, e.g. 'Beirut'.")
    text: str = Field(description="The dateline as written, e.g. 'LONDON (Reuters) -'.")


class Article(WireModel):
    """Every field is `null` (or empty) when the page does not say; never a placeholder."""

    url: str
    canonical_url: str | None = None
    title: str | None = None
    authors: list[Author] = Field(default_factory=list)
    publisher: str | None = Field(None, description="Publisher or site name.")
    date_published: IsoDate | None = None
    date_published_precision: Precision | None = None
    date_modified: IsoDate | None = None
    date_modified_precision: Precision | None = None
    language: str | None = Field(None, description="BCP 47 tag, e.g. 'en' or 'pt-BR'.")
    direction: Literal["ltr", "rtl"] | None = None
    description: str | None = None
    section: str | None = None
    keywords: list[str] = Field(default_factory=list)
    lead_image: Image | None = None
    images: list[Image] = Field(default_factory=list, description="Images inside the article body.")
    body_text: str = Field(min_length=1, description="Article text; paragraphs separated by a blank line.")
    body_html: str | None = Field(None, description="Cleaned, sanitised article HTML with absolute links.")
    word_count: int = Field(ge=0)
    reading_time_minutes: int = Field(ge=0)
    dateline: Dateline | None = None
    credit: str | None = Field(None, description="Agency or source credit, e.g. 'AFP'.")
    subheadings: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    fingerprint: str | None = Field(
        None,
        pattern=r"^[0-9a-f]{16}$",
        description="64-bit SimHash of the body's 3-word shingles, 16 hex digits: copies of one story "
        "differ in few bits (README: Fingerprint).",
    )
    input_format: Literal["html", "text"] = Field(description="Which extraction path read the page.")
    page_type: PageType = Field("article", description="What kind of page this is; only some kinds are published.")
    page_type_confidence: float | None = Field(
        None,
        ge=0,
        le=1,
        description="The page-type model's probability for `page_type` (null: not measured, e.g. flattened "
        "text, or a bare document that is nothing but its article).",
    )
    provenance: dict[str, str] = Field(
        default_factory=dict, description="Field name -> source that filled it (json-ld, meta, heuristic, ...)."
    )
