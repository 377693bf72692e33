"""Real clients against a real server (gunicorn on 127.0.0.1): SPARQLWrapper, rdflib, plain HTTP."""

from __future__ import annotations

import gzip
import http.client
import json
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from kg.settings import Settings
from tests.web.conftest import serve

pytestmark = pytest.mark.e2e

SCHEMA_PREFIX = "PREFIX schema: <http://schema.org/>\n"
ARTICLES = SCHEMA_PREFIX + "SELECT ?a ?h WHERE { ?a a schema:NewsArticle ; schema:headline ?h }"
HEADLINES = SCHEMA_PREFIX + "CONSTRUCT { ?a schema:headline ?h } WHERE { ?a schema:headline ?h }"
NEWS_ARTICLE = URIRef("http://schema.org/NewsArticle")


def wrapper(server: str, query: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(query)
    return client


def test_sparqlwrapper_with_its_defaults(server: str):
    client = wrapper(server, ARTICLES)  # GET, XML, format/output/results parameters
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == 25  # type: ignore[union-attr]


def test_sparqlwrapper_json_over_post(server: str):
    client = wrapper(server, ARTICLES)
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    results = client.query().convert()
    assert len(results["results"]["bindings"]) == 25  # type: ignore[index]


def test_sparqlwrapper_ask_csv_and_construct(server: str):
    ask = wrapper(server, SCHEMA_PREFIX + "ASK { ?a a schema:NewsArticle }")
    ask.setReturnFormat(JSON)
    assert ask.query().convert()["boolean"] is True  # type: ignore[index]
    table = wrapper(server, ARTICLES)
    table.setReturnFormat(CSV)
    assert table.query().convert().count(b"\n") == 26  # type: ignore[union-attr]
    for fmt in (XML, TURTLE):
        graph = wrapper(server, HEADLINES)
        graph.setReturnFormat(fmt)
        converted = graph.query().convert()
        if not isinstance(converted, Graph):
            converted = Graph().parse(data=converted, format="turtle")
        assert len(converted) == 25


def test_rdflib_sparqlstore(server: str):
    # SPARQLStore prepends its own prefixes (schema: is https://schema.org/ there): a query that
    # declares schema: again gets ours, and full IRIs work either way.
    graph = Graph(store=SPARQLStore(query_endpoint=server + "/sparql"))
    rows = list(graph.query(ARTICLES))
    assert len(rows) == 25
    assert len(list(graph.triples((None, RDF.type, NEWS_ARTICLE)))) == 25
    assert (None, RDF.type, NEWS_ARTICLE) in graph


def test_gzip_and_cors_over_http(server: str):
    url = server + "/sparql?" + urllib.parse.urlencode({"query": ARTICLES})
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip",
                                                   "Origin": "https://else.example"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        results = json.loads(gzip.decompress(response.read()))
    assert len(results["results"]["bindings"]) == 25


@pytest.fixture(scope="module")
def short_server(published_settings: Settings) -> Iterator[str]:
    yield from serve(published_settings.replace(query_timeout=1.0))


def test_gunicorn_survives_runaway_queries(short_server: str):
    address = urllib.parse.urlsplit(short_server)

    def get(query: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
        response = connection.getresponse()
        return response.status, response.read()

    started = time.monotonic()
    status, body = get("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert status == 503 and b"time limit" in body
    assert time.monotonic() - started < 5
    assert get("ASK {}") == (200, b'{"head":{},"boolean":true}')
