"""article-worker: raw pages in, structured article events out.

`worker.extract` is the pure pipeline. `worker.app` (the Celery app) is loaded on first use, so that
importing the pipeline never imports celery or redis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .pipeline import extract

if TYPE_CHECKING:
    from celery import Celery

    app: Celery

__all__ = ["app", "extract"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "app":
        from .celery_app import app

        return app
    raise AttributeError(f"module 'worker' has no attribute {name!r}")
