"""Redis, as this project uses it.

- `keys`: every key name, under KEY_PREFIX (ours, and those of kombu's that we read).
- `client`: the redis-py client with our timeouts and retries; `probe`: a tiny one for `check`.
- `streams`: the writes of a page's outcome (event, skipped page, dead letter) and of its attempt
  counter, each one Lua script so that a message is published once.
- `claims`: claim checks (a large page waits in its own key).
- `groups`: one consumer in a Redis consumer group (the intake, `article-worker consume`).
- `counting`: counting stream entries inside Redis, in bounded Lua calls.

May import: `schemas`, `worker.settings`, redis-py. Never celery, never the pipeline.
"""
