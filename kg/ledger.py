"""The record of every input file's state (SQLite beside the store).

Each file ends an ingest in exactly one state: ``ingested``, ``updated``, ``duplicate`` or
``rejected`` (with a reason code, a message and the line where there is one). The store is the
truth about articles; the record is the truth about files, written after each article commits,
so a crash between the two is repaired by running the same ingest again.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

STATES = ("ingested", "updated", "duplicate", "rejected")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    article_key TEXT,
    content_hash TEXT,
    reason TEXT,
    message TEXT,
    line INTEGER,
    duplicate_of TEXT,
    recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_key ON files(article_key);
"""


@dataclass(frozen=True)
class FileRecord:
    path: str
    state: str
    article_key: str | None = None
    content_hash: str | None = None
    reason: str | None = None
    message: str | None = None
    line: int | None = None
    duplicate_of: str | None = None
    recorded_at: str = ""


class Ledger:
    """The file record of one data folder."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.executescript(_SCHEMA)

    def get(self, path: str) -> FileRecord | None:
        row = self._db.execute(
            "SELECT * FROM files WHERE path = ?", (path,)
        ).fetchone()
        return FileRecord(*row) if row else None

    def record(self, record: FileRecord) -> None:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.path, record.state, record.article_key, record.content_hash,
                 record.reason, record.message, record.line, record.duplicate_of, stamp),
            )

    def source_of(self, key: str, other_than: str) -> str | None:
        """Another file recorded as the source of article ``key``, if any."""
        row = self._db.execute(
            "SELECT path FROM files WHERE article_key = ? AND path != ? "
            "AND state IN ('ingested', 'updated') ORDER BY path LIMIT 1",
            (key, other_than),
        ).fetchone()
        return row[0] if row else None

    def files(self, state: str | None = None) -> list[FileRecord]:
        sql, args = "SELECT * FROM files", ()
        if state:
            sql, args = sql + " WHERE state = ?", (state,)
        return [FileRecord(*row) for row in self._db.execute(sql + " ORDER BY path", args)]

    def counts(self) -> dict[str, int]:
        found = dict(self._db.execute("SELECT state, COUNT(*) FROM files GROUP BY state"))
        return {state: found.get(state, 0) for state in STATES}

    def close(self) -> None:
        self._db.close()
