"""Answers to repeated requests, kept in each web worker for the snapshot they were computed on.

A published snapshot never changes, so an answer computed on it stays right for as long as that
snapshot is served. The cache belongs to one snapshot at a time: the first request on a newer
snapshot empties it, so no answer outlives the state it came from. Bounded in bytes, least
recently used out first (cachetools' LRU, sized by each answer's bytes); an answer larger than an
eighth of the cache is not kept (one huge result would otherwise push out hundreds of small ones).
"""

from __future__ import annotations

import threading
from collections.abc import Hashable
from typing import Any

from cachetools import LRUCache


class AnswerCache:
    """A bytes-bounded LRU of finished answers for one snapshot; thread-safe."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._snapshot: str | None = None
        self._entries: LRUCache[Hashable, tuple[Any, int]] = LRUCache(
            max_bytes, getsizeof=lambda entry: entry[1])

    def get(self, snapshot: str, key: Hashable) -> Any | None:
        """The answer kept for ``key`` on ``snapshot``, or None."""
        if not self.max_bytes:
            return None
        with self._lock:
            self._follow(snapshot)
            entry = self._entries.get(key)
            return None if entry is None else entry[0]

    def put(self, snapshot: str, key: Hashable, answer: Any, size: int) -> None:
        """Keep ``answer`` (about ``size`` bytes) for ``key`` on ``snapshot``."""
        if size > self.max_bytes // 8:
            return
        with self._lock:
            self._follow(snapshot)
            self._entries[key] = (answer, size)

    def _follow(self, snapshot: str) -> None:
        if snapshot != self._snapshot:
            self._entries.clear()
            self._snapshot = snapshot
