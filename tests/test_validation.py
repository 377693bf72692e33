"""The SHACL shapes: they pass meta-validation, accept what the mapper makes, catch the rest."""

from __future__ import annotations

import datetime as dt

from pyshacl import validate
from rdflib import BNode, Literal, URIRef

from kg.articles import read_article
from kg.mapping import NEWSKG, SDO, map_article
from kg.settings import Settings
from kg.validation import load_shapes, validate_graph
from tests.conftest import SEEDS

SETTINGS = Settings()


def seed_graph():
    article = read_article(SEEDS / "000_6dffb495a35dd12c.txt", max_file_bytes=10**6,
                           max_field_chars=1000)
    return map_article(article, None, SETTINGS, source="x.txt",
                       ingested_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)).combined()


def article_iri(graph):
    return next(graph.subjects(SDO.headline, None))


def test_shapes_pass_shacl_meta_validation():
    conforms, _, text = validate(load_shapes(), meta_shacl=True, inference="none",
                                 advanced=True)
    assert conforms, text


def test_mapped_article_conforms():
    report = validate_graph(seed_graph())
    assert report.conforms, report.findings


def test_missing_headline_is_a_violation():
    graph = seed_graph()
    graph.remove((None, SDO.headline, None))
    messages = [v.message for v in validate_graph(graph).violations]
    assert any("headline" in m for m in messages)


def test_two_headlines_and_a_bad_date_are_violations():
    graph = seed_graph()
    me = article_iri(graph)
    graph.add((me, SDO.headline, Literal("second")))
    graph.set((me, SDO.datePublished, Literal("June 2022")))
    report = validate_graph(graph)
    paths = {v.path for v in report.violations}
    assert {"schema:headline", "schema:datePublished"} <= paths


def test_author_must_be_a_typed_named_entity():
    graph = seed_graph()
    me = article_iri(graph)
    graph.remove((me, SDO.author, None))
    graph.add((me, SDO.author, URIRef("http://localhost:5000/id/person/nobody")))
    assert not validate_graph(graph).conforms


def test_https_schema_org_blank_nodes_and_placeholders_are_violations():
    graph = seed_graph()
    me = article_iri(graph)
    graph.add((me, URIRef("https://schema.org/keywords"), Literal("x")))
    graph.add((BNode(), SDO.name, Literal("y")))
    graph.add((me, SDO.description, Literal("Author details not found")))
    messages = " ".join(v.message for v in validate_graph(graph).violations)
    assert "https://schema.org/" in messages
    assert "Blank nodes" in messages
    assert "Placeholder" in messages


def test_two_people_with_one_name_is_only_a_warning():
    graph = seed_graph()
    other = URIRef("http://localhost:5000/id/person/yu-xi-2")
    graph.add((other, SDO.name, Literal("Yu Xi")))
    graph.add((other, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SDO.Person))
    report = validate_graph(graph)
    assert report.conforms
    assert any("same name" in w.message for w in report.warnings)


def test_a_mention_count_is_one_positive_integer():
    graph = seed_graph()
    person = URIRef(f"{SETTINGS.base}/id/person/yu-xi")  # an author
    count = NEWSKG.mentionCount
    graph.add((person, count, Literal(3)))
    assert validate_graph(graph).conforms
    for bad in (Literal(0), Literal("3")):
        graph.set((person, count, bad))
        report = validate_graph(graph)
        assert {f.path for f in report.findings} == {str(count)}, bad
