"""Web fixtures: a published data folder, the app and its test client, and a real server.

Shared by every web test module; add fixtures by appending.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.settings import Settings
from tests.conftest import CORPUS, ROOT, SEEDS, test_settings


@pytest.fixture(scope="session")
def published_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A data folder with seeds/ and the fixture corpus ingested and published (rules NER)."""
    from kg.ingest import ingest

    settings = test_settings(tmp_path_factory.mktemp("published") / "data")
    report = ingest([SEEDS, CORPUS], settings)
    assert report.snapshot is not None, report.tally()
    return settings


@pytest.fixture(scope="session")
def app(published_settings: Settings) -> Iterator[Flask]:
    """The web app over the published folder (session-wide: it owns query processes)."""
    from kg.web.app import create_app

    application = create_app(published_settings)
    application.config["TESTING"] = True
    yield application
    close_app(application)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def close_app(application: Flask) -> None:
    """Stop the query processes an app started."""
    from kg.web.app import close

    close(application)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]



def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer {url} within {seconds} s")


def serve(settings: Settings) -> Iterator[str]:
    """`kg serve` of ``settings`` on a free port; its URL while it runs."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="newskg-serve-") as folder:
        process = start_kg_serve(settings.replace(host="127.0.0.1", port=port),
                                 Path(folder) / "serve.log")
        try:
            wait_until_up(base + "/sparql?query=ASK%7B%7D", process)
            yield base
        finally:
            stop(process)


MakeApp = Callable[..., Flask]


@pytest.fixture
def make_app(published_settings: Settings) -> Iterator[MakeApp]:
    """Apps over the published folder with some settings changed (closed afterwards)."""
    from kg.web.app import create_app

    apps: list[Flask] = []

    def make(**changes: object) -> Flask:
        app = create_app(published_settings.replace(**changes))
        apps.append(app)
        return app

    yield make
    for app in apps:
        close_app(app)


@pytest.fixture(scope="session")
def server(published_settings: Settings) -> Iterator[str]:
    """Base URL of a real gunicorn (e2e tests only) serving the published folder."""
    yield from serve(published_settings)


def published_for_port(data_dir: Path, port: int, *paths: Path) -> Settings:
    """``paths`` ingested (rules NER) with IRIs under ``http://127.0.0.1:{port}``, so a server
    on that port dereferences them (redirects included)."""
    from kg.ingest import ingest

    settings = test_settings(data_dir, base_iri=f"http://127.0.0.1:{port}")
    report = ingest(list(paths or (SEEDS, CORPUS)), settings)
    assert report.snapshot is not None, report.tally()
    return settings


def start_kg_serve(settings: Settings, log: Path) -> subprocess.Popen[bytes]:
    """`kg serve` as a user runs it, with ``settings``; its output goes to ``log`` (a file, not
    a pipe: a full pipe would stall the access log, and the server with it)."""
    env = {**os.environ, **settings.to_env()}
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "kg", "serve"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM (a graceful stop); the exit code."""
    if process.poll() is None:
        process.terminate()
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()


# -- shared by the end-to-end tests of real clients ------------------------------------------

def required(binary: str, install: str) -> str:
    """The path of ``binary`` (a path or a name on PATH); skip without it, or fail when
    ``NEWSKG_REQUIRE_E2E=1``. ``install`` says how to get it."""
    path = binary if os.access(binary, os.X_OK) else shutil.which(binary)
    if path:
        return path
    reason = f"{binary} is not installed ({install})"
    if os.environ.get("NEWSKG_REQUIRE_E2E") == "1":
        pytest.fail(reason + "; NEWSKG_REQUIRE_E2E=1 requires it")
    pytest.skip(reason)


def self_addressed(folder: Path, **changes: object) -> Iterator[Settings]:
    """`kg serve` over the fixture corpus published under the server's own address, so links
    and redirects stay on it, with ``changes`` to its settings; its settings while it runs."""
    port = free_port()
    settings = published_for_port(folder / "data", port).replace(port=port, **changes)
    process = start_kg_serve(settings, folder / "serve.log")
    try:
        wait_until_up(settings.base + "/health", process)
        yield settings
    finally:
        stop(process)


def sparql_select(base: str, query: str) -> list[dict[str, str]]:
    """The rows of a SELECT against the server, as plain values."""
    request = urllib.request.Request(
        base + "/sparql?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        bindings = json.load(response)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def refuse_remote(url: str, options: object = None) -> dict[str, object]:
    """A pyld document loader that refuses the network: a document that needs a remote context
    fails to read, as it would for a client offline."""
    raise RuntimeError(f"remote JSON-LD documents are never fetched: {url}")
