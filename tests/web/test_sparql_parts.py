"""The endpoint's parts on their own: the query check, format overrides, frames, compression."""

from __future__ import annotations

import gzip
import os
import time

import pytest
from flask import Flask, Response

from kg.web import compression, ipc
from kg.web import sparql_formats as formats
from kg.web.query_check import Refused, decode_escapes, has_dataset


@pytest.mark.parametrize(("text", "decoded"), [
    ("\\u0053ERVICE", "SERVICE"),
    ("\\U00000053ervice", "Service"),
    ("no escapes", "no escapes"),
    ("\\u00e9t\\u00E9", "été"),
    ("\\uD800", "\ufffd"),  # a lone surrogate is no character
])
def test_escapes_are_decoded(text: str, decoded: str):
    assert decode_escapes(text) == decoded


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * WHERE { ?s ?p ?o }", False),
    ("SELECT * FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("ASK FROM NAMED <http://g> { GRAPH ?g { ?s ?p ?o } }", True),
    ("CONSTRUCT { ?s ?p ?o } FROM <http://g> WHERE { ?s ?p ?o }", True),
    ("DESCRIBE <http://x> FROM <http://g>", True),
    ('SELECT * WHERE { ?s ?p "from" }', False),
    ("SELECT * WHERE { ?s <http://e.org/from> ?o }", False),
    ("not sparql from anywhere", False),  # left to pyoxigraph to reject
])
def test_dataset_clauses_are_found(query: str, expected: bool):
    assert has_dataset(query) is expected


def test_service_is_found_wherever_it_hides():
    with pytest.raises(Refused, match="SERVICE is not allowed"):
        has_dataset("SELECT * { MINUS { \\u0053ERVICE <http://e> { ?s ?p ?o } } }")


def test_a_common_query_skips_the_parser():
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10"
    started = time.perf_counter()
    for _ in range(1000):
        has_dataset(query)
    assert (time.perf_counter() - started) / 1000 < 1e-4  # 100 µs: no parse (a parse is ~10 ms)


@pytest.mark.parametrize(("values", "names", "types", "expected"), [
    (["json"], formats.RESULT_NAMES, formats.RESULTS, formats.JSON),
    (["tsv", "text/tab-separated-values"], formats.RESULT_NAMES, formats.RESULTS, formats.TSV),
    (["", "text/tab-separated-values"], formats.RESULT_NAMES, formats.RESULTS, formats.TSV),
    (["turtle"], formats.RESULT_NAMES, formats.RESULTS, None),
    (["XML"], formats.GRAPH_NAMES, formats.GRAPHS, formats.RDFXML),
    (["application/ld+json"], formats.GRAPH_NAMES, formats.GRAPHS, formats.JSONLD),
    (["csv"], formats.GRAPH_NAMES, formats.GRAPHS, None),
])
def test_format_overrides(values: list[str], names: dict, types: dict,
                          expected: formats.Format | None):
    assert formats.override(values, names, types) == expected


def test_frames_cross_a_pipe():
    read_end, write_end = os.pipe()
    try:
        ipc.write_frame(write_end, {"kind": "results", "n": 1}, b"\x00body\xff")
        assert ipc.read_frame(read_end, time.monotonic() + 5) == (
            {"kind": "results", "n": 1}, b"\x00body\xff")
        with pytest.raises(TimeoutError):
            ipc.read_frame(read_end, time.monotonic() + 0.05)
    finally:
        os.close(write_end)
    with pytest.raises(ipc.Closed):
        ipc.read_frame(read_end, time.monotonic() + 5)
    os.close(read_end)


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
