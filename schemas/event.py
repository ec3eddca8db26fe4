"""`ArticleEvent`: what the results stream carries for each page read."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from .article import Article
from .base import WireModel


class Extractor(WireModel):
    name: str
    version: str


class ArticleEvent(WireModel):
    schema_version: Literal[1] = 1
    event_id: str = Field(description="Same for the same job and content: consumers drop duplicates by it.")
    job_id: str
    url: str
    produced_at: datetime
    extractor: Extractor
    worker: str | None = Field(None, description="Node name of the worker that produced the event.")
    attempts: int = Field(1, ge=1, description="Executions of this message, redeliveries included.")
    duration_ms: float = Field(ge=0, description="Time spent in the extraction pipeline.")
    fetched_at: datetime | None = None
    producer: str | None = None
    article: Article
    attributes: dict[str, Any] = Field(default_factory=dict, description="The producer's attributes, unchanged.")
