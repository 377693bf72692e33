"""Serving benchmark: newskg's HTTP service against the floor and against `oxigraph serve`.

    python benchmarks/serve.py [--sizes 10000 100000] [--seconds 5] [--concurrency 4]

For each size: generate articles (benchmarks/generate.py), ingest them with the rules-only name
finder (the model is measured by benchmarks/ingest.py; here only serving matters), then measure,
side by side on the same snapshot:

- ``floor``: the same query run in-process on pyoxigraph (no HTTP);
- ``newskg``: `kg serve` (gunicorn, its default 2 workers) over HTTP;
- ``oxigraph``: `oxigraph serve-read-only` (PyPI ``oxigraph``) on the same store, over HTTP.

Workloads: each query in queries/ (with its default parameters), a point lookup (an entity's
articles), and a JSON-LD document (for oxigraph, the equivalent DESCRIBE as JSON-LD). Latency
p50/p95 in ms and requests/s with ``--concurrency`` keep-alive clients on loopback, bounded by
``--seconds`` per workload. Then dump throughput (N-Triples) and the server's peak memory.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from kg.publish import current  # noqa: E402
from kg.queries import catalogue  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.store.embedded import OxigraphStore  # noqa: E402

BIN = Path(sys.executable).parent
POINT = """PREFIX schema: <http://schema.org/>
SELECT ?article ?headline WHERE { ?article schema:mentions <%s> ; schema:headline ?headline }"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, path: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not come up")


def load(
    port: int, method: str, path: str, body: bytes | None, headers: dict[str, str],
    seconds: float, concurrency: int,
) -> dict[str, float]:
    """Keep-alive clients in threads, bounded in time; latency per request in ms."""
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        while time.monotonic() < stop:
            start = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - start) * 1000)
            if response.status >= 400:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summarise(latencies, time.monotonic() - started, errors[0])


def floor(run: Callable[[], object], seconds: float) -> dict[str, float]:
    latencies = []
    stop = time.monotonic() + seconds
    started = time.monotonic()
    while time.monotonic() < stop:
        start = time.perf_counter()
        run()
        latencies.append((time.perf_counter() - start) * 1000)
    return summarise(latencies, time.monotonic() - started, 0)


def summarise(latencies: list[float], elapsed: float, errors: int) -> dict[str, float]:
    latencies.sort()
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1] if len(latencies) > 1 else latencies[0],
        "rps": len(latencies) / elapsed,
        "errors": errors,
    }


