"""The published state the web tier reads: the current snapshot and its read-only store.

Each request takes one :class:`View` at its start and uses it throughout, so every response comes
from one consistent snapshot. When ``snapshots/CURRENT`` names a newer snapshot, the next request
opens it (~15 ms); requests under way keep the view they hold.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from kg.publish import CURRENT, Snapshot, current
from kg.store.embedded import OxigraphStore


@dataclass(frozen=True)
class View:
    snapshot: Snapshot
    store: OxigraphStore


class NotPublished(Exception):
    """Nothing has been published yet (no `kg ingest` has run on this data folder)."""


class Published:
    """Follows ``snapshots/CURRENT``; cheap to ask on every request (one ``stat``)."""

    def __init__(self, snapshots_dir: Path, base: str):
        self.snapshots_dir = snapshots_dir
        self.base = base
        self._lock = threading.Lock()
        self._view: View | None = None
        self._stamp: tuple[int, int] | None = None

    def view(self) -> View:
        try:
            st = (self.snapshots_dir / CURRENT).stat()
            stamp = (st.st_mtime_ns, st.st_ino)
        except OSError:
            stamp = None
        if self._view is not None and stamp == self._stamp:
            return self._view
        with self._lock:
            if self._view is None or stamp != self._stamp:
                snapshot = current(self.snapshots_dir)
                if snapshot is None:
                    raise NotPublished("nothing is published yet: run `kg ingest` first")
                if self._view is None or snapshot.name != self._view.snapshot.name:
                    store = OxigraphStore(snapshot.store_path, self.base, read_only=True)
                    self._view = View(snapshot, store)
                self._stamp = stamp
            return self._view
