"""What a built wheel holds: every package of kg/, the shapes and the canned queries."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kg import bundled, validation
from tests.conftest import ROOT


def test_every_package_of_kg_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {".".join(path.parent.relative_to(ROOT).parts)
             for path in (ROOT / "kg").rglob("__init__.py")}
    mapped = set(config["package-dir"])
    assert set(config["packages"]) == found | mapped
    assert {config["package-dir"][name] for name in mapped} == {"shapes", "queries"}


def test_the_shapes_and_queries_are_read_as_package_data():
    assert [f.name for f in bundled.shape_files()] == sorted(
        p.name for p in (ROOT / "shapes").glob("*.ttl"))
    assert [f.name for f in bundled.query_files()] == sorted(
        p.name for p in (ROOT / "queries").glob("*.rq"))


def test_missing_shapes_stop_validation_instead_of_passing_everything(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(bundled, "files", lambda package: tmp_path)  # installed without them
    validation.load_shapes.cache_clear()
    try:
        with pytest.raises(bundled.BundleError, match="no SHACL shapes"):
            validation.load_shapes()
    finally:
        validation.load_shapes.cache_clear()
