from __future__ import annotations

import base64
import gzip
import zlib

import pytest

from schemas import RawPage, Reason
from schemas.reasons import ArticleWorkerError
from worker.pipeline.charset import decode_page
from worker.pipeline.limits import Limits
from worker.pipeline.payload import page_payload

LIMITS = Limits(max_page_bytes=64 * 1024)
FRENCH = "Le café est très bon, et le thé aussi : à déguster à l'été, près de la fenêtre."


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def page(**fields: object) -> RawPage:
    return RawPage.model_validate({"url": "https://e.org/", **fields})


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"content": "<p>x</p>"}, "<p>x</p>"),
        ({"content_b64": b64(b"<p>x</p>")}, b"<p>x</p>"),
        ({"content_b64": b64(gzip.compress(b"<p>x</p>")), "content_encoding": "gzip"}, b"<p>x</p>"),
        ({"content_b64": b64(gzip.compress(b"<p>y</p>"))}, b"<p>y</p>"),  # gzip magic without a label
        ({"content_b64": b64(zlib.compress(b"<p>z</p>")), "content_encoding": "gzip"}, b"<p>z</p>"),
    ],
)
def test_payload_decodes(fields: dict[str, object], expected: object) -> None:
    assert page_payload(page(**fields), LIMITS) == expected


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"content": "x" * (64 * 1024 + 1)}, Reason.PAGE_TOO_LARGE),
        ({"content": "é" * (40 * 1024)}, Reason.PAGE_TOO_LARGE),  # 80 KiB of UTF-8 in 40 Ki characters
        ({"content_b64": b64(b"x" * (64 * 1024 + 10))}, Reason.PAGE_TOO_LARGE),
        (
            {"content_b64": b64(gzip.compress(b"\x00" * (10 * 1024 * 1024))), "content_encoding": "gzip"},
            Reason.PAGE_TOO_LARGE,
        ),
        ({"content_b64": b64(b"\x1f\x8bnot really gzip"), "content_encoding": "gzip"}, Reason.DECOMPRESSION_FAILED),
        (
            {"content_b64": b64(gzip.compress(b"<p>cut</p>" * 100)[:-30]), "content_encoding": "gzip"},
            Reason.DECOMPRESSION_FAILED,
        ),
        ({"content_b64": "!!!not base64!!!"}, Reason.UNDECODABLE),
    ],
)
def test_payload_refuses(fields: dict[str, object], reason: Reason) -> None:
    with pytest.raises(ArticleWorkerError) as caught:
        page_payload(page(**fields), LIMITS)
    assert caught.value.reason is reason


@pytest.mark.parametrize(
    "data, declared, text",
    [
        ("café".encode(), None, "café"),
        ("café".encode("cp1252"), "windows-1252", "café"),
        ("café".encode(), "iso-8859-1", "café"),  # a lying Latin-1 header on a UTF-8 page
        (FRENCH.encode("cp1252"), "utf-8", FRENCH),  # a lying UTF-8 header on a Latin-1 page
        (b'<meta charset="windows-1251">' + "Привет".encode("cp1251"), None, "Привет"),
        ("\ufeffcafé".encode(), None, "café"),
        ("café".encode("utf-16"), None, "café"),
        ("日本語のテキスト".encode("shift_jis"), "shift_jis", "日本語のテキスト"),
    ],
)
def test_charset(data: bytes, declared: str | None, text: str) -> None:
    decoded, _ = decode_page(data, declared)
    assert text in decoded


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"PK\x03\x04\x14\x00",
        bytes(range(256)) * 4,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(ArticleWorkerError) as caught:
        decode_page(data, None)
    assert caught.value.reason is Reason.UNSUPPORTED_CONTENT
