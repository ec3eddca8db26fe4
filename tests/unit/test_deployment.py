"""The compose file and Makefile only call commands that exist."""

from __future__ import annotations

import re
import shlex
from typing import Any

import click
import pytest
import yaml

from tests.conftest import ROOT
from worker.cli import main

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
COMMANDS = main.list_commands(click.Context(main))


def compose_commands() -> list[list[str]]:
    found = []
    for service in COMPOSE["services"].values():
        for value in (service.get("command"), (service.get("healthcheck") or {}).get("test")):
            argv: Any = value
            if isinstance(argv, str):
                argv = shlex.split(argv)
            if argv and argv[0] in ("CMD", "CMD-SHELL"):
                argv = argv[1:] if argv[0] == "CMD" else shlex.split(argv[1])
            if argv and argv[0] == "article-worker":
                found.append(argv)
    return found


def test_compose_runs_our_cli() -> None:
    assert compose_commands(), "the worker service must run article-worker"


@pytest.mark.parametrize("argv", compose_commands(), ids=" ".join)
def test_compose_commands_exist_in_the_cli(argv: list[str]) -> None:
    assert argv[1] in COMMANDS, f"{argv[1]!r} is not an article-worker command"


def test_worker_service_can_scale() -> None:
    worker = COMPOSE["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker
    assert worker["init"] is True
    grace = int(re.fullmatch(r"(\d+)s", worker["stop_grace_period"]).group(1))  # type: ignore[union-attr]
    hard_limit = float(re.search(r"HARD_TIME_LIMIT:-(\d+)", worker["environment"]["HARD_TIME_LIMIT"]).group(1))  # type: ignore[union-attr]
    assert grace > hard_limit


def test_redis_service_persists() -> None:
    command = " ".join(COMPOSE["services"]["redis"]["command"])
    assert "--appendonly yes" in command and "noeviction" in command


def test_makefile_runs_installed_commands() -> None:
    text = (ROOT / "Makefile").read_text()
    for sub in re.findall(r"article-worker (\w+)", text):
        assert sub in COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_module_holds_the_command_of_its_name(name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert command is not None and command.name == name
