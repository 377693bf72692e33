"""The record of every input file's state (SQLite beside the store).

Each file ends an ingest in exactly one state: ``ingested``, ``updated``, ``duplicate``,
``superseded`` or ``rejected`` (with a reason code, a message and the line where there is one).
The store is the truth about articles; the record is the truth about files, written after each
article commits, so a crash between the two is repaired by running the same ingest again (which
is also why the record need not be flushed to disk at every commit).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

STATES = ("ingested", "updated", "duplicate", "superseded", "rejected")

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
    recorded_at TEXT NOT NULL,
    body_key TEXT
);
CREATE INDEX IF NOT EXISTS files_by_key ON files(article_key);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# A snapshot is named after the UTC time it was made (kg.publish); the store's last change is
# kept in the same form, so that the two compare as strings.
_STAMP = "%Y%m%dT%H%M%S%fZ"
_COLUMNS = ("path, state, article_key, content_hash, reason, message, line, duplicate_of, "
            "recorded_at, body_key")


@dataclass(frozen=True)
class FileRecord:
    path: str
    state: str
    article_key: str | None = None
    content_hash: str | None = None
    reason: str | None = None
    message: str | None = None
    line: int | None = None
    duplicate_of: str | None = None  # duplicate: the file it repeats; superseded: its successor
    recorded_at: str = ""
    body_key: str | None = None  # date and text of the article (see Article.body_key)


class Ledger:
    """The file record of one data folder."""

    def __init__(self, path: Path, *, read_only: bool = False):
        self._columns = _COLUMNS
        self._batched = False
        if read_only:  # reading the record never creates nor upgrades it
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            if "body_key" not in self._column_names():  # written by an older newskg
                self._columns = _COLUMNS.replace("body_key", "NULL AS body_key")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        # WAL without a sync per commit: ~50x faster records; one lost to a power cut is
        # repaired like a crash, by running the ingest again.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        with self._db:
            if "body_key" not in self._column_names():  # older: before corrected titles
                self._db.execute("ALTER TABLE files ADD COLUMN body_key TEXT")
            self._db.execute("CREATE INDEX IF NOT EXISTS files_by_body ON files(body_key)")

    def _column_names(self) -> set[str]:
        return {row[1] for row in self._db.execute("PRAGMA table_info(files)")}

    def get(self, path: str) -> FileRecord | None:
        row = self._db.execute(
            f"SELECT {self._columns} FROM files WHERE path = ?", (path,)
        ).fetchone()
        return FileRecord(*row) if row else None

    def record(self, record: FileRecord) -> None:
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._db.execute(
            f"INSERT OR REPLACE INTO files ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.path, record.state, record.article_key, record.content_hash,
             record.reason, record.message, record.line, record.duplicate_of, stamp,
             record.body_key),
        )
        if not self._batched:
            self._db.commit()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Records made inside are committed together, at the end (even when it is an error):
        one commit per chunk of articles instead of one per file."""
        self._batched = True
        try:
            yield
        finally:
            self._batched = False
            self._db.commit()

    def source_of(self, key: str, other_than: str) -> str | None:
        """Another file recorded as the source of article ``key``, if any."""
        row = self._db.execute(
            "SELECT path FROM files WHERE article_key = ? AND path != ? "
            "AND state IN ('ingested', 'updated') ORDER BY path LIMIT 1",
            (key, other_than),
        ).fetchone()
        return row[0] if row else None

    def with_body(self, body_key: str, other_than_key: str) -> FileRecord | None:
        """A file whose stored article has the same date and text under another key."""
        row = self._db.execute(
            f"SELECT {self._columns} FROM files WHERE body_key = ? AND article_key != ? "
            "AND state IN ('ingested', 'updated') ORDER BY path LIMIT 1",
            (body_key, other_than_key),
        ).fetchone()
        return FileRecord(*row) if row else None

    def files(self, state: str | None = None) -> list[FileRecord]:
        sql, args = f"SELECT {self._columns} FROM files", ()
        if state:
            sql, args = sql + " WHERE state = ?", (state,)
        return [FileRecord(*row) for row in self._db.execute(sql + " ORDER BY path", args)]

    def counts(self) -> dict[str, int]:
        found = dict(self._db.execute("SELECT state, COUNT(*) FROM files GROUP BY state"))
        return {state: found.get(state, 0) for state in STATES}

    def mark_changed(self) -> None:
        """Note that the store is being changed (before the change): publishing is due."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('changed', ?)",
                             (dt.datetime.now(dt.UTC).strftime(_STAMP),))

    def changed_since(self, snapshot: str | None) -> bool:
        """Whether the store changed after the snapshot named ``snapshot`` (None: never
        published) was made: an ingest stopped before it published."""
        try:
            row = self._db.execute("SELECT value FROM meta WHERE name = 'changed'").fetchone()
        except sqlite3.OperationalError:  # a record older than this table, read-only
            return False
        return row is not None and (snapshot is None or row[0] > snapshot)

    def close(self) -> None:
        self._db.close()
