"""`article-worker enqueue` on a WARC, a directory and JSONL: the pages land on the real queue, skips are reported."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import redis

from harness.redis_keys import TEST_REDIS_URL
from harness.workers import ROOT
from tests.support.queue import queued_args
from tests.support.warcs import write_warc
from worker.settings import Settings


def run_enqueue(key_prefix: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REDIS_URL": TEST_REDIS_URL, "KEY_PREFIX": key_prefix, "MAX_PAGE_BYTES": "5000"}
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", "enqueue", *args],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def queued_urls(client: redis.Redis, settings: Settings) -> list[str]:
    return sorted(json.loads(args[0])["url"] for args in queued_args(client, settings.key(settings.pages_queue)))


def test_enqueue_warc_dir_and_jsonl_with_progress_and_skip_report(
    tmp_path: Path, key_prefix: str, redis_client: redis.Redis, settings: Settings
) -> None:
    write_warc(tmp_path / "crawl.warc.gz")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "one.html").write_text("<p>one</p>")
    (pages / "logo.png").write_bytes(b"\x89PNG")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(json.dumps({"url": "https://example.org/j", "content": "<p>j</p>"}) + "\n{broken\n")

    done = run_enqueue(key_prefix, "--progress", "--print-ids", str(tmp_path / "crawl.warc.gz"), str(pages), str(jsonl))

    assert done.returncode == 0, done.stderr
    assert queued_urls(redis_client, settings) == [
        "https://example.org/j",
        "https://local.invalid/" + str(pages.resolve() / "one.html").lstrip("/"),  # unique: the absolute path
        "https://news.example.com/a",
        "https://news.example.com/gz",
        "https://news.example.com/latin",
    ]
    assert len(done.stdout.split()) == 5  # --print-ids: one job id per page
    err = done.stderr
    assert "enqueued 5 page(s)" in err and "skipped 8" in err
    report = {m[2]: int(m[1]) for m in re.finditer(r"^  (\d+) ([^:(]+?)(?::|  \(first)", err, flags=re.M)}
    assert report == {
        "not a response record": 2,
        "HTTP status not 200": 2,
        "not HTML or text": 1,
        "too large": 1,
        "not a page file": 1,
        "invalid RawPage": 1,
    }
    assert re.search(r"HTTP status not 200: (404|301) ×1, (404|301) ×1", err)
    # the bar: bytes done of the total, a rate, an ETA, and the page count
    assert re.search(r"enqueue: 100%.*\[\d\d:\d\d<\d\d:\d\d, .*/s, pages=5, rate=\d+/s, skipped=8\]", err), err


def test_no_bar_when_not_a_terminal(tmp_path: Path, key_prefix: str, redis_client: redis.Redis) -> None:
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "notes.md").write_text("not a page")
    done = run_enqueue(key_prefix, str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "enqueue:" not in done.stderr and "%" not in done.stderr
    assert "enqueued 1 page(s)" in done.stderr and "1 not a page file" in done.stderr


def test_a_missing_file_is_an_error_and_nothing_is_sent(
    tmp_path: Path, key_prefix: str, redis_client: redis.Redis, settings: Settings
) -> None:
    (tmp_path / "a.html").write_text("<p>a</p>")
    done = run_enqueue(key_prefix, str(tmp_path / "a.html"), str(tmp_path / "missing.html"))
    assert done.returncode == 2 and "no such file or directory" in done.stderr and "missing.html" in done.stderr
    assert queued_urls(redis_client, settings) == []


def test_files_of_one_name_in_two_folders_get_two_urls_and_ground_truth_is_skipped(
    tmp_path: Path, key_prefix: str, redis_client: redis.Redis, settings: Settings
) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "source.html").write_text(f"<p>{folder}</p>")
        (tmp_path / folder / "expected.html").write_text("<p>the expected output</p>")
    done = run_enqueue(key_prefix, str(tmp_path / "one" / "source.html"), str(tmp_path / "two"))
    assert done.returncode == 0, done.stderr
    urls = queued_urls(redis_client, settings)
    assert len(urls) == 2 and len(set(urls)) == 2 and all(u.endswith("/source.html") for u in urls)
    assert "1 not a page file: ground truth of an evaluation set" in done.stderr


def test_a_page_already_published_is_said_so(
    tmp_path: Path, key_prefix: str, redis_client: redis.Redis, settings: Settings
) -> None:
    from schemas import RawPage
    from worker.cli.inputs import iter_pages
    from worker.page.ids import event_id_for, job_id_for
    from worker.store.keys import Keys

    (tmp_path / "a.html").write_text("<p>a</p>")
    [page] = list(iter_pages([str(tmp_path / "a.html")]))
    assert isinstance(page, RawPage)
    redis_client.set(Keys(settings).published(event_id_for(job_id_for(page), page)), "1-0")  # what a worker leaves
    done = run_enqueue(key_prefix, str(tmp_path / "a.html"))
    assert done.returncode == 0, done.stderr
    assert "1 of them already published within DEDUP_TTL" in done.stderr


def test_bar_by_default_on_a_terminal(tmp_path: Path, key_prefix: str) -> None:
    (tmp_path / "a.html").write_text("<p>a</p>")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal has a size
    env = {**os.environ, "REDIS_URL": TEST_REDIS_URL, "KEY_PREFIX": key_prefix}
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "enqueue", str(tmp_path)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    chunks = []
    with contextlib.suppress(OSError):  # EIO once the process has exited and closed the terminal
        while chunk := os.read(leader, 4096):
            chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    screen = b"".join(chunks).decode(errors="replace")
    assert re.search(r"enqueue: 100%.*pages=1", screen), screen
