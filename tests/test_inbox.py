"""The inbox: only regular files are read; links out of a folder, FIFOs, sockets and devices
are passed over, and everything passed over is named with its reason."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.articles import ArticleError, read_article
from kg.cli import cli
from kg.inbox import HIDDEN, LINK_OUT, LINK_TO_FOLDER, NOT_MATCHING, NOT_REGULAR, scan
from kg.settings import Settings
from tests.conftest import SEEDS

SEED = SEEDS / "000_6dffb495a35dd12c.txt"


@pytest.fixture(autouse=True)
def never_hang() -> Iterator[None]:
    """A read that blocks (a FIFO opened for reading) fails the test instead of hanging it."""
    def timeout(*_: object) -> None:
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def inbox_folder(tmp_path: Path) -> Path:
    """A folder holding an article and every kind of thing that must not be read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SEED, outside / "secret.txt")
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "sub" / "article.txt")
    (folder / "notes.md").write_text("notes")
    (folder / ".hidden.txt").write_text("hidden")
    (folder / "inside-link.txt").symlink_to(folder / "sub" / "article.txt")
    (folder / "outside-link.txt").symlink_to(outside / "secret.txt")
    (folder / "folder-link").symlink_to(outside)
    (folder / "broken-link.txt").symlink_to(folder / "nothing.txt")
    os.mkfifo(folder / "fifo.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "socket.txt"))
    return folder


def test_only_regular_files_inside_the_folder_are_read(inbox_folder: Path):
    inbox = scan([inbox_folder])
    assert [p.name for p in inbox.files] == ["inside-link.txt", "article.txt"]
    assert {(p.name, why) for p, why in inbox.passed_over} == {
        ("notes.md", NOT_MATCHING), (".hidden.txt", HIDDEN), ("outside-link.txt", LINK_OUT),
        ("folder-link", LINK_OUT), ("broken-link.txt", NOT_REGULAR), ("fifo.txt", NOT_REGULAR),
        ("socket.txt", NOT_REGULAR),
    }


def test_a_link_to_a_folder_inside_is_not_walked_twice(tmp_path: Path):
    (tmp_path / "a").mkdir()
    shutil.copy(SEED, tmp_path / "a" / "x.txt")
    (tmp_path / "again").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    inbox = scan([tmp_path])
    assert inbox.files == [tmp_path / "a" / "x.txt"]
    assert {why for _, why in inbox.passed_over} == {LINK_TO_FOLDER}


def test_a_fifo_named_on_the_command_line_is_passed_over(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")
    inbox = scan([tmp_path / "pipe.txt", SEED])
    assert inbox.files == [SEED] and inbox.passed_over == [(tmp_path / "pipe.txt", NOT_REGULAR)]


def test_reading_a_fifo_fails_at_once(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.txt")  # e.g. put in a file's place after the scan
    with pytest.raises(ArticleError) as caught:
        read_article(tmp_path / "pipe.txt", max_file_bytes=1000, max_field_chars=100)
    assert caught.value.code == "unreadable" and "regular" in caught.value.message


def test_kg_ingest_names_everything_it_passes_over(inbox_folder: Path, settings: Settings):
    fifo = inbox_folder.parent / "named-fifo.txt"
    os.mkfifo(fifo)
    result = CliRunner().invoke(cli, ["--data-dir", str(settings.data_dir), "ingest", "-q",
                                      str(inbox_folder), str(fifo)],
                                env={"NEWSKG_NER": "rules"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    said = result.output
    assert "not read, 1 not *.txt (name them to ingest them): " in said and "notes.md" in said
    assert "not read, 1 hidden: " in said
    assert "not read, 2 a link leading out of its folder: " in said and "outside-link" in said
    assert "not read, 4 not a regular file" in said and "named-fifo.txt" in said
    assert re.search(r"ingested +1\n", said) and re.search(r"duplicate +1\n", said)
