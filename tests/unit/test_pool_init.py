from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from celery import signals

import worker.tasks  # noqa: F401 - the task module imports pool_init, as in a worker
from worker import pool_init


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.parametrize(
    "signal, handler",
    [
        (signals.worker_process_init, pool_init.freeze_inherited),
        (signals.worker_ready, pool_init.freeze_started),
    ],
)
def test_worker_start_freezes_what_exists(unfrozen: None, signal: Any, handler: Callable[..., None]) -> None:
    connected = [r() if isinstance(r, weakref.ReferenceType) else r for _, r in signal.receivers]
    assert handler in connected
    before = len(gc.get_objects())
    handler()
    assert gc.get_freeze_count() > 0.9 * before > 0
    assert len(gc.get_objects()) < before / 10  # the collector no longer walks them
