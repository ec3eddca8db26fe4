"""`article-worker check`: the heartbeat written by the worker's main process, alive under load."""

from __future__ import annotations

import json
import time

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from tests.integration.conftest import StartWorker
from tests.support.cli import run_cli
from worker.producer import enqueue
from worker.settings import Settings


def slow_page(index: int) -> dict[str, str]:
    """A valid page large enough to keep a pool process busy (0.8 s of CPU on this machine in
    December 2026, 2 s before), well inside SOFT_TIME_LIMIT on a loaded machine."""
    _, html = article_html(index, paragraphs=6_000)
    return {"url": f"https://news.example.com/slow/{index}", "content": html}


def test_check_follows_the_worker(start_worker: StartWorker, service_env: dict[str, str]) -> None:
    assert run_cli(["check"], service_env).returncode == 1  # no worker under this prefix yet
    worker = start_worker()

    named = run_cli(["check", "--name", worker.name], service_env)
    assert named.returncode == 0 and worker.name in named.stdout, named.stderr
    assert run_cli(["check"], service_env).returncode == 0
    assert run_cli(["check", "--name", "celery@elsewhere"], service_env).returncode == 1

    worker.stop()
    assert run_cli(["check", "--name", worker.name], service_env).returncode == 1
    assert run_cli(["check"], service_env).returncode == 1


@pytest.mark.slow
def test_heartbeat_comes_from_the_main_process_while_the_pool_is_busy(
    start_worker: StartWorker,
    producer_app: Celery,
    redis_client: redis.Redis,
    settings: Settings,
    service_env: dict[str, str],
) -> None:
    env = {**service_env, "HEARTBEAT_TTL": "2"}
    worker = start_worker(env={"HEARTBEAT_TTL": "2"})
    pages = 20  # far more work than the 5 s sampling window, even on a machine 3x as fast
    for i in range(pages):
        enqueue(slow_page(i), app=producer_app)
    deadline = time.monotonic() + 30
    while not redis_client.hlen(settings.key("unacked")):  # the pool has taken a page
        assert time.monotonic() < deadline
        time.sleep(0.05)

    busy_since = time.monotonic()
    beats = []
    while time.monotonic() - busy_since < 5:  # over twice HEARTBEAT_TTL, the single pool process busy
        value = redis_client.get(worker.heartbeat_key())
        beats.append(json.loads(value)["at"] if value else None)  # type: ignore[arg-type]
        time.sleep(0.1)
    busy = redis_client.xlen(settings.key(settings.results_stream)) < pages
    during = run_cli(["check", "--name", worker.name], env).returncode

    assert busy, "the pool was idle part of the time"
    assert None not in beats and beats[-1] - beats[0] > 3  # kept beating while the pool worked
    assert during == 0
    beat = json.loads(redis_client.get(worker.heartbeat_key()))  # type: ignore[arg-type]
    assert beat["pid"] == worker.pid and beat["pid"] not in worker.pool_pids()


def test_check_reads_a_password_and_a_database_and_any_other_url_through_redis_py(
    redis_client: redis.Redis, settings: Settings, service_env: dict[str, str]
) -> None:
    """The probe (worker/store/probe.py) for the URLs we document; redis-py for any other option."""
    name = "probe@test"
    redis_client.set(settings.key(f"heartbeat:{name}"), json.dumps({"hostname": name, "pid": 1}), ex=30)
    url = settings.redis_url
    for variant in (url, url.replace("redis://", "redis://:@"), f"{url}?socket_keepalive=true"):
        done = run_cli(["check", "--name", name], {**service_env, "REDIS_URL": variant})
        assert done.returncode == 0 and "alive: probe@test (pid 1)" in done.stdout, (variant, done.stderr)
    other_db = url.rsplit("/", 1)[0] + "/3"
    assert run_cli(["check", "--name", name], {**service_env, "REDIS_URL": other_db}).returncode == 1
    wrong = run_cli(["check"], {**service_env, "REDIS_URL": url.replace("redis://", "redis://:wrong@")})
    assert wrong.returncode == 1 and "unhealthy: Redis at" in wrong.stderr and "wrong" not in wrong.stderr
