"""The files newskg ships beside its code: the SHACL shapes and the canned queries.

They live in the top-level ``shapes/`` and ``queries/`` folders of the repository (one copy) and
are installed as the packages ``kg.shapes`` and ``kg.queries_data`` (see pyproject.toml), so they
are read the same way from a checkout and from an installed wheel. Missing shapes are an error,
never a silently skipped validation.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


class BundleError(RuntimeError):
    """A file newskg ships is missing: the installation is broken."""


def shape_files() -> list[Traversable]:
    """The shapes files (``*.ttl``), sorted by name; raises :class:`BundleError` if none."""
    found = sorted((f for f in files("kg.shapes").iterdir() if f.name.endswith(".ttl")),
                   key=lambda f: f.name)
    if not found:
        raise BundleError("no SHACL shapes are installed with newskg (kg.shapes holds no .ttl "
                          "file): reinstall it")
    return found


def shapes_turtle() -> bytes:
    """The shapes files as published at ``/shapes.ttl``."""
    return b"\n".join(f.read_bytes() for f in shape_files())


def query_files() -> list[Traversable]:
    """The canned query files (``*.rq``), sorted by name."""
    return sorted((f for f in files("kg.queries_data").iterdir() if f.name.endswith(".rq")),
                  key=lambda f: f.name)
