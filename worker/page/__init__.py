"""One page message to one outcome, without Celery.

- `messages`: the message text to a validated `RawPage`, and the verbatim copy a dead letter keeps.
- `ids`: stable job and event ids (the same page gives the same ids, so duplicates are recognisable).
- `process`: `Pages.process`: decode, extract (the pipeline), publish the event, report it; or
  dead-letter the message.
- `dead_letters`: the one dead-letter recorder (build, publish once, report), used by every stage.

May import: `schemas`, `worker.settings`, `worker.pipeline`, `worker.store`, `worker.ops`. Never celery
(the soft time limit's exception comes from billiard, Celery's pool).
"""
