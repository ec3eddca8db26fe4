"""Worker processes keep their start-up objects out of the garbage collector's way.

Why: a pool process is forked from the main process and inherits every object it made at start-up
(Celery, kombu, lxml, pydantic models: some 60,000 tracked objects). Each full collection in the pool
process walked them all again, about 0.4 ms per page, and wrote to the memory pages they live on, so
copy-on-write duplicated those pages. `gc.freeze()` moves them to a generation the collector never
visits (what CPython's documentation suggests for servers that fork workers); pages made afterwards
are collected as before.
"""

from __future__ import annotations

import gc


def freeze_inherited() -> None:
    """In each pool process right after the fork: everything it holds then came from the main process.
    (A pool process is replaced every MAX_TASKS_PER_CHILD pages, so what it freezes is bounded.)"""
    gc.freeze()


def freeze_started() -> None:
    """In the main process once it is up: collect the start-up garbage first, since frozen objects are
    never collected; pool processes forked later (recycling) inherit the frozen generation as it is."""
    gc.collect()
    gc.freeze()
