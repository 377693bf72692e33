"""Ingest while serving: no 5xx, one consistent state per response, new articles appear."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kg.articles import read_article
from kg.settings import env_name
from tests.conftest import CORPUS, ROOT, SEEDS
from tests.web.conftest import (
    free_port,
    published_for_port,
    sparql_select,
    start_kg_serve,
    stop,
    wait_until_up,
)

PATHS = ("/health", "/doc/place/china", "/sparql?query=ASK%7B%7D")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with _opener.open(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def new_article(folder: Path) -> str:
    """An article the data does not hold yet (the seed, re-titled and with a paragraph more:
    the same date and text under a new title would be a corrected headline); its key."""
    folder.mkdir()
    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    path = folder / "later.txt"
    path.write_text(seed.replace("Title: Wang Yi meets", "Title: Later, Wang Yi meets", 1)
                    + "A paragraph added later.\n", encoding="utf-8")
    return read_article(path, max_file_bytes=10**6, max_field_chars=1000).key


def articles(base: str) -> int:
    """How many articles the server says it has (a query its workers keep answers to)."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <http://schema.org/NewsArticle> }"
    rows = sparql_select(base, query)
    return int(rows[0]["n"])


@pytest.mark.e2e
def test_ingest_while_serving(tmp_path: Path):
    port = free_port()
    settings = published_for_port(tmp_path / "data", port, CORPUS).replace(port=port)
    base = settings.base
    key = new_article(tmp_path / "new")
    process = start_kg_serve(settings, tmp_path / "serve.log")
    seen: list[tuple[str, int, bytes]] = []
    done = threading.Event()

    def hammer() -> None:
        while not done.is_set():
            for path in PATHS:
                status, body = fetch(base + path)
                seen.append((path, status, body))

    try:
        wait_until_up(base + "/health", process)
        assert fetch(f"{base}/id/article/{key}")[0] == 404
        for _ in range(4):  # kept in each worker's cache of answers
            assert articles(base) == 25
        threads = [threading.Thread(target=hammer) for _ in range(2)]
        for thread in threads:
            thread.start()
        env = {**os.environ, env_name("data_dir"): str(settings.data_dir),
               env_name("base_iri"): base}
        subprocess.run([sys.executable, "-m", "kg", "ingest", "--ner", "rules", "-q",
                        str(tmp_path / "new")], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        ingested = time.monotonic()
        while fetch(f"{base}/id/article/{key}")[0] != 303:
            assert time.monotonic() - ingested < 10, "the new article never appeared"
            time.sleep(0.01)
        delay = time.monotonic() - ingested
        for _ in range(4):  # no worker answers from the older snapshot's cache
            assert articles(base) == 26
        time.sleep(0.3)  # keep reading the new state a little
    finally:
        done.set()
        for thread in threads:
            thread.join()
        stop(process)

    errors = [(path, status) for path, status, _ in seen if status >= 500]
    assert not errors, errors
    assert {status for _, status, _ in seen} == {200}
    # Each /health answer names one snapshot and that snapshot's own counts: old, then new.
    states = {}
    for path, _, body in seen:
        if path == "/health":
            health = json.loads(body)
            states.setdefault(health["snapshot"], set()).add(health["articles"])
    assert len(states) == 2, states
    old, new = (states[name] for name in sorted(states))
    assert old == {25} and new == {26}
    print(f"new article visible {delay * 1000:.0f} ms after `kg ingest` exited; "
          f"{len(seen)} requests, none failed")
