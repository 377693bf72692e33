"""Serving benchmark: newskg's HTTP service against the floor and against `oxigraph serve`.

    python benchmarks/serve.py [--sizes 10000 100000] [--seconds 5] [--concurrency 4]

For each size: generate articles (benchmarks/generate.py), ingest them with the rules-only name
finder (the model is measured by benchmarks/ingest.py; here only serving matters), then measure,
side by side on the same snapshot:

- ``floor``: the same query run in-process on pyoxigraph (no HTTP);
- ``newskg``: `kg serve` (gunicorn, its default 2 workers) over HTTP, with its cache of answers
  off (``NEWSKG_CACHE_MB=0``): every request is computed;
- ``oxigraph``: `oxigraph serve-read-only` (PyPI ``oxigraph``) on the same store, over HTTP;
- ``newskg, repeated``: `kg serve` with its default cache, which answers a repeated request
  from memory: what clients asking the same thing again get. Not a like-for-like comparison.

Workloads: each query in queries/ (parameters bound to an entity, author and word present in
the generated data), a point lookup (an entity's articles), and a person's JSON-LD document (for
oxigraph and the floor, a CONSTRUCT of the same triples, written as JSON-LD). Latency p50/p95 in
ms and requests/s with ``--concurrency`` keep-alive clients on loopback, bounded by
``--seconds`` per workload. Then dump throughput (N-Triples) and the server's peak memory.
"""

from __future__ import annotations

import argparse
import http.client
import math
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

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from kg.queries import catalogue  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.snapshots import current  # noqa: E402
from kg.store.embedded import OxigraphStore  # noqa: E402

BIN = Path(sys.executable).parent
SCHEMA = "PREFIX schema: <http://schema.org/>\n"
POINT = SCHEMA + """SELECT ?article ?headline WHERE {
  ?article schema:mentions <%s> ; schema:headline ?headline }"""
