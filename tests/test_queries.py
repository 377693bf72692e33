"""The canned queries in queries/: headers, parameters, and that each runs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.ingest import ingest
from kg.queries import QueryError, catalogue, resolve
from kg.settings import Settings
from kg.store import open_store
from tests.conftest import SEEDS

QUERIES = catalogue()


def test_at_least_six_documented_queries():
    assert len(QUERIES) >= 6
    for query in QUERIES:
        assert query.title and query.description, query.name


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_each_query_parses_with_its_defaults(query):
    ox.Store().query(query.bind(), base_iri="http://localhost:5000/")


def test_a_file_binds_its_parameters_to_their_defaults():
    for query in QUERIES:
        for param in query.params:
            assert f"VALUES ?{param.name} {{ {param.default} }}" in query.text
            assert f"?{param.name}" not in query.bind()  # a constant where the variable was


def test_parameters_are_substituted_as_terms():
    text = resolve("articles-mentioning", {"entity": "http://x.org/id/person/a"})
    assert "schema:mentions <http://x.org/id/person/a>" in text
    assert "kassym-jomart-tokayev" not in text and "VALUES" not in text


def test_a_parameter_without_its_values_block_is_refused():
    from kg.queries import parse

    with pytest.raises(QueryError, match="VALUES"):
        parse("broken", "# param: entity | IRI\nSELECT * WHERE { ?entity ?p ?o }")


@pytest.mark.parametrize("value", ["<a> } ; DROP ALL", "x . ?s ?p ?o", '"a" } UNION {'])
def test_parameter_values_cannot_change_the_query(value: str):
    with pytest.raises(QueryError):
        resolve("articles-mentioning", {"entity": value})


def test_unknown_names_list_the_known_ones():
    with pytest.raises(QueryError, match="top-people"):
        resolve("no-such-query")


def test_text_passes_through():
    assert resolve("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"


def test_each_query_finds_something_in_the_seed_with_its_defaults(settings: Settings):
    # The quick start ingests seeds/ alone: the query page's examples must show rows there.
    snapshot = ingest([SEEDS], settings).snapshot
    assert snapshot is not None
    store = open_store(snapshot.store_path, snapshot.base, read_only=True)
    empty = [q.name for q in QUERIES if not store.select(q.bind())]
    assert empty == []
