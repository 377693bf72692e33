"""Load tests with wrk, the compared servers alternated: what benchmarks/serve.py and
benchmarks/python_floor.py share.

A Python load client caps the faster server and hides gaps (a 5× gap looked like 2–3×), so the
load comes from wrk (C, one event loop), and its Lua ``done()`` hook prints each run's figures as
one line for :func:`parse_wrk`. On a machine shared with others the servers take turns within one
run (:func:`alternate`, the order rotated each round), so a noisy neighbour hits all alike, and
the median of the rounds is reported.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"
# Longer than any query may run (NEWSKG_QUERY_TIMEOUT, 30 s): a slow answer is measured, not
# dropped as a socket timeout (wrk's default is 2 s).
WRK_TIMEOUT_SECONDS = 60
MARK = "wrk-result"
# wrk's percentiles are in microseconds; failed = answers other than 2xx/3xx (wrk's "status"
# errors) plus socket errors (connect, read, write, timeout).
REPORT_LUA = f"""done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "{MARK} p50_us=%d p95_us=%d requests=%d rps=%.3f non2xx3xx=%d socket_errors=%d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests,
    summary.requests / (summary.duration / 1e6), e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""
# The per-client limits of `kg serve` would answer 429 to wrk, one client asking fast.
NO_CLIENT_LIMITS = {"NEWSKG_RATE_LIMIT": "0", "NEWSKG_CLIENT_REQUESTS": "0",
                    "NEWSKG_CLIENT_QUERIES": "0"}
LIMITS_NOTE = ("newskg servers run with " + " ".join(f"{k}={v}" for k, v in
                                                     NO_CLIENT_LIMITS.items())
               + ": their per-client limits would answer 429 to wrk, a single client")
SPARQL_JSON = {"Accept": "application/sparql-results+json"}
T = TypeVar("T")


@dataclass(frozen=True)
class Result:
    """One measurement (or the median of several): latency in ms, requests a second, and how
    many requests failed (answers other than 2xx/3xx, socket errors)."""

    p50: float
    p95: float
    rps: float
    failed: int = 0


def parse_wrk(output: str) -> Result:
    """The figures of wrk's output, from the line :data:`REPORT_LUA` prints."""
    for line in output.splitlines():
        if line.startswith(MARK + " "):
            fields = dict(item.split("=", 1) for item in line.split()[1:])
            answered = int(fields["requests"]) > 0  # no answer: no latency either
            return Result(
                p50=int(fields["p50_us"]) / 1000 if answered else math.nan,
                p95=int(fields["p95_us"]) / 1000 if answered else math.nan,
                rps=float(fields["rps"]),
                failed=int(fields["non2xx3xx"]) + int(fields["socket_errors"]),
            )
    raise ValueError(f"no {MARK} line in wrk's output:\n{output}")


@contextmanager
def report_script() -> Iterator[Path]:
    """:data:`REPORT_LUA` as a file, for wrk's ``-s``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.lua"
        path.write_text(REPORT_LUA)
        yield path


def wrk(url: str, script: Path, seconds: int, connections: int,
        headers: dict[str, str] | None = None) -> Result:
    """``wrk -t1 -c{connections}`` on ``url`` for ``seconds``, keep-alive."""
    command = [WRK, "-t1", f"-c{connections}", f"-d{seconds}s",
               f"--timeout={WRK_TIMEOUT_SECONDS}s", "-s", str(script)]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=True)
    return parse_wrk(done.stdout)


def rotations(names: Sequence[str], rounds: int) -> list[list[str]]:
    """The order of each round: ``names`` rotated by one more each round."""
    return [[*names[r % len(names):], *names[:r % len(names)]] for r in range(rounds)]


def median(results: Sequence[Result]) -> Result:
    """Each figure's median over rounds; the failed requests of every round."""
    return Result(p50=statistics.median(r.p50 for r in results),
                  p95=statistics.median(r.p95 for r in results),
                  rps=statistics.median(r.rps for r in results),
                  failed=sum(r.failed for r in results))


def take_turns(runs: dict[str, Callable[[], T]], rounds: int) -> dict[str, list[T]]:
    """Each run ``rounds`` times, taking turns (see :func:`rotations`); what each gave."""
    results: dict[str, list[T]] = {name: [] for name in runs}
    for order in rotations(list(runs), rounds):
        for name in order:
            results[name].append(runs[name]())
    return results


