"""The README's producer snippets, so tests check and run exactly what readers copy."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SNIPPETS = dict(re.findall(r"<!-- producer: ([\w-]+) -->\n```\w+\n(.*?)\n```", README, flags=re.S))


def redis_cli_line() -> list[str]:
    """The README's `redis-cli XADD pages:in ...` command, split as a shell would."""
    [line] = [line for line in SNIPPETS["redis-cli"].splitlines() if line.startswith("redis-cli ")]
    return shlex.split(line)
