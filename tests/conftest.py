"""Shared fixtures: paths to the fixture folders and settings on a fresh data folder."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"
CORPUS = FIXTURES / "corpus"
CORPUS_TUNE = FIXTURES / "corpus-tune"
CORPUS_HELDOUT = FIXTURES / "corpus-heldout"
BAD = FIXTURES / "bad"
TOLERATED = FIXTURES / "tolerated"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on an empty data folder, with the rules-only name finder (fast, no model)."""
    return Settings(data_dir=tmp_path / "data", ner="rules")


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP port on loopback (its ``http://`` URL) that records every connection made to it:
    what newskg must never reach, whatever a query asks."""
    server = socket.create_server(("127.0.0.1", 0))
    hits: list[bytes] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.settimeout(1)
            try:
                hits.append(conn.recv(200))
            except OSError:
                hits.append(b"")
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", hits
    server.close()