def sparql_get(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MiB."""
    out = subprocess.run(["ps", "-o", "rss=", "--ppid", str(pid), "-p", str(pid)],
                         capture_output=True, text=True)
    return sum(int(x) for x in out.stdout.split()) / 1024


def dump_rate(port: int, path: str, pid: int) -> tuple[float, float, float]:
    """MB/s of a dump download and the server's RSS before and at the end of it."""
    before = rss_mb(pid)
    peak = before
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    conn.request("GET", path, headers={"Accept": "application/n-triples"})
    response = conn.getresponse()
    size = 0
    while chunk := response.read(1 << 20):
        size += len(chunk)
        peak = max(peak, rss_mb(pid)) if size % (32 << 20) < (1 << 20) else peak
    elapsed = time.perf_counter() - start
    return size / elapsed / 1e6, before, peak


def bench_size(size: int, seconds: float, concurrency: int) -> None:
    folder = HERE / "out" / f"articles-{size}"
    if not (folder / f"{size - 1:06d}.txt").exists():
        generate(size, folder)
    data = HERE / "out" / f"data-{size}"
    settings = Settings(data_dir=data, ner="rules")
    if current(settings.snapshots_dir) is None:
        print(f"ingesting {size} articles (rules-only names)...", flush=True)
        subprocess.run([str(BIN / "kg"), "--data-dir", str(data), "ingest", "-q", "--ner",
                        "rules", str(folder)], check=True)
    snapshot = current(settings.snapshots_dir)
    assert snapshot is not None
    store = OxigraphStore(snapshot.store_path, settings.base, read_only=True)
    entity = store.select("PREFIX schema: <http://schema.org/> SELECT ?e WHERE { ?a "
                          "schema:mentions ?e . ?e a schema:Person } LIMIT 1")[0]["e"]
    key = entity.rsplit("/", 1)[-1]

    ours_port, oxi_port = free_port(), free_port()
    env = {**os.environ, "NEWSKG_DATA_DIR": str(data)}
    ours = subprocess.Popen([str(BIN / "kg"), "serve", "--port", str(ours_port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    oxi_dir = Path(tempfile.mkdtemp()) / "store"
    shutil.copytree(snapshot.store_path, oxi_dir)
    oxi = subprocess.Popen([str(BIN / "oxigraph"), "serve-read-only", "--location", str(oxi_dir),
                            "--bind", f"127.0.0.1:{oxi_port}", "--union-default-graph"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)
    try:
        wait_for(ours_port, "/health")
        wait_for(oxi_port, "/query?query=ASK%7B%7D")
        workloads: list[tuple[str, str, str, dict[str, str], str]] = []
        for query in catalogue():
            # Relative IRIs in the defaults resolve against our base everywhere (oxigraph
            # serve would resolve them against its own request URL).
            text = f"BASE <{settings.base}/>\n" + query.bind()
            workloads.append((query.name, sparql_get(text),
                              "/query?" + urllib.parse.urlencode({"query": text}),
                              {"Accept": "application/sparql-results+json"}, text))
        point = POINT % entity
        workloads.append(("point lookup", sparql_get(point),
                          "/query?" + urllib.parse.urlencode({"query": point}),
                          {"Accept": "application/sparql-results+json"}, point))
        describe = f"DESCRIBE <{entity}>"
        workloads.append(("JSON-LD document", f"/doc/person/{key}.jsonld",
                          "/query?" + urllib.parse.urlencode({"query": describe}),
                          {"Accept": "application/ld+json"}, describe))

        print(f"\n{size} articles, {snapshot.stats.triples} triples; {concurrency} clients, "
              f"{seconds:.0f} s per cell; latency ms p50/p95, requests/s")
        header = (f"{'workload':<22} {'floor (in-process)':>22} {'newskg':>24} "
                  f"{'oxigraph serve':>24}")
        print(header)
        print("-" * len(header))
        for name, ours_path, oxi_path, headers, text in workloads:
            f = floor(lambda t=text: _consume(store.run(t)), seconds / 2)
            a = load(ours_port, "GET", ours_path, None, headers, seconds, concurrency)
            b = load(oxi_port, "GET", oxi_path, None, headers, seconds, concurrency)
            errors = ", ".join(f"{who} {r['errors']:.0f}" for who, r in
                               (("newskg", a), ("oxigraph", b)) if r["errors"])
            print(f"{name:<22} {cell(f):>22} {cell(a):>24} {cell(b):>24}"
                  + (f"  answers >= 400: {errors}" if errors else ""))
        ours_rate, ours_before, ours_peak = dump_rate(ours_port, "/dump.nt", ours.pid)
        oxi_dump = Path(tempfile.mkdtemp()) / "dump.nt"
        start = time.perf_counter()
        subprocess.run([str(BIN / "oxigraph"), "dump", "--location", str(oxi_dir), "--file",
                        str(oxi_dump), "--graph", "default"], check=False,
                       capture_output=True)
        if not oxi_dump.exists() or oxi_dump.stat().st_size == 0:
            subprocess.run([str(BIN / "oxigraph"), "dump", "--location", str(oxi_dir),
                            "--file", str(oxi_dump.with_suffix(".nq"))], check=True,
                           capture_output=True)
            oxi_dump = oxi_dump.with_suffix(".nq")
        oxi_rate = oxi_dump.stat().st_size / (time.perf_counter() - start) / 1e6
        print(f"dump: newskg /dump.nt {ours_rate:.0f} MB/s (server RSS {ours_before:.0f} → "
              f"{ours_peak:.0f} MiB); `oxigraph dump` {oxi_rate:.0f} MB/s "
              f"({oxi_dump.suffix[1:]})")
    finally:
        for proc in (ours, oxi):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        shutil.rmtree(oxi_dir.parent, ignore_errors=True)


def _consume(results: object) -> None:
    if hasattr(results, "__iter__"):
        for _ in results:  # type: ignore[attr-defined]
            pass


def cell(r: dict[str, float]) -> str:
    return f"{r['p50']:.1f}/{r['p95']:.1f} {r['rps']:.0f}/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    for size in args.sizes:
        bench_size(size, args.seconds, args.concurrency)


if __name__ == "__main__":
    main()
