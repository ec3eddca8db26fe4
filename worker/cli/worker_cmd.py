"""`article-worker worker`: a Celery worker on the pages queue; Celery's own options pass through."""

from __future__ import annotations

import click


@click.command("worker", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def command(ctx: click.Context) -> None:
    """Start a worker (e.g. `article-worker worker --concurrency 4 -n w1@%h`)."""
    from ..celery_app import app, install
    from ..ops.logs import configure_logging
    from ..ops.metrics import enable as enable_metrics
    from ..settings import get_settings

    settings = get_settings()
    configure_logging(settings)
    enable_metrics(settings)  # before the pool forks, so pool processes count into shared files
    install(app, settings)
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
