"""The endpoint's parts on their own: format overrides, compression."""

from __future__ import annotations

import gzip

import pytest
from flask import Flask, Response

from kg.formats import GRAPHS, JSONLD, RDFXML, RESULTS, SPARQL_JSON, TSV, Format
from kg.web import compression
from kg.web.endpoint.protocol import override


@pytest.mark.parametrize(("values", "group", "expected"), [
    (["json"], RESULTS, SPARQL_JSON),
    (["tsv", "text/tab-separated-values"], RESULTS, TSV),
    (["", "text/tab-separated-values"], RESULTS, TSV),
    (["turtle"], RESULTS, None),
    (["XML"], GRAPHS, RDFXML),
    (["application/ld+json"], GRAPHS, JSONLD),
    (["json"], GRAPHS, JSONLD),
    (["csv"], GRAPHS, None),
])
def test_format_overrides(values: list[str], group: tuple[Format, ...], expected: Format | None):
    assert override(values, group) == expected


@pytest.fixture
def gzip_app() -> Flask:
    app = Flask(__name__)
    compression.init_app(app)

    @app.get("/text/<int:size>")
    def text(size: int) -> Response:
        response = Response("x" * size, content_type="text/turtle")
        response.set_etag("abc")
        return response

    @app.get("/png")
    def png() -> Response:
        return Response(b"\x89PNG" + b"\x00" * 5000, content_type="image/png")

    @app.get("/file")
    def file() -> Response:
        return Response(iter([b"y" * 5000]), content_type="text/plain")

    return app


def test_compression_rules(gzip_app: Flask):
    client = gzip_app.test_client()
    accept = {"Accept-Encoding": "gzip"}
    big = client.get("/text/5000", headers=accept)
    assert big.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(big.data) == b"x" * 5000
    assert big.headers["ETag"] == 'W/"abc"'
    assert "Content-Encoding" not in client.get("/text/100", headers=accept).headers
    assert "Content-Encoding" not in client.get("/png", headers=accept).headers
    assert "Content-Encoding" not in client.get("/file", headers=accept).headers
    plain = client.get("/text/5000")
    assert "Content-Encoding" not in plain.headers and plain.headers["ETag"] == '"abc"'
