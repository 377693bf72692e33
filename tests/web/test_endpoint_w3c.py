"""The W3C SPARQL 1.1 Protocol test cases (tests/fixtures/w3c/) against /sparql.

Query and bad-request cases run as written. The endpoint is read-only, so in each update case the
update request must be refused with a 4xx status (the manifest expects it to succeed).
Fast tests use Flask's test client; the same cases run over HTTP against gunicorn under e2e.
"""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from flask import Flask
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

from kg.publish import publish
from kg.settings import Settings
from kg.store.embedded import OxigraphStore
from tests.conftest import FIXTURES, test_settings
from tests.web.conftest import close_app, serve

W3C = FIXTURES / "w3c"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

BOOLEAN_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_TYPES = (*BOOLEAN_TYPES, "text/csv", "text/tab-separated-values")
RDF_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml",
             "application/ld+json")

Send = Callable[[str, str, dict[str, str], bytes | None], tuple[int, str, bytes]]


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int]  # acceptable status classes: 2, 3, 4
    boolean: bool | None
    format: str | None


@dataclass
class Case:
    name: str
    requests: list[Request]
    graphs: dict[str, Path] = field(default_factory=dict)

    @property
    def is_update(self) -> bool:
        return self.name.startswith("update_")


def _cases() -> list[Case]:
    graph = Graph().parse(W3C / "manifest.ttl", format="turtle",
                          publicID=(W3C / "manifest.ttl").as_uri())
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    cases = []
    for entry in Collection(graph, graph.value(manifest, MF.entries)):
        name = str(entry).rsplit("#", 1)[1]
        action = graph.value(entry, MF.action)
        requests = [_request(graph, r) for r in Collection(graph, graph.value(action, HT.requests))]
        graphs = {str(graph.value(d, RDFS.label)): Path(str(graph.value(d, UT.graph)))
                  for d in graph.objects(entry, UT.graphData)}
        cases.append(Case(name, requests, graphs))
    return cases


def _request(graph: Graph, node: URIRef) -> Request:
    headers = {}
    if (listed := graph.value(node, HT.headers)) is not None:
        for header in Collection(graph, listed):
            name, value = graph.value(header, HT.fieldName), graph.value(header, HT.fieldValue)
            headers[str(name)] = str(value)
    body = None
    if (content := graph.value(node, HT.body)) is not None:
        encoding = str(graph.value(content, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(content, CNT.chars)).encode(encoding)
    response = graph.value(node, HT.resp)
    statuses = {int(re.search(r"(\d)xx$", str(s)).group(1))  # type: ignore[union-attr]
                for s in graph.objects(response, MF.expectedStatus)}
    boolean = graph.value(response, MF.expectedBoolean)
    fmt = graph.value(response, MF.expectedFormat)
    path = str(graph.value(node, HT.absolutePath))
    return Request(
        method=str(graph.value(node, HT.methodName)),
        path="/sparql" + path.removeprefix("/sparql/"),
        headers=headers, body=body, statuses=statuses,
        boolean=None if boolean is None else boolean.toPython(),
        format=None if fmt is None else str(fmt),
    )


CASES = _cases()


def test_the_manifest_has_every_protocol_case():
    kinds = [c.name.split("_")[0] for c in CASES]
    assert len(CASES) == 34
    assert kinds.count("query") == 13 and kinds.count("update") == 7 and kinds.count("bad") == 14


def check(case: Case, send: Send) -> None:
    if case.is_update:
        request = case.requests[0]
        status, _, body = send(request.method, request.path, request.headers, request.body)
        assert 400 <= status < 500, (status, body)
        return
    for request in case.requests:
        status, content_type, body = send(request.method, request.path, request.headers,
                                          request.body)
        assert status // 100 in request.statuses, (status, body[:300])
        media = content_type.split(";")[0].strip()
        if request.format == "boolean":
            assert media in BOOLEAN_TYPES
            if request.boolean is not None:
                assert _boolean(media, body) is request.boolean
        elif request.format == "tabular":
            assert media in TABULAR_TYPES
        elif request.format == "RDF":
            assert media in RDF_TYPES
            ox.parse(body, format=ox.RdfFormat.from_media_type(media))


def _boolean(media: str, body: bytes) -> bool:
    if media.endswith("json"):
        return json.loads(body)["boolean"]
    return re.search(rb"<boolean>\s*(true|false)\s*</boolean>", body).group(1) == b"true"  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def w3c_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A published data folder holding the manifest's graphs as local named graphs."""
    settings = test_settings(tmp_path_factory.mktemp("w3c") / "data")
    graphs = {label: W3C / path.name for case in CASES for label, path in case.graphs.items()}
    assert len(graphs) == 3
    settings.store_path.mkdir(parents=True)
    loaded = ox.Store(str(settings.store_path))  # graphs newskg never writes: loaded directly
    for label, path in graphs.items():
        for quad in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES):
            loaded.add(ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(label)))
    loaded.flush()
    del loaded
    store = OxigraphStore(settings.store_path, settings.base)
    publish(store, settings.snapshots_dir)
    store.close()
    return settings


@pytest.fixture(scope="module")
def w3c_app(w3c_settings: Settings) -> Iterator[Flask]:
    from kg.web.app import create_app

    app = create_app(w3c_settings)
    yield app
    close_app(app)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_with_the_test_client(case: Case, w3c_app: Flask):
    client = w3c_app.test_client()

    def send(method: str, path: str, headers: dict[str, str],
             body: bytes | None) -> tuple[int, str, bytes]:
        response = client.open(path, method=method, headers=headers, data=body)
        return response.status_code, response.content_type or "", response.get_data()

    check(case, send)


@pytest.fixture(scope="module")
def w3c_server(w3c_settings: Settings) -> Iterator[str]:
    yield from serve(w3c_settings)


@pytest.mark.e2e
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_over_http(case: Case, w3c_server: str):
    address = urlsplit(w3c_server)

    def send(method: str, path: str, headers: dict[str, str],
             body: bytes | None) -> tuple[int, str, bytes]:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.getheader("Content-Type") or "", response.read()
        finally:
            connection.close()

    check(case, send)
