"""300 pages, 2 workers, random SIGKILLs of pool processes and whole workers: every page accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis

from harness.chaos import Chaos, Plan

pytestmark = pytest.mark.slow  # real workers killed, restarted or held: seconds each (README, Development)


def test_chaos_every_page_is_one_event_or_one_dead_letter(
    service_env: dict[str, str], redis_client: redis.Redis, tmp_path: Path
) -> None:
    chaos = Chaos(service_env, redis_client, tmp_path)
    try:
        tally = chaos.run(
            Plan(
                pages=300, workers=2, concurrency=2, held_share=0.5, chaos_seconds=15, settle_seconds=40,
                child_kill_every=0.3, worker_kill_every=2.0,
            )
        )  # fmt: skip
    finally:
        chaos.stop()
    print(tally.line())
    assert tally.missing == [] and tally.duplicates == [], tally.line()
    assert tally.events + tally.dead_letters == tally.pages
    assert tally.child_kills >= 3, "the run must actually have killed pool processes"
    assert tally.worker_kills >= 1, "and at least one whole worker"
    assert tally.events >= tally.good - tally.reasons["timeout"] - tally.reasons["too_many_attempts"]
    # a killed worker's pages come back through its liveness key (HEARTBEAT_TTL 5 s here), not VISIBILITY_TIMEOUT
    assert tally.not_back == 0 and (not tally.redelivery or max(tally.redelivery) <= 30), tally.redelivery_line()