def alternate(runs: dict[str, Callable[[], Result]], rounds: int) -> dict[str, Result]:
    """Each run ``rounds`` times, taking turns; the median of each."""
    return {name: median(measured) for name, measured in take_turns(runs, rounds).items()}


def number(value: float) -> str:
    """A figure for a table: one decimal below 100, thousands separated above."""
    if math.isnan(value):
        return "-"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def cell(result: Result) -> str:
    """``p50/p95 rate/s``, as the tables print a measurement."""
    return f"{number(result.p50)}/{number(result.p95)} {number(result.rps)}/s"


def ratio(ours: Result, theirs: Result) -> str:
    """How much slower ``ours`` is than ``theirs``: its p50 over theirs, then their rate over its
    rate (above 1: slower)."""
    def div(a: float, b: float) -> str:
        return f"{a / b:.2f}" if b else "-"
    return f"{div(ours.p50, theirs.p50)}/{div(theirs.rps, ours.rps)}"


def failures(results: dict[str, Result]) -> str:
    """``  failed: name n, ...`` for the servers some of whose requests failed, else nothing."""
    failed = ", ".join(f"{name} {r.failed}" for name, r in results.items() if r.failed)
    return f"  failed: {failed}" if failed else ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, headers: dict[str, str] | None = None, timeout: float = 120) -> bytes:
    """One GET (to check an answer, or warm a cache; never to load a server)."""
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def sparql_rows(body: bytes) -> list[str]:
    """The rows of SPARQL JSON results, each as canonical JSON, sorted: equal when two servers
    gave the same answer."""
    results = json.loads(body)
    if "boolean" in results:
        return [str(results["boolean"])]
    return sorted(json.dumps(row, sort_keys=True) for row in results["results"]["bindings"])


def query_path(endpoint: str, query: str) -> str:
    """``endpoint?query=...``: a SPARQL query as a GET."""
    return endpoint + "?" + urllib.parse.urlencode({"query": query})


def newskg_env(data: Path, cache_mb: int | None) -> dict[str, str]:
    """The environment of a newskg server on ``data`` (``cache_mb`` None: the default cache)."""
    env = {**os.environ, "NEWSKG_DATA_DIR": str(data), **NO_CLIENT_LIMITS}
    env.pop("NEWSKG_CACHE_MB", None)
    if cache_mb is not None:
        env["NEWSKG_CACHE_MB"] = str(cache_mb)
    return env


def kg_serve(port: int) -> list[str]:
    """`kg serve` as users run it (granian)."""
    return [str(BIN / "kg"), "serve", "--port", str(port)]


def oxigraph_serve(port: int, location: Path) -> list[str]:
    """Oxigraph's own server, read-only, on its plain default graph: newskg's default graph is
    the set union of the named graphs, kept in the store's default graph."""
    return [str(BIN / "oxigraph"), "serve-read-only", "--location", str(location),
            "--bind", f"127.0.0.1:{port}"]


@contextmanager
def store_copy(store: Path) -> Iterator[Path]:
    """A copy of a snapshot's store, for `oxigraph serve` (which opens it as its own)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store"
        shutil.copytree(store, copy)
        yield copy


class Servers:
    """Server processes, each in a session of its own (with its workers and query processes),
    logging to benchmarks/out/logs/; all stopped on leaving the ``with`` block."""

    def __init__(self) -> None:
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.logs = HERE / "out" / "logs"

    def __enter__(self) -> Servers:
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.processes.values():
            _stop(process)

    def start(self, name: str, command: list[str], port: int, ready: str,
              env: dict[str, str] | None = None) -> str:
        """Start ``command`` and wait until ``ready`` (a path) answers; its base URL."""
        self.logs.mkdir(parents=True, exist_ok=True)
        log = self.logs / (re.sub(r"\W+", "-", name).strip("-") + ".log")
        with log.open("wb") as out:
            process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        self.processes[name] = process
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            try:
                fetch(url + ready, timeout=5)
                return url
            except urllib.error.HTTPError as exc:
                if exc.code < 500:
                    return url
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{name} did not come up on port {port}; see {log}")

    def rss_mb(self, name: str) -> float:
        """Resident memory of a server and every process of its session, in MiB."""
        out = subprocess.run(["ps", "-o", "rss=", "--sid", str(self.processes[name].pid)],
                             capture_output=True, text=True)
        return sum(int(x) for x in out.stdout.split()) / 1024


def _stop(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=40)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
