"""The lexicon's cache: built once, read back by later processes, rebuilt when it cannot be."""

from __future__ import annotations

import importlib
import os
import pickle
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

# The module: kg.entities exports its function of the same name.
module = importlib.import_module("kg.entities.lexicon")


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    """A cache folder for a process that has not loaded the lexicon yet."""
    folder = tmp_path / "cache"
    module.lexicon.cache_clear()
    module.keep_in(folder)
    yield folder
    module.keep_in(None)
    module.lexicon.cache_clear()


def test_the_first_load_keeps_the_lexicon_and_the_next_reads_it(
        cache: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture):
    built = module.lexicon()
    assert not caplog.records  # nothing to warn of: it was simply not built yet
    [kept] = cache.glob("lexicon-*.pickle")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600  # a pickle is code to whoever can edit it
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700

    def no_build() -> None:
        raise AssertionError("built again")

    module.lexicon.cache_clear()  # as in a new process
    monkeypatch.setattr(module, "_build", no_build)
    read = module.lexicon()
    assert read == built and read.place("Nairobi") == built.place("Nairobi")


def test_a_damaged_cache_is_built_again_and_replaced(cache: Path):
    module.lexicon()
    [kept] = cache.glob("lexicon-*.pickle")
    kept.write_bytes(b"not a pickle")
    module.lexicon.cache_clear()
    assert module.lexicon().place("Nairobi") is not None
    assert isinstance(pickle.loads(kept.read_bytes()), module.Lexicon)


def test_an_unwritable_cache_folder_still_gives_the_lexicon(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    module.lexicon.cache_clear()
    module.keep_in(blocked / "cache")
    try:
        assert module.lexicon().place("Nairobi") is not None
    finally:
        module.keep_in(None)
        module.lexicon.cache_clear()


def test_other_builds_files_are_dropped_only_when_unused_for_a_week(cache: Path):
    cache.mkdir(mode=0o700)
    recent, old = cache / "lexicon-recent.pickle", cache / "lexicon-old.pickle"
    recent.write_bytes(b"")
    old.write_bytes(b"")
    os.utime(old, (0, 0))
    module.lexicon()
    assert recent.exists() and not old.exists()


def test_a_cache_this_user_cannot_touch_is_still_read(cache: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    module.lexicon()
    module.lexicon.cache_clear()

    def refused(*args: object) -> None:
        raise PermissionError("read-only")

    def no_build() -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(module.os, "utime", refused)
    monkeypatch.setattr(module, "_build", no_build)
    assert module.lexicon().place("Nairobi") is not None
