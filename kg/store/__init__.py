"""Storing: where the graph lives, behind one interface (:mod:`kg.store.interface`).

:mod:`kg.store.embedded` keeps the graph on disk with pyoxigraph; a remote SPARQL 1.1 server is
the next implementation of the same interface. Callers open a store with :func:`open_store` and
use the interface; nothing outside this package reaches past it.
"""

from __future__ import annotations

from pathlib import Path

from kg.store.embedded import OxigraphStore
from kg.store.interface import (
    ArticleStatements,
    Results,
    Store,
    StoreError,
    StoreInUse,
    Subject,
    WritableStore,
)

__all__ = ["ArticleStatements", "Results", "Store", "StoreError", "StoreInUse", "Subject",
           "WritableStore", "open_store"]


def open_store(path: Path | None, base: str, *, read_only: bool = False) -> WritableStore:
    """The store at ``path`` (in memory for None), read-only (a published snapshot) or for
    writing (one writer at a time: :class:`StoreInUse` otherwise)."""
    return OxigraphStore(path, base, read_only=read_only)
