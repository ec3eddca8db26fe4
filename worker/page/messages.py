"""Inbound message text to a validated RawPage, and the verbatim copy a dead letter keeps."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from schemas import SUPPORTED_SCHEMA_VERSIONS, RawPage
from schemas.reasons import InvalidMessage, MessageTooLarge, NotJson, UnsupportedSchemaVersion

Message = str | bytes | bytearray | dict[str, Any]


def decode_message(message: Message, max_bytes: int) -> RawPage:
    """Raise NotJson, MessageTooLarge, UnsupportedSchemaVersion or InvalidMessage, else the page."""
    if isinstance(message, dict):
        return _validate(message)
    if isinstance(message, (bytes, bytearray)):
        if len(message) > max_bytes:
            raise MessageTooLarge(f"message of {len(message)} bytes exceeds {max_bytes}")
        try:  # pydantic reads UTF-8 JSON bytes itself: no decoded copy of a 200 KiB page
            return RawPage.model_validate_json(message)
        except ValidationError:
            pass  # not a valid page: the text path below says precisely why
        try:
            message = bytes(message).decode("utf-8")
        except UnicodeDecodeError:
            raise NotJson("message is not UTF-8 text") from None
    if not isinstance(message, str):
        raise InvalidMessage(f"message must be a JSON object, got {type(message).__name__}")
    if len(message) > max_bytes:
        raise MessageTooLarge(f"message of {len(message)} characters exceeds {max_bytes} bytes")
    try:
        return RawPage.model_validate_json(message)
    except ValidationError as exc:
        if any(error["type"] == "json_invalid" for error in exc.errors()):
            raise NotJson(f"message is not valid JSON: {exc.errors()[0]['msg']}") from None
        try:
            data = json.loads(message)
        except ValueError:
            raise NotJson("message is not valid JSON") from None
        _check_version(data)
        raise InvalidMessage(_summary(exc)) from None


def _validate(data: dict[str, Any]) -> RawPage:
    _check_version(data)
    try:
        return RawPage.model_validate(data)
    except ValidationError as exc:
        raise InvalidMessage(_summary(exc)) from None


def _check_version(data: Any) -> None:
    if not isinstance(data, dict):
        raise InvalidMessage(f"message must be a JSON object, got {type(data).__name__}")
    version = data.get("schema_version", 1)
    if isinstance(version, (list, dict, bool)) or version not in SUPPORTED_SCHEMA_VERSIONS:
        supported = sorted(SUPPORTED_SCHEMA_VERSIONS)
        raise UnsupportedSchemaVersion(f"schema_version {version!r} is not supported (supported: {supported})")


def _summary(exc: ValidationError) -> str:
    """Field paths and causes only: the offending values may be huge or sensitive."""
    parts = []
    for error in exc.errors(include_input=False, include_url=False)[:5]:
        where = ".".join(str(p) for p in error["loc"]) or "message"
        parts.append(f"{where}: {error['msg']}")
    return "invalid RawPage: " + "; ".join(parts)


@dataclass(frozen=True)
class Original:
    """The received message as a dead letter stores it."""

    text: str
    encoding: Literal["utf-8", "base64"]
    size: int
    truncated: bool


def original_of(message: Any, max_bytes: int) -> Original:
    if isinstance(message, dict):
        message = json.dumps(message, ensure_ascii=False)
    if isinstance(message, str):
        data = message.encode("utf-8", "surrogatepass")
    elif isinstance(message, (bytes, bytearray)):
        data = bytes(message)
    else:
        data = json.dumps(message, default=repr).encode()
    kept = data[:max_bytes]
    try:
        return Original(kept.decode("utf-8"), "utf-8", len(data), len(kept) < len(data))
    except UnicodeDecodeError:
        if len(kept) < len(data):  # cut inside a character: drop the partial tail
            text = kept.decode("utf-8", "ignore")
            if text.encode("utf-8") == kept[: len(text.encode("utf-8"))]:
                return Original(text, "utf-8", len(data), True)
        return Original(base64.b64encode(kept).decode("ascii"), "base64", len(data), len(kept) < len(data))
