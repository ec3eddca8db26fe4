"""Everything a worker adds to Celery, listed in one place.

Nothing in this project connects to a Celery signal or adds a bootstep anywhere else, and nothing is
connected by importing a module: a worker's entry point (`article-worker worker`) builds the app with
`create_app(settings)` and calls `install(app)` before starting it.
"""

from __future__ import annotations

import functools
from typing import Any

from celery import Celery, signals

from ..ops import logs, metrics
from ..settings import Settings
from . import pool
from .app import TASK_NAME, service_of
from .consumer import DeadLetteringConsumer
from .heartbeat import Heartbeat
from .task import PageTask, process_page


def install(app: Celery) -> None:
    settings = service_of(app).settings
    metrics.enable(settings)  # in the main process, before the pool forks: pool processes count into its files
    app.task(bind=True, base=PageTask, name=TASK_NAME)(process_page)
    app.conf.worker_consumer = DeadLetteringConsumer  # dead letters for messages Celery would drop
    app.steps["consumer"].add(Heartbeat)  # liveness, from the main process's own timer
    hooks: list[tuple[Any, Any]] = [
        # Connected, Celery configures no log handler of its own: ours, in the main and every pool process.
        (signals.setup_logging, functools.partial(_setup_logging, settings)),
        (signals.worker_process_init, _pool_process_started),
        (signals.worker_ready, functools.partial(_worker_ready, settings)),
        (signals.worker_shutting_down, _shutting_down),
        (signals.worker_process_shutdown, _pool_process_exiting),
    ]
    for signal, hook in hooks:
        signal.connect(hook, weak=False)


def _setup_logging(settings: Settings, **_: Any) -> None:
    logs.celery_setup_logging(settings)


def _pool_process_started(**_: Any) -> None:
    pool.freeze_inherited()


def _worker_ready(settings: Settings, sender: Any = None, **_: Any) -> None:
    """The main process is up and its pool forked."""
    logs.quiet_shutdown(settings, sender)
    pool.freeze_started()
    metrics.serve(settings)


def _shutting_down(sig: Any = None, how: Any = None, **_: Any) -> None:
    logs.log_shutdown(sig, how)


def _pool_process_exiting(**_: Any) -> None:
    metrics.process_exited()
