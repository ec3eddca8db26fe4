"""Every setting is in .env.example, reaches the compose workers, and is in the README's table."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import ROOT
from worker.settings import Settings

NAMES = [name.upper() for name in Settings.model_fields]
EXAMPLE = dict(
    line.split("=", 1)
    for line in (ROOT / ".env.example").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)


@pytest.mark.parametrize("name", NAMES)
def test_setting_is_documented_and_passed_through(name: str) -> None:
    assert name in EXAMPLE, f"add {name} to .env.example"
    worker = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["worker"]
    assert f"${{{name}:-" in worker["environment"].get(name, ""), f"pass {name} to the worker in docker-compose.yml"
    assert re.search(rf"\| `{name}`|/ `{name}`", (ROOT / "README.md").read_text()), f"add {name} to the README table"


def test_example_values_are_valid_settings() -> None:
    settings = Settings(**{name.lower(): value for name, value in EXAMPLE.items() if value})  # type: ignore[arg-type]
    assert settings.redis_url == "redis://redis:6379/0" and settings.metrics_port == 9808
