"""The package's layering, read from its source: no import cycle, the web tier only reads, every
IRI written once (kg/vocab.py) and every format named once (kg/formats.py)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "kg"
# The pipeline's writing side, which the web tier must never load.
WRITER = ("kg.ingest", "kg.publish", "kg.mapping", "kg.validation", "kg.entities", "kg.ledger",
          "kg.cli")
LEAVES = {"kg.vocab": set(), "kg.ids": set(), "kg.settings": set(), "kg.formats": {"kg.vocab"}}
IRI = re.compile(r"https?://(?:www\.)?(?:schema\.org|w3\.org|purl\.org|xmlns\.com|rdfs\.org|"
                 r"w3id\.org|iana\.org)")


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path) -> Iterator[str]:
    """The kg modules ``name`` imports, at any depth of its source (lazy imports count)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("kg"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            if base.startswith("kg"):
                yield base
                yield from (f"{base}.{a.name}" for a in node.names
                            if f"{base}.{a.name}" in MODULES)


MODULES = modules()
GRAPH = {name: {i for i in imports(name, path) if i in MODULES and i != name}
         for name, path in MODULES.items()}


def test_no_import_cycle():
    # A package importing its own submodules is how packages are made, not a cycle.
    edges = {name: {t for t in targets if not t.startswith(name + ".")}
             for name, targets in GRAPH.items()}
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                pytest.fail("import cycle: " + " -> ".join([*trail, name, target]))
            if not state.get(target):
                visit(target, [*trail, name])
        state[name] = 2

    for name in sorted(edges):
        if not state.get(name):
            visit(name, [])


def test_the_web_tier_and_the_query_processes_only_read():
    for name, targets in GRAPH.items():
        if name.startswith(("kg.web", "kg.sparql", "kg.store", "kg.snapshots")):
            bad = sorted(t for t in targets if t.startswith(WRITER))
            assert not bad, f"{name} imports the writing side: {bad}"


def test_no_module_imports_the_app_factory_but_the_server():
    importers = sorted(name for name, targets in GRAPH.items() if "kg.web.app" in targets)
    assert importers == ["kg.web.server"]


@pytest.mark.parametrize("leaf", sorted(LEAVES))
def test_leaves_import_nothing_above_them(leaf: str):
    assert GRAPH[leaf] <= LEAVES[leaf]


def test_iris_are_written_in_kg_vocab_only():
    for name, path in MODULES.items():
        if name == "kg.vocab":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    not _is_docstring(node, path) and IRI.search(node.value):
                pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}")


def test_formats_are_named_in_kg_formats_only():
    for name, path in MODULES.items():
        if name != "kg.formats":
            text = path.read_text()
            assert not re.search(r"\b(RdfFormat|QueryResultsFormat)\.[A-Z]", text), name


def test_only_the_store_package_touches_pyoxigraph_stores():
    for name, path in MODULES.items():
        if not name.startswith("kg.store"):
            # An in-memory pyoxigraph store is a data structure (validation uses one); opening a
            # store on disk, or reaching into one, is the store package's business.
            assert not re.search(r"\.raw\b|quads_for_pattern|ox\.Store\((?!\))|Store\.read_only",
                                 path.read_text()), name


def _is_docstring(node: ast.Constant, path: Path) -> bool:
    return node.value in {ast.get_docstring(n, clean=False)
                          for n in ast.walk(ast.parse(path.read_text()))
                          if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef)}
