"""Serving benchmark: newskg under granian and gunicorn, against the floor and `oxigraph serve`.

    python benchmarks/serve.py [--sizes 10000 100000] [--seconds 5] [--rounds 3] [--concurrency 4]

For each size: generate articles (benchmarks/generate.py), ingest them with the rules-only name
finder (the model is measured by benchmarks/ingest.py; here only serving matters), then measure,
side by side on the same snapshot:

- ``floor``: the same query run in-process on pyoxigraph (no HTTP);
- ``newskg``: `kg serve` as users run it (granian), its answer cache off (``NEWSKG_CACHE_MB=0``):
  every request computed;
- ``newskg (gunicorn)``: the same app under gunicorn's threaded workers, as many workers and
  threads as `kg serve` (NEWSKG_WORKERS, NEWSKG_THREADS), cache off: what granian replaced;
- ``oxigraph serve``: `oxigraph serve-read-only` (PyPI ``oxigraph``) on a copy of the store,
  querying its default graph (newskg's default graph is the set union of the named graphs);
- ``newskg, repeated``: `kg serve` with its default cache, which answers a repeated request
  from memory: what clients asking the same thing again get. Not a like-for-like comparison.

Every newskg server runs without its per-client limits (see benchmarks/loadtest.py).

Workloads: each query in queries/ (parameters bound to an entity, author and word present in
the generated data), a point lookup (an entity's articles), and a person's JSON-LD document (for
oxigraph and the floor, a CONSTRUCT of the same triples). Before measuring, each server is asked
each workload once and its rows compared with the floor's. Then, per workload, ``--rounds``
rounds of ``wrk -t1 -c{--concurrency}`` for ``--seconds`` on each server (the floor: a loop for
as long), the order rotated each round; the table gives each one's median: latency p50/p95 in ms
and requests/s. Last, the rate of a download of the whole graph (N-Triples, with curl) from each
server and its memory.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import loadtest
from benchmarks.generate import generate
from benchmarks.loadtest import BIN, HERE, Result, Servers
from kg.queries import catalogue
from kg.settings import Settings
from kg.snapshots import current
from kg.store.embedded import OxigraphStore

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
JSONLD = {"Accept": "application/ld+json"}
NTRIPLES = {"Accept": "application/n-triples"}
NEWSKG, GUNICORN, OXIGRAPH, REPEATED = ("newskg", "newskg (gunicorn)", "oxigraph serve",
                                        "newskg, repeated")
FLOOR = "floor (in-process)"


@dataclass(frozen=True)
class Workload:
    """What each server is asked: newskg a path of its own, Oxigraph and the floor ``query``."""

    name: str
    query: str
    newskg_path: str
    document: bool = False  # a linked-data document (JSON-LD), not SPARQL results

    @property
    def headers(self) -> dict[str, str]:
        return JSONLD if self.document else loadtest.SPARQL_JSON

    @property
    def oxigraph_path(self) -> str:
        return loadtest.query_path("/query", self.query)


def in_process(run: Callable[[], object], seconds: float) -> Result:
    """The floor: ``run`` in a loop for ``seconds``, one at a time."""
    latencies = []
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        start = time.perf_counter()
        run()
        latencies.append((time.perf_counter() - start) * 1000)
    elapsed = time.monotonic() - started
    latencies.sort()
    return Result(p50=statistics.median(latencies),
                  p95=latencies[math.ceil(len(latencies) * 0.95) - 1],  # nearest rank
                  rps=len(latencies) / elapsed)


def gunicorn(port: int, settings: Settings) -> list[str]:
    """The newskg app under gunicorn's threaded workers, sized as `kg serve` is, with the options
    `kg serve` gave gunicorn before granian (long GET queries allowed, the access log as set)."""
    return [str(BIN / "gunicorn"), "kg.web.app:create_app()", "--worker-class", "gthread",
            "--workers", str(settings.workers), "--threads", str(settings.threads),
            "--timeout", str(int(settings.query_timeout) + 30), "--limit-request-line", "0",
            "--no-control-socket", "--bind", f"127.0.0.1:{port}",
            *(["--access-logfile", "-"] if settings.access_log else [])]


def prepare(size: int) -> Path:
    """The data folder of ``size`` generated articles, generated and ingested if missing."""
    folder = HERE / "out" / f"articles-{size}"
    if not (folder / f"{size - 1:06d}.txt").exists():
        generate(size, folder)
    data = HERE / "out" / f"data-{size}"
    if current(Settings(data_dir=data).snapshots_dir) is None:
        print(f"ingesting {size} articles (rules-only names)...", flush=True)
        subprocess.run([str(BIN / "kg"), "--data-dir", str(data), "ingest", "-q", "--ner",
                        "rules", str(folder)], check=True)
    return data


def person(store: OxigraphStore) -> str:
    """The IRI of a person some article mentions."""
    return store.select(SCHEMA + "SELECT ?e WHERE { ?a schema:mentions ?e . "
                        "?e a schema:Person } LIMIT 1")[0]["e"]


def workloads(store: OxigraphStore, base: str, doc_articles: int) -> list[Workload]:
    """Every canned query, a point lookup and a person's document, on data that exists."""
    entity = person(store)
    author = store.select(SCHEMA + "SELECT ?n WHERE { ?a schema:author/schema:name ?n } "
                          "LIMIT 1")[0]["n"]
    # The defaults in queries/ name people of the sample articles: here, ones that exist.
    values = {"entity": f"<{entity}>", "person": f"<{entity}>", "author": f'"{author}"',
              "text": '"climate"'}
    found = []
    for query in catalogue():
        # Relative IRIs resolve against the data's base everywhere (oxigraph serve would
        # resolve them against its own request URL).
        names = {p.name for p in query.params}
        text = f"BASE <{base}/>\n" + query.bind({k: v for k, v in values.items() if k in names})
        found.append(Workload(query.name, text, loadtest.query_path("/sparql", text)))
    point = POINT % entity
    found.append(Workload("point lookup", point, loadtest.query_path("/sparql", point)))
    document = DOCUMENT % {"e": f"<{entity}>", "limit": doc_articles}
    key = entity.rsplit("/", 1)[-1]
    found.append(Workload("JSON-LD document", document, f"/doc/person/{key}.jsonld",
                          document=True))
    return found


