"""What the document about a thing holds: the triples behind ``/doc/{kind}/{key}``.

An article's document is its named graph (the article, its links to authors and entities, the
roles it states, and the provenance of the document: the source file's name, never its path)
with the descriptions of what it links to (type, name, alternate names: each entity's own
graph). A person's, organisation's or place's document is its description over all articles
(type, names, roles, links, with the type and name of what it links to) plus the articles that
mention it, are about it or that it wrote, each with its type, headline and date: at most
``limit`` of them.

How the queries are written matters (measured on 10k articles, an entity named in all of them):
a subquery ordered by date reads every article first (350 ms). So each query is one triple
pattern with a constant subject or object (6-20 ms), and the listed articles are the first
``limit`` found, not the newest: the HTML page sorts what it lists, and a truncated list says
so. pyoxigraph ``substitutions`` are no help: they filter after a subquery has run over the
whole store.

The IRI in each query is built from a kind in :data:`kg.vocab.CLASSES` and a key that matched
:data:`kg.ids.KEY_PATTERN`, and written by pyoxigraph (which rejects anything that is not an
IRI), so nothing from a URL reaches the query text unchecked.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg import ids
from kg.store import Store
from kg.vocab import CLASSES, rdf, schema

RDF_TYPE = ox.NamedNode(rdf.type)
# Links to other resources whose type and name the document carries (so a page can label them).
_LABELLED = {schema.affiliation, schema.worksFor, schema.parentOrganization, schema.memberOf}

# The prefixes schema: and rdf: are predefined for every query (kg.vocab.PREFIXES).
_DESCRIPTION = "SELECT DISTINCT ?p ?o WHERE { %s ?p ?o }"
_LABELS = """SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?s { %s }
  { ?s a ?o BIND(rdf:type AS ?p) } UNION { ?s schema:name ?o BIND(schema:name AS ?p) }
}"""
_ARTICLES = """SELECT ?a ?rel ?headline ?date WHERE {
  { SELECT DISTINCT ?a WHERE {
      ?a ?link %(e)s VALUES ?link { schema:mentions schema:about schema:author }
  } LIMIT %(limit)d }
  ?a ?rel %(e)s ; schema:headline ?headline ; schema:datePublished ?date .
  VALUES ?rel { schema:mentions schema:about schema:author }
}"""
_ARTICLE_COUNT = """SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a ?link %s VALUES ?link { schema:mentions schema:about schema:author }
}"""


@dataclass(frozen=True)
class Document:
    """The triples of one resource document, and how many of its articles it lists."""

    kind: str
    key: str
    base: str
    triples: tuple[ox.Triple, ...]
    listed: int = 0
    total: int = 0

    @property
    def thing(self) -> str:
        return ids.thing_iri(self.base, self.kind, self.key)

    @property
    def iri(self) -> str:
        return ids.doc_iri(self.base, self.kind, self.key)

    @property
    def truncated(self) -> bool:
        return self.listed < self.total


def load(store: Store, kind: str, key: str, limit: int) -> Document | None:
    """The document about ``{kind}/{key}``, or None when the store holds no such thing."""
    if kind not in CLASSES or not ids.is_key(key):
        return None
    if kind == "article":
        return _article(store, key)
    return _entity(store, kind, key, limit)


def exists(store: Store, kind: str, key: str) -> bool:
    """Whether the store holds ``{kind}/{key}`` (cheaper than loading its document)."""
    if kind not in CLASSES or not ids.is_key(key):
        return False
    if kind == "article":
        graph = ox.NamedNode(ids.graph_iri(store.base, key))
        return next(store.quads(graph=graph), None) is not None
    thing = ox.NamedNode(ids.thing_iri(store.base, kind, key))
    return next(store.quads(thing, RDF_TYPE, ox.NamedNode(CLASSES[kind])), None) is not None


def _article(store: Store, key: str) -> Document | None:
    own = store.graph(ids.graph_iri(store.base, key))
    if not own:
        return None
    linked = dict.fromkeys(
        found for t in own if isinstance(t.object, ox.NamedNode)
        and (found := ids.parse_thing_iri(store.base, t.object.value)) and found[0] != "article"
    )
    described = [t for kind, k in linked for t in store.graph(ids.doc_iri(store.base, kind, k))]
    return Document("article", key, store.base, tuple(dict.fromkeys(own + described)))


def _entity(store: Store, kind: str, key: str, limit: int) -> Document | None:
    thing = ox.NamedNode(ids.thing_iri(store.base, kind, key))
    rows = store.query(_DESCRIPTION % thing)
    description = [ox.Triple(thing, r["p"], r["o"]) for r in rows]  # type: ignore[attr-defined]
    # /id/person/china is not a person even when /id/place/china exists: 404, not a wrong type.
    if ox.Triple(thing, RDF_TYPE, ox.NamedNode(CLASSES[kind])) not in description:
        return None
    triples = list(description)
    labelled = {t.object for t in description
                if t.predicate.value in _LABELLED and isinstance(t.object, ox.NamedNode)}
    # One query for them all (a query costs ~50 µs before any work). Not `VALUES ?p`: with ?p
    # from VALUES the engine scans every triple (15 ms at 10k articles, 0.4 ms written so).
    if labelled:
        rows = store.query(_LABELS % " ".join(map(str, labelled)))
        triples += [ox.Triple(r["s"], r["p"], r["o"]) for r in rows]  # type: ignore[attr-defined]
    listed: set[ox.NamedNode] = set()
    article_class = ox.NamedNode(CLASSES["article"])
    query = _ARTICLES % {"e": thing, "limit": limit}
    for row in store.query(query):  # type: ignore[union-attr]
        article = row["a"]
        if article not in listed:
            listed.add(article)
            triples += [ox.Triple(article, RDF_TYPE, article_class),
                        ox.Triple(article, ox.NamedNode(schema.headline), row["headline"]),
                        ox.Triple(article, ox.NamedNode(schema.datePublished), row["date"])]
        triples.append(ox.Triple(article, row["rel"], thing))
    total = len(listed)
    if total >= limit:
        rows = store.query(_ARTICLE_COUNT % thing)
        total = max(total, *(int(r["n"].value) for r in rows))  # type: ignore[attr-defined]
    return Document(kind, key, store.base, tuple(dict.fromkeys(triples)), len(listed), total)

