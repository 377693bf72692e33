"""Linked-data documents: /id → 303 → /doc, negotiation, variants, caching, and same triples."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pyld import jsonld as pyld
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.articles import read_article
from kg.formats import NQUADS
from kg.settings import Settings
from tests.conftest import SEEDS
from tests.web.conftest import close_app, refuse_remote

SEED_KEY = read_article(next(SEEDS.glob("*.txt")), max_file_bytes=10**6, max_field_chars=1000).key
BASE = "http://localhost:5000"
# Present in the published fixture with the rules name finder (see tests/web/conftest.py).
DOCS = [
    ("article", SEED_KEY),
    ("person", "wang-yi"),  # mentioned
    ("person", "yu-xi"),  # an author of the seed article
    ("organization", "global-times"),  # publisher, author and mentioned
    ("place", "china"),
]
TYPES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
         "rdf": "application/rdf+xml", "html": "text/html"}
RDFLIB_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}


def parse(client: FlaskClient, path: str, suffix: str) -> Graph:
    response = client.get(f"{path}.{suffix}")
    assert response.status_code == 200
    return Graph().parse(data=response.data, format=RDFLIB_FORMATS[suffix])


@pytest.mark.parametrize(("kind", "key"), DOCS)
def test_id_answers_303_to_its_document(client: FlaskClient, kind: str, key: str):
    response = client.get(f"/id/{kind}/{key}")
    assert response.status_code == 303
    # Relative: it works on whatever host and port the client reached (RFC 9110 §10.2.2).
    assert response.headers["Location"] == f"/doc/{kind}/{key}"


@pytest.mark.parametrize("path", [
    "/id/person/nobody-at-all", "/doc/person/nobody-at-all", "/id/article/0000000000000000",
    "/id/person/china",  # China is a place, not a person
    "/doc/organization/wang-yi.ttl",
])
def test_unknown_things_are_404_never_a_redirect(client: FlaskClient, path: str):
    response = client.get(path)
    assert response.status_code == 404
    assert "Location" not in response.headers


@pytest.mark.parametrize("path", [
    "/doc/person/Wang-Yi", "/doc/person/wang_yi", "/doc/person/wang-yi-", "/doc/thing/wang-yi",
    "/doc/person/..%2F..%2Fetc%2Fpasswd", "/doc/person/../../etc/passwd",
    "/doc/person/wang-yi%3E%20%3Fp%20%3Fo", "/doc/person/x%7D%20UNION%20%7B",
    "/id/person/wang-yi/extra", "/doc/person/wang-yi.ttl.ttl", "/doc/person/wang-yi.exe",
])
def test_routes_accept_keys_and_nothing_else(client: FlaskClient, path: str):
    response = client.get(path)
    assert response.status_code == 404
    assert b"/tmp" not in response.data and b"Traceback" not in response.data


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "text/turtle"),
    ("*/*", "text/turtle"),
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("application/json", "application/json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("text/html", "text/html"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
    ("text/turtle;q=0.5, application/ld+json", "application/ld+json"),
    ("application/rdf+xml;q=0.9, text/*;q=0.1", "application/rdf+xml"),
    ("text/*", "text/turtle"),
])
def test_documents_negotiate_their_format(client: FlaskClient, accept: str | None,
                                          expected: str):
    headers = {"Accept": accept} if accept is not None else {}
    response = client.get("/doc/person/wang-yi", headers=headers)
    assert response.status_code == 200
    assert response.mimetype == expected
    assert "Accept" in response.vary
    assert response.headers["Content-Location"].startswith("/doc/person/wang-yi.")


def test_unsupported_accept_is_406_listing_what_is_offered(client: FlaskClient):
    response = client.get("/doc/person/wang-yi", headers={"Accept": "image/png, text/csv"})
    assert response.status_code == 406
    detail = response.get_json()["detail"]
    for media in TYPES.values():
        assert media in detail


def test_json_is_json_ld(client: FlaskClient):
    plain = client.get("/doc/person/wang-yi", headers={"Accept": "application/json"})
    ld = client.get("/doc/person/wang-yi.jsonld")
    assert plain.get_json() == ld.get_json()


@pytest.mark.parametrize("suffix", list(TYPES))
def test_fixed_format_variants(client: FlaskClient, suffix: str):
    response = client.get(f"/doc/person/wang-yi.{suffix}", headers={"Accept": "image/png"})
    assert response.status_code == 200
    assert response.mimetype == TYPES[suffix]
    assert "Accept" not in response.vary


def test_link_header_names_alternates_and_canonical(client: FlaskClient):
    link = client.get("/doc/place/china").headers["Link"]
    assert f'<{BASE}/doc/place/china>; rel="canonical"' in link  # as the data states it
    for suffix in ("jsonld", "nt", "rdf", "html"):  # variants where the client is
        assert f'</doc/place/china.{suffix}>; rel="alternate"; type="{TYPES[suffix]}"' in link


def test_etag_and_304(client: FlaskClient):
    first = client.get("/doc/person/wang-yi.ttl")
    tag = first.headers["ETag"]
    again = client.get("/doc/person/wang-yi.ttl", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag
    assert client.get("/doc/person/wang-yi.jsonld").headers["ETag"] != tag
    assert client.get("/doc/place/china.ttl").headers["ETag"] != tag
    assert client.get("/doc/person/wang-yi.ttl",
                      headers={"If-None-Match": '"other"'}).status_code == 200


def test_head_has_the_headers_and_no_body(client: FlaskClient):
    get = client.get("/doc/person/wang-yi", headers={"Accept": "application/ld+json"})
    head = client.head("/doc/person/wang-yi", headers={"Accept": "application/ld+json"})
    assert head.status_code == 200 and head.data == b""
    assert head.headers["ETag"] == get.headers["ETag"]
    assert head.headers["Content-Length"] == str(len(get.data))


@pytest.mark.parametrize(("kind", "key"), DOCS)
def test_every_format_holds_the_same_triples(client: FlaskClient, kind: str, key: str):
    path = f"/doc/{kind}/{key}"
    turtle = parse(client, path, "ttl")
    assert len(turtle) > 3
    for suffix in ("jsonld", "nt", "rdf"):
        assert isomorphic(turtle, parse(client, path, suffix)), suffix
    # pyld, offline: a loader that refuses the network proves the context is inline.
    document = client.get(path + ".jsonld").get_json()
    nquads = pyld.to_rdf(document, {"format": "application/n-quads",
                                    "documentLoader": refuse_remote})
    assert isomorphic(turtle, Graph().parse(data=nquads, format="nt"))


@pytest.mark.parametrize(("kind", "key"), DOCS)
def test_json_ld_is_framed_around_the_resource(client: FlaskClient, kind: str, key: str):
    document = client.get(f"/doc/{kind}/{key}.jsonld").get_json()
    assert document["@context"]["@vocab"] == "http://schema.org/"
    assert "@graph" not in document
    assert document["@id"] == f"{BASE}/id/{kind}/{key}"
    assert document["@type"] in ("NewsArticle", "Person", "Place",
                                 ["NewsMediaOrganization", "Organization"], "Organization")


def test_article_json_ld_embeds_linked_nodes_with_their_ids(client: FlaskClient):
    document = client.get(f"/doc/article/{SEED_KEY}.jsonld").get_json()
    assert document["headline"].startswith("Wang Yi meets with Kazakh president")
    assert document["datePublished"] == {"@type": "xsd:date", "@value": "2022-06-07"}
    authors = {a["@id"]: a for a in document["author"]}
    assert authors[f"{BASE}/id/person/yu-xi"]["name"] == "Yu Xi"
    assert all("name" in m for m in document["mentions"] if len(m) > 1)
    provenance = document["mainEntityOfPage"]
    assert provenance["@id"] == f"{BASE}/doc/article/{SEED_KEY}"
    assert "/" not in provenance["dct:source"]  # the file name, never a path


def test_article_document_is_its_graph_with_what_it_links_to(
    client: FlaskClient, published_settings: Settings
):
    from kg.snapshots import current

    snapshot = current(published_settings.snapshots_dir)
    assert snapshot is not None
    dataset = Dataset()
    dataset.parse(snapshot.dump_path(NQUADS), format="nquads")
    expected = Graph() + dataset.graph(URIRef(f"{BASE}/doc/article/{SEED_KEY}"))
    linked = {o for o in expected.objects() if str(o).startswith(f"{BASE}/id/")
              and "/id/article/" not in str(o)}
    assert URIRef(f"{BASE}/id/person/yu-xi") in linked
    for thing in linked:
        expected += dataset.graph(URIRef(str(thing).replace("/id/", "/doc/", 1)))
    document = parse(client, f"/doc/article/{SEED_KEY}", "ttl")
    assert isomorphic(expected, document)
    assert (URIRef(f"{BASE}/id/person/yu-xi"), URIRef("http://schema.org/name"), None) in document


def test_entity_document_describes_it_and_lists_its_articles(client: FlaskClient):
    graph = parse(client, "/doc/person/yu-xi", "ttl")
    me = URIRef(f"{BASE}/id/person/yu-xi")
    schema = "http://schema.org/"
    article = URIRef(f"{BASE}/id/article/{SEED_KEY}")
    assert (me, URIRef(schema + "name"), None) in graph
    assert (article, URIRef(schema + "author"), me) in graph
    assert str(graph.value(article, URIRef(schema + "headline"))).startswith("Wang Yi meets")
    assert str(graph.value(article, URIRef(schema + "datePublished"))) == "2022-06-07"
    document = client.get("/doc/person/yu-xi.jsonld").get_json()
    assert document["@reverse"]["author"]["@id"] == str(article)


def test_roles_carry_the_name_of_the_organisation(client: FlaskClient):
    graph = parse(client, "/doc/person/elon-musk", "ttl")
    tesla = URIRef(f"{BASE}/id/organization/tesla")
    assert (URIRef(f"{BASE}/id/person/elon-musk"), URIRef("http://schema.org/affiliation"),
            tesla) in graph
    assert str(graph.value(tesla, URIRef("http://schema.org/name"))) == "Tesla"


def test_article_html_page(client: FlaskClient):
    response = client.get(f"/doc/article/{SEED_KEY}", headers={"Accept": "text/html"})
    html = response.data.decode()
    assert response.status_code == 200
    assert "<h1>Wang Yi meets with Kazakh president" in html
    assert '<time datetime="2022-06-07">' in html
    assert '<a href="/id/person/yu-xi">Yu Xi</a>' in html
    assert 'href="/id/person/wang-yi"' in html
    assert html.count("<p>") > 3  # body paragraphs
    assert f'href="/doc/article/{SEED_KEY}.ttl"' in html  # the page is also data
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(block)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2022-06-07"


def test_entity_html_page(client: FlaskClient):
    html = client.get("/doc/person/wang-yi.html").data.decode()
    assert "<h1>Wang Yi</h1>" in html
    assert f'href="/id/article/{SEED_KEY}"' in html
    assert "Articles (" in html


@pytest.fixture(scope="module")
def short_app(published_settings: Settings) -> Iterator[Flask]:
    """The app with entity pages listing at most two articles."""
    from kg.web.app import create_app

    app = create_app(published_settings.replace(doc_articles=2))
    yield app
    close_app(app)


def test_a_truncated_article_list_says_so(short_app: Flask):
    client = short_app.test_client()
    response = client.get("/doc/place/china.ttl")
    listed, _, rest = response.headers["Newskg-Truncated"].partition(" of ")
    assert listed == "2" and int(rest.split()[0]) > 2
    graph = Graph().parse(data=response.data, format="turtle")
    assert len(set(graph.subjects(URIRef("http://schema.org/mentions")))) == 2
    assert "Listing 2 of" in client.get("/doc/place/china.html").data.decode()


def test_html_escapes_article_text_everywhere(app: Flask):
    import pyoxigraph as ox

    from kg.formats import HTML
    from kg.web import documents
    from kg.web.documents.load import Document

    evil = "</script><script>alert(1)</script> <!-- & <b>bold</b>"
    me = ox.NamedNode(f"{BASE}/id/article/abc")
    schema = "http://schema.org/"
    triples = (
        ox.Triple(me, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                  ox.NamedNode(schema + "NewsArticle")),
        ox.Triple(me, ox.NamedNode(schema + "headline"), ox.Literal(evil)),
        ox.Triple(me, ox.NamedNode(schema + "articleBody"), ox.Literal(evil)),
    )
    with app.test_request_context("/doc/article/abc.html"):
        html = str(documents._render(Document("article", "abc", BASE, triples), HTML))
    assert "<script>alert(1)" not in html and "<b>bold" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["headline"] == evil


def test_json_ld_link_header_is_readable_by_pyld(client: FlaskClient):
    # pyld's loader breaks on more than one rel="alternate"; JSON-LD keeps canonical only.
    link = client.get("/doc/person/wang-yi.jsonld").headers["Link"]
    parsed = pyld.parse_link_header(link)
    assert "alternate" not in parsed and parsed["canonical"]["target"].endswith("/wang-yi")