def check(work: list[Workload], urls: dict[str, str], store: OxigraphStore) -> list[str]:
    """Ask every server each workload once (which also fills the cache of ``newskg, repeated``)
    and compare its rows with the floor's; what disagrees, said in a line each."""
    said = []
    for w in work:
        if w.document:  # compared by its triples, not rows
            floor = {str(t) for t in store.query(w.query)}  # type: ignore[union-attr]
            oxigraph = set(ox.parse(loadtest.fetch(urls[OXIGRAPH] + w.oxigraph_path, NTRIPLES),
                                    format=ox.RdfFormat.N_TRIPLES))
            answers = {name: len(set(ox.parse(loadtest.fetch(url + w.newskg_path, w.headers),
                                              format=ox.RdfFormat.JSON_LD)))
                       for name, url in urls.items() if name != OXIGRAPH}
            said.append(f"{w.name}: {answers[NEWSKG]} triples; the CONSTRUCT of its triples "
                        f"{len(floor)} in-process, {len(oxigraph)} on oxigraph serve")
            if {str(t) for t in oxigraph} != floor:
                said.append("  DISAGREE: oxigraph serve's CONSTRUCT is not the floor's")
            if len(set(answers.values())) > 1:
                said.append(f"  DISAGREE: newskg servers' documents differ: {answers}")
            continue
        floor_rows = loadtest.sparql_rows(
            store.query(w.query).serialize(format=ox.QueryResultsFormat.JSON) or b"")
        for name, url in urls.items():
            path = w.oxigraph_path if name == OXIGRAPH else w.newskg_path
            rows = loadtest.sparql_rows(loadtest.fetch(url + path, w.headers))
            if rows != floor_rows:
                said.append(f"  DISAGREE: {w.name} on {name}: {len(rows)} rows, the floor "
                            f"{len(floor_rows)} (or other rows)")
    return said


@dataclass(frozen=True)
class Download:
    """A download: its rate, its size, and the server's memory before and at most during it."""

    mb_per_s: float
    mb: float
    rss_before: float
    rss_peak: float


def download(url: str, headers: dict[str, str], rss: Callable[[], float]) -> Download:
    """A download of ``url`` with curl, the server's memory (``rss``) watched meanwhile."""
    before = peak = rss()
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not stop.wait(0.1):
            peak = max(peak, rss())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        done = subprocess.run(
            ["curl", "--silent", "--show-error", "--fail", "--output", "/dev/null",
             "--write-out", "%{size_download} %{time_total}",
             *(arg for k, v in headers.items() for arg in ("--header", f"{k}: {v}")), url],
            capture_output=True, text=True, check=True)
    finally:
        stop.set()
        watcher.join()
    size, seconds = done.stdout.split()
    return Download(int(size) / float(seconds) / 1e6, int(size) / 1e6, before, peak)


