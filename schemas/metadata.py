"""`PageMetadata`: what was found on a page besides its body, in `Article`'s field names.

Carried by a `SkippedPage` (a page of a type that is not published as an article) and by a
`no_article` `DeadLetter` (a page whose body could not be read), so a page that yields no article
still gives its title, authors, dates and canonical URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import Field, ValidationError

from .article import Article, Author, IsoDate, Precision
from .base import WireModel

EMPTY: tuple[Any, ...] = (None, "", [])


class PageMetadata(WireModel):
    """Every field is `null` (or empty) when the page does not say, as in `Article`."""

    title: str | None = None
    authors: list[Author] = Field(default_factory=list)
    publisher: str | None = Field(None, description="Publisher or site name.")
    date_published: IsoDate | None = None
    date_published_precision: Precision | None = None
    date_modified: IsoDate | None = None
    date_modified_precision: Precision | None = None
    canonical_url: str | None = None
    language: str | None = Field(None, description="BCP 47 tag, e.g. 'en' or 'pt-BR'.")
    description: str | None = None

    @classmethod
    def of(cls, article: Article) -> PageMetadata:
        return cls.model_validate({name: getattr(article, name) for name in cls.model_fields})

    @classmethod
    def found(cls, values: Mapping[str, Any]) -> PageMetadata | None:
        """From what the pipeline found (`NoArticle.metadata`): our fields of it, a value this model refuses
        left out rather than losing the rest (the fields are independent); None when nothing is left."""
        kept = {name: value for name, value in values.items() if name in cls.model_fields and value not in EMPTY}
        try:
            return cls.model_validate(kept) if kept else None
        except ValidationError as exc:
            refused = {error["loc"][0] for error in exc.errors() if error["loc"]}
            kept = {name: value for name, value in kept.items() if name not in refused}
            return cls.model_validate(kept) if kept else None
