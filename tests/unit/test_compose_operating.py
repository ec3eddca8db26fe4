"""The compose file's intake service, healthchecks and monitoring profile fit the CLI they call."""

from __future__ import annotations

import shlex

import yaml

from tests.conftest import ROOT

SERVICES = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def healthcheck_argv(service: str) -> list[str]:
    kind, line = SERVICES[service]["healthcheck"]["test"]
    assert kind == "CMD-SHELL"  # the shell expands $(hostname) inside the container
    return shlex.split(line.replace("$$", "$"))  # compose's escape for a literal $


def test_worker_healthcheck_names_the_default_celery_node() -> None:
    assert "-n" not in SERVICES["worker"]["command"]  # so its node name is celery@<hostname>
    assert healthcheck_argv("worker") == ["article-worker", "check", "--quiet", "--name", "celery@$(hostname)"]


def test_intake_runs_as_its_own_service_with_a_healthcheck() -> None:
    intake = SERVICES["intake"]
    assert intake["command"] == ["article-worker", "intake"]
    assert "--consumer" not in intake["command"]  # default consumer name intake@<hostname>
    assert healthcheck_argv("intake")[-1] == "intake@$(hostname)"
    assert "container_name" not in intake and intake["init"] is True


def test_flower_only_in_the_monitoring_profile() -> None:
    flower = SERVICES["flower"]
    assert flower["profiles"] == ["monitoring"] and flower["image"].startswith("mher/flower")
    assert any(port.endswith(":5555") and port.startswith("127.0.0.1:") for port in flower["ports"])
    assert all("profiles" not in SERVICES[name] for name in ("redis", "worker", "intake"))
