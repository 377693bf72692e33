"""Command-line RDF clients against a real server: rapper and roqet (Debian's raptor2-utils and
rasqal-utils) and Comunica's comunica-sparql (npm, pinned in tests/clients/).

Each client does its own HTTP, so these check what users of those tools get: content negotiation
and redirects as rapper asks, roqet's unusual query encoding, Comunica's Accept headers.
Clients known to fall short are noted where a check is left out: roqet 0.9.33 cannot read boolean
(ASK) results, and asks only for application/sparql-results+xml, so CONSTRUCT gets a 406.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.conftest import ROOT
from tests.web.conftest import required, self_addressed, sparql_select

pytestmark = pytest.mark.e2e

SECONDS = 60  # the most any client run may take
SCHEMA_PREFIX = "PREFIX schema: <http://schema.org/>\n"
ARTICLES = SCHEMA_PREFIX + """SELECT ?article ?headline ?section WHERE {
    ?article a schema:NewsArticle ; schema:headline ?headline .
    OPTIONAL { ?article schema:articleSection ?section FILTER (?section = "OPINION") }
} ORDER BY ?article LIMIT 8"""
VOID_TRIPLES = "<http://rdfs.org/ns/void#triples>"
COMUNICA = ROOT / "tests" / "clients" / "node_modules" / ".bin" / "comunica-sparql"


@pytest.fixture(scope="module")
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a `kg serve` whose IRIs are its own (so /id/ redirects stay on it)."""
    for settings in self_addressed(tmp_path_factory.mktemp("clients")):
        yield settings.base


@pytest.fixture(scope="module")
def rapper() -> str:
    return required("rapper", "apt-get install raptor2-utils")


@pytest.fixture(scope="module")
def roqet() -> str:
    return required("roqet", "apt-get install rasqal-utils")


@pytest.fixture(scope="module")
def comunica() -> str:
    """comunica-sparql: $NEWSKG_COMUNICA, else tests/clients/node_modules, else on PATH."""
    configured = os.environ.get("NEWSKG_COMUNICA")
    if configured:
        return required(configured, "NEWSKG_COMUNICA names no executable")
    if COMUNICA.exists():
        return str(COMUNICA)
    return required("comunica-sparql", "npm ci --prefix tests/clients")


def run(*command: str) -> subprocess.CompletedProcess[str]:
    """``command`` run to completion within the time limit; it must succeed."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=SECONDS,
                            check=False, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{command}: exit {result.returncode}\n{result.stderr[-3000:]}"
    return result


def rapper_parse(rapper: str, syntax: str, url: str) -> list[str]:
    """rapper fetches ``url`` itself (Accept from ``syntax``) and parses it: N-Triples lines."""
    result = run(rapper, "-i", syntax, "-o", "ntriples", url)
    found = re.search(r"Parsing returned (\d+) triples", result.stderr)
    assert found, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == int(found.group(1)) > 0, url
    return lines


def as_graph(lines: list[str]) -> Graph:
    return Graph().parse(data="\n".join(lines), format="nt")


def fetch(url: str, accept: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def path_of(iri: str) -> str:
    return urllib.parse.urlsplit(iri).path


def first_article(base: str) -> str:
    """The IRI of the first article, by IRI."""
    query = SCHEMA_PREFIX + "SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a LIMIT 1"
    return sparql_select(base, query)[0]["a"]


def test_rapper_counts_the_dumps_as_void_says(rapper: str, own_server: str):
    void = rapper_parse(rapper, "turtle", own_server + "/.well-known/void")  # negotiated Turtle
    (declared,) = [int(line.split('"')[1]) for line in void if f" {VOID_TRIPLES} " in line]
    turtle = rapper_parse(rapper, "turtle", own_server + "/dump.ttl")
    ntriples = rapper_parse(rapper, "ntriples", own_server + "/dump.nt")
    assert len(turtle) == len(ntriples) == declared
    assert sorted(turtle) == sorted(ntriples)  # the same triples, term for term (no blank nodes)
    quads = rapper_parse(rapper, "nquads", own_server + "/dump.nq")  # graph names dropped
    assert set(quads) == set(ntriples) and len(quads) >= declared


def test_rapper_reads_documents_in_turtle_and_rdfxml(rapper: str, own_server: str):
    for thing in (path_of(first_article(own_server)), "/id/person/wang-yi", "/id/place/china"):
        document = own_server + thing.replace("/id/", "/doc/")
        expected = Graph().parse(data=fetch(document + ".ttl", "text/turtle"), format="turtle")
        assert len(expected) > 3, thing
        turtle = rapper_parse(rapper, "turtle", document + ".ttl")
        rdfxml = rapper_parse(rapper, "rdfxml", document + ".rdf")
        # /id/ answers 303 to /doc/, which gives RDF/XML for rapper's Accept header.
        negotiated = rapper_parse(rapper, "rdfxml", own_server + thing)
        guessed = rapper_parse(rapper, "guess", own_server + thing)
        for lines in (turtle, rdfxml, negotiated, guessed):
            assert isomorphic(as_graph(lines), expected), thing


def test_roqet_selects_from_the_endpoint(roqet: str, own_server: str):
    expected = sparql_select(own_server, ARTICLES)
    assert len(expected) == 8 and any("section" in row for row in expected)
    endpoint = own_server + "/sparql"
    result = run(roqet, "-i", "sparql", "-p", endpoint, "-r", "csv", "-e", ARTICLES)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # roqet writes an unbound variable as an empty CSV field.
    assert rows == [{"section": "", **row} for row in expected]
    count = run(roqet, "-i", "sparql", "-p", endpoint, "-r", "csv", "-e",
                SCHEMA_PREFIX + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
    assert count.stdout.split() == ["n", "25"]


def test_comunica_select_ask_and_construct(comunica: str, own_server: str):
    source = f"sparql@{own_server}/sparql"
    selected = run(comunica, source, "-t", "application/sparql-results+json", ARTICLES)
    bindings = json.loads(selected.stdout)["results"]["bindings"]
    expected = sparql_select(own_server, ARTICLES)
    assert [{k: v["value"] for k, v in row.items()} for row in bindings] == expected
    asked = run(comunica, source, SCHEMA_PREFIX + "ASK { ?a a schema:NewsArticle }")
    assert asked.stdout.strip() == "true"
    construct = SCHEMA_PREFIX + """CONSTRUCT { <%s> schema:headline ?h ; schema:mentions ?m }
        WHERE { <%s> schema:headline ?h ; schema:mentions ?m }"""
    article = first_article(own_server)
    query = construct % (article, article)
    graph = run(comunica, source, "-t", "application/n-triples", query)
    answer = fetch(own_server + "/sparql?" + urllib.parse.urlencode({"query": query}),
                   "application/n-triples")
    got = Graph().parse(data=graph.stdout, format="nt")
    assert len(got) > 2
    assert isomorphic(got, Graph().parse(data=answer, format="nt"))
