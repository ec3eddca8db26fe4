"""A worker that disappears holding the restore sweep's lock must not stall redelivery for minutes."""

from __future__ import annotations

from worker.service.app import create_app
from worker.settings import Settings


def test_restore_lock_expires_within_a_few_sweeps() -> None:
    for restore_interval in (1, 10, 60):
        settings = Settings(restore_interval=restore_interval)
        options = create_app(settings).conf.broker_transport_options
        assert options["unacked_mutex_expire"] <= max(10, 3 * restore_interval) < 300  # kombu's default: 300 s
        assert options["unacked_restore_interval"] == restore_interval
