"""Pages onto the queue.

- `send`: the Python API, `enqueue(page)` (validated here, a large page by claim check), and the raw
  senders dead-letter replay and tests use.
- `intake`: the plain-JSON intake, `XADD pages:in * page '{...}'` from any language onto the queue.

May import: `worker.service.app` (to send through Celery), `worker.page` (decoding, ids, dead letters),
`worker.store`, `worker.ops`, `worker.settings`, `schemas`.
"""

from .send import enqueue, enqueue_message, send_text, to_raw_page

__all__ = ["enqueue", "enqueue_message", "send_text", "to_raw_page"]
