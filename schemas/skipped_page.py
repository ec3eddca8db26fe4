"""`SkippedPage`: a page read fine, of a type that is not published as an article (ACCEPT_PAGE_TYPES).

Not a failure: it goes to its own stream, never to the dead letters, with its type, the model's
confidence and the metadata found, so a consumer can still index a product page's title or a
forum thread's date.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from .article import PageType
from .base import WireModel
from .metadata import PageMetadata


class SkippedPage(WireModel):
    schema_version: Literal[1] = 1
    event_id: str = Field(description="As an ArticleEvent's: the same for the same job and content.")
    job_id: str
    url: str
    page_type: PageType = Field(description="What the page is; not one of ACCEPT_PAGE_TYPES.")
    page_type_confidence: float | None = Field(None, ge=0, le=1, description="The page-type model's probability.")
    metadata: PageMetadata
    word_count: int = Field(ge=0, description="Words of the main text found.")
    skipped_at: datetime
    worker: str | None = Field(None, description="Node name of the worker that read the page.")
    attempts: int = Field(1, ge=1, description="Executions of this message, redeliveries included.")
    producer: str | None = None
    attributes: dict[str, Any] = Field(default_factory=dict, description="The producer's attributes, unchanged.")
