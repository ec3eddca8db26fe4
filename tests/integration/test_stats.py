"""`article-worker stats` on a prefix prepared with known figures."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import redis

from tests.support.cli import cli_env, run_cli
from worker.ops.figures import StatsReader
from worker.settings import Settings
from worker.store.client import make_client
from worker.store.counting import StreamCounter


def prepare(client: redis.Redis, s: Settings) -> None:
    client.lpush(s.key(s.pages_queue), "a", "b", "c")
    client.lpush(s.key(f"{s.pages_queue}\x06\x163"), "d", "e")  # a priority sublist of the same queue
    client.hset(s.key("unacked"), mapping={"tag1": "x", "tag2": "y"})
    intake = s.key(s.intake_stream)
    for i in range(4):
        client.xadd(intake, {"page": f"{i}"})
    client.xgroup_create(intake, s.intake_group, id="0")
    client.xreadgroup(s.intake_group, "someone", {intake: ">"}, count=1)
    now_s, _ = client.time()  # type: ignore[misc]
    events = s.key(s.results_stream)
    for i in range(3):  # two minutes old: not in the rate
        client.xadd(events, {"event": "{}"}, id=f"{(now_s - 120) * 1000}-{i}")
    for _ in range(250):  # more than one XRANGE batch inside the counting script
        client.xadd(events, {"event": "{}"})
    dead = s.key(s.dead_letter_stream)
    for reason in ("no_article", "not_json", "no_article", "no_article"):
        client.xadd(dead, {"reason": reason, "job_id": "", "dead_letter": "{}"})
    skipped = s.key(s.skipped_stream)
    for page_type in ("product", "listing", "product"):
        client.xadd(skipped, {"event_id": "e", "job_id": "j", "page_type": page_type, "skipped": "{}"})
    client.set(s.key("heartbeat:w1@test"), "{}", ex=30)


def test_stats_figures(redis_client: redis.Redis, settings: Settings, service_env: dict[str, str]) -> None:
    prepare(redis_client, settings)

    done = run_cli(["stats", "--json"], service_env)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "queue": 5,
        "in_flight": 2,
        "intake": 4,
        "intake_pending": 1,
        "events": 253,
        "skipped": 3,
        "skipped_by_type": {"product": 2, "listing": 1},
        "dead_letters": 4,
        "dead_by_reason": {"no_article": 3, "not_json": 1},
        "events_last_minute": 250,
        "events_per_second": 4.17,
        "workers": ["w1@test"],
        "duplicates": 0,
    }
    text = run_cli(["stats"], service_env).stdout
    assert "queue pages" in text and "  no_article" in text and "4.17 (250 events)" in text
    rows = [line.split() for line in text.splitlines()]
    assert ["skipped", "articles:skipped", "3"] in rows and ["product", "2"] in rows and ["listing", "1"] in rows


def test_watch_counts_new_dead_letters_and_notices_removed_ones(redis_client: redis.Redis, settings: Settings) -> None:
    dead = settings.key(settings.dead_letter_stream)
    reader = StatsReader(make_client(settings.redis_url), settings)
    first = redis_client.xadd(dead, {"reason": "timeout"})
    assert reader.read().dead_by_reason == {"timeout": 1}
    redis_client.xadd(dead, {"reason": "timeout"})
    redis_client.xadd(dead, {"reason": "empty_page"})
    assert reader.read().dead_by_reason == {"timeout": 2, "empty_page": 1}
    redis_client.xdel(dead, first)  # type: ignore[arg-type]
    assert reader.read().dead_by_reason == {"empty_page": 1, "timeout": 1}


def test_counting_spans_several_bounded_calls(redis_client: redis.Redis, settings: Settings) -> None:
    stream = settings.key("counted")
    for i in range(250):
        redis_client.xadd(stream, {"reason": "odd" if i % 2 else "even"})
    counter = StreamCounter(redis_client)
    assert counter.count(stream, "-", "+", "reason", per_call=100) == (250, {"even": 125, "odd": 125})
    assert counter.count(stream, "-", "+") == (250, {})


def test_watch_refreshes_until_interrupted(service_env: dict[str, str]) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "worker.cli", "stats", "--watch", "--interval", "0.2"],
        env=cli_env(service_env),
        stdout=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    lines: list[str] = []
    assert proc.stdout is not None
    while sum("queue pages" in line for line in lines) < 3:
        assert time.monotonic() < deadline
        lines.append(proc.stdout.readline())
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=10) == 0
