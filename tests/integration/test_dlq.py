"""`article-worker dlq`: list, show, replay (verbatim, after raising a limit), purge by reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import redis
from celery import Celery

from harness.pages import article_html
from harness.workers import ROOT
from schemas import DeadLetter, Reason
from tests.integration.conftest import StartWorker
from tests.support.streams import dead_letters, events
from worker.producer import enqueue_message
from worker.settings import Settings


def cli(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", "dlq", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=check,
    )


def test_list_show_replay_purge(
    start_worker: StartWorker,
    producer_app: Celery,
    redis_client: redis.Redis,
    settings: Settings,
    service_env: dict[str, str],
) -> None:
    small = start_worker(env={"MAX_PAGE_BYTES": "2048"})
    big = json.dumps({"url": "https://news.example.com/big", "job_id": "job-big", "content": article_html(3, 12)[1]})
    for message in (big, "not json", "<html>nor this</html>"):
        enqueue_message(message, app=producer_app)
    stream = settings.key(settings.dead_letter_stream)
    letters = dead_letters(redis_client, stream, 3)
    assert [d.reason for d in letters] == [Reason.PAGE_TOO_LARGE, Reason.NOT_JSON, Reason.NOT_JSON]
    small.stop()

    listed = cli(service_env, "list")
    assert len(listed.stdout.splitlines()) == 3 and "3 dead letter(s): 2 not_json, 1 page_too_large" in listed.stderr
    [line] = cli(service_env, "list", "--reason", "page_too_large").stdout.splitlines()
    entry_id = line.split("\t")[0]
    shown = DeadLetter.model_validate_json(cli(service_env, "show", entry_id).stdout)
    assert shown.original == big and shown.job_id == "job-big"

    start_worker()  # the default 10 MB limit: the page now fits
    assert cli(service_env, "replay", "--reason", "page_too_large").stdout.strip() == "replayed 1, skipped 0"
    [event] = events(redis_client, settings.key(settings.results_stream), 1)
    assert event.job_id == "job-big" and event.article.word_count > 300
    assert [d.reason for d in dead_letters(redis_client, stream, 2)] == [Reason.NOT_JSON] * 2

    assert cli(service_env, "purge", "--reason", "not_json").stdout.strip() == "purged 2"
    assert redis_client.xlen(stream) == 0
    failed = cli(service_env, "purge", check=False)
    assert failed.returncode != 0 and "--all" in failed.stderr  # no filter, no purge


def test_dead_letter_stream_is_capped(redis_client: redis.Redis, settings: Settings) -> None:
    from schemas.reasons import NotJson
    from worker.page.dead_letters import DeadLetters
    from worker.store.streams import Streams

    capped = settings.model_copy(update={"dead_letter_maxlen": 100})
    streams = Streams(redis_client, capped)
    for i in range(1000):
        DeadLetters(streams).record(NotJson("x"), f"m{i}", stage="task", attempts=1, task_id=f"t{i}")
    # Approximate MAXLEN trims whole macro-nodes: bounded near the cap, never the full 1000.
    assert 100 <= redis_client.xlen(settings.key(settings.dead_letter_stream)) < 300
