"""At 10,000 generated articles, SPARQL's default graph is still a set: the count a query gives
equals VoID's void:triples and the lines of the N-Triples dump (e2e: several minutes)."""

from __future__ import annotations

import pytest

from benchmarks.generate import generate
from kg.formats import NTRIPLES
from kg.ingest import ingest
from kg.settings import Settings
from kg.store import open_store

pytestmark = pytest.mark.e2e


def test_counts_agree_at_ten_thousand_articles(settings: Settings):
    articles = settings.data_dir.parent / "articles"
    generate(10_000, articles)
    snapshot = ingest([articles], settings).snapshot
    assert snapshot is not None and snapshot.stats.articles == 10_000
    store = open_store(snapshot.store_path, snapshot.base, read_only=True)
    try:
        counted = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
        # Roles: the same job title of the same person, stated by many articles, is one row.
        repeated = store.select("""SELECT ?p ?t (COUNT(*) AS ?n) WHERE { ?p schema:jobTitle ?t }
                                   GROUP BY ?p ?t HAVING (COUNT(*) > 1)""")
        stated = store.select("""SELECT (COUNT(*) AS ?n) WHERE {
                                   GRAPH ?g { ?p schema:jobTitle ?t } }""")
    finally:
        store.close()
    with open(snapshot.dump_path(NTRIPLES), "rb") as dump:
        lines = sum(1 for _ in dump)
    assert counted == snapshot.stats.triples == lines
    assert repeated == []
    assert int(stated[0]["n"]) > 1000  # many articles state roles: the named graphs repeat them
