"""The embedded store: pyoxigraph on disk, one named graph per article and per entity.

The default graph is the set union of the named graphs, kept up to date by every write: a
triple stated by several graphs (a role given by many articles) is in it once, so every query
over the default graph sees each triple once, as SPARQL's RDF merge says, and its count is the
dump's. (pyoxigraph's own union of named graphs is a multiset.)

pyoxigraph allows one writing process per store directory. Readers (the web tier) never open the
live store: :meth:`OxigraphStore.snapshot` publishes a consistent, read-only copy (hard links,
well under a second) that they open instead.
"""

from __future__ import annotations

import fcntl
import heapq
import os
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import ids
from kg.formats import NTRIPLES, Format, from_ntriples
from kg.store.interface import ArticleStatements, Results, StoreError, StoreInUse, Subject
from kg.vocab import PREFIXES, newskg, schema

# Every triple of the default graph (the set union of the named graphs), each once.
ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
DEFAULT_GRAPH = ox.DefaultGraph()
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
        self, key: str, statements: ArticleStatements, *, drop: tuple[str, ...] = ()
    ) -> None:
        # One SPARQL update is one transaction: readers never see half an article, nor an
        # article and the older version it replaces (``drop``: keys it supersedes). Entity
        # descriptions are added to each entity's own graph (a set: saying it again is a no-op),
        # and everything to the default graph, the set union.
        name = ids.graph_iri(self.base, key)
        parts = [_drop_graphs([name, *(ids.graph_iri(self.base, k) for k in drop)])]
        parts.append(f"INSERT DATA {{\n GRAPH <{name}> {{\n{statements.article}}}\n")
        for subject, triples in statements.entities:
            found = ids.parse_thing_iri(self.base, subject)
            if found is None:
                raise StoreError(f"{subject} is not an entity IRI under {self.base}")
            parts.append(f" GRAPH <{ids.doc_iri(self.base, *found)}> {{\n{triples}}}\n")
        parts += [statements.article, *(triples for _, triples in statements.entities), "}"]
        self._open.update("".join(parts))

    def prune_entities(self) -> None:
        """Drop the graphs of entities no article links to any more (after updates)."""
        docs, articles = f"{self.base}/doc/", f"{self.base}/doc/article/"
        orphans = self.select(f"""
            SELECT DISTINCT ?g WHERE {{
              GRAPH ?g {{ ?e a ?type }}
              FILTER (STRSTARTS(STR(?g), "{docs}") && !STRSTARTS(STR(?g), "{articles}"))
              FILTER NOT EXISTS {{ GRAPH ?a {{ ?x ?link ?e }} FILTER (?a != ?g) }}
            }}""")
        if orphans:
            self._open.update(_drop_graphs([row["g"] for row in orphans]))

    def count_mentions(self) -> None:
        # "Most mentioned" over the whole union graph takes seconds per query at 100,000
        # articles (17-24 s); counted here once per publish (0.7 s: each mention is stated once,
        # in its article's graph), such queries read a number per entity instead.
        rows = self._open.query(_MENTIONS)
        counts = [
            ox.Quad(row["e"], MENTION_COUNT, row["n"], graph)
            for row in rows  # type: ignore[attr-defined]
            if (found := ids.parse_thing_iri(self.base, row["e"].value))
            for graph in (ox.NamedNode(ids.doc_iri(self.base, *found)), DEFAULT_GRAPH)
        ]
        self._open.update(f"DELETE WHERE {{ GRAPH ?g {{ ?e <{MENTION_COUNT.value}> ?n }} }} ;\n"
                          f"DELETE WHERE {{ ?e <{MENTION_COUNT.value}> ?n }}")
        self._open.extend(counts)

    def rebuild_default_graph(self) -> None:
        """Make the default graph the set union of the named graphs (a store written by newskg
        0.1 has none); idempotent, so an interrupted rebuild is finished by running it again."""
        named = (q for q in self._open.quads_for_pattern(None, None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph))
        self._open.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in named)

    def count_triples(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"])

    def dump(self, out: BinaryIO, fmt: Format) -> None:
        if fmt.rdf is None:
            raise ValueError(f"{fmt.name} is not an RDF format")
        if fmt.rdf.supports_datasets:  # the named graphs: the default graph is their union
            named = (q for q in self._open.quads_for_pattern(None, None, None, None)
                     if not isinstance(q.graph_name, ox.DefaultGraph))
            ox.serialize(named, out, fmt.rdf)
            return
        with tempfile.TemporaryDirectory(prefix="newskg-dump-") as work:
            lines = _sorted_lines(self._open, Path(work))
            if fmt is NTRIPLES:
                out.writelines(lines)
                return
            triples = Path(work) / "triples.nt"
            with open(triples, "wb") as sink:
                sink.writelines(lines)
            from_ntriples(triples, out, fmt)

    def rebased_copy(self, target: Path, base: str) -> None:
        old = self.base + "/"

        def moved(term: ox.Term) -> ox.Term:
            if isinstance(term, ox.NamedNode) and term.value.startswith(old):
                return ox.NamedNode(base + "/" + term.value[len(old):])
            return term

        copy = ox.Store(str(target))
        copy.bulk_extend(ox.Quad(moved(q.subject), moved(q.predicate), moved(q.object),
                                 moved(q.graph_name))
                         for q in self._open.quads_for_pattern(None, None, None, None))
        copy.flush()

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


def _drop_graphs(names: list[str]) -> str:
    """The update that drops the named graphs ``names`` and takes out of the default graph
    what only they state (a triple another graph states stays)."""
    listed = " ".join(f"<{name}>" for name in names)
    return f"""DELETE {{ ?s ?p ?o }} WHERE {{
  VALUES ?gone {{ {listed} }}
  GRAPH ?gone {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other NOT IN ({", ".join(
      f"<{name}>" for name in names)})) }}
}} ;
""" + "".join(f"DROP SILENT GRAPH <{name}> ;\n" for name in names)


def _sorted_lines(store: ox.Store, work: Path) -> Iterator[bytes]:
    """Each triple of the default graph as an N-Triples line, sorted (a dump that diffs well).

    pyoxigraph writes the lines to a file in ``work``; sorted runs of :data:`RUN_LINES` of them
    go to files and are merged: memory is bounded whatever the size of the archive (sorting in
    memory took 822 MiB at 100,000 articles; runs of Python triple objects, 780 MiB).
    """
    unsorted = work / "unsorted.nt"
    with open(unsorted, "wb") as out:
        store.dump(out, format=NTRIPLES.rdf, from_graph=DEFAULT_GRAPH)
    runs: list[Path] = []
    with open(unsorted, "rb") as lines:
        while run := list(islice(lines, RUN_LINES)):
            runs.append(_spill(run, work / f"run-{len(runs)}"))
    unsorted.unlink()
    with ExitStack() as files:
        yield from heapq.merge(*(files.enter_context(open(p, "rb")) for p in runs))


def _spill(run: list[bytes], path: Path) -> Path:
    """Write ``run`` sorted to ``path``."""
    run.sort()
    with open(path, "wb") as sink:
        sink.writelines(run)
    return path
