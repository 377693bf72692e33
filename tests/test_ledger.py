"""The record of files: a record written by an older newskg is read, and upgraded on writing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kg.ledger import FileRecord, Ledger

OLD_SCHEMA = """
CREATE TABLE files (path TEXT PRIMARY KEY, state TEXT NOT NULL, article_key TEXT,
    content_hash TEXT, reason TEXT, message TEXT, line INTEGER, duplicate_of TEXT,
    recorded_at TEXT NOT NULL);
INSERT INTO files VALUES ('a.txt', 'ingested', 'k1', 'h1', NULL, NULL, NULL, NULL, 'then');
"""


def old_record(tmp_path: Path) -> Path:
    path = tmp_path / "ingest.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    return path


def test_an_older_record_is_read_without_changing_it(tmp_path: Path):
    path = old_record(tmp_path)
    before = path.read_bytes()
    ledger = Ledger(path, read_only=True)
    (record,) = ledger.files()
    assert (record.path, record.state, record.body_key) == ("a.txt", "ingested", None)
    assert not ledger.changed_since(None)
    ledger.close()
    assert path.read_bytes() == before


def test_an_older_record_is_upgraded_when_written(tmp_path: Path):
    ledger = Ledger(old_record(tmp_path))
    ledger.record(FileRecord("b.txt", "ingested", "k2", "h2", body_key="b1"))
    assert ledger.with_body("b1", "other").path == "b.txt"
    assert ledger.get("a.txt").body_key is None
    assert ledger.counts()["ingested"] == 2
    assert not ledger.changed_since(None)
    ledger.mark_changed()
    assert ledger.changed_since(None) and not ledger.changed_since("99991231T000000000000Z")


def test_records_of_a_batch_are_committed_together_even_on_an_error(tmp_path: Path):
    path = tmp_path / "ingest.sqlite"
    writer, reader = Ledger(path), None
    try:
        with writer.batch():
            writer.record(FileRecord("a.txt", "ingested", "k1", "h1"))
            reader = Ledger(path, read_only=True)
            assert reader.get("a.txt") is None  # not yet: one commit per batch
            writer.record(FileRecord("b.txt", "rejected", reason="failed", message="m"))
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert reader is not None and reader.counts()["ingested"] == 1
    assert reader.get("b.txt").reason == "failed"
    writer.record(FileRecord("c.txt", "ingested", "k3", "h3"))  # outside a batch: at once
    assert reader.get("c.txt") is not None
