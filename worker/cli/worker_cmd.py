"""`article-worker worker`: a Celery worker on the pages queue; Celery's own options pass through."""

from __future__ import annotations

import click


@click.command("worker", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def command(ctx: click.Context) -> None:
    """Start a worker (e.g. `article-worker worker --concurrency 4 -n w1@%h`)."""
    from ..ops.logs import configure_logging
    from ..service.app import create_app
    from ..service.install import install
    from ..settings import get_settings

    settings = get_settings()
    configure_logging(settings)
    app = create_app(settings)
    install(app)
    # mingle and gossip only matter for revokes and clock sync, which we do not use; they slow start-up.
    # --quiet drops the banner Celery prints on stdout, which no JSON log collector could parse.
    argv = [
        *(["--quiet"] if settings.log_format == "json" else []),
        "worker",
        "--queues",
        settings.pages_queue,
        "--loglevel",
        settings.log_level,
        "--without-mingle",
        "--without-gossip",
        *ctx.args,
    ]
    app.worker_main(argv=argv)
