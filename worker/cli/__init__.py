"""The `article-worker` command: one module per subcommand (`*_cmd.py`), found and registered here.

Discovery instead of a hand-kept list, so adding a subcommand touches only its own module.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="article-worker")
def main() -> None:
    """Raw pages in, structured article events out."""


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.endswith("_cmd"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            main.add_command(module.command)


_register()
