"""Every article field, its fallback chain on each path, and its sources: the one list the
assembler reads for HTML pages and for flattened-text pages alike.

Adding a field: the `Article` schema, one field module with its sources, one `Field` entry here,
a test. Order matters: a field's sources may read the fields listed before it (`page.found`), e.g.
the direction from the language, the text path's headline after its dateline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..html.fields import authors as html_authors
from ..html.fields import dates as html_dates
from ..html.fields import language as html_language
from ..html.fields import links as html_links
from ..html.fields import site as html_site
from ..html.fields import structure as html_structure
from ..html.fields import summary as html_summary
from ..html.fields import title as html_title
from ..text import sources as text
from .chain import Found, Source, first
from .fingerprint import simhash
from .lexicon import RTL_LANGUAGES

Path = Literal["html", "text"]


@dataclass(frozen=True)
class Field:
    """One `Article` field. `precision`: the sources give (value, precision) pairs and the second
    part fills this companion field (dates)."""

    name: str
    html: Sequence[Source[Any, Any]] = ()
    text: Sequence[Source[Any, Any]] = ()
    precision: str | None = None

    def sources(self, path: Path) -> Sequence[Source[Any, Any]]:
        return self.html if path == "html" else self.text


def _direction(page: Any) -> str | None:
    """Both paths: the script direction of the language found."""
    language = page.found.get("language")
    if not isinstance(language, str) or not language:
        return None
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


FIELDS: tuple[Field, ...] = (
    Field("dateline", text=[Source("text", text.dateline)]),
    Field("credit", text=[Source("text", text.credit)]),
    Field("title", html=html_title.TITLE, text=[Source("text", text.title)]),
    Field("authors", html=html_authors.AUTHORS, text=[Source("text:byline", text.authors)]),
    Field("publisher", html=html_site.PUBLISHER),
    Field(
        "date_published",
        html=html_dates.PUBLISHED,
        text=[Source("text", text.date_published)],
        precision="date_published_precision",
    ),
    Field("date_modified", html=html_dates.MODIFIED, precision="date_modified_precision"),
    Field("language", html=html_language.LANGUAGE, text=[Source("text:stopwords", lambda page: page.reading.language)]),
    Field(
        "direction",
        html=[*html_language.DIRECTION, Source("language", _direction)],
        text=[Source("language", _direction)],
    ),
    Field("description", html=html_summary.DESCRIPTION),
    Field("section", html=html_summary.SECTION),
    Field("keywords", html=html_summary.KEYWORDS),
    Field("canonical_url", html=html_links.CANONICAL),
    Field("images", html=[Source("body", html_structure.images, needs_body=True)]),
    Field("lead_image", html=html_links.LEAD_IMAGE),
    Field(
        "subheadings",
        html=[Source("body", html_structure.subheadings, needs_body=True)],
        text=[Source("text", text.subheadings)],
    ),
    Field(
        "fingerprint",
        html=[Source("body", lambda page: simhash(page.body_text), needs_body=True)],
        text=[Source("text", lambda page: simhash(page.body_text))],
    ),
    Field(
        "captions",
        html=[Source("body", html_structure.captions, needs_body=True)],
        text=[Source("text", text.captions)],
    ),
)

BY_NAME: dict[str, Field] = {spec.name: spec for spec in FIELDS}


def read_field(name: str, page: Any, path: Path = "html", *, body: bool | None = None) -> Found[Any] | None:
    """One field's chain on its own (tests, tools): the value and its source, or None."""
    return first(BY_NAME[name].sources(path), page, body=body)