def bench_size(size: int, seconds: int, rounds: int, concurrency: int) -> None:
    """Every workload on every server, then the dump downloads, on ``size`` articles."""
    data = prepare(size)
    snapshot = current(Settings(data_dir=data).snapshots_dir)
    assert snapshot is not None
    env = loadtest.newskg_env(data, cache_mb=0)
    settings = Settings.from_env(env)
    store = OxigraphStore(snapshot.store_path, snapshot.base, read_only=True)
    work = workloads(store, snapshot.base, settings.doc_articles)
    ports = {name: loadtest.free_port() for name in (NEWSKG, GUNICORN, OXIGRAPH, REPEATED)}
    with loadtest.store_copy(snapshot.store_path) as copy, Servers() as servers, \
            loadtest.report_script() as script:
        urls = {
            NEWSKG: servers.start(NEWSKG, loadtest.kg_serve(ports[NEWSKG]), ports[NEWSKG],
                                  "/health", env),
            GUNICORN: servers.start(GUNICORN, gunicorn(ports[GUNICORN], settings),
                                    ports[GUNICORN], "/health", env),
            OXIGRAPH: servers.start(OXIGRAPH, loadtest.oxigraph_serve(ports[OXIGRAPH], copy),
                                    ports[OXIGRAPH], "/query?query=ASK%7B%7D"),
            REPEATED: servers.start(REPEATED, loadtest.kg_serve(ports[REPEATED]),
                                    ports[REPEATED], "/health",
                                    loadtest.newskg_env(data, cache_mb=None)),
        }
        print(f"\n{size} articles, {snapshot.stats.triples} triples. wrk -t1 -c{concurrency}, "
              f"{seconds} s a run, median of {rounds} round(s), the servers taking turns "
              f"(order rotated each round); latency ms p50/p95, requests/s.\n"
              f"{NEWSKG}: kg serve (granian); {GUNICORN}: the same app under gunicorn gthread; "
              f"both {settings.workers} workers x {settings.threads} threads, answer cache off "
              f"(NEWSKG_CACHE_MB=0). {REPEATED}: kg serve with its default cache, asked again.\n"
              f"{loadtest.LIMITS_NOTE}.\n"
              f"{OXIGRAPH}: serve-read-only on a copy of the store, its default graph.\n"
              f"newskg/oxigraph, granian/gunicorn: the first's p50 over the second's, then the "
              f"second's requests/s over the first's (above 1: the first is slower).")
        said = check(work, urls, store)
        print("\n".join(said))
        print("SOME ANSWERS DISAGREE (above)" if any("DISAGREE" in line for line in said) else
              "each server's rows agree with the floor's on every query")
        table(work, urls, store, script, seconds, rounds, concurrency)
        print("server RSS after the workloads (MiB, every process of each): " + ", ".join(
            f"{name} {servers.rss_mb(name):.0f}" for name in urls))
        dump_rates(urls, servers, rounds)


def table(work: list[Workload], urls: dict[str, str], store: OxigraphStore, script: Path,
          seconds: int, rounds: int, concurrency: int) -> None:
    """Each workload on the floor and every server, taking turns: a row each, as measured."""
    columns = (FLOOR, NEWSKG, GUNICORN, OXIGRAPH, "newskg/oxigraph", "granian/gunicorn",
               REPEATED)
    header = f"{'workload':<20}" + "".join(f" {c:>18}" for c in columns)
    print(header)
    print("-" * len(header))
    for w in work:
        runs: dict[str, Callable[[], Result]] = {
            FLOOR: lambda w=w: in_process(lambda: _consume(store.query(w.query)), seconds),
        }
        for name, url in urls.items():
            path = w.oxigraph_path if name == OXIGRAPH else w.newskg_path
            runs[name] = lambda u=url + path, w=w: loadtest.wrk(u, script, seconds,
                                                                concurrency, w.headers)
        r = loadtest.alternate(runs, rounds)
        cells = [loadtest.cell(r[FLOOR]), loadtest.cell(r[NEWSKG]), loadtest.cell(r[GUNICORN]),
                 loadtest.cell(r[OXIGRAPH]), loadtest.ratio(r[NEWSKG], r[OXIGRAPH]),
                 loadtest.ratio(r[NEWSKG], r[GUNICORN]), loadtest.cell(r[REPEATED])]
        print(f"{w.name:<20}" + "".join(f" {c:>18}" for c in cells) + loadtest.failures(r),
              flush=True)


def dump_rates(urls: dict[str, str], servers: Servers, rounds: int) -> None:
    """The whole graph as N-Triples from each server (newskg's dump file, Oxigraph's default
    graph), taking turns: the median rate, and the server's memory."""
    dumps = {NEWSKG: "/dump.nt", GUNICORN: "/dump.nt", OXIGRAPH: "/store?default"}
    downloads = loadtest.take_turns(
        {name: lambda n=name: download(urls[n] + dumps[n], NTRIPLES, lambda: servers.rss_mb(n))
         for name in dumps}, rounds)
    print(f"whole graph as N-Triples, downloaded with curl (median of {rounds} round(s), "
          f"taking turns):")
    for name, done in downloads.items():
        print(f"  {name} {dumps[name]}: {statistics.median(d.mb_per_s for d in done):,.0f} "
              f"MB/s of {done[0].mb:,.0f} MB (RSS {done[0].rss_before:.0f} MiB before, "
              f"{max(d.rss_peak for d in done):.0f} at most)")


def _consume(results: object) -> None:
    if hasattr(results, "__iter__"):
        for _ in results:  # type: ignore[attr-defined]
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--seconds", type=int, default=5, help="of each wrk run (whole seconds)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4, help="wrk's connections")
    args = parser.parse_args()
    for size in args.sizes:
        bench_size(size, args.seconds, args.rounds, args.concurrency)


if __name__ == "__main__":
    main()