# The triples of a person's document (kg.web.documents), as one CONSTRUCT.
DOCUMENT = SCHEMA + """CONSTRUCT {
  %(e)s ?p ?o . ?l a ?type ; schema:name ?name .
  ?a a schema:NewsArticle ; schema:headline ?h ; schema:datePublished ?d ; ?rel %(e)s .
} WHERE {
  { %(e)s ?p ?o }
  UNION {
    %(e)s schema:affiliation|schema:worksFor|schema:parentOrganization|schema:memberOf ?l .
    ?l a ?type ; schema:name ?name }
  UNION {
    { SELECT DISTINCT ?a WHERE { ?a schema:mentions|schema:about|schema:author %(e)s }
      LIMIT %(limit)d }
    ?a ?rel %(e)s ; schema:headline ?h ; schema:datePublished ?d .
    VALUES ?rel { schema:mentions schema:about schema:author } }
}"""


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
        "p95": latencies[math.ceil(len(latencies) * 0.95) - 1],  # nearest rank
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
    entity = store.select(SCHEMA + "SELECT ?e WHERE { ?a schema:mentions ?e . "
                          "?e a schema:Person } LIMIT 1")[0]["e"]
    author = store.select(SCHEMA + "SELECT ?n WHERE { ?a schema:author/schema:name ?n } "
                          "LIMIT 1")[0]["n"]
    # The defaults in queries/ name people of the sample articles: here, ones that exist.
    values = {"entity": f"<{entity}>", "person": f"<{entity}>", "author": f'"{author}"',
              "text": '"climate"'}
    key = entity.rsplit("/", 1)[-1]

    ports = {name: free_port() for name in ("newskg", "cached", "oxigraph")}
    env = {**os.environ, "NEWSKG_DATA_DIR": str(data)}
    servers = {
        name: subprocess.Popen([str(BIN / "kg"), "serve", "--port", str(ports[name])],
                               env={**env, "NEWSKG_CACHE_MB": mb}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
        for name, mb in (("newskg", "0"), ("cached", "64"))
    }
    oxi_dir = Path(tempfile.mkdtemp()) / "store"
    shutil.copytree(snapshot.store_path, oxi_dir)
    servers["oxigraph"] = subprocess.Popen(
        [str(BIN / "oxigraph"), "serve-read-only", "--location", str(oxi_dir),
         "--bind", f"127.0.0.1:{ports['oxigraph']}", "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(ports["newskg"], "/health")
        wait_for(ports["cached"], "/health")
        wait_for(ports["oxigraph"], "/query?query=ASK%7B%7D")
        results = {"Accept": "application/sparql-results+json"}
        workloads: list[tuple[str, str, str, dict[str, str], str]] = []
        for query in catalogue():
            # Relative IRIs resolve against our base everywhere (oxigraph serve would resolve
            # them against its own request URL).
            names = {p.name for p in query.params}
            text = f"BASE <{settings.base}/>\n" + query.bind(
                {k: v for k, v in values.items() if k in names})
            workloads.append((query.name, sparql_get(text), oxigraph_get(text), results, text))
        point = POINT % entity
        workloads.append(("point lookup", sparql_get(point), oxigraph_get(point), results,
                          point))
        # oxigraph has no documents: it answers the CONSTRUCT of the same triples, as JSON-LD.
        document = DOCUMENT % {"e": f"<{entity}>", "limit": settings.doc_articles}
        workloads.append(("JSON-LD document", f"/doc/person/{key}.jsonld",
                          oxigraph_get(document), {"Accept": "application/ld+json"}, document))
        ours = len(set(ox.parse(store_document(ports["newskg"], key),
                                format=ox.RdfFormat.TURTLE)))
        theirs = len(set(store.query(document)))  # type: ignore[call-overload]

        print(f"\n{size} articles, {snapshot.stats.triples} triples; {concurrency} clients, "
              f"{seconds:.0f} s per cell; latency ms p50/p95, requests/s; ratio = newskg / "
              f"oxigraph serve (p50, and oxigraph's requests/s over newskg's). The document "
              f"has {ours} triples, the CONSTRUCT {theirs}.")
        header = (f"{'workload':<20} {'floor (in-process)':>20} {'newskg':>21} "
                  f"{'oxigraph serve':>21} {'ratio':>11} {'newskg, repeated':>21}")
        print(header)
        print("-" * len(header))
        for name, ours_path, oxi_path, headers, text in workloads:
            f = floor(lambda t=text: _consume(store.query(t)), seconds / 2)
            a = load(ports["newskg"], "GET", ours_path, None, headers, seconds, concurrency)
            b = load(ports["oxigraph"], "GET", oxi_path, None, headers, seconds, concurrency)
            c = load(ports["cached"], "GET", ours_path, None, headers, seconds, concurrency)
            ratio = f"{a['p50'] / b['p50']:.1f}/{b['rps'] / a['rps']:.1f}"
            errors = ", ".join(f"{who} {r['errors']:.0f}" for who, r in
                               (("newskg", a), ("oxigraph", b)) if r["errors"])
            print(f"{name:<20} {cell(f):>20} {cell(a):>21} {cell(b):>21} {ratio:>11} "
                  f"{cell(c):>21}" + (f"  answers >= 400: {errors}" if errors else ""),
                  flush=True)
        ours_rate, ours_before, ours_peak = dump_rate(ports["newskg"], "/dump.nt",
                                                      servers["newskg"].pid)
        oxi_dump = Path(tempfile.mkdtemp()) / "dump.nq"
        start = time.perf_counter()
        subprocess.run([str(BIN / "oxigraph"), "dump", "--location", str(oxi_dir), "--file",
                        str(oxi_dump)], check=True, capture_output=True)
        oxi_rate = oxi_dump.stat().st_size / (time.perf_counter() - start) / 1e6
        print(f"dump: newskg /dump.nt {ours_rate:.0f} MB/s (server RSS {ours_before:.0f} → "
              f"{ours_peak:.0f} MiB); `oxigraph dump` {oxi_rate:.0f} MB/s (N-Quads)")
        shutil.rmtree(oxi_dump.parent, ignore_errors=True)
    finally:
        for proc in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        shutil.rmtree(oxi_dir.parent, ignore_errors=True)


def oxigraph_get(query: str) -> str:
    return "/query?" + urllib.parse.urlencode({"query": query})


def store_document(port: int, key: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", f"/doc/person/{key}.ttl")
    return conn.getresponse().read()


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
