"""The embedded store: pyoxigraph on disk, one named graph per article.

pyoxigraph allows one writing process per store directory. Readers (the web tier) never open the
live store: :meth:`OxigraphStore.snapshot` publishes a consistent, read-only copy (hard links,
well under a second) that they open instead.
"""

from __future__ import annotations

import fcntl
import heapq
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from kg import ids
from kg.formats import NTRIPLES, Format, from_ntriples
from kg.store.interface import Results, StoreError, StoreInUse, Subject
from kg.vocab import PREFIXES, newskg, schema

# Every triple of the union graph. Not always each once (at 100,000 articles 18,007 repeats got
# through): load it into a store, which is a set, or dump with OxigraphStore.dump.
ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
# Lines of N-Triples sorted in memory at once when dumping (~100 MB): the dump's memory bound.
RUN_LINES = 500_000
MENTION_COUNT = ox.NamedNode(newskg.mentionCount)
_MENTIONS = f"""SELECT ?e (COUNT(*) AS ?n)
WHERE {{ GRAPH ?g {{ ?a <{schema.mentions}> ?e }} }} GROUP BY ?e"""


class OxigraphStore:
    """A pyoxigraph store on disk (or in memory with ``path=None``); see :mod:`kg.store`."""

    def __init__(self, path: Path | None, base: str, *, read_only: bool = False):
        self.base = base
        self.path = path
        self._lock: int | None = None
        self._store: ox.Store | None = None
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._lock = _lock(path)
                self._store = ox.Store(str(path))
        except OSError as exc:
            self.close()
            raise StoreError(f"cannot open the store at {path}: {exc}") from None

    @property
    def _open(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the store is closed")
        return self._store

    def query(self, sparql: str, **dataset: object) -> Results:
        dataset.setdefault("use_default_graph_as_union", True)
        return self._open.query(sparql, base_iri=self.base + "/", prefixes=PREFIXES,
                                **dataset)  # type: ignore[arg-type]

    def select(self, sparql: str) -> list[dict[str, str]]:
        results = self.query(sparql)
        names = [v.value for v in results.variables]  # type: ignore[union-attr]
        return [
            {name: row[name].value for name in names if row[name] is not None}
            for row in results  # type: ignore[union-attr]
        ]

    def quads(self, subject: Subject | None = None, predicate: ox.NamedNode | None = None,
              object: ox.Term | None = None, graph: ox.NamedNode | None = None
              ) -> Iterator[ox.Quad]:
        return iter(self._open.quads_for_pattern(subject, predicate, object, graph))

    def graph(self, name: str) -> list[ox.Triple]:
        return [q.triple for q in self.quads(graph=ox.NamedNode(name))]

    def replace_article(
        self, key: str, graph: Graph, entities: Graph | None = None, *, drop: tuple[str, ...] = ()
    ) -> None:
        # One SPARQL update is one transaction: readers never see half an article, nor an
        # article and the older version it replaces (``drop``: keys it supersedes). Entity
        # descriptions are added to each entity's own graph (a set: saying it again is a no-op).
        name = ids.graph_iri(self.base, key)
        parts = [f"DROP SILENT GRAPH <{ids.graph_iri(self.base, k)}> ;\n" for k in drop]
        parts.append(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{\n GRAPH <{name}> {{\n")
        parts.append(graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))
        parts.append("}\n")
        for subject, triples in _by_subject(entities).items():
            found = ids.parse_thing_iri(self.base, subject)
            if found is None:
                raise StoreError(f"{subject} is not an entity IRI under {self.base}")
            parts.append(f" GRAPH <{ids.doc_iri(self.base, *found)}> {{\n{triples}}}\n")
        parts.append("}")
        self._open.update("".join(parts))

    def prune_entities(self) -> None:
        """Drop the graphs of entities no article links to any more (after updates)."""
        docs, articles = f"{self.base}/doc/", f"{self.base}/doc/article/"
        self._open.update(f"""
            DELETE {{ GRAPH ?g {{ ?e ?p ?o }} }} WHERE {{
              GRAPH ?g {{ ?e a ?type }}
              FILTER (STRSTARTS(STR(?g), "{docs}") && !STRSTARTS(STR(?g), "{articles}"))
              FILTER NOT EXISTS {{ GRAPH ?a {{ ?x ?link ?e }} FILTER (?a != ?g) }}
              GRAPH ?g {{ ?e ?p ?o }}
            }}""")

    def count_mentions(self) -> None:
        # "Most mentioned" over the whole union graph takes seconds per query at 100,000
        # articles (17-24 s); counted here once per publish (0.7 s: each mention is stated once,
        # in its article's graph), such queries read a number per entity instead.
        rows = self._open.query(_MENTIONS)
        counts = [
            ox.Quad(row["e"], MENTION_COUNT, row["n"], ox.NamedNode(ids.doc_iri(self.base,
                                                                                *found)))
            for row in rows  # type: ignore[attr-defined]
            if (found := ids.parse_thing_iri(self.base, row["e"].value))
        ]
        self._open.update(f"DELETE WHERE {{ GRAPH ?g {{ ?e <{MENTION_COUNT.value}> ?n }} }}")
        self._open.extend(counts)

    def count_triples(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                           "WHERE { ?s ?p ?o } }")
        return int(rows[0]["n"])

    def dump(self, out: BinaryIO, fmt: Format) -> None:
        if fmt.rdf is None:
            raise ValueError(f"{fmt.name} is not an RDF format")
        if fmt.rdf.supports_datasets:
            self._open.dump(out, format=fmt.rdf)
            return
        with tempfile.TemporaryDirectory(prefix="newskg-dump-") as work:
            lines = _distinct_lines(self._open, Path(work))
            if fmt is NTRIPLES:
                out.writelines(lines)
                return
            triples = Path(work) / "triples.nt"
            with open(triples, "wb") as sink:
                sink.writelines(lines)
            from_ntriples(triples, out, fmt)

    def flush(self) -> None:
        # RocksDB keeps recent writes in memory until flushed: ~60 MB per 1,000 articles.
        self._open.flush()

    def snapshot(self, target: Path) -> None:
        self.flush()
        self._open.backup(str(target))

    def close(self) -> None:
        self._store = None  # pyoxigraph closes the store when the last reference goes
        if self._lock is not None:
            os.close(self._lock)  # and with it the lock
            self._lock = None


def _lock(path: Path) -> int:
    """Hold ``{path}.lock`` for as long as the store is open for writing, or say who holds it.

    pyoxigraph has its own lock, but says so only in the text of an OSError; this one is ours.
    """
    descriptor = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise StoreInUse(
            f"the store at {path} is in use by another process (a running `kg ingest`?); "
            "wait for it to finish and try again") from None
    return descriptor


def _distinct_lines(store: ox.Store, work: Path) -> Iterator[bytes]:
    """Each distinct triple of the union graph once, as a sorted N-Triples line.

    A triple may be stated in several graphs (a person's role, by each article that gives it).
    Deduplicating them in memory took memory in proportion to the graph (822 MiB at 100,000
    articles); here sorted runs of lines go to files in ``work`` and are merged: memory is
    bounded by :data:`RUN_LINES` whatever the size of the archive.
    """
    runs: list[Path] = []
    run: list[bytes] = []
    for graph in (ox.DefaultGraph(), *store.named_graphs()):
        buffer = io.BytesIO()
        store.dump(buffer, format=NTRIPLES.rdf, from_graph=graph)
        run += buffer.getvalue().splitlines(keepends=True)
        if len(run) >= RUN_LINES:
            runs.append(_spill(run, work / f"run-{len(runs)}"))
    if run:
        runs.append(_spill(run, work / f"run-{len(runs)}"))
    with ExitStack() as files:
        previous = None
        for line in heapq.merge(*(files.enter_context(open(p, "rb")) for p in runs)):
            if line != previous:
                yield line
                previous = line


def _spill(run: list[bytes], path: Path) -> Path:
    """Write ``run`` sorted to ``path`` and empty it."""
    run.sort()
    with open(path, "wb") as sink:
        sink.writelines(run)
    run.clear()
    return path


def _by_subject(graph: Graph | None) -> dict[str, str]:
    """N-Triples of ``graph`` grouped by subject IRI."""
    grouped: dict[str, list[str]] = {}
    for s, p, o in graph or ():
        grouped.setdefault(str(s), []).append(f"{s.n3()} {p.n3()} {o.n3()} .\n")
    return {subject: "".join(lines) for subject, lines in grouped.items()}
