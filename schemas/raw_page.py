"""`RawPage`: what a producer enqueues."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator

from .base import WireModel

JobId = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\s\x00-\x1f\x7f]+$")]
#: A metadata string: no control characters (a NUL in a charset label breaks codec lookups; HTTP allows none).
Label = Annotated[str, Field(pattern=r"^[^\x00-\x1f\x7f]*$")]
#: A header name or value: as HTTP allows (tab is the one control character a value may hold).
HeaderText = Annotated[str, Field(pattern=r"^[^\x00-\x08\x0a-\x1f\x7f]*$")]


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RawPage(WireModel):
    """A fetched page as a producer hands it over; exactly one of `content`/`content_b64`."""

    schema_version: Literal[1] = Field(1, description="Wire-format version of this message.")
    url: str = Field(max_length=8192, description="The page's URL (http or https); base for relative links.")
    job_id: JobId | None = Field(
        None, description="Producer's id for this job; derived from url and content when absent."
    )
    content: str | None = Field(None, description="The page as text (HTML or plain text).")
    content_b64: str | None = Field(None, description="The page as base64 bytes, for undecoded or compressed pages.")
    content_encoding: Literal["identity", "gzip"] | None = Field(
        None, description="Compression of the `content_b64` bytes."
    )
    charset: Label | None = Field(None, max_length=64, description="Declared charset of the bytes, if known.")
    content_type: Label | None = Field(
        None,
        max_length=256,
        description="`text/html`, `text/plain` (parameters allowed); absent means detect.",
    )
    fetched_at: datetime | None = Field(None, description="When the producer fetched the page.")
    headers: dict[HeaderText, HeaderText] = Field(default_factory=dict, description="Selected HTTP response headers.")
    producer: Label | None = Field(None, max_length=200, description="Name of the producing system.")
    attributes: dict[str, Any] = Field(
        default_factory=dict, description="Free-form JSON passed through unchanged to the event."
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if _CONTROL.search(value.strip()):
            raise ValueError("url must not hold control characters")
        parts = urlsplit(value.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise ValueError("url must be an absolute http(s) URL")
        return value.strip()

    @model_validator(mode="after")
    def _one_content(self) -> RawPage:
        if (self.content is None) == (self.content_b64 is None):
            raise ValueError("exactly one of content or content_b64 is required")
        if self.content_encoding not in (None, "identity") and self.content_b64 is None:
            raise ValueError("content_encoding applies to content_b64 only")
        return self
