"""What tests, benchmarks (`bench/`) and scripts (`scripts/chaos.py`) share to drive real workers.

- `workers`: real `article-worker` processes (a worker, the intake...), started, watched, killed, stopped.
- `holds`: the launcher that lets a page ask to be held mid-task (kill tests, chaos).
- `chaos`: a chaos run: many pages, several workers, SIGKILLs at random, every message accounted for.
- `redis_keys`: a fresh key prefix per run on a shared Redis, and its cleanup.
- `pages`: synthetic article pages.

Never imported by `worker/` (the product); it imports `worker` and `schemas` like any client would.
"""
