"""The `article-worker` command.

`run()` is the entry point: `article-worker check` (the compose healthcheck, every 15 s in every
container) is answered by `healthcheck.py` without importing click; everything else goes to the
click group in `group.py`, which finds one module per subcommand (`<name>_cmd.py`) and imports it
when used. `main` is that group (imported on first use), for tests and `CliRunner`.
"""

from __future__ import annotations

import sys
from typing import Any


def run() -> None:
    """The console script: the healthcheck's fast path, else the click group."""
    from .healthcheck import fast_path

    code = fast_path(sys.argv[1:])
    if code is not None:
        raise SystemExit(code)
    from .group import main as group

    group()


def __getattr__(name: str) -> Any:
    if name == "main":
        from .group import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
