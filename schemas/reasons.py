"""Reason codes and the typed errors that carry them: one place per reason.

A reason code is part of the wire contract (a dead letter's `reason`, stable strings consumers may
switch on); its error class is how code says it, with whether a retry may help. Modelled on
dramatiq's errors module: one small class per cause, so callers switch on the type or on `reason`,
never on message text. Adding a reason: its code and class here, a row in the README's table of
reasons (a test checks it), `make schema`, and the code that raises it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, ClassVar


class Reason(StrEnum):
    NOT_JSON = "not_json"
    INVALID_MESSAGE = "invalid_message"
    UNSUPPORTED_SCHEMA_VERSION = "unsupported_schema_version"
    MESSAGE_TOO_LARGE = "message_too_large"
    PAGE_TOO_LARGE = "page_too_large"
    DECOMPRESSION_FAILED = "decompression_failed"
    UNDECODABLE = "undecodable"
    UNSUPPORTED_CONTENT = "unsupported_content"
    EMPTY_PAGE = "empty_page"
    DOCUMENT_TOO_COMPLEX = "document_too_complex"
    HOSTILE_MARKUP = "hostile_markup"
    NO_ARTICLE = "no_article"
    TIMEOUT = "timeout"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    PUBLISH_FAILED = "publish_failed"
    REFUSED_CONTENT_TYPE = "refused_content_type"
    UNKNOWN_TASK = "unknown_task"
    CLAIM_MISSING = "claim_missing"
    INTERNAL_ERROR = "internal_error"


class ArticleWorkerError(Exception):
    """Base of every error this project raises on purpose; on its own, a bug of ours (retryable)."""

    reason: ClassVar[Reason] = Reason.INTERNAL_ERROR
    retryable: ClassVar[bool] = True


class MessageError(ArticleWorkerError):
    """The message itself is wrong; the same bytes will always fail."""

    retryable = False


class NotJson(MessageError):
    reason = Reason.NOT_JSON


class InvalidMessage(MessageError):
    reason = Reason.INVALID_MESSAGE


class UnsupportedSchemaVersion(MessageError):
    reason = Reason.UNSUPPORTED_SCHEMA_VERSION


class MessageTooLarge(MessageError):
    reason = Reason.MESSAGE_TOO_LARGE


class RefusedContentType(MessageError):
    """A broker message in a serialisation we refuse (pickle, yaml, ...)."""

    reason = Reason.REFUSED_CONTENT_TYPE


class UnknownTask(MessageError):
    """A broker message that is not one of our task messages."""

    reason = Reason.UNKNOWN_TASK


class ClaimMissing(MessageError):
    """A claim-check message whose page is no longer in Redis (expired, or deleted by hand)."""

    reason = Reason.CLAIM_MISSING


class PageError(ArticleWorkerError):
    """The page cannot be read as an article; permanent for these bytes."""

    retryable = False


class PageTooLarge(PageError):
    reason = Reason.PAGE_TOO_LARGE


class DecompressionFailed(PageError):
    reason = Reason.DECOMPRESSION_FAILED


class Undecodable(PageError):
    reason = Reason.UNDECODABLE


class UnsupportedContent(PageError):
    """Binary or non-text content (PDF, images, archives) sent as a page."""

    reason = Reason.UNSUPPORTED_CONTENT


class EmptyPage(PageError):
    reason = Reason.EMPTY_PAGE


class DocumentTooComplex(PageError):
    """Too many nodes or too deep a tree to process within our limits."""

    reason = Reason.DOCUMENT_TOO_COMPLEX


class HostileMarkup(PageError):
    """Markup built to be expensive rather than read (an element with thousands of attributes, millions of
    entity references): refused by a cheap scan before the stages it would stall."""

    reason = Reason.HOSTILE_MARKUP


class NoArticle(PageError):
    """No article text; `metadata` keeps the fields that were found anyway (Article's field names),
    so a failed body does not lose the title or the date."""

    reason = Reason.NO_ARTICLE

    def __init__(self, message: str, metadata: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.metadata: dict[str, Any] = metadata or {}


class ExtractionTimeout(PageError):
    """The page took longer than a time limit (`SOFT_TIME_LIMIT`, or `HARD_TIME_LIMIT`: its pool process
    was killed)."""

    reason = Reason.TIMEOUT
    retryable = True

    @classmethod
    def over(cls, limit: str, seconds: float, then: str = "") -> ExtractionTimeout:
        return cls(f"extraction exceeded {limit}={seconds}s" + (f"; {then}" if then else ""))


class TooManyAttempts(ArticleWorkerError):
    """The message was started too often (crashes, redeliveries): treat it as poison."""

    reason = Reason.TOO_MANY_ATTEMPTS
    retryable = True


class PublishFailed(ArticleWorkerError):
    """Redis refused or dropped a write; the page itself is fine."""

    reason = Reason.PUBLISH_FAILED
    retryable = True
    #: the page's job id and URL once it was read, for the retry's log line (a claim-checked
    #: message names neither)
    job_id: str | None = None
    url: str | None = None


class InternalError(ArticleWorkerError):
    """A bug of ours met an input; replaying after a fix may succeed."""

    reason = Reason.INTERNAL_ERROR
    retryable = True
