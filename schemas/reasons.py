"""Reason codes carried by dead letters; stable strings that consumers may switch on."""

from __future__ import annotations

from enum import StrEnum


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
    NO_ARTICLE = "no_article"
    TIMEOUT = "timeout"
    TOO_MANY_ATTEMPTS = "too_many_attempts"
    PUBLISH_FAILED = "publish_failed"
    REFUSED_CONTENT_TYPE = "refused_content_type"
    UNKNOWN_TASK = "unknown_task"
    CLAIM_MISSING = "claim_missing"
    INTERNAL_ERROR = "internal_error"
