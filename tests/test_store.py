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
    # Roles are stated by each article that gives them: the union repeats them, the dump not.
    repeated = sum(1 for _ in store.quads()) - len(union)
    assert repeated > 0


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
