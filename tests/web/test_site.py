"""The dataset as a whole: dumps, the VoID/DCAT description, shapes, health and the home page."""

from __future__ import annotations

import gzip
import io
import re
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pyld import jsonld as pyld
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from kg.formats import NQUADS, NTRIPLES, TURTLE
from kg.settings import Settings
from kg.snapshots import Snapshot, current
from kg.web import site as dataset
from tests.conftest import test_settings
from tests.web.conftest import close_app, refuse_remote

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")
BASE = "http://localhost:5000"
DATASET = URIRef(f"{BASE}/.well-known/void#dataset")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
DUMPS = {"ttl": (TURTLE, "text/turtle"), "nt": (NTRIPLES, "application/n-triples"),
         "nq": (NQUADS, "application/n-quads")}


@pytest.fixture(scope="module")
def snapshot(published_settings: Settings) -> Snapshot:
    published = current(published_settings.snapshots_dir)
    assert published is not None
    return published


@pytest.fixture(scope="module")
def description(app: Flask) -> Graph:
    response = app.test_client().get("/.well-known/void")
    assert response.mimetype == "text/turtle"
    return Graph().parse(data=response.data, format="turtle")


@pytest.mark.parametrize("suffix", list(DUMPS))
def test_dumps_are_the_snapshot_files(client: FlaskClient, snapshot: Snapshot, suffix: str):
    fmt, media = DUMPS[suffix]
    response = client.get(f"/dump.{suffix}")
    assert response.status_code == 200 and response.mimetype == media
    assert response.is_streamed
    assert response.data == snapshot.dump_path(fmt).read_bytes()
    assert response.headers["Content-Length"] == str(snapshot.dump_path(fmt).stat().st_size)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and f".{suffix}" in disposition
    again = client.get(f"/dump.{suffix}", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_dumps_are_gzipped_on_request(client: FlaskClient, snapshot: Snapshot):
    plain = client.get("/dump.nt")
    zipped = client.get("/dump.nt", headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.vary and "Accept-Encoding" in plain.vary
    assert gzip.decompress(zipped.data) == snapshot.dump_path(NTRIPLES).read_bytes()
    assert len(zipped.data) < len(plain.data)
    assert zipped.headers["ETag"] != plain.headers["ETag"]
    assert client.get("/dump.nt", headers={"Accept-Encoding": "gzip;q=0"}).headers.get(
        "Content-Encoding") is None


def test_gzip_is_compressed_in_chunks():
    data = b"".join(b"<http://x/%d> <http://x/p> \"%d\" .\n" % (i, i) for i in range(40_000))
    pieces = list(dataset._gzip_chunks(io.BytesIO(data)))
    assert len(data) > 4 * dataset.CHUNK and len(pieces) > 1
    assert max(len(p) for p in pieces) <= dataset.CHUNK
    assert gzip.decompress(b"".join(pieces)) == data


def test_head_of_a_dump_sends_no_body(client: FlaskClient, snapshot: Snapshot):
    response = client.head("/dump.ttl")
    assert response.status_code == 200 and response.data == b""
    assert response.headers["Content-Length"] == str(snapshot.dump_path(TURTLE).stat().st_size)


def test_every_iri_of_the_dump_under_the_base_dereferences(client: FlaskClient,
                                                           snapshot: Snapshot):
    dumped = snapshot.dump_path(NQUADS).read_text(encoding="utf-8")
    iris = set(re.findall(rf"<({re.escape(BASE)}/[^>]*)>", dumped))
    kinds = {iri.split("/")[3] for iri in iris}
    assert kinds == {"id", "doc"} and len(iris) > 300
    for iri in sorted(iris):
        path = iri[len(BASE):]
        response = client.get(path)
        if path.startswith("/id/"):  # a thing: 303 to its document
            assert response.status_code == 303, iri
            assert response.location == "/doc/" + path[len("/id/"):]
            response = client.get(response.location)
        assert response.status_code == 200, iri
        assert response.mimetype == "text/turtle"


def test_dump_triples_equal_void_triples(client: FlaskClient, description: Graph):
    triples = int(description.value(DATASET, VOID.triples))
    assert len(client.get("/dump.nt").data.splitlines()) == triples
    assert len(Graph().parse(data=client.get("/dump.ttl").data, format="turtle")) == triples


def test_void_describes_the_dataset(description: Graph, snapshot: Snapshot,
                                    published_settings: Settings):
    stats = snapshot.stats
    value = description.value
    assert value(DATASET, VOID.sparqlEndpoint) == URIRef(f"{BASE}/sparql")
    assert set(description.objects(DATASET, VOID.dataDump)) == {
        URIRef(f"{BASE}/dump.{s}") for s in DUMPS}
    assert value(DATASET, VOID.uriSpace) == Literal(f"{BASE}/id/")
    assert value(DATASET, VOID.vocabulary) == URIRef("http://schema.org/")
    assert value(DATASET, URIRef("http://purl.org/dc/terms/license")) == URIRef(
        published_settings.license)
    assert int(value(DATASET, VOID.entities)) == (
        stats.articles + stats.persons + stats.organizations + stats.places)
    partitions = {str(value(p, VOID["class"])): int(value(p, VOID.entities))
                  for p in description.objects(DATASET, VOID.classPartition)}
    assert partitions["http://schema.org/NewsArticle"] == stats.articles
    assert partitions["http://schema.org/Person"] == stats.persons
    assert len(list(description.objects(DATASET, DCAT.distribution))) == 3
    assert len(list(description.objects(DATASET, VOID.exampleResource))) == 4


def test_void_is_negotiated_like_documents(client: FlaskClient, description: Graph):
    for suffix, fmt in (("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml")):
        response = client.get(f"/.well-known/void.{suffix}")
        assert isomorphic(description, Graph().parse(data=response.data, format=fmt)), suffix
    document = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert "Accept" in document.vary
    nquads = pyld.to_rdf(document.get_json(), {"format": "application/n-quads",
                                               "documentLoader": refuse_remote})
    assert isomorphic(description, Graph().parse(data=nquads, format="nt"))
    assert document.get_json()["@id"] == str(DATASET)
    html = client.get("/.well-known/void", headers={"Accept": "text/html"})
    assert html.mimetype == "text/html" and b"SPARQL endpoint" in html.data
    assert client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406
    tag = client.get("/.well-known/void").headers["ETag"]
    assert client.get("/.well-known/void", headers={"If-None-Match": tag}).status_code == 304


def test_shapes_are_served(client: FlaskClient):
    response = client.get("/shapes.ttl")
    assert response.mimetype == "text/turtle"
    assert any(Graph().parse(data=response.data, format="turtle").subjects(
        None, SH.NodeShape))
    again = client.get("/shapes.ttl", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_health(client: FlaskClient, snapshot: Snapshot):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["snapshot"] == snapshot.name
    assert body["created"] == snapshot.created


def test_health_is_503_before_anything_is_published(tmp_path: Path):
    from kg.web.app import create_app

    app = create_app(test_settings(tmp_path / "empty"))
    try:
        client = app.test_client()
        response = client.get("/health")
        assert response.status_code == 503
        assert response.get_json()["status"] == "unavailable"
        assert client.get("/doc/person/wang-yi").status_code == 503
    finally:
        close_app(app)


def test_a_damaged_snapshot_is_said_not_taken_for_none(published_settings: Settings,
                                                       tmp_path: Path):
    from kg.web.app import create_app

    data = tmp_path / "data"
    shutil.copytree(published_settings.data_dir, data)
    name = (data / "snapshots" / "CURRENT").read_text().strip()
    (data / "snapshots" / name / "meta.json").write_text("{ not json")
    app = create_app(published_settings.replace(data_dir=data))
    try:
        client = app.test_client()
        health = client.get("/health")
        assert health.status_code == 503
        assert health.get_json()["detail"] == "the published snapshot cannot be read"
        document = client.get("/doc/person/wang-yi")
        assert document.status_code == 503 and str(tmp_path) not in document.get_data(as_text=True)
    finally:
        close_app(app)


def test_home_page(client: FlaskClient, snapshot: Snapshot):
    response = client.get("/")
    html = response.data.decode()
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "news knowledge graph</h1>" in html
    assert f"<dd>{snapshot.stats.articles}</dd>" in html
    for link in ("/sparql", "/dump.ttl", "/dump.nq", "/.well-known/void", "/shapes.ttl",
                 "/id/article/", "/id/person/"):
        assert f'href="{link}' in html, link
    assert 'rel="describedby"' in response.headers["Link"]


def test_the_loader_used_to_read_json_ld_refuses_the_network():
    # What makes the offline-parsing tests meaningful: a remote context could not be read.
    with pytest.raises(pyld.JsonLdError):
        pyld.expand({"@context": "https://schema.org", "name": "x"},
                    {"documentLoader": refuse_remote})


def test_settings_page_lists_every_setting_without_file_locations(client: FlaskClient):
    from kg.settings import describe

    rows = {row["name"]: row for row in client.get("/-/settings").get_json()}
    assert set(rows) == {row["name"] for row in describe()}
    assert rows["max_rows"]["value"] == 10000 and rows["max_rows"]["env"] == "NEWSKG_MAX_ROWS"
    assert rows["data_dir"]["value"] is None and rows["cache_dir"]["value"] is None
    page = client.get("/-/settings").get_data(as_text=True)
    assert "/tmp" not in page and str(Path.home()) not in page


def test_a_browser_that_mistypes_an_address_gets_a_page(client: FlaskClient):
    page = client.get("/doc/persn/wang-yi", headers={"Accept": BROWSER})
    assert page.status_code == 404 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "<h1>Not Found</h1>" in html and 'href="/"' in html
    unknown = client.get("/doc/person/nobody-at-all", headers={"Accept": BROWSER})
    assert unknown.status_code == 404 and "no person with key" in unknown.get_data(as_text=True)
    # Programs get JSON, as before.
    for accept in (None, "*/*", "application/json", "text/turtle"):
        data = client.get("/doc/persn/wang-yi", headers={"Accept": accept} if accept else {})
        assert data.status_code == 404 and data.get_json()["status"] == 404, accept


def test_dumps_download_from_a_relative_data_folder(published_settings: Settings,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    from kg.web.app import create_app

    shutil.copytree(published_settings.data_dir, tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # as in the quick start: ./data
    app = create_app(test_settings(Path("data")))
    try:
        response = app.test_client().get("/dump.ttl")
        assert response.status_code == 200 and response.get_data().startswith(b"@prefix")
    finally:
        close_app(app)
