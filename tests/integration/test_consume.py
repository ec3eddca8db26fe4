"""`article-worker consume`: a consumer group on the events stream, printed and acknowledged."""

from __future__ import annotations

import json

import redis

from tests.support.cli import run_cli
from worker.settings import Settings


def add_events(client: redis.Redis, settings: Settings, n: int) -> list[str]:
    stream = settings.key(settings.results_stream)
    return [
        client.xadd(stream, {"event_id": f"e{i}", "job_id": f"j{i}", "event": json.dumps({"n": i})}).decode()  # type: ignore[union-attr]
        for i in range(n)
    ]


def test_consume_prints_and_acknowledges_its_share(
    redis_client: redis.Redis, settings: Settings, service_env: dict[str, str]
) -> None:
    add_events(redis_client, settings, 5)
    stream = settings.key(settings.results_stream)

    first = run_cli(["consume", "--group", "g1", "--consumer", "c1", "--count", "3"], service_env)
    assert first.returncode == 0, first.stderr
    assert [json.loads(line)["n"] for line in first.stdout.splitlines()] == [0, 1, 2]
    assert redis_client.xpending(stream, "g1")["pending"] == 0  # acknowledged after printing

    rest = run_cli(["consume", "--group", "g1", "--consumer", "c2", "--timeout", "1", "--block", "200"], service_env)
    assert [json.loads(line)["n"] for line in rest.stdout.splitlines()] == [3, 4]

    other_group = run_cli(["consume", "--group", "g2", "--count", "5"], service_env)
    assert len(other_group.stdout.splitlines()) == 5  # each group gets every event
    assert redis_client.xlen(stream) == 5  # consuming never deletes events


def test_consume_claims_what_a_dead_consumer_left_pending(
    redis_client: redis.Redis, settings: Settings, service_env: dict[str, str]
) -> None:
    add_events(redis_client, settings, 2)
    stream = settings.key(settings.results_stream)
    redis_client.xgroup_create(stream, "g", id="0")
    assert redis_client.xreadgroup("g", "dead", {stream: ">"}, count=2)  # read, never acknowledged

    args = ["consume", "--group", "g", "--consumer", "live", "--timeout", "2", "--block", "200", "--claim-idle", "0.2"]
    done = run_cli(args, service_env)

    assert [json.loads(line)["n"] for line in done.stdout.splitlines()] == [0, 1], done.stderr
    assert redis_client.xpending(stream, "g")["pending"] == 0


def test_consume_reads_the_skipped_stream(
    redis_client: redis.Redis, settings: Settings, service_env: dict[str, str]
) -> None:
    stream = settings.key(settings.skipped_stream)
    redis_client.xadd(stream, {"event_id": "e", "job_id": "j", "page_type": "product", "skipped": '{"n": 1}'})
    add_events(redis_client, settings, 1)
    done = run_cli(["consume", "--group", "g", "--skipped", "--count", "1"], service_env)
    assert done.returncode == 0 and [json.loads(line) for line in done.stdout.splitlines()] == [{"n": 1}]
    assert run_cli(["consume", "--group", "g", "--skipped", "--dead"], service_env).returncode == 2
