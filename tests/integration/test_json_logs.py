"""A real worker with LOG_FORMAT=json: every line is a JSON object, one outcome line per page."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.streams import dead_letters, events
from worker.producer import enqueue, enqueue_message
from worker.settings import Settings

PAGE_FIELDS = ("task_id", "job_id", "url", "outcome", "reason", "duration_ms")


def json_lines(text: str) -> list[dict[str, Any]]:
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines, "the worker wrote no log"
    parsed = []
    for line in lines:
        entry = json.loads(line)  # fails the test on any line that is not JSON (banner, print, traceback)
        assert isinstance(entry, dict)
        assert {"time", "level", "logger", "message"} <= entry.keys()
        parsed.append(entry)
    return parsed


def outcome_lines(text: str) -> list[dict[str, Any]]:
    return [e for e in json_lines(text) if "outcome" in e]


def wait_for_outcomes(worker: Any, count: int, timeout: float = 30) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = outcome_lines(worker.log_path.read_text())
        if len(found) >= count:
            return found
        time.sleep(0.2)
    raise AssertionError(f"fewer than {count} outcome lines:\n{worker.log()}")


def test_json_logs_one_outcome_line_per_page(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings
) -> None:
    worker = start_worker(env={"LOG_FORMAT": "json"})
    _, html = article_html(3)
    job_id = enqueue({"url": "https://news.example.com/3", "content": html}, app=producer_app)
    bad_task = enqueue_message(json.dumps({"url": "ftp://example.org/x", "content": "<p>x</p>"}), app=producer_app)
    [event] = events(redis_client, settings.key(settings.results_stream), 1)
    dead_letters(redis_client, settings.key(settings.dead_letter_stream), 1)

    good, bad = sorted(wait_for_outcomes(worker, 2), key=lambda e: e["outcome"] != "event")
    assert set(PAGE_FIELDS) <= good.keys() and set(PAGE_FIELDS) <= bad.keys()
    assert (good["outcome"], good["job_id"], good["url"], good["reason"]) == (
        "event",
        job_id,
        "https://news.example.com/3",
        None,
    )
    assert good["task_id"] and good["duration_ms"] > 0 and good["level"] == "info"
    assert abs(good["duration_ms"] - event.duration_ms) < 1
    assert (bad["outcome"], bad["reason"], bad["task_id"], bad["level"]) == (
        "dead_letter",
        "invalid_message",
        bad_task,
        "warning",
    )
    worker.stop()
    entries = json_lines(worker.log_path.read_text())  # the shutdown lines too
    assert len([e for e in entries if "outcome" in e]) == 2
    assert any("ready" in e["message"] for e in entries)


@pytest.mark.parametrize("by_claim_check", [False, True])
def test_a_retry_is_logged_with_its_reason_and_page(
    by_claim_check: bool,
    start_worker: StartWorker,
    producer_app: Celery,
    redis_client: redis.Redis,
    settings: Settings,
) -> None:
    # The dead-letter stream's key holds a string: XADD fails with WRONGTYPE, a real Redis error.
    dead_key = settings.key(settings.dead_letter_stream)
    redis_client.set(dead_key, "not a stream")
    worker = start_worker(env={"LOG_FORMAT": "json"})
    page: dict[str, Any] = {"url": "https://example.org/r", "job_id": "job-r", "content": ""}
    task_id = None
    if by_claim_check:  # the queued message is only the claim id: the page's name comes from the page read
        page["attributes"] = {"padding": "x" * settings.claim_check_bytes}
        enqueue(page, app=producer_app)
    else:
        task_id = enqueue_message(json.dumps(page), app=producer_app)

    retry = wait_for_outcomes(worker, 1)[0]
    redis_client.delete(dead_key)
    [letter] = dead_letters(redis_client, dead_key, 1)

    assert (retry["outcome"], retry["reason"]) == ("retry", "publish_failed")
    assert task_id is None or retry["task_id"] == task_id
    assert (retry["job_id"], retry["url"]) == ("job-r", "https://example.org/r")
    assert retry["duration_ms"] >= 0
    assert letter.job_id == "job-r" and letter.attempts >= 2
    # Retries with jittered backoff may run several times before the key is freed: wait for the letter's line.
    deadline = time.monotonic() + 30
    while not (finals := [e for e in wait_for_outcomes(worker, 2) if e["outcome"] == "dead_letter"]):
        assert time.monotonic() < deadline, worker.log()
        time.sleep(0.2)
    assert [final["task_id"] for final in finals] == [retry["task_id"]]
