"""article-worker: raw pages in, structured article events out.

`worker.extract` is the pure pipeline (`RawPage -> Article`), imported on first use so that the
command line (`check` above all) starts without it. The Celery app is built by
`worker.service.app.create_app(settings)` when asked, never at import. The packages, bottom up:
`pipeline` (pure extraction), `store` (Redis), `ops` (what operators see), `page` (one message to one
outcome), `service` (Celery), `producer` (pages onto the queue), `cli` (the commands); beside them
`evaluation` and `training` work on the pipeline alone. `settings` is read at the entry points and
passed down. README, "Architecture", draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import extract

__all__ = ["extract"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "extract":
        from .pipeline import extract

        return extract
    raise AttributeError(f"module 'worker' has no attribute {name!r}")
