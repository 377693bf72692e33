"""The endpoint's limits: row cap (always signalled), time limit, memory cap, busy pool."""

from __future__ import annotations

import csv
import io
import os
import signal
import threading
import time
from collections.abc import Callable

import pyoxigraph as ox
import pytest
from flask.testing import FlaskClient

from kg.formats import GRAPHS
from kg.web import endpoint
from tests.web.conftest import MakeApp

SCHEMA = "PREFIX schema: <http://schema.org/>\n"
ARTICLES = SCHEMA + "SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a"
# Unordered results are written directly when they are short enough to be within the cap, and
# written again, cut, when they are not: both ways must cut and flag alike.
BOTH_WAYS = pytest.mark.parametrize("query", [ARTICLES, ARTICLES.replace(" ORDER BY ?a", "")],
                                    ids=["ordered", "unordered"])
HEADLINES = SCHEMA + "CONSTRUCT { ?a schema:headline ?h } WHERE { ?a schema:headline ?h }"
# Billions of rows from a few thousand triples: runs far past any test's time limit.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Sorting them needs them all in memory: the engine runs out and aborts its process.
EXHAUSTING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"



@pytest.fixture
def capped(make_app: MakeApp) -> FlaskClient:
    return make_app(max_rows=5).test_client()


@BOTH_WAYS
def test_json_results_over_the_cap_are_cut_and_flagged(capped: FlaskClient, query: str):
    response = capped.get("/sparql", query_string={"query": query})
    assert response.status_code == 200
    assert len(response.json["results"]["bindings"]) == 5
    assert response.json["truncated"] is True
    assert response.headers["Newskg-Truncated"] == "true"
    assert response.headers["Newskg-Row-Limit"] == "5"


@pytest.mark.parametrize(("accept", "count"), [
    ("application/sparql-results+xml", lambda body: body.count(b"<result>")),
    ("text/csv", lambda body: len(list(csv.reader(io.StringIO(body.decode())))) - 1),
    ("text/tab-separated-values", lambda body: body.count(b"\n") - 1),
], ids=["xml", "csv", "tsv"])
@BOTH_WAYS
def test_every_results_format_is_cut_and_flagged(capped: FlaskClient, accept: str,
                                                 count: Callable[[bytes], int], query: str):
    response = capped.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    assert response.mimetype == accept
    assert count(response.data) == 5
    assert response.headers["Newskg-Truncated"] == "true"


@pytest.mark.parametrize("accept", [f.media_type for f in GRAPHS])
def test_graphs_over_the_cap_are_cut_and_flagged(capped: FlaskClient, accept: str):
    response = capped.get("/sparql", query_string={"query": HEADLINES}, headers={"Accept": accept})
    triples = list(ox.parse(response.data, format=ox.RdfFormat.from_media_type(accept)))
    assert len(triples) == 5
    assert response.headers["Newskg-Truncated"] == "true"


@BOTH_WAYS
@pytest.mark.parametrize("limit", [1, 5])
def test_results_within_the_cap_are_not_flagged(capped: FlaskClient, query: str, limit: int):
    response = capped.get("/sparql", query_string={"query": f"{query} LIMIT {limit}"})
    assert len(response.json["results"]["bindings"]) == limit
    assert "truncated" not in response.json and "Newskg-Truncated" not in response.headers
    ask = capped.get("/sparql", query_string={"query": "ASK {}"})
    assert "Newskg-Truncated" not in ask.headers


def test_a_query_past_the_time_limit_is_stopped_with_a_503(make_app: MakeApp):
    client = make_app(query_timeout=1).test_client()
    started = time.monotonic()
    response = client.get("/sparql", query_string={"query": ENDLESS})
    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.json["error"] == "Service Unavailable"
    assert "time limit of 1 s" in response.json["detail"]
    assert client.get("/sparql", query_string={"query": "ASK {}"}).json["boolean"] is True


def test_the_web_process_survives_a_query_that_exhausts_memory(make_app: MakeApp):
    client = make_app(query_memory_mb=1200, query_timeout=60).test_client()
    response = client.get("/sparql", query_string={"query": EXHAUSTING})
    assert response.status_code == 503
    assert "memory cap of 1200 MiB" in response.json["detail"]
    assert client.get("/sparql", query_string={"query": "ASK {}"}).json["boolean"] is True


def test_a_query_process_that_died_idle_is_replaced_before_use(make_app: MakeApp):
    app = make_app(query_processes=1)
    client = app.test_client()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    pool = endpoint.pool(app)
    (process,) = pool._idle
    os.kill(process.popen.pid, signal.SIGKILL)
    process.popen.wait()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


def test_when_every_query_process_is_busy_the_client_is_told_to_retry(make_app: MakeApp):
    app = make_app(query_processes=1, query_wait=0.2, query_timeout=1.5)
    slow: list[int] = []
    worker = threading.Thread(target=lambda: slow.append(
        app.test_client().get("/sparql", query_string={"query": ENDLESS}).status_code))
    worker.start()
    time.sleep(0.5)
    response = app.test_client().get("/sparql", query_string={"query": "ASK {}"})
    worker.join()
    assert response.status_code == 503 and response.headers["Retry-After"] == "1"
    assert "busy" in response.json["detail"]
    assert slow == [503]
    assert app.test_client().get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
