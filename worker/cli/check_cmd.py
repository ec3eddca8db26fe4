"""`article-worker check`: exit 0 when a worker's heartbeat key is alive, 1 otherwise.

The logic lives in `healthcheck.py`, which the entry point calls directly for the compose
healthcheck (no click); this is the same command inside the click group (`--help`, `CliRunner`).
"""

from __future__ import annotations

import sys

import click

from .healthcheck import DEFAULTS, connect, environment
from .healthcheck import check as run_check

__all__ = ["DEFAULTS", "command", "connect", "environment"]


@click.command("check")
@click.option("--name", default=None, help="Node name (e.g. celery@host, intake@host); default: any.")
@click.option("--quiet", "-q", is_flag=True, help="Exit status only.")
def command(name: str | None, quiet: bool) -> None:
    """Exit 0 if the named worker (or any worker) has a fresh heartbeat, else 1."""
    sys.exit(run_check(name, quiet))
