"""`article-worker intake`: move plain-JSON pages from the `pages:in` stream onto the Celery queue."""

from __future__ import annotations

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

    from ..celery_app import app
    from ..intake import Intake
    from ..ops.logs import configure_logging
    from ..producer import enqueue
    from ..runtime import streams
    from ..settings import get_settings
    from ..store.groups import GroupReader

    settings = get_settings()
    configure_logging(settings)
    name = consumer or f"intake@{socket.gethostname()}"
    reader = GroupReader(
        streams().client,
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
    click.echo(f"intake {name}: {settings.key(settings.intake_stream)} -> queue {settings.pages_queue}", err=True)
    Intake(reader, streams(), settings, send).run(lambda: stop, block_ms)
