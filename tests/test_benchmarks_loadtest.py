"""The serving benchmarks' load-test helpers: wrk's report line, servers taking turns, medians."""

from __future__ import annotations

import json
import math
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from benchmarks import loadtest
from benchmarks.loadtest import Result


def test_parse_wrk_reads_the_report_line_among_wrks_own_output():
    output = ("Running 1s test @ http://127.0.0.1:1/\n  1 threads and 4 connections\n"
              "wrk-result p50_us=1250 p95_us=4100 requests=812 rps=810.500 non2xx3xx=3 "
              "socket_errors=2\nRequests/sec:    810.50\n")
    assert loadtest.parse_wrk(output) == Result(p50=1.25, p95=4.1, rps=810.5, failed=5)


def test_parse_wrk_without_answers_has_no_latency_and_without_the_line_fails():
    empty = loadtest.parse_wrk("wrk-result p50_us=0 p95_us=0 requests=0 rps=0.000 "
                               "non2xx3xx=0 socket_errors=4")
    assert math.isnan(empty.p50) and math.isnan(empty.p95) and empty.failed == 4
    assert loadtest.cell(empty) == "-/- 0.0/s"
    with pytest.raises(ValueError, match="no wrk-result line"):
        loadtest.parse_wrk("Requests/sec: 10\n")


def test_rotations_put_each_server_first_in_turn():
    assert loadtest.rotations(["a", "b", "c"], 4) == [
        ["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"], ["a", "b", "c"]]


def test_alternate_takes_turns_and_reports_the_median_of_rounds():
    calls: list[str] = []
    figures = {"a": iter([1.0, 5.0, 2.0]), "b": iter([10.0, 30.0, 20.0])}

    def run(name: str) -> Result:
        calls.append(name)
        x = next(figures[name])
        return Result(p50=x, p95=2 * x, rps=100 / x, failed=1 if name == "b" else 0)

    results = loadtest.alternate({"a": lambda: run("a"), "b": lambda: run("b")}, rounds=3)
    assert calls == ["a", "b", "b", "a", "a", "b"]
    assert results["a"] == Result(p50=2.0, p95=4.0, rps=50.0, failed=0)
    assert results["b"] == Result(p50=20.0, p95=40.0, rps=5.0, failed=3)


def test_tables_format_figures_and_ratios():
    fast, slow = Result(p50=0.5, p95=1.25, rps=8000), Result(p50=2.0, p95=3337.4, rps=2000)
    assert loadtest.cell(slow) == "2.0/3,337 2,000/s"
    assert loadtest.ratio(slow, fast) == "4.00/4.00"  # slow is 4x slower both ways
    assert loadtest.ratio(fast, slow) == "0.25/0.25"
    assert loadtest.failures({"a": fast, "b": Result(1, 1, 1, failed=7)}) == "  failed: b 7"
    assert loadtest.failures({"a": fast}) == ""


def test_sparql_rows_compare_answers_whatever_their_order():
    def results(*values: str) -> bytes:
        return json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
            {"x": {"type": "literal", "value": v}} for v in values]}}).encode()

    assert loadtest.sparql_rows(results("b", "a")) == loadtest.sparql_rows(results("a", "b"))
    assert loadtest.sparql_rows(results("a")) != loadtest.sparql_rows(results("a", "a"))
    assert loadtest.sparql_rows(b'{"head": {}, "boolean": true}') == ["True"]


def test_newskg_servers_run_without_per_client_limits(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSKG_CACHE_MB", "7")
    monkeypatch.setenv("NEWSKG_RATE_LIMIT", "20")
    uncached = loadtest.newskg_env(tmp_path, cache_mb=0)
    assert {k: uncached[k] for k in loadtest.NO_CLIENT_LIMITS} == loadtest.NO_CLIENT_LIMITS
    assert uncached["NEWSKG_CACHE_MB"] == "0"
    assert uncached["NEWSKG_DATA_DIR"] == str(tmp_path)
    assert "NEWSKG_CACHE_MB" not in loadtest.newskg_env(tmp_path, cache_mb=None)  # the default


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as wrk expects

    def do_GET(self) -> None:
        status = 404 if self.path == "/missing" else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk (Debian package wrk)")
def test_wrk_reports_answers_and_counts_failed_ones(http_server: str):
    with loadtest.report_script() as script:
        ok = loadtest.wrk(http_server + "/", script, seconds=1, connections=2)
        missing = loadtest.wrk(http_server + "/missing", script, seconds=1, connections=1)
    assert ok.rps > 10 and ok.failed == 0 and 0 < ok.p50 <= ok.p95
    assert missing.rps > 10 and missing.failed > 10  # every 404 counted
