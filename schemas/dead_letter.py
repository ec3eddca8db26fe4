"""`DeadLetter`: a message that produced no article, with why, and the message itself."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .base import WireModel
from .metadata import PageMetadata
from .reasons import Reason


class DeadLetter(WireModel):
    schema_version: Literal[1] = 1
    reason: Reason
    error: str = Field(description="Human-readable cause; never contains credentials.")
    retryable: bool = Field(description="True when replaying the message later may succeed.")
    attempts: int = Field(ge=0)
    worker: str | None = None
    failed_at: datetime
    stage: Literal["intake", "broker", "task"] = Field(description="Where the message failed.")
    job_id: str | None = None
    url: str | None = None
    task_id: str | None = None
    original: str = Field(description="The message as received, verbatim (see original_encoding).")
    original_encoding: Literal["utf-8", "base64"] = "utf-8"
    original_size: int = Field(ge=0, description="Size in bytes of the message as received.")
    original_truncated: bool = Field(False, description="True when only a prefix is kept (oversized messages).")
    metadata: PageMetadata | None = Field(
        None, description="`no_article`: what was found on the page anyway (title, dates...); else null."
    )
