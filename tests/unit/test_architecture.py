"""The layout a newcomer reads (README, "Architecture") holds: packages by concern, no loops, explicit wiring."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

WORKER = ROOT / "worker"
PACKAGES = sorted(p.parent.name for p in WORKER.glob("*/__init__.py"))
#: The order of the README's diagram: a package imports only those before it.
LAYERS = ["pipeline", "store", "ops", "page", "service", "producer", "cli"]


def modules(top: Path) -> dict[str, Path]:
    return {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path
        for path in sorted(top.rglob("*.py"))
    }


def imported(name: str, path: Path, in_functions: bool = True, known: frozenset[str] = frozenset()) -> set[str]:
    """Modules `name` imports (relative imports resolved), optionally leaving out those inside functions.
    `from package import module` depends on that module, not on the package, when `known` lists it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skip: set[int] = set()
    if not in_functions:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                skip.update(id(n) for n in ast.walk(node))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names = {f"{base}.{alias.name}" for alias in node.names}
            found.update(names if names <= known else {base, *names})
    return found


def test_no_module_is_left_loose_in_worker() -> None:
    loose = sorted(p.name for p in WORKER.glob("*.py"))
    assert loose == ["__init__.py", "settings.py"]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_says_what_it_owns_and_what_it_may_import(package: str) -> None:
    doc = ast.get_docstring(ast.parse((WORKER / package / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert len(doc) > 40, f"worker/{package}/__init__.py: a docstring of what the package owns"
    if (
        package in LAYERS[1:-1]
    ):  # the service layer's packages (the pipeline's says it imports neither celery nor redis)
        assert "May import" in doc, f"worker/{package}: say what it may import"


def test_no_import_loop_between_modules() -> None:
    found = modules(WORKER)
    known = frozenset(found)
    graph = {
        name: {m for m in imported(name, path, in_functions=False, known=known) if m in found} - {name}
        for name, path in found.items()
    }
    loops = [sorted(component) for component in strongly_connected(graph) if len(component) > 1]
    assert loops == []


def test_packages_import_only_downwards() -> None:
    order = LAYERS
    for name, path in modules(WORKER).items():
        parts = name.split(".")
        if len(parts) < 3 or parts[1] not in order:
            continue
        mine = order.index(parts[1])
        for target in imported(name, path):
            other = target.split(".")
            if other[0] == "worker" and len(other) > 1 and other[1] in order:
                assert order.index(other[1]) <= mine, f"{name} imports {target}"


@pytest.mark.parametrize("top", ["worker", "bench", "scripts"])
def test_the_product_bench_and_scripts_never_import_the_tests(top: str) -> None:
    for name, path in modules(ROOT / top).items():
        bad = {
            m
            for m in imported(name, path)
            if m.split(".")[0] == "tests" or (top == "worker" and m.startswith("harness"))
        }
        assert not bad, f"{name} imports {sorted(bad)}"


def test_celery_is_wired_in_one_place() -> None:
    """Signals are connected and bootsteps added by install(app) only, never as an import's side effect."""
    for path in WORKER.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "noqa: F401" not in text, f"{path}: an import kept for its side effect"
        if path.relative_to(WORKER).as_posix() != "service/install.py":
            assert not re.search(r"\bsignals\.|\.steps\[", text), f"{path}: wiring outside install(app)"


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            components.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return components
