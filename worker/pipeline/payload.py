"""The page's bytes (or text) out of a RawPage: base64, gzip and size limits."""

from __future__ import annotations

import base64
import binascii
import zlib

from schemas import RawPage
from schemas.reasons import DecompressionFailed, PageTooLarge, Undecodable

from .limits import Limits

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


def page_payload(raw: RawPage, limits: Limits) -> str | bytes:
    """Text as sent, or decoded bytes; never more than `limits.max_page_bytes`."""
    if raw.content is not None:
        # A str holds at least one byte per character: the cheap bound first, the exact one if close.
        if len(raw.content) > limits.max_page_bytes or (
            len(raw.content) * 4 > limits.max_page_bytes
            and len(raw.content.encode("utf-8", "surrogatepass")) > limits.max_page_bytes
        ):
            raise PageTooLarge(f"page text exceeds {limits.max_page_bytes} bytes")
        return raw.content
    encoded = raw.content_b64 or ""
    if raw.content_encoding != "gzip" and len(encoded) * 3 // 4 > limits.max_page_bytes + 3:
        raise PageTooLarge(f"page bytes exceed {limits.max_page_bytes} bytes")
    try:
        data = base64.b64decode(encoded, validate=False)
    except (binascii.Error, ValueError) as exc:
        raise Undecodable(f"content_b64 is not valid base64: {exc}") from None
    if raw.content_encoding == "gzip" or data.startswith(GZIP_MAGIC):
        return gunzip(data, limits.max_page_bytes)
    if len(data) > limits.max_page_bytes:
        raise PageTooLarge(f"page bytes exceed {limits.max_page_bytes} bytes")
    return data


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Inflate gzip (or zlib) data in bounded chunks, so a bomb costs at most `max_bytes`."""
    inflater = zlib.decompressobj(wbits=47)  # 32 + 15: accept gzip and zlib headers
    out = bytearray()
    pending = data
    try:
        while pending:
            out += inflater.decompress(pending, _CHUNK)
            if len(out) > max_bytes:
                raise PageTooLarge(f"page inflates beyond {max_bytes} bytes (compression bomb?)")
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        if not inflater.eof:
            raise DecompressionFailed("gzip stream is truncated")
    except zlib.error as exc:
        raise DecompressionFailed(f"gzip stream is corrupt: {exc}") from None
    return bytes(out)
