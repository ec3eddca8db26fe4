"""Pages from WARC (and ARC) files, the crawl archive format, read with warcio.

Only HTTP 200 responses with an HTML or plain-text body become pages; every other record is
reported as skipped with its reason, so a crawl's archive can be enqueued as it is.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from schemas import RawPage

from .skips import NON_HTML, NON_RESPONSE, NOT_200, TOO_LARGE, UNREADABLE, Skipped

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
KEPT_HEADERS = ("content-type", "last-modified", "content-language", "etag")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def warc_pages(path: Path, max_bytes: int, advance: Callable[[int], object]) -> Iterator[RawPage | Skipped]:
    """One RawPage per usable response; `advance` gets the archive bytes read, for a progress bar."""
    from warcio.archiveiterator import ArchiveIterator

    done = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                item = _page(record, max_bytes, path.name)
                if isinstance(item, Skipped):  # the offset is known once the record is read; `warcio extract` takes it
                    item = replace(item, source=f"{path}@{records.get_record_offset()}")
                yield item
                advance(stream.tell() - done)
                done = stream.tell()
    # An unreadable file or a corrupt or truncated archive; warcio can also fail with AttributeError and
    # the like on one, so anything it raises ends this archive, after the records read so far.
    except Exception as exc:
        yield Skipped(str(path), UNREADABLE, f"{type(exc).__name__}: {str(exc)[:200]}")
    advance(max(0, path.stat().st_size - done) if path.exists() else 0)


def _page(record: object, max_bytes: int, archive: str) -> RawPage | Skipped:
    source = archive
    rec_type = getattr(record, "rec_type", None)
    http = getattr(record, "http_headers", None)
    if rec_type != "response" or http is None:
        return Skipped(source, NON_RESPONSE, str(rec_type))
    status = http.get_statuscode()
    if status != "200":
        return Skipped(source, NOT_200, str(status))
    content_type = http.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in PAGE_TYPES:
        return Skipped(source, NON_HTML, media_type or "no Content-Type")
    body = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]  # de-chunked, decompressed
    if len(body) > max_bytes:
        return Skipped(source, TOO_LARGE, f"over MAX_PAGE_BYTES={max_bytes}")
    warc = record.rec_headers  # type: ignore[attr-defined]
    try:
        return RawPage(
            url=warc.get_header("WARC-Target-URI") or "",
            content_b64=base64.b64encode(body).decode("ascii"),
            content_type="text/plain" if media_type == "text/plain" else "text/html",
            charset=_charset(content_type),
            fetched_at=_date(warc.get_header("WARC-Date")),
            headers={name: value for name, value in http.headers if name.lower() in KEPT_HEADERS},
            producer="article-worker-cli",
            attributes={"warc_file": archive, "warc_record_id": warc.get_header("WARC-Record-ID")},
        )
    except ValidationError as exc:
        return Skipped(source, UNREADABLE, f"not a valid page: {str(exc).splitlines()[-1].strip()[:200]}")


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")[:64]
    return None


def _date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
