"""What keeping the default graph as the set union of the named graphs costs, on a published store.

    python benchmarks/default_graph.py [--size 100000] [--articles 1000]

On the snapshot of ``benchmarks/out/data-{size}`` (made by benchmarks/serve.py, or by
``kg ingest`` of ``benchmarks/generate.py``'s articles) it reports: the quads of the named graphs
and of the default graph (each distinct triple once), the store's size on disk; what a count of
every triple takes over the maintained default graph, over pyoxigraph's multiset union and over
the union made distinct (what a set needed before); and, on a copy of the store, what re-storing
``--articles`` articles takes with the default graph maintained and with named graphs only, what
building the default graph from scratch takes, and the store's size (compacted) without and
with it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg import ids  # noqa: E402
from kg.snapshots import current  # noqa: E402
from kg.store import ArticleStatements  # noqa: E402
from kg.store.embedded import OxigraphStore  # noqa: E402

# Every triple: of the maintained default graph; of every named graph, as pyoxigraph's union
# gave them before (a multiset); and that union made distinct (what a set cost then).
COUNTS = (
    ("maintained default graph (a set)", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    ("union of the named graphs (a multiset)",
     "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    ("union of the named graphs made distinct",
     "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"),
)


def timed(run: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()  # type: ignore[operator]
    return time.perf_counter() - start, result


def count(store: ox.Store, query: str) -> int:
    return int(next(iter(store.query(query)))["n"].value)  # type: ignore[index,call-overload]


def disk_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=None,
                        help="a data folder (default benchmarks/out/data-SIZE)")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    data = args.data or HERE / "out" / f"data-{args.size}"
    snapshot = current(data / "snapshots")
    if snapshot is None:
        sys.exit(f"nothing published under {data}: run benchmarks/serve.py --sizes {args.size}")
    raw = ox.Store.read_only(str(snapshot.store_path))
    named = sum(1 for q in raw.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph))
    default = sum(1 for _ in raw.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    print(f"{snapshot.stats.articles} articles: {named} quads in named graphs, {default} in the "
          f"default graph ({default / named:.2f} of them); store {disk_mb(snapshot.store_path):.0f}"
          f" MB on disk")
    for label, query in COUNTS:
        seconds, n = timed(lambda q=query: count(raw, q))
        print(f"  count every triple, {label}: {n} in {seconds:.2f} s")
    raw = None

    with tempfile.TemporaryDirectory(prefix="newskg-union-") as work:
        copy = Path(work) / "store"
        shutil.copytree(snapshot.store_path, copy)
        store = OxigraphStore(copy, snapshot.base)
        keys = [row["g"].rsplit("/", 1)[1] for row in store.select(
            f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g ?p ?o }} FILTER STRSTARTS(STR(?g), "
            f"'{snapshot.base}/doc/article/') }} LIMIT {args.articles}")]
        statements = {key: _statements(store, key) for key in keys}
        seconds, _ = timed(lambda: [store.replace_article(k, s) for k, s in statements.items()])
        store.flush()
        print(f"  re-storing {len(keys)} articles, default graph maintained: "
              f"{seconds / len(keys) * 1000:.2f} ms an article")
        plain = store._open  # a measuring instrument may reach in: named graphs only, as before
        seconds, _ = timed(lambda: [plain.update(
            f"DROP SILENT GRAPH <{ids.graph_iri(store.base, k)}> ; INSERT DATA {{ GRAPH "
            f"<{ids.graph_iri(store.base, k)}> {{ {s.article} }} }}")
            for k, s in statements.items()])
        store.flush()
        print(f"  re-storing {len(keys)} articles, named graphs only: "
              f"{seconds / len(keys) * 1000:.2f} ms an article")
        plain.clear_graph(ox.DefaultGraph())
        plain.optimize()
        without = disk_mb(copy)
        seconds, _ = timed(store.rebuild_default_graph)
        print(f"  building the default graph from scratch: {seconds:.1f} s")
        plain.optimize()
        print(f"  store on disk, compacted: {without:.0f} MB with named graphs only, "
              f"{disk_mb(copy):.0f} MB with the default graph too")
        store.close()


def _statements(store: OxigraphStore, key: str) -> ArticleStatements:
    """An article's own graph as N-Triples (its entities' graphs are left as they are)."""
    triples = store.graph(ids.graph_iri(store.base, key))
    return ArticleStatements((ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
                             .decode())


if __name__ == "__main__":
    main()
