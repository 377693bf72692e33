"""How fast can any Python front under granian answer a cheap SPARQL query? A measuring instrument.

    python benchmarks/python_floor.py [--size 10000] [--seconds 5] [--rounds 3] [--concurrency 1 4]

Serves ``GET /sparql?query=`` from a bare WSGI function under granian with `kg serve`'s settings
(kg.web.server: workers, threads, buffers, access log): the query string parsed with the standard
library, the query run on pyoxigraph in the worker, SPARQL JSON written by pyoxigraph. No Flask,
no checks, no time limit, no query process: never expose it. Side by side with `kg serve` (answer
cache off) and `oxigraph serve-read-only` on the data of benchmarks/serve.py, measured with wrk,
the servers taking turns (benchmarks/loadtest.py), it shows how much of newskg's latency on a
point lookup is the Python HTTP stack itself, which no change inside newskg can remove.
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import loadtest, serve
from kg.settings import Settings
from kg.snapshots import current
from kg.store.embedded import OxigraphStore

STORE = "NEWSKG_BENCH_STORE"
FRONT, NEWSKG, OXIGRAPH = "python front (no checks)", "newskg", "oxigraph serve"
_store: ox.Store | None = None

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """The leanest WSGI answer to a SPARQL GET (the store opens in the worker, not the master)."""
    global _store
    if _store is None:
        _store = ox.Store.read_only(os.environ[STORE])
    query = urllib.parse.parse_qs(environ["QUERY_STRING"]).get("query", ["ASK {}"])[0]
    results = _store.query(query)  # the default graph: newskg keeps the union there
    body = results.serialize(format=ox.QueryResultsFormat.JSON) or b""
    start_response("200 OK", [("Content-Type", "application/sparql-results+json"),
                              ("Content-Length", str(len(body)))])
    return [body]


def _load(target: str) -> WSGIApp:
    """granian's loader, run in each worker: :func:`app` instead of ``target`` (newskg's app)."""
    return app


def front(port: int) -> None:
    """Serve :func:`app` under granian, configured as `kg serve` configures it."""
    from kg.web.server import server

    server(Settings.from_env().replace(port=port)).serve(target_loader=_load)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--seconds", type=int, default=5, help="of each wrk run (whole seconds)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4],
                        help="wrk's connections (one table row each)")
    parser.add_argument("--front", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.front:
        front(args.front)
        return

    data = serve.prepare(args.size)
    snapshot = current(Settings(data_dir=data).snapshots_dir)
    assert snapshot is not None
    store = OxigraphStore(snapshot.store_path, snapshot.base, read_only=True)
    point = serve.POINT % serve.person(store)
    expected = loadtest.sparql_rows(
        store.query(point).serialize(format=ox.QueryResultsFormat.JSON) or b"")
    env = loadtest.newskg_env(data, cache_mb=0)
    settings = Settings.from_env(env)
    ports = {name: loadtest.free_port() for name in (FRONT, NEWSKG, OXIGRAPH)}
    paths = {FRONT: loadtest.query_path("/sparql", point),
             NEWSKG: loadtest.query_path("/sparql", point),
             OXIGRAPH: loadtest.query_path("/query", point)}
    with loadtest.store_copy(snapshot.store_path) as copy, loadtest.Servers() as servers, \
            loadtest.report_script() as script:
        urls = {
            FRONT: servers.start(FRONT, [sys.executable, __file__, "--front", str(ports[FRONT])],
                                 ports[FRONT], "/sparql", {**env, STORE: str(snapshot.store_path)}),
            NEWSKG: servers.start(NEWSKG, loadtest.kg_serve(ports[NEWSKG]), ports[NEWSKG],
                                  "/health", env),
            OXIGRAPH: servers.start(OXIGRAPH, loadtest.oxigraph_serve(ports[OXIGRAPH], copy),
                                    ports[OXIGRAPH], "/query?query=ASK%7B%7D"),
        }
        print(f"point lookup ({len(expected)} rows), {args.size} articles. wrk -t1, "
              f"{args.seconds} s a run, median of {args.rounds} round(s), the servers taking "
              f"turns (order rotated each round); latency ms p50/p95, requests/s.\n"
              f"{FRONT} and newskg (kg serve): granian, {settings.workers} workers x "
              f"{settings.threads} threads; newskg's answer cache off (NEWSKG_CACHE_MB=0).\n"
              f"{loadtest.LIMITS_NOTE}.\n"
              f"ratios: the first's p50 over the second's, then the second's requests/s over "
              f"the first's (above 1: the first is slower).")
        for name, url in urls.items():
            rows = loadtest.sparql_rows(loadtest.fetch(url + paths[name], loadtest.SPARQL_JSON))
            if rows != expected:
                print(f"DISAGREE: {name} answered {len(rows)} rows, in-process {len(expected)}")
        columns = (FRONT, NEWSKG, OXIGRAPH, "newskg/front", "front/oxigraph")
        header = f"{'clients':<8}" + "".join(f" {c:>24}" for c in columns)
        print(header)
        print("-" * len(header))
        for clients in args.concurrency:
            r = loadtest.alternate(
                {name: lambda u=url + paths[name], c=clients: loadtest.wrk(
                    u, script, args.seconds, c, loadtest.SPARQL_JSON)
                 for name, url in urls.items()}, args.rounds)
            cells = [loadtest.cell(r[FRONT]), loadtest.cell(r[NEWSKG]), loadtest.cell(r[OXIGRAPH]),
                     loadtest.ratio(r[NEWSKG], r[FRONT]), loadtest.ratio(r[FRONT], r[OXIGRAPH])]
            print(f"{clients:<8}" + "".join(f" {c:>24}" for c in cells) + loadtest.failures(r),
                  flush=True)


if __name__ == "__main__":
    main()
