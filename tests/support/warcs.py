"""Small WARC files written with warcio, for the enqueue and extract tests."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from harness.pages import article_html

BIG = 5000  # the tests run with a smaller MAX_PAGE_BYTES than this page


def write_warc(path: Path, compress: bool = True) -> dict[str, object]:
    """A crawl of 9 records; returns what a reader should make of them."""
    title0, page0 = article_html(0)
    title1, page1 = article_html(1)
    latin = "<html><head><title>Café au lait</title></head><body><article><p>" + "Crème brûlée. " * 40
    latin += "</p></article></body></html>"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))

        def response(url: str, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))

        request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://news.example.com/a", "request", http_headers=request))
        response("https://news.example.com/a", "200 OK", [("Content-Type", "text/html; charset=utf-8")], page0.encode())
        response(
            "https://news.example.com/gz",
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            gzip.compress(page1.encode()),
        )
        response(
            "https://news.example.com/latin",
            "200 OK",
            [("Content-Type", "text/html; charset=ISO-8859-1"), ("Last-Modified", "Tue, 05 Mar 2024 10:20:00 GMT")],
            latin.encode("latin-1"),
        )
        response("https://news.example.com/missing", "404 Not Found", [("Content-Type", "text/html")], b"<p>no</p>")
        response("https://news.example.com/moved", "301 Moved", [("Location", "/a")], b"")
        response("https://news.example.com/logo.jpg", "200 OK", [("Content-Type", "image/jpeg")], b"\xff\xd8\xff")
        response("https://news.example.com/big", "200 OK", [("Content-Type", "text/html")], b"<p>x</p>" * BIG)
    return {
        "titles": {"https://news.example.com/a": title0, "https://news.example.com/gz": title1},
        "pages": 3,
        "skipped": {"not a response record": 2, "HTTP status not 200": 2, "not HTML or text": 1, "too large": 1},
    }
