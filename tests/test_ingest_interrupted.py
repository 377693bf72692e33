"""`kg ingest` with worker processes, stopped by Ctrl-C or killed: no process is left behind,
and running the same command again completes the ingest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.generate import generate
from kg.ledger import Ledger
from kg.snapshots import current
from tests.conftest import ROOT

pytestmark = pytest.mark.e2e
COUNT = 600


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def start(articles: Path, data: Path) -> tuple[subprocess.Popen, set[int]]:
    """`kg ingest` in its own process group (as a terminal runs it), once its workers run."""
    env = {**os.environ, "NEWSKG_NER": "rules", "NEWSKG_INGEST_PROCESSES": "2"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "--data-dir", str(data), "ingest", "-q", str(articles)],
        cwd=ROOT, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        # Ctrl-C as in a terminal, even where this test runs with it ignored (a background job)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = {p for p in children(process.pid)
                   if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")}
    assert len(workers) == 2, "the workers never started"
    time.sleep(1.5)  # some articles stored, most not
    return process, workers


def gone(pids: set[int], within: float = 20) -> bool:
    deadline = time.monotonic() + within
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(alive(p) for p in pids)


def finish_and_check(articles: Path, data: Path) -> None:
    again = subprocess.run(
        [sys.executable, "-m", "kg", "--data-dir", str(data), "ingest", "-q", str(articles)],
        cwd=ROOT, env={**os.environ, "NEWSKG_NER": "rules"}, capture_output=True, text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert Ledger(data / "ingest.sqlite").counts()["ingested"] == COUNT
    snapshot = current(data / "snapshots")
    assert snapshot is not None and snapshot.stats.articles == COUNT


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    generate(COUNT, folder)
    return folder


def test_ctrl_c_stops_every_process_and_running_again_completes(articles: Path, tmp_path: Path):
    process, workers = start(articles, tmp_path / "data")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    process.wait(timeout=30)
    said = process.stderr.read().decode()
    assert process.returncode == 130, said  # as a shell reports a command Ctrl-C ended
    assert gone(workers), "worker processes outlived an interrupted ingest"
    assert "Traceback" not in said and "run the same command again" in said
    finish_and_check(articles, tmp_path / "data")


def test_a_killed_writer_leaves_no_worker_behind(articles: Path, tmp_path: Path):
    process, workers = start(articles, tmp_path / "data")
    os.kill(process.pid, signal.SIGKILL)  # only the writer: its workers must not linger
    process.wait(timeout=30)
    assert gone(workers), "worker processes outlived their killed writer"
    finish_and_check(articles, tmp_path / "data")
