"""`article-worker tail` follows tail(1): the last N entries and exit; `-f` to follow."""

from __future__ import annotations

import time

import redis

from tests.support.cli import run_cli
from worker.settings import Settings


def fill(client: redis.Redis, settings: Settings, n: int) -> list[str]:
    stream = settings.key(settings.results_stream)
    return [client.xadd(stream, {"event_id": str(i), "event": f'{{"n": {i}}}'}).decode() for i in range(n)]


def test_the_last_ten_then_exit(redis_client: redis.Redis, settings: Settings, service_env: dict[str, str]) -> None:
    fill(redis_client, settings, 15)
    started = time.monotonic()
    done = run_cli(["tail"], service_env, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f'{{"n": {i}}}' for i in range(5, 15)]  # oldest first, as tail(1)
    assert time.monotonic() - started < 20  # never waits without -f
    assert run_cli(["tail", "-n", "2"], service_env).stdout.splitlines() == ['{"n": 13}', '{"n": 14}']


def test_an_empty_stream_prints_nothing_and_exits(service_env: dict[str, str], redis_client: redis.Redis) -> None:
    done = run_cli(["tail"], service_env, timeout=30)
    assert done.returncode == 0 and done.stdout == ""


def test_after_an_id_and_follow_with_a_count(
    redis_client: redis.Redis, settings: Settings, service_env: dict[str, str]
) -> None:
    ids = fill(redis_client, settings, 4)
    assert run_cli(["tail", "--after", ids[1]], service_env).stdout.splitlines() == ['{"n": 2}', '{"n": 3}']
    assert len(run_cli(["tail", "--after", "0"], service_env).stdout.splitlines()) == 4
    # -f: the last N, then waits for new entries; --timeout ends it once nothing new comes
    done = run_cli(["tail", "-f", "-n", "1", "--timeout", "1"], service_env, timeout=30)
    assert done.returncode == 0 and done.stdout.splitlines() == ['{"n": 3}']
