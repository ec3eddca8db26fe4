"""`make chaos N=3000`: the CI chaos run, longer. Prints the tally; exits 1 on any missing or duplicate page.

Uses the Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379/9) under a fresh key prefix, deleted
afterwards. Whole workers are killed at any instant; with RELIABLE_FETCH=false (kombu's BRPOP) that
loses a page now and then, unless --only-busy-worker-kills (see README "Delivery guarantees").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from harness.chaos import Chaos, Plan
from harness.redis_keys import TEST_REDIS_URL, delete_prefix, new_prefix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--logs", help="keep the worker logs in this directory")
    parser.add_argument(
        "--only-busy-worker-kills", action="store_true", help="kill whole workers only while every pool process is busy"
    )
    args = parser.parse_args()

    client = redis.Redis.from_url(TEST_REDIS_URL)
    prefix = new_prefix("chaos")
    env = {"REDIS_URL": TEST_REDIS_URL, "KEY_PREFIX": prefix}
    with tempfile.TemporaryDirectory(prefix="chaos-") as tmp:
        logs = Path(args.logs or tmp)
        logs.mkdir(parents=True, exist_ok=True)
        chaos = Chaos(env, client, logs, seed=args.seed)
        chaos.only_busy_worker_kills = args.only_busy_worker_kills
        plan = Plan(
            pages=args.pages,
            workers=args.workers,
            concurrency=args.concurrency,
            chaos_seconds=max(12.0, args.pages / 25),
            settle_seconds=120.0,
        )
        try:
            tally = chaos.run(plan)
        finally:
            chaos.stop()
            delete_prefix(client, prefix)
    print(tally.line())
    for name, ids in (("missing", tally.missing), ("duplicated", tally.duplicates)):
        if ids:
            print(f"{name}: {', '.join(ids[:20])}", file=sys.stderr)
    return 1 if tally.missing or tally.duplicates else 0


if __name__ == "__main__":
    sys.exit(main())
