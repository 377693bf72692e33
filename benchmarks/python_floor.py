"""How fast can any Python front under gunicorn answer a cheap SPARQL query? A measuring instrument.

    python benchmarks/python_floor.py [--size 10000] [--seconds 5]

Serves ``GET /sparql?query=`` from the gunicorn worker itself: the query string parsed with the
standard library, the query run on pyoxigraph in the worker, SPARQL JSON written by pyoxigraph.
No Flask, no checks, no time limit, no query process: never expose it. Side by side with
`kg serve` (answer cache off) and `oxigraph serve-read-only` on the data of benchmarks/serve.py,
it shows how much of newskg's latency on cheap queries is the Python HTTP stack itself, which
no change inside newskg can remove.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks import serve  # noqa: E402

STORE = "NEWSKG_BENCH_STORE"
_store: ox.Store | None = None


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """The leanest WSGI answer to a SPARQL GET (the store opens in the worker, not the master)."""
    global _store
    if _store is None:
        _store = ox.Store.read_only(os.environ[STORE])
    query = urllib.parse.parse_qs(environ["QUERY_STRING"]).get("query", ["ASK {}"])[0]
    results = _store.query(query, use_default_graph_as_union=True)
    body = results.serialize(format=ox.QueryResultsFormat.JSON) or b""
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"),
                              ("Content-Length", str(len(body)))])
    return [body]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--seconds", type=float, default=5)
    args = parser.parse_args()

    from kg.settings import Settings
    from kg.snapshots import current
    from kg.store.embedded import OxigraphStore

    data = HERE / "out" / f"data-{args.size}"
    snapshot = current(Settings(data_dir=data).snapshots_dir)
    if snapshot is None:
        sys.exit(f"no data for {args.size} articles: run benchmarks/serve.py --sizes {args.size}")
    store = OxigraphStore(snapshot.store_path, Settings().base, read_only=True)
    entity = store.select("PREFIX schema: <http://schema.org/> SELECT ?e WHERE { ?a "
                          "schema:mentions ?e . ?e a schema:Person } LIMIT 1")[0]["e"]
    del store
    point = serve.POINT % entity
    copy = Path(tempfile.mkdtemp()) / "store"  # oxigraph's own copy, as in benchmarks/serve.py
    shutil.copytree(snapshot.store_path, copy)
    ports = {name: serve.free_port() for name in ("python", "newskg", "oxigraph")}
    env = {**os.environ, STORE: str(snapshot.store_path), "NEWSKG_DATA_DIR": str(data),
           "NEWSKG_CACHE_MB": "0"}
    commands = {
        # The same gunicorn worker settings as `kg serve` (kg.web.server), access log included.
        "python": [str(serve.BIN / "gunicorn"), "benchmarks.python_floor:app", "-k", "gthread",
                   "-w", "2", "--threads", "4", "--access-logfile", "-",
                   "-b", f"127.0.0.1:{ports['python']}"],
        "newskg": [str(serve.BIN / "kg"), "serve", "--port", str(ports["newskg"])],
        "oxigraph": [str(serve.BIN / "oxigraph"), "serve-read-only", "--location",
                     str(copy), "--bind", f"127.0.0.1:{ports['oxigraph']}",
                     "--union-default-graph"],
    }
    servers = {name: subprocess.Popen(command, env=env, cwd=HERE.parent,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True)
               for name, command in commands.items()}
    try:
        paths = {"python": serve.sparql_get(point), "newskg": serve.sparql_get(point),
                 "oxigraph": serve.oxigraph_get(point)}
        for name, port in ports.items():
            serve.wait_for(port, paths[name])
        headers = {"Accept": "application/sparql-results+json"}
        print(f"point lookup, {args.size} articles; latency ms p50/p95, requests/s")
        print(f"{'clients':<8} {'python front (no checks)':>26} {'newskg':>22} "
              f"{'oxigraph serve':>22}")
        for clients in (1, 4):
            cells = [serve.cell(serve.load(port, "GET", paths[name], None, headers,
                                           args.seconds, clients))
                     for name, port in ports.items()]
            print(f"{clients:<8} {cells[0]:>26} {cells[1]:>22} {cells[2]:>22}", flush=True)
    finally:
        for proc in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        shutil.rmtree(copy.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
