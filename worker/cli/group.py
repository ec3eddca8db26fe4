"""The `article-worker` click group: one module per subcommand (`<name>_cmd.py`), found here and imported when used.

Discovery instead of a hand-kept list, so adding a subcommand touches only its own module; imported on
use, so a command loads only what it needs (`check` runs every 15 s in every container).
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__

__path__ = importlib.import_module(__package__ or "worker.cli").__path__  # where the subcommands live

SUFFIX = "_cmd"


class Commands(click.Group):
    """Subcommands found by module name, imported when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(m.name.removesuffix(SUFFIX) for m in pkgutil.iter_modules(__path__) if m.name.endswith(SUFFIX))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.list_commands(ctx):
            return None
        command: click.Command = importlib.import_module(f"{__package__}.{cmd_name}{SUFFIX}").command
        if command.short_help is None and command.help:  # click would cut it at 45 characters or the first "."
            command.short_help = command.help.strip().splitlines()[0]
        return command


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="article-worker")
def main() -> None:
    """Raw pages in, structured article events out."""
