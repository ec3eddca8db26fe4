"""The Celery service around the page handler.

- `app`: `create_app(settings)`, the Celery app configured for at-least-once JSON delivery, and the
  task's name.
- `install`: `install(app)`, everything a worker adds to Celery: the task, the consumer, the
  bootstep and every signal hook, in one list.
- `task`: the task, a thin shell that owns retries and time limits around `worker.page`.
- `consumer`: Celery's consumer, dead-lettering what it would drop (pickle, unknown tasks).
- `heartbeat`: the bootstep that keeps the worker's liveness fresh.
- `reliable_fetch`: kombu's Redis transport with an atomic BLMOVE fetch.
- `pool`: gc.freeze() as the pool starts.

May import: everything below it (`worker.page`, `worker.ops`, `worker.store`, `worker.settings`,
`schemas`), celery and kombu.
"""
