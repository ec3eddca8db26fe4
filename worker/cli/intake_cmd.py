"""`article-worker intake`: move plain-JSON pages from the `pages:in` stream onto the Celery queue."""

from __future__ import annotations

import logging
import signal
import socket
from types import FrameType

import click


@click.command("intake")
@click.option("--consumer", default=None, help="Consumer name in the group; default intake@<hostname>.")
@click.option("--block", "block_ms", type=int, default=1000, show_default=True, help="Milliseconds one read waits.")
def command(consumer: str | None, block_ms: int) -> None:
    """Read `XADD pages:in * page '{...}'` entries with a consumer group and enqueue them (Ctrl-C to stop)."""
    from schemas import RawPage

    from ..ops import metrics
    from ..ops.logs import configure_logging
    from ..page.dead_letters import DeadLetters
    from ..producer import enqueue
    from ..producer.intake import Intake
    from ..service.app import create_app
    from ..settings import get_settings
    from ..store.client import shared_client
    from ..store.groups import GroupReader
    from ..store.streams import Streams

    settings = get_settings()
    configure_logging(settings)
    if metrics.enable(settings):  # its dead letters are counted as a worker's are
        metrics.serve(settings)
    app = create_app(settings)
    client = shared_client(settings.redis_url)
    name = consumer or f"intake@{socket.gethostname()}"
    reader = GroupReader(
        client,
        settings.key(settings.intake_stream),
        settings.intake_group,
        name,
        claim_idle=settings.intake_claim_idle,
    )

    def send(raw: RawPage) -> str:
        return enqueue(raw, app=app)

    stop = False

    def request_stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stop
        stop = True  # finish the batch in hand, acknowledge it, then leave

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    # A log line, not an echo: with LOG_FORMAT=json it is JSON like every other line of the intake.
    logging.getLogger("article_worker.intake").info(
        "intake %s: %s -> queue %s",
        *(name, settings.key(settings.intake_stream), settings.pages_queue),
        extra={"consumer": name, "stream": settings.key(settings.intake_stream), "queue": settings.pages_queue},
    )
    Intake(reader, settings, DeadLetters(Streams(client, settings)), send).run(lambda: stop, block_ms)
