"""The benchmarks' article generator: deterministic, and every article it writes is valid."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate
from kg.articles import read_article


def test_same_seed_same_bytes_and_valid_articles(tmp_path: Path):
    first = generate(30, tmp_path / "a", seed=7)
    second = generate(30, tmp_path / "b", seed=7)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    articles = [read_article(p, max_file_bytes=10**6, max_field_chars=1000) for p in first]
    assert all(a.authors and a.word_count > 50 for a in articles)
    assert any(len(a.authors) > 1 for a in articles)
    assert generate(1, tmp_path / "c", seed=8)[0].read_bytes() != first[0].read_bytes()
