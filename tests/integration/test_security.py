"""JSON only: pickle and YAML task messages are refused and dead-lettered, never deserialised.
And the REDIS_URL password never reaches a log line or a dead letter."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery

from harness.pages import article_html
from schemas import Reason
from tests.integration.conftest import StartWorker
from tests.support.redis_server import RedisServer
from tests.support.streams import dead_letters, events
from worker.producer import enqueue, enqueue_message
from worker.service.app import TASK_NAME, create_app
from worker.settings import Settings


class Evil:
    """Unpickling this runs a shell command: the proof that nobody unpickled it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_pickle_and_yaml_messages_are_refused_and_dead_lettered(
    start_worker: StartWorker, producer_app: Celery, redis_client: redis.Redis, settings: Settings, tmp_path: Path
) -> None:
    worker = start_worker()
    marker = tmp_path / "unpickled"
    producer_app.send_task(TASK_NAME, args=[Evil(marker)], serializer="pickle", task_id="task-pickle")
    producer_app.send_task(TASK_NAME, args=["!!python/object/apply:os.system ['true']"], serializer="yaml")
    job_id = enqueue({"url": "https://news.example.com/after", "content": article_html(5)[1]}, app=producer_app)

    letters = dead_letters(redis_client, settings.key(settings.dead_letter_stream), 2)
    assert [d.reason for d in letters] == [Reason.REFUSED_CONTENT_TYPE] * 2
    assert all(d.stage == "broker" and not d.retryable for d in letters)
    assert "python-serialize" in letters[0].error and "yaml" in letters[1].error
    assert letters[0].task_id == "task-pickle" and letters[0].original_encoding == "base64"
    [event] = events(redis_client, settings.key(settings.results_stream), 1)
    assert event.job_id == job_id, "the worker carries on"
    assert worker.proc.poll() is None
    assert not marker.exists(), "the pickle was deserialised"


SECRET = "s3cret-Pa55-8f2d"


@pytest.fixture
def locked_redis(tmp_path: Path) -> Iterator[RedisServer]:
    data = tmp_path / "redis"
    data.mkdir()
    server = RedisServer(data, "--requirepass", SECRET).start()
    yield server
    server.kill()


def test_redis_password_never_appears_in_logs_or_dead_letters(
    locked_redis: RedisServer, start_worker: StartWorker, service_env: dict[str, str]
) -> None:
    env = {**service_env, "REDIS_URL": locked_redis.url, "LOG_FORMAT": "json", "LOG_LEVEL": "DEBUG"}
    settings = Settings(**{k.lower(): v for k, v in env.items()})  # type: ignore[arg-type]
    client = locked_redis.client()
    worker = start_worker(env=env, wait=False)
    worker.wait_ready(client)
    app = create_app(settings)
    enqueue_message("not json " + locked_redis.url, app=app)  # a message that quotes the URL itself
    enqueue_message(json.dumps({"url": "https://example.org/x", "content": "<p>tiny</p>"}), app=app)
    app.send_task(TASK_NAME, args=["x"], serializer="pickle")
    enqueue({"url": "https://news.example.com/ok", "content": article_html(2)[1]}, app=app)
    app.close()
    letters = dead_letters(client, settings.key(settings.dead_letter_stream), 3)
    assert len(letters) == 3 and events(client, settings.key(settings.results_stream), 1)
    locked_redis.restart(down_for=1.0)  # connection errors get logged too
    time.sleep(3)
    worker.stop()

    log = worker.log_path.read_text(errors="replace")
    assert "Connected to redis://" in log or "ready" in log
    assert SECRET not in log
    for letter in letters:
        assert SECRET not in letter.error
    # The message that quoted the URL is kept verbatim: that is the producer's own text, not ours.
    assert SECRET not in letters[1].model_dump_json() and SECRET not in letters[2].model_dump_json()
