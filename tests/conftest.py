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
CORPUS_CHECK = FIXTURES / "corpus-check"
CORPUS_HELDOUT = FIXTURES / "corpus-heldout"
CORPUS_HELDOUT2 = FIXTURES / "corpus-heldout2"
CORPUS_HELDOUT3 = FIXTURES / "corpus-heldout3"
CORPUS_HELDOUT4 = FIXTURES / "corpus-heldout4"
CORPUS_HELDOUT5 = FIXTURES / "corpus-heldout5"
CORPUS_HELDOUT6 = FIXTURES / "corpus-heldout6"
CORPUS_HELDOUT7 = FIXTURES / "corpus-heldout7"
CORPUS_HELDOUT8 = FIXTURES / "corpus-heldout8"
CORPUS_HELDOUT9 = FIXTURES / "corpus-heldout9"
CORPUS_HELDOUT10 = FIXTURES / "corpus-heldout10"
CORPUS_HELDOUT11 = FIXTURES / "corpus-heldout11"
CORPUS_HELDOUT12 = FIXTURES / "corpus-heldout12"
CORPUS_HELDOUT13 = FIXTURES / "corpus-heldout13"
CORPUS_HELDOUT14 = FIXTURES / "corpus-heldout14"
CORPUS_HELDOUT15 = FIXTURES / "corpus-heldout15"
CORPUS_HELDOUT16 = FIXTURES / "corpus-heldout16"
CORPUS_HELDOUT17 = FIXTURES / "corpus-heldout17"
CORPUS_HELDOUT18 = FIXTURES / "corpus-heldout18"
CORPUS_HELDOUT19 = FIXTURES / "corpus-heldout19"
BAD = FIXTURES / "bad"
TOLERATED = FIXTURES / "tolerated"


def test_settings(data_dir: Path, **changes: object) -> Settings:
    """Settings on ``data_dir`` for tests: the rules-only name finder (fast, no model), and no
    per-client limits (tests ask far more, and faster, than a client may; the limits have their
    own tests)."""
    return Settings(data_dir=data_dir, ner="rules", rate_limit=0, client_requests=0,
                    client_queries=0).replace(**changes)


test_settings.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on an empty data folder (see :func:`test_settings`)."""
    return test_settings(tmp_path / "data")


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
