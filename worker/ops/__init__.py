"""What operators see and use.

- `report`: the one outcome vocabulary, and the one line (and count) per message.
- `metrics`: Prometheus counters of those outcomes, and the queue figures as gauges.
- `figures`: the queue and stream figures, read from Redis, for `stats` and the metrics alike.
- `liveness`: the heartbeat of each worker and intake, written and read.
- `logs`: the log handler (text or JSON lines, the Redis password masked).
- `dlq`: the dead-letter stream: list, show, replay, purge.

May import: `schemas`, `worker.settings`, `worker.store`. Never celery at import time (the worker's
`install` connects these to Celery's signals), never the pipeline.
"""
