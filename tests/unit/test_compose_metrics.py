"""The compose stack serves metrics: the image has the extra, each worker replica exposes the port."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT


def test_worker_exposes_its_metrics_port_without_publishing_it() -> None:
    worker = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["worker"]
    port = re.fullmatch(r"\$\{METRICS_PORT:-(\d+)\}", worker["environment"]["METRICS_PORT"])
    assert port is not None and int(port.group(1)) > 0
    assert worker["expose"] == [worker["environment"]["METRICS_PORT"]]
    assert "ports" not in worker  # a published host port would stop --scale


def test_image_installs_the_metrics_extra() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    # Either the extra by name, or the dependency layer built from pyproject's lists including it.
    assert re.search(r"pip install '\.\[[^\]]*metrics[^\]]*\]'", dockerfile) or (
        '["optional-dependencies"]["metrics"]' in dockerfile and "pip install -r" in dockerfile
    )
