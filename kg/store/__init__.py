"""The store interface: what the pipeline and the CLI need from wherever the graph lives.

One named graph per article (the article's document IRI); the union of them is the default graph.
:mod:`kg.store.embedded` keeps it on disk with pyoxigraph. A remote SPARQL 1.1 server can be a
second implementation of the same small interface.
"""

from __future__ import annotations

from typing import BinaryIO, Protocol

from rdflib import Graph

# Output formats of dumps: name → (pyoxigraph format name, file suffix, media type).
DUMP_FORMATS: dict[str, tuple[str, str, str]] = {
    "turtle": ("TURTLE", "ttl", "text/turtle"),
    "ntriples": ("N_TRIPLES", "nt", "application/n-triples"),
    "nquads": ("N_QUADS", "nq", "application/n-quads"),
    "jsonld": ("JSON_LD", "jsonld", "application/ld+json"),
}


class StoreError(Exception):
    """The store cannot do what was asked; the message says why, for a person."""


class StoreInUse(StoreError):
    """Another process is writing to the store."""


class GraphStore(Protocol):
    """What newskg needs from a store."""

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Run a SELECT over the union graph; each row maps variable → lexical value."""
        ...

    def replace_article(
        self, key: str, graph: Graph, entities: Graph | None = None, *, drop: tuple[str, ...] = ()
    ) -> None:
        """Atomically replace one article's named graph with ``graph``, add ``entities`` (the
        descriptions of what it links to) to each entity's graph, and remove the graphs of the
        articles in ``drop`` (older versions it supersedes)."""
        ...

    def flush(self) -> None:
        """Write what is buffered to durable storage (a long ingest does after each batch)."""
        ...

    def prune_entities(self) -> None:
        """Drop the descriptions of entities that no article links to any more."""
        ...

    def count_mentions(self) -> None:
        """State in each entity's graph how many articles mention it (``newskg:mentionCount``),
        replacing the counts stated before."""
        ...

    def count_triples(self) -> int:
        """Distinct triples in the union graph (what a dump holds)."""
        ...

    def dump(self, out: BinaryIO, format: str) -> None:
        """Write the whole graph in one of :data:`DUMP_FORMATS`."""
        ...

    def close(self) -> None: ...
