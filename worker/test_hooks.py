"""A test-only hook that holds a page mid-task, so kill tests can strike while it runs.

Inert unless the worker's environment sets ARTICLE_WORKER_TEST_HOOKS=1 (only the test suite does)
and the page's attributes ask for it with `test_hold_s`.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from schemas import RawPage

if TYPE_CHECKING:
    from .store.streams import Streams

ENV = "ARTICLE_WORKER_TEST_HOOKS"


def enabled() -> bool:
    return os.environ.get(ENV) == "1"


def hold(raw: RawPage, attempt: int, worker: str | None, streams: Streams, stage: str) -> None:
    """Sleep `test_hold_s` seconds at `test_hold_at` ("start", the default, or "published": after
    the event is written, before the ack) on the first `test_hold_attempts` attempts (default 1).

    While holding, the key `test:busy:<worker>:<pid>` (expiring with the hold) tells the test
    which process is mid-task.
    """
    if not enabled():
        return
    seconds = raw.attributes.get("test_hold_s")
    if not isinstance(seconds, (int, float)) or seconds <= 0:
        return
    if stage != raw.attributes.get("test_hold_at", "start") or attempt > int(
        raw.attributes.get("test_hold_attempts", 1)
    ):
        return
    key = streams.settings.key(f"test:busy:{worker}:{os.getpid()}")
    streams.client.set(key, raw.job_id or raw.url, px=max(1, int(seconds * 1000)))
    time.sleep(seconds)
