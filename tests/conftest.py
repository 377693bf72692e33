"""Shared fixtures: paths to the fixture folders and settings on a fresh data folder."""

from __future__ import annotations

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
