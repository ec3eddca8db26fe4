"""WARC files (written with warcio here) become pages; everything else is skipped with its reason."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from schemas import RawPage
from tests.support.warcs import BIG, write_warc
from worker.cli.inputs import iter_pages, total_bytes
from worker.cli.skips import Skipped, SkipReport
from worker.pipeline import extract


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_responses_become_pages(tmp_path: Path, name: str) -> None:
    expected = write_warc(tmp_path / name, compress=name.endswith(".gz"))
    read: list[int] = []
    items = list(iter_pages([str(tmp_path / name)], max_bytes=BIG, advance=read.append))

    pages = [p for p in items if isinstance(p, RawPage)]
    skipped = Counter(s.why for s in items if isinstance(s, Skipped))
    assert len(pages) == expected["pages"]
    assert dict(skipped) == expected["skipped"]
    by_url = {p.url: p for p in pages}
    for url, title in expected["titles"].items():  # type: ignore[attr-defined]
        assert extract(by_url[url]).title == title  # the gzip Content-Encoding body arrives decoded
    latin = by_url["https://news.example.com/latin"]
    assert latin.charset == "ISO-8859-1" and latin.headers["Last-Modified"].startswith("Tue")
    assert "Crème brûlée." in extract(latin).body_text  # the declared charset, not UTF-8, decoded it
    assert latin.fetched_at is not None and latin.attributes["warc_file"] == name
    assert str(latin.attributes["warc_record_id"]).startswith("<urn:uuid:")
    assert sum(read) == (tmp_path / name).stat().st_size == total_bytes([str(tmp_path)])


def test_a_truncated_warc_is_reported_unreadable_after_its_good_records(tmp_path: Path) -> None:
    write_warc(tmp_path / "full.warc.gz")
    data = (tmp_path / "full.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 300])
    items = list(iter_pages([str(tmp_path / "cut.warc.gz")], max_bytes=BIG))
    assert [i.why for i in items if isinstance(i, Skipped)][-1] == "unreadable"
    assert sum(isinstance(i, RawPage) for i in items) == 3


def test_files_jsonl_and_skips(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "big.html").write_text("x" * 3000)
    (tmp_path / "notes.md").write_text("# no")
    good = {"url": "https://example.org/j", "content": "<p>j</p>"}
    (tmp_path / "pages.jsonl").write_text(json.dumps(good) + "\n\n{not json\n" + json.dumps({"url": "x"}) + "\n")
    items = list(iter_pages([str(tmp_path), str(tmp_path / "gone.html")], max_bytes=2000))

    assert sorted(p.url for p in items if isinstance(p, RawPage)) == [
        "https://example.org/j",
        "https://local.invalid/" + str((tmp_path / "a.html").resolve()).lstrip("/"),  # the absolute path: unique
    ]
    report = SkipReport()
    for item in items:
        if isinstance(item, Skipped):
            report.add(item)
    assert report.counts == {
        "invalid RawPage": 2,
        "too large": 1,
        "not a page file": 1,
        "no such file or directory": 1,
    }
    assert any(line.strip().startswith("2 invalid RawPage") and "pages.jsonl:3" in line for line in report.lines())
