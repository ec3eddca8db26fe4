"""The `article-worker` command: one module per subcommand, registered here."""

from __future__ import annotations

import click

from .. import __version__
from . import enqueue_cmd, extract_cmd, schema_cmd, tail_cmd, worker_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="article-worker")
def main() -> None:
    """Raw pages in, structured article events out."""


for module in (extract_cmd, enqueue_cmd, worker_cmd, tail_cmd, schema_cmd):
    main.add_command(module.command)
