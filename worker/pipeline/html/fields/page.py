"""What an HTML field rule reads: the page's own statements (`facts`), its tree, and once known,
the article body; plus the fields already assembled, for rules that depend on another field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from ..facts import PageFacts, gather


@dataclass
class HtmlPage:
    root: HtmlElement
    url: str
    facts: PageFacts
    found: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)
    body: HtmlElement | None = None
    body_text: str | None = None
    #: what more than one rule reads, computed once (e.g. the text around the headline)
    cache: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, root: HtmlElement, url: str) -> HtmlPage:
        return cls(root, url, gather(root, url))
