from __future__ import annotations

import base64
import json

import pytest

from schemas import Reason
from schemas.reasons import ArticleWorkerError
from worker.page.messages import decode_message, original_of

LIMIT = 100_000
PAGE = {"url": "https://example.org/a", "content": "<p>hello</p>"}


@pytest.mark.parametrize(
    "message, reason",
    [
        ("not json", Reason.NOT_JSON),
        ("{", Reason.NOT_JSON),
        (b"\xff\xfe\x00garbage", Reason.NOT_JSON),
        (b'{"url": "https://example.org/a", "content": "\xff"}', Reason.NOT_JSON),
        (b'{"url": "https://example.org/a", "content": "\xed\xa0\x80"}', Reason.NOT_JSON),
        ("[1, 2]", Reason.INVALID_MESSAGE),
        ('"just a string"', Reason.INVALID_MESSAGE),
        (json.dumps({"content": "x"}), Reason.INVALID_MESSAGE),
        (json.dumps({**PAGE, "url": "file:///etc/passwd"}), Reason.INVALID_MESSAGE),
        (json.dumps({**PAGE, "schema_version": 99}), Reason.UNSUPPORTED_SCHEMA_VERSION),
        (json.dumps({**PAGE, "schema_version": "1"}), Reason.UNSUPPORTED_SCHEMA_VERSION),
        ({**PAGE, "schema_version": 0}, Reason.UNSUPPORTED_SCHEMA_VERSION),
        ("x" * (LIMIT + 1), Reason.MESSAGE_TOO_LARGE),
        (b"x" * (LIMIT + 1), Reason.MESSAGE_TOO_LARGE),
        (12345, Reason.INVALID_MESSAGE),
    ],
)
def test_bad_messages_get_typed_errors(message: object, reason: Reason) -> None:
    with pytest.raises(ArticleWorkerError) as caught:
        decode_message(message, LIMIT)  # type: ignore[arg-type]
    assert caught.value.reason is reason
    assert caught.value.retryable is False


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[1, 2]",
        json.dumps({"content": "x"}),
        json.dumps({**PAGE, "schema_version": 99}),
        json.dumps({**PAGE, "content": "caf\u00e9 \ud83d\ude00"}),
        json.dumps({**PAGE, "content": "caf\u00e9 \u4e2d\u6587 \U0001f600"}, ensure_ascii=False),
        json.dumps({**PAGE, "schema_version": 99, "content": "\u00e9"}, ensure_ascii=False),
        json.dumps({"url": "\u00e9", "content": "\u00e9"}, ensure_ascii=False),
        '{"url": "https://example.org/a", "content": "lone \\ud800 surrogate"}',
        "\ufeff" + json.dumps(PAGE),
    ],
)
def test_bytes_are_read_as_their_utf8_text(text: str) -> None:
    """Bytes skip the decoded copy (pydantic reads them); outcome and page must be the text's."""

    def outcome(message: str | bytes) -> object:
        try:
            return decode_message(message, LIMIT)
        except ArticleWorkerError as exc:
            return exc.reason

    assert outcome(text.encode("utf-8", "surrogatepass")) == outcome(text)


@pytest.mark.parametrize("message", [json.dumps(PAGE), json.dumps(PAGE).encode(), PAGE])
def test_good_message_in_every_form(message: object) -> None:
    assert decode_message(message, LIMIT).url == PAGE["url"]  # type: ignore[arg-type]


def test_validation_error_does_not_echo_the_content() -> None:
    secret = "s3cr3t-page-body"
    with pytest.raises(ArticleWorkerError) as caught:
        decode_message(json.dumps({"url": "ftp://x", "content": secret}), LIMIT)
    assert secret not in str(caught.value)


@pytest.mark.parametrize(
    "message, text, encoding, truncated",
    [
        ("plain text", "plain text", "utf-8", False),
        (b"caf\xc3\xa9", "café", "utf-8", False),
        (b"\xff\x00\x01", base64.b64encode(b"\xff\x00\x01").decode(), "base64", False),
        ("é" * 3000, "é" * 2048, "utf-8", True),
    ],
)
def test_original_is_kept_verbatim(message: object, text: str, encoding: str, truncated: bool) -> None:
    original = original_of(message, 4096)
    assert (original.text, original.encoding, original.truncated) == (text, encoding, truncated)
