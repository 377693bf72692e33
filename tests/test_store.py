"""The embedded store's dumps: each distinct triple once, in bounded memory, in every format."""

from __future__ import annotations

import io

import pyoxigraph as ox
import pytest

from kg.formats import DUMPS, named
from kg.ingest import ingest
from kg.settings import Settings
from kg.store import embedded
from kg.store.embedded import ALL_TRIPLES, OxigraphStore
from tests.conftest import CORPUS, SEEDS


@pytest.fixture
def store(settings: Settings):
    ingest([SEEDS, CORPUS], settings)
    opened = OxigraphStore(settings.store_path, settings.base)
    yield opened
    opened.close()


def dumped(store: OxigraphStore, fmt: str) -> bytes:
    out = io.BytesIO()
    store.dump(out, named(DUMPS, fmt))
    return out.getvalue()


def test_the_ntriples_dump_is_each_distinct_triple_once_sorted(store: OxigraphStore):
    lines = dumped(store, "ntriples").splitlines()
    assert lines == sorted(set(lines))
    union = set(store.query(ALL_TRIPLES))  # type: ignore[call-overload]
    assert set(ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)) == {
        ox.Quad(t.subject, t.predicate, t.object) for t in union}



def test_the_default_graph_is_a_set_whoever_states_a_triple(store: OxigraphStore):
    # Roles are stated by each article that gives them: the named graphs repeat them, the
    # default graph (what queries see) holds each once.
    stated = sum(1 for q in store.quads() if not isinstance(q.graph_name, ox.DefaultGraph))
    distinct = len({q.triple for q in store.quads()})
    assert stated > distinct
    count = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    assert int(count) == distinct == store.count_triples()
    assert int(count) == len(dumped(store, "ntriples").splitlines())
    titles = store.select("SELECT ?t WHERE { <id/person/wang-yi> schema:jobTitle ?t }")
    assert len(titles) == len({row["t"] for row in titles}) >= 1


def test_the_default_graph_follows_updates_and_prunes(store: OxigraphStore):
    from rdflib import Graph, Literal, URIRef

    from kg.mapping import MappedArticle
    from kg.store import ArticleStatements

    me = URIRef(store.base + "/id/article/t1")
    person = URIRef(store.base + "/id/person/wang-yi")
    said = (person, URIRef("http://schema.org/jobTitle"), Literal("envoy"))
    one = Graph()
    one.add((me, URIRef("http://schema.org/mentions"), person))
    one.add(said)
    said_once = MappedArticle(one, Graph()).statements()
    store.replace_article("t1", said_once)
    store.replace_article("t2", said_once)  # a second article states the same role
    ask = "ASK { <id/person/wang-yi> schema:jobTitle 'envoy' }"
    store.replace_article("t1", ArticleStatements(""))  # t1 no longer says it: t2 does
    assert bool(store.query(ask))
    store.replace_article("t3", ArticleStatements(""), drop=("t2",))  # nor t2: gone
    assert not bool(store.query(ask))
    assert store.count_triples() == len({q.triple for q in store.quads()})


def test_merging_sorted_runs_gives_the_same_dump(store: OxigraphStore,
                                                 monkeypatch: pytest.MonkeyPatch):
    whole = dumped(store, "ntriples")
    monkeypatch.setattr(embedded, "RUN_LINES", 7)  # hundreds of runs, duplicates across them
    assert dumped(store, "ntriples") == whole


@pytest.mark.parametrize("fmt", ["turtle", "rdfxml", "nquads", "jsonld"])
def test_every_format_holds_the_same_triples(store: OxigraphStore, fmt: str):
    def triples(data: bytes, fmt: str) -> set[ox.Triple]:
        return {q.triple for q in ox.parse(data, format=named(DUMPS, fmt).rdf)}

    # N-Quads and JSON-LD keep the graphs (a triple per graph saying it); not the others.
    assert triples(dumped(store, fmt), fmt) == triples(dumped(store, "ntriples"), "ntriples")
