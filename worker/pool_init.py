"""Worker processes keep their start-up objects out of the garbage collector's way.

Why: a pool process is forked from the main process and inherits every object it made at start-up
(Celery, kombu, lxml, pydantic models: some 60,000 tracked objects). Each full collection in the pool
process walked them all again, about 0.4 ms per page, and wrote to the memory pages they live on, so
copy-on-write duplicated those pages. `gc.freeze()` moves them to a generation the collector never
visits, as CPython's documentation advises for servers that fork workers; pages made afterwards are
collected as before.
"""

from __future__ import annotations

import gc
from typing import Any

from celery import signals


def _freeze(**_: Any) -> None:
    gc.freeze()


# In each pool process right after the fork, and in the main process once it is up (what it made
# while starting is as permanent; later pool processes inherit the frozen generation as it is).
signals.worker_process_init.connect(_freeze, weak=False)
signals.worker_ready.connect(_freeze, weak=False)
