"""`kg serve`: the server's options, the banner, the no-data message, and a real server process."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyld import jsonld as pyld
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.settings import Settings
from kg.snapshots import current
from kg.web import server
from tests.web.conftest import free_port, published_for_port, start_kg_serve, stop, wait_until_up


def test_the_server_follows_the_settings():
    settings = Settings(host="0.0.0.0", port=8123, workers=3, threads=6, header_timeout=4.5,
                        max_query_bytes=1000)
    granian = server.server(settings)
    assert (granian.bind_addr, granian.bind_port) == ("0.0.0.0", 8123)
    assert (granian.workers, granian.blocking_threads) == (3, 6)
    assert granian.http1_settings.header_read_timeout == 4500
    # A GET query of max_query_bytes, %-encoded, fits in the head granian reads; more is 431.
    assert granian.http1_settings.max_buffer_size == 3000 + server.HEAD_MARGIN
    assert granian.log_access and not server.server(settings.replace(access_log=False)).log_access
    assert granian.respawn_failed_workers and granian.workers_kill_timeout > 0


def test_serve_without_a_snapshot_fails_with_a_message(tmp_path: Path):
    result = CliRunner().invoke(cli, ["--data-dir", str(tmp_path / "none"), "serve"])
    assert result.exit_code != 0
    assert "nothing published" in result.output and "kg ingest" in result.output
    assert "Traceback" not in result.output


def test_serve_on_a_port_in_use_says_so_at_once(published_settings: Settings, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(SystemExit) as exited:
            server.run(published_settings.replace(host="127.0.0.1", port=port))
    assert time.monotonic() - started < 2  # no retries before giving up
    assert f"cannot listen on 127.0.0.1:{port}" in str(exited.value) and "--port" in str(
        exited.value)
    assert "serving" not in capsys.readouterr().out  # said before any banner


def test_banner_names_the_address_and_example_urls(published_settings: Settings):
    snapshot = current(published_settings.snapshots_dir)
    assert snapshot is not None
    examples = list(snapshot.examples)
    assert [iri.split("/")[4] for iri in examples] == [
        "article", "person", "organization", "place"]
    text = server.banner(published_settings.replace(port=8123), snapshot)
    assert "http://127.0.0.1:8123/sparql" in text
    assert examples[1].replace(snapshot.base, "http://127.0.0.1:8123") in text  # where it is
    assert f"minted under {snapshot.base}/id/" in text


@pytest.fixture(scope="module")
def own_data(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The fixture corpus published with IRIs under a free port's address."""
    port = free_port()
    data = tmp_path_factory.mktemp("serve") / "data"
    return published_for_port(data, port).replace(port=port)


@pytest.fixture
def kg_serve(
    own_data: Settings, tmp_path: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes], Path]]:
    """`kg serve` running on the data's port: (base URL, process, log file)."""
    log = tmp_path / "serve.log"
    process = start_kg_serve(own_data, log)
    try:
        wait_until_up(own_data.base + "/health", process)
        yield own_data.base, process, log
    finally:
        stop(process)


@pytest.mark.e2e
def test_kg_serve_answers_and_stops_cleanly(
    kg_serve: tuple[str, subprocess.Popen[bytes], Path],
):
    base, process, log = kg_serve
    with urllib.request.urlopen(base + "/health") as response:
        assert json.load(response)["status"] == "ok"
    for _ in range(8):  # reach both workers
        request = urllib.request.Request(base + "/id/person/wang-yi",
                                         headers={"Accept": "text/turtle"})
        with urllib.request.urlopen(request) as response:
            assert response.url == base + "/doc/person/wang-yi"
    assert stop(process) == 0
    output = log.read_text()
    assert f"on {base}" in output and f"{base}/sparql" in output
    assert '"GET /health HTTP/1.1" 200' in output  # the access log
    # A store opened in a server's master once made forked workers die of SIGSEGV on exit.
    assert "SIGSEGV" not in output and "Traceback" not in output


@pytest.mark.e2e
def test_pyld_reads_documents_from_a_real_server(
    kg_serve: tuple[str, subprocess.Popen[bytes], Path],
):
    """pyld fetches /id (303 → /doc) over HTTP itself; nothing beyond the server is fetched."""
    base = kg_serve[0]
    loader = pyld.requests_document_loader(timeout=10)
    fetched: list[str] = []

    def only_this_server(url: str, options: dict[str, object]) -> dict[str, object]:
        if not url.startswith(base + "/"):
            raise pyld.JsonLdError("refused", "loading document failed", {"url": url})
        fetched.append(url)
        return loader(url, options)

    paths = ("/id/person/wang-yi", "/id/place/china", "/id/organization/global-times")
    for path in paths:
        nquads = pyld.to_rdf(base + path, {"format": "application/n-quads",
                                           "documentLoader": only_this_server})
        with urllib.request.urlopen(base + path.replace("/id/", "/doc/") + ".ttl") as turtle:
            expected = Graph().parse(data=turtle.read(), format="turtle")
        assert len(expected) > 3
        assert isomorphic(expected, Graph().parse(data=nquads, format="nt")), path
    assert fetched == [base + p for p in paths]
