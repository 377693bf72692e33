"""/sparql over Flask's test client: the protocol, formats, datasets, safety and the pages."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient
from markupsafe import escape

from kg.formats import GRAPHS
from kg.queries import catalogue, resolve
from kg.snapshots import current
from tests.conftest import ROOT

SCHEMA = "PREFIX schema: <http://schema.org/>\n"
SELECT = SCHEMA + "SELECT ?a ?h WHERE { ?a a schema:NewsArticle ; schema:headline ?h } ORDER BY ?a"
COUNT = SCHEMA + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"
CONSTRUCT = SCHEMA + "CONSTRUCT { ?a schema:headline ?h } WHERE { ?a schema:headline ?h }"
ASK = SCHEMA + "ASK { ?a a schema:NewsArticle }"
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"


def count(client: FlaskClient, query: str, **params: str | list[str]) -> int:
    response = client.get("/sparql", query_string={"query": query, **params})
    assert response.status_code == 200, response.get_data(as_text=True)
    return int(response.json["results"]["bindings"][0]["n"]["value"])


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.json["results"]["bindings"]


# --- the three ways to send a query -----------------------------------------------------------

def test_get_post_form_and_post_direct_answer_alike(client: FlaskClient):
    got = client.get("/sparql", query_string={"query": SELECT})
    form = client.post("/sparql", data={"query": SELECT})
    direct = client.post("/sparql", data=SELECT.encode(), content_type=DIRECT)
    assert got.status_code == form.status_code == direct.status_code == 200
    assert got.data == form.data == direct.data
    assert len(got.json["results"]["bindings"]) == 25


def test_the_default_graph_is_the_union_of_the_article_graphs(client: FlaskClient):
    assert count(client, COUNT) == 25


def test_relative_iris_resolve_against_the_base(client: FlaskClient):
    found = rows(client.get("/sparql", query_string={
        "query": SCHEMA + "SELECT ?n WHERE { <id/person/qin-gang> schema:name ?n }"}))
    assert {r["n"]["value"] for r in found} == {"Qin Gang"}


def test_unknown_parameters_are_ignored(client: FlaskClient):
    response = client.get("/sparql", query_string={
        "query": ASK, "results": "json", "timeout": "5", "debug": "on", "should-sponge": "x"})
    assert response.status_code == 200 and response.json["boolean"] is True


def test_more_than_one_query_is_a_bad_request(client: FlaskClient):
    response = client.get(f"/sparql?query={quote(ASK)}&query={quote(ASK)}")
    assert response.status_code == 400


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_not_allowed(client: FlaskClient, method: str):
    assert client.open("/sparql", method=method).status_code == 405


def test_post_needs_a_known_media_type(client: FlaskClient):
    assert client.post("/sparql", data=ASK, content_type="text/plain").status_code == 415
    assert client.post("/sparql", data=f"query={quote(ASK)}").status_code == 415


def test_post_direct_must_be_utf8(client: FlaskClient):
    utf16 = client.post("/sparql", data=ASK.encode("utf-16"),
                        content_type=f"{DIRECT}; charset=UTF-16")
    assert utf16.status_code == 415
    broken = client.post("/sparql", data=b"ASK { ?s ?p \"\xff\" }", content_type=DIRECT)
    assert broken.status_code == 400


def test_a_form_post_without_a_query_is_a_bad_request(client: FlaskClient):
    assert client.post("/sparql", data={"default-graph-uri": "http://x"}).status_code == 400


# --- formats and content negotiation ---------------------------------------------------------

NEGOTIATION = [
    (SELECT, None, "application/sparql-results+json"),
    (SELECT, "*/*", "application/sparql-results+json"),
    (SELECT, "application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "text/csv", "text/csv"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (SELECT, "application/json", "application/sparql-results+json"),
    (SELECT, "text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "text/csv, application/sparql-results+json;q=0.9", "text/csv"),
    (SELECT, "text/*", "text/csv"),
    (SELECT, "image/png, */*;q=0.1", "application/sparql-results+json"),
    (ASK, None, "application/sparql-results+json"),
    (ASK, "application/sparql-results+xml", "application/sparql-results+xml"),
    (CONSTRUCT, None, "text/turtle"),
    (CONSTRUCT, "*/*", "text/turtle"),
    (CONSTRUCT, "application/n-triples", "application/n-triples"),
    (CONSTRUCT, "application/ld+json", "application/ld+json"),
    (CONSTRUCT, "application/rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "application/json", "application/ld+json"),
    (CONSTRUCT, "text/plain", "application/n-triples"),
    (CONSTRUCT, "application/rdf+xml;q=0.8, text/turtle", "text/turtle"),
    (SCHEMA + "DESCRIBE <id/person/qin-gang>", None, "text/turtle"),
]


@pytest.mark.parametrize(("query", "accept", "expected"), NEGOTIATION,
                         ids=[f"{q.split()[3]}-{a}" for q, a, _ in NEGOTIATION])
def test_content_negotiation(client: FlaskClient, query: str, accept: str | None, expected: str):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string={"query": query}, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == expected
    assert "Accept" in response.vary


RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


def result_rows(media_type: str, body: bytes) -> list:
    """The rows of a SELECT result in any of the four formats."""
    if media_type == "text/csv":  # lossy: pyoxigraph does not parse it
        return list(csv.reader(io.StringIO(body.decode())))[1:]
    return list(ox.parse_query_results(body, format=RESULT_FORMATS[media_type]))  # type: ignore[arg-type]


@pytest.mark.parametrize("accept", [*RESULT_FORMATS, "text/csv"])
def test_every_results_format_carries_every_row(client: FlaskClient, accept: str):
    response = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept})
    assert len(result_rows(accept, response.data)) == 25


@pytest.mark.parametrize("accept", [f.media_type for f in GRAPHS])
def test_every_graph_format_carries_every_triple(client: FlaskClient, accept: str):
    response = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    triples = list(ox.parse(response.data, format=ox.RdfFormat.from_media_type(accept)))
    assert len(triples) == 25


def test_turtle_uses_the_schema_prefix(client: FlaskClient):
    body = client.get("/sparql", query_string={"query": CONSTRUCT}).get_data(as_text=True)
    assert "@prefix schema: <http://schema.org/>" in body and "schema1:" not in body


@pytest.mark.parametrize(("query", "params", "expected"), [
    (SELECT, {"format": "csv"}, "text/csv"),
    (SELECT, {"output": "tsv"}, "text/tab-separated-values"),
    (SELECT, {"format": "xml", "output": "xml", "results": "xml"},
     "application/sparql-results+xml"),
    (SELECT, {"format": ["tsv", "text/tab-separated-values"]}, "text/tab-separated-values"),
    (SELECT, {"format": "application/sparql-results+xml"}, "application/sparql-results+xml"),
    (SELECT, {"format": "turtle"}, "application/sparql-results+json"),  # not for SELECT: ignored
    (CONSTRUCT, {"format": "xml"}, "application/rdf+xml"),
    (CONSTRUCT, {"format": "json"}, "application/ld+json"),
    (CONSTRUCT, {"output": "turtle"}, "text/turtle"),
    (CONSTRUCT, {"format": "nt"}, "application/n-triples"),
])
def test_format_and_output_parameters_override_accept(client: FlaskClient, query: str,
                                                      params: dict, expected: str):
    response = client.get("/sparql", query_string={"query": query, **params},
                          headers={"Accept": "application/sparql-results+json, text/turtle"})
    assert response.status_code == 200 and response.mimetype == expected


def test_an_unacceptable_type_is_406_listing_what_is_offered(client: FlaskClient):
    response = client.get("/sparql", query_string={"query": SELECT},
                          headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.json["detail"]
    graph = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert graph.status_code == 406
    assert "text/turtle" in graph.json["detail"] and "text/csv" not in graph.json["detail"]


# --- datasets: local graphs only ---------------------------------------------------------------

def _an_article_graph(client: FlaskClient) -> str:
    found = rows(client.get("/sparql", query_string={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g LIMIT 1"}))
    return found[0]["g"]["value"]


def test_from_selects_one_local_graph(client: FlaskClient):
    graph = _an_article_graph(client)
    query = COUNT.replace("WHERE", f"FROM <{graph}> WHERE")
    assert count(client, query) == 1
    assert count(client, COUNT.replace("WHERE", "FROM <http://example.org/none> WHERE")) == 0


def test_from_named_selects_the_graphs_graph_can_see(client: FlaskClient):
    graph = _an_article_graph(client)
    query = (f"SELECT (COUNT(DISTINCT ?g) AS ?n) FROM NAMED <{graph}> "
             "WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count(client, query) == 1


def test_protocol_graphs_override_the_query_dataset(client: FlaskClient):
    graph = _an_article_graph(client)
    assert count(client, COUNT, **{"default-graph-uri": graph}) == 1
    query = COUNT.replace("WHERE", f"FROM <{graph}> WHERE")
    assert count(client, query, **{"default-graph-uri": "http://example.org/none"}) == 0
    named = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(client, named, **{"named-graph-uri": [graph, "http://example.org/none"]}) == 1


def test_a_word_from_in_the_query_does_not_change_the_default_graph(client: FlaskClient):
    query = COUNT.replace("WHERE {", 'WHERE { FILTER ("from" != "to")')
    assert count(client, query) == 25


def test_nothing_is_ever_fetched(client: FlaskClient, listener: tuple[str, list[bytes]]):
    url, hits = listener
    assert count(client, f"SELECT (COUNT(*) AS ?n) FROM <{url}/a> WHERE {{ ?s ?p ?o }}") == 0
    assert count(client, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{url}/b> "
                         "WHERE { GRAPH ?g { ?s ?p ?o } }") == 0
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                 **{"default-graph-uri": f"{url}/c", "named-graph-uri": f"{url}/d"}) == 0
    for query in (f"SELECT * WHERE {{ SERVICE <{url}/e> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ \\u0053ERVICE <{url}/f> {{ ?s ?p ?o }} }}"):
        assert client.get("/sparql", query_string={"query": query}).status_code == 400
    assert hits == []


# --- read-only, SERVICE, errors -------------------------------------------------------------

def test_updates_are_refused(client: FlaskClient):
    update = "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }"
    for response in (
        client.get("/sparql", query_string={"update": update}),
        client.post("/sparql", data={"update": update}),
        client.post("/sparql", data=update, content_type="application/sparql-update"),
    ):
        assert response.status_code == 403
        assert "read-only" in response.json["detail"]
    assert client.get("/sparql", query_string={"query": update}).status_code == 400
    assert count(client, "SELECT (COUNT(*) AS ?n) WHERE { <http://e/s> ?p ?o }") == 0


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\U00000053\\u0045RVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <http://example.org/sparql> { ?s ?p ?x } } }",
    "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://e.org/q> { ?s ?p ?o } } } }",
    "ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <http://e.org/q> { ?s ?p ?o } ",  # unparseable: said too
])
def test_service_is_refused(client: FlaskClient, query: str):
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 400
    assert "SERVICE" in response.json["detail"]


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "service" }',
    'SELECT ("SERVICE <http://e.org/q> { ?s ?p ?o }" AS ?text) WHERE {}',
    "SELECT ?service WHERE { BIND (1 AS ?service) }",
    "SELECT * WHERE { ?s <http://example.org/service> ?o }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ?o }",
    "# a service of ours\nASK {}",
])
def test_the_word_service_alone_is_not_refused(client: FlaskClient, query: str):
    assert client.get("/sparql", query_string={"query": query}).status_code == 200


def test_a_syntax_error_is_a_400_that_says_where_and_what(client: FlaskClient):
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert response.json["detail"] == "line 1, column 25: the query ends"
    missing = client.get("/sparql", query_string={"query": "SELECT * { ?s ex:p ?o }"})
    assert missing.json["detail"].startswith("line 1, column 15: unknown prefix 'ex:'")


def test_common_prefixes_are_predefined(client: FlaskClient):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle ; dct:identifier ?x }"
    assert client.get("/sparql", query_string={"query": query}).status_code == 200


def test_a_parser_differential_never_reaches_the_network(
        client: FlaskClient, listener: tuple[str, list[bytes]]):
    from tests.sparql.test_guard import SERVICE_QUERIES, URL

    url, hits = listener
    for query in SERVICE_QUERIES:
        response = client.get("/sparql", query_string={"query": query.replace(URL, url)})
        assert response.status_code == 400, query
        assert "SERVICE" in response.json["detail"]
    assert hits == []


def test_no_path_reaches_the_client(client: FlaskClient, published_settings):
    data_dir = str(published_settings.data_dir)
    for query in ("SELECT * WHERE { ?s ?p ?o ", f'SELECT * WHERE {{ ?s ?p "{data_dir}" ',
                  f"SELECT * WHERE {{ ?s ?p {data_dir}/store }}"):
        body = client.get("/sparql", query_string={"query": query}).get_data(as_text=True)
        assert data_dir not in body and "Traceback" not in body


def test_query_size_limits(client: FlaskClient, published_settings):
    limit = published_settings.max_query_bytes
    long = "ASK {}" + " " * limit
    assert client.get("/sparql", query_string={"query": long}).status_code == 414
    assert client.post("/sparql", data={"query": long}).status_code == 413
    assert client.post("/sparql", data=long, content_type=DIRECT).status_code == 413
    huge = "ASK {}" + " " * (limit * 2)
    assert client.post("/sparql", data=huge, content_type=DIRECT).status_code == 413
    fits = "ASK {}" + " " * (limit - 6)
    assert client.post("/sparql", data=fits, content_type=DIRECT).status_code == 200


# --- CORS and compression -----------------------------------------------------------------------

def test_cors_preflight_and_headers(client: FlaskClient):
    preflight = client.options("/sparql", headers={
        "Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "content-type" in preflight.headers["Access-Control-Allow-Headers"].lower()
    response = client.get("/sparql", query_string={"query": ASK},
                          headers={"Origin": "https://elsewhere.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Newskg-Truncated" in response.headers["Access-Control-Expose-Headers"]


def test_large_responses_are_gzipped_when_accepted(client: FlaskClient):
    plain = client.get("/sparql", query_string={"query": SELECT})
    zipped = client.get("/sparql", query_string={"query": SELECT},
                        headers={"Accept-Encoding": "gzip, deflate"})
    assert "Content-Encoding" not in plain.headers
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == plain.data
    assert "Accept-Encoding" in zipped.vary and "Accept-Encoding" in plain.vary
    small = client.get("/sparql", query_string={"query": ASK}, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in small.headers


def test_gzip_refused_by_the_client_is_not_sent(client: FlaskClient):
    response = client.get("/sparql", query_string={"query": SELECT},
                          headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in response.headers


# --- GET /sparql without a query: service description, query page --------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "text/turtle"), ("*/*", "text/turtle"), ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
])
def test_service_description(client: FlaskClient, published_settings, accept: str | None,
                             expected: str):
    response = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == expected
    store = ox.Store()
    store.load(response.data, format=ox.RdfFormat.from_media_type(expected))
    endpoint = ox.NamedNode(published_settings.base + "/sparql")
    assert store.query(f"ASK {{ {endpoint} a <{SD}Service> ; <{SD}endpoint> {endpoint} ; "
                       f"<{SD}supportedLanguage> <{SD}SPARQL11Query> }}")
    triples = store.query("SELECT ?n WHERE { ?g <http://rdfs.org/ns/void#triples> ?n }")
    published = current(published_settings.snapshots_dir)
    assert published is not None
    assert [int(r["n"].value) for r in triples] == [published.stats.triples]  # type: ignore[index]


def test_service_description_refuses_unknown_types(client: FlaskClient):
    assert client.get("/sparql", headers={"Accept": "image/png"}).status_code == 406


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_browsers_get_the_query_page_with_the_examples(client: FlaskClient):
    response = client.get("/sparql", headers={"Accept": BROWSER})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<textarea id="query" name="query"' in page
    script = re.search(r'<script type="application/json" id="examples">(.*?)</script>', page, re.S)
    examples = json.loads(script.group(1))  # type: ignore[union-attr]
    canned = catalogue()
    assert [e["title"] for e in examples] == [q.title for q in canned]
    assert [e["text"] for e in examples] == [q.bind() for q in canned]
    for query in canned:
        assert str(escape(query.title)) in page


def test_the_query_page_loads_nothing_from_elsewhere(client: FlaskClient):
    page = client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    assets = re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets)
    for asset in assets:
        if "/static/" in asset:
            assert client.get(asset).status_code == 200, asset


def test_the_example_queries_answer_something_with_their_defaults(client: FlaskClient):
    for query in catalogue():
        response = client.post("/sparql", data={"query": query.bind()})
        assert response.status_code == 200, (query.name, response.get_data(as_text=True))
        assert rows(response), f"{query.name} found nothing in the fixture corpus"


def test_a_query_file_sent_as_it_is_means_what_kg_query_means(client: FlaskClient):
    from click.testing import CliRunner

    from kg.cli import cli

    for path in sorted((ROOT / "queries").glob("*.rq")):
        raw = client.post("/sparql", data={"query": path.read_text()},
                          headers={"Accept": "text/csv"}).get_data(as_text=True)
        data_dir = str(client.application.config["NEWSKG"].data_dir)
        said = CliRunner().invoke(cli, ["--data-dir", data_dir, "query", path.stem, "--format",
                                        "csv"]).output
        assert raw.replace("\r\n", "\n") == said.replace("\r\n", "\n"), path.name
        assert raw.count("\n") > 1, path.name  # a header and rows


def test_a_persons_roles_pair_each_role_with_its_own_organisation(client: FlaskClient):
    def roles(person: str) -> set[tuple[str, str | None]]:
        query = resolve("person-roles", {"person": f"<id/person/{person}>"})
        return {(r["jobTitle"]["value"], r.get("orgName", {}).get("value"))
                for r in rows(client.post("/sparql", data={"query": query}))}

    assert roles("zhu-yongbiao") == {
        ("director", "Center for Afghanistan Studies of Lanzhou University")}
    # No organisation is said with "foreign minister": the row leaves it out, invents none.
    assert ("foreign minister", None) in roles("wang-yi")
