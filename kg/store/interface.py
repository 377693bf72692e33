"""The store interface: what the pipeline, the web tier and the CLI need from where the graph lives.

One named graph per article (the article's document IRI) and one per entity (its description);
the union of them is the default graph. Terms are pyoxigraph's (``NamedNode``, ``Literal``...),
whatever the implementation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import pyoxigraph as ox

from kg.formats import Format

Results = ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean
Subject = ox.NamedNode | ox.BlankNode


@dataclass(frozen=True)
class ArticleStatements:
    """What storing an article writes, as N-Triples (made where the article was mapped, so the
    writer only hands text on): the article's own graph, and the description of each entity it
    links to, by the entity's IRI."""

    article: str
    entities: tuple[tuple[str, str], ...] = ()


class StoreError(Exception):
    """The store cannot do what was asked; the message says why, for a person."""


class StoreInUse(StoreError):
    """Another process is writing to the store."""


class Store(Protocol):
    """Reading a published graph."""

    base: str  # the base IRI everything in the store is minted under

    def query(self, sparql: str, **dataset: object) -> Results:
        """A read query over the union graph (``dataset``: ``use_default_graph_as_union``,
        ``default_graph``, ``named_graphs`` to query other graphs). Relative IRIs resolve
        against the base; the prefixes of :data:`kg.vocab.PREFIXES` need no declaration.
        Raises ``SyntaxError`` for a query that does not parse."""
        ...

    def select(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT over the union graph; each row maps variable → lexical value."""
        ...

    def quads(self, subject: Subject | None = None, predicate: ox.NamedNode | None = None,
              object: ox.Term | None = None, graph: ox.NamedNode | None = None
              ) -> Iterator[ox.Quad]:
        """The quads matching a pattern (None matches anything), in index order."""
        ...

    def graph(self, name: str) -> list[ox.Triple]:
        """The triples of one named graph."""
        ...

    def count_triples(self) -> int:
        """Distinct triples in the union graph (what a dump holds)."""
        ...

    def dump(self, out: BinaryIO, fmt: Format) -> None:
        """Write the whole graph: each distinct triple once (one graph per article and per
        entity in a dataset format such as N-Quads)."""
        ...

    def close(self) -> None:
        """Release the store; closing again does nothing."""
        ...


class WritableStore(Store, Protocol):
    """Writing the live store (one writing process at a time: :class:`StoreInUse` otherwise)."""

    def replace_article(
        self, key: str, statements: ArticleStatements, *, drop: tuple[str, ...] = ()
    ) -> None:
        """Atomically replace one article's named graph with ``statements.article``, add the
        descriptions of what it links to to each entity's graph, and remove the graphs of the
        articles in ``drop`` (older versions it supersedes)."""
        ...

    def prune_entities(self) -> None:
        """Drop the descriptions of entities that no article links to any more."""
        ...

    def count_mentions(self) -> None:
        """State in each entity's graph how many articles mention it (``newskg:mentionCount``),
        replacing the counts stated before."""
        ...

    def flush(self) -> None:
        """Write what is buffered to durable storage (a long ingest does after each batch)."""
        ...

    def rebuild_default_graph(self) -> None:
        """Make the default graph the set union of the named graphs (for a store written by
        newskg 0.1); running it again does no harm."""
        ...

    def rebased_copy(self, target: Path, base: str) -> None:
        """Write a copy of the store to ``target`` (which must not exist) with every IRI under
        this store's base moved under ``base``."""
        ...

    def snapshot(self, target: Path) -> None:
        """Write a consistent, read-only copy of the store to ``target`` (which must not exist)."""
        ...
