from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from celery import Celery

from harness.workers import WorkerProcess
from tests.support.cli import CliProcess
from worker.service.app import create_app
from worker.settings import Settings

StartWorker = Callable[..., WorkerProcess]


@pytest.fixture
def producer_app(settings: Settings) -> Iterator[Celery]:
    """A Celery app configured like the workers under test, used only to send."""
    app = create_app(settings)
    yield app
    app.close()


@pytest.fixture
def start_worker(service_env: dict[str, str], redis_client: redis.Redis, tmp_path: Path) -> Iterator[StartWorker]:
    started: list[WorkerProcess] = []

    def start(
        concurrency: int = 1, name: str | None = None, env: dict[str, str] | None = None, wait: bool = True
    ) -> WorkerProcess:
        name = name or f"w{len(started)}-{uuid.uuid4().hex[:6]}@test"
        proc = WorkerProcess({**service_env, **(env or {})}, name, tmp_path / f"{name}.log", concurrency)
        started.append(proc)
        if wait:
            proc.wait_ready(redis_client)
        return proc

    yield start
    for proc in started:
        proc.stop()


StartCli = Callable[..., CliProcess]


@pytest.fixture
def start_cli(service_env: dict[str, str], tmp_path: Path) -> Iterator[StartCli]:
    """Start `article-worker ARGS...` (intake, consume) in the background; stopped with SIGTERM afterwards."""
    started: list[CliProcess] = []

    def start(*args: str, env: dict[str, str] | None = None) -> CliProcess:
        proc = CliProcess(list(args), {**service_env, **(env or {})}, tmp_path / f"{args[0]}-{len(started)}.log")
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.stop()
