from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from celery import signals

import worker.tasks  # noqa: F401 - the task module connects pool_init, as in a worker


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.parametrize("signal", [signals.worker_process_init, signals.worker_ready])
def test_worker_start_freezes_what_exists(unfrozen: None, signal: signals.Signal) -> None:
    before = len(gc.get_objects())
    signal.send(sender=None)
    assert gc.get_freeze_count() >= before > 0
    assert len(gc.get_objects()) < before / 10  # the collector no longer walks them
