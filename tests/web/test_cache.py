"""Answers kept for repeated requests: bounded, per snapshot, never stale, and tagged for 304s."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.ingest import ingest
from kg.settings import Settings
from kg.web import compression, endpoint
from kg.web.cache import AnswerCache
from tests.conftest import CORPUS, SEEDS, test_settings
from tests.web.conftest import close_app

COUNT = ("PREFIX schema: <http://schema.org/>\n"
         "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }")
JSON = {"Accept": "application/sparql-results+json"}


# --- the cache itself ---------------------------------------------------------------------------

def test_least_recently_used_answers_leave_first_when_full():
    cache = AnswerCache(max_bytes=800)
    for key in "abcd":
        cache.put("s1", key, key.upper(), size=100)
    assert cache.get("s1", "a") == "A"  # now the most recently used
    for key in "efgh":
        cache.put("s1", key, key.upper(), size=100)
    cache.put("s1", "i", "I", size=100)  # 900 bytes: the least recently used goes
    assert cache.get("s1", "b") is None
    assert [cache.get("s1", k) for k in "acdefghi"] == list("ACDEFGHI")


def test_an_answer_too_big_for_an_eighth_of_the_cache_is_not_kept():
    cache = AnswerCache(max_bytes=800)
    cache.put("s1", "small", 1, size=100)
    cache.put("s1", "big", 2, size=101)
    assert cache.get("s1", "small") == 1 and cache.get("s1", "big") is None


def test_a_newer_snapshot_empties_the_cache():
    cache = AnswerCache(max_bytes=800)
    cache.put("s1", "q", "old", size=10)
    assert cache.get("s2", "q") is None
    cache.put("s2", "q", "new", size=10)
    assert cache.get("s2", "q") == "new"


def test_a_cache_of_zero_bytes_keeps_nothing():
    cache = AnswerCache(max_bytes=0)
    cache.put("s1", "q", "answer", size=0)
    assert cache.get("s1", "q") is None


# --- in the service -----------------------------------------------------------------------------

@pytest.fixture
def counted_runs(app: Flask, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries that reached a query process during the test."""
    pool = endpoint.pool(app)
    run, seen = pool.run, []

    def counting(job):
        seen.append(job["query"])
        return run(job)

    monkeypatch.setattr(pool, "run", counting)
    return seen


def test_a_repeated_query_is_answered_without_running_it_again(
    client: FlaskClient, counted_runs: list[str]
):
    query = COUNT + " # repeated"
    first = client.get("/sparql", query_string={"query": query}, headers=JSON)
    second = client.post("/sparql", data={"query": query}, headers=JSON)
    assert first.status_code == second.status_code == 200
    assert first.data == second.data
    assert counted_runs == [query]
    # Another format is another answer.
    assert client.get("/sparql", query_string={"query": query},
                      headers={"Accept": "text/csv"}).data.startswith(b"n\r\n")
    assert counted_runs == [query, query]


def test_errors_are_not_kept(client: FlaskClient, counted_runs: list[str]):
    for _ in range(2):
        assert client.get("/sparql", query_string={"query": "SELECT oops"}).status_code == 400
    assert len(counted_runs) == 2


def test_get_answers_carry_a_tag_and_a_matching_request_gets_304(client: FlaskClient):
    first = client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
    tag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, no-cache"
    again = client.get("/sparql", query_string={"query": COUNT},
                       headers={**JSON, "If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag
    csv = client.get("/sparql", query_string={"query": COUNT},
                     headers={"Accept": "text/csv", "If-None-Match": tag})
    assert csv.status_code == 200 and csv.headers["ETag"] != tag
    other = client.get("/sparql", query_string={"query": COUNT + " LIMIT 1"},
                       headers={**JSON, "If-None-Match": tag})
    assert other.status_code == 200


def test_a_star_tag_never_hides_an_error(client: FlaskClient):
    star = {"If-None-Match": "*"}
    assert client.get("/sparql", query_string={"query": "SELECT oops"},
                      headers=star).status_code == 400
    assert client.get("/doc/person/nobody-at-all", headers=star).status_code == 404


def test_a_tagged_answer_is_compressed_once(client: FlaskClient,
                                            monkeypatch: pytest.MonkeyPatch):
    compress, calls = compression.gzip.compress, []

    def counting(data: bytes, **options: int) -> bytes:
        calls.append(len(data))
        return compress(data, **options)

    monkeypatch.setattr(compression.gzip, "compress", counting)
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 200 # zipped"
    asked = {"query_string": {"query": query}, "headers": {**JSON, "Accept-Encoding": "gzip"}}
    first, second = client.get("/sparql", **asked), client.get("/sparql", **asked)
    assert first.headers["Content-Encoding"] == second.headers["Content-Encoding"] == "gzip"
    assert first.data == second.data and len(calls) == 1
    client.post("/sparql", data={"query": query}, headers=asked["headers"])  # untagged
    assert len(calls) == 2


def test_post_answers_carry_no_tag(client: FlaskClient):
    response = client.post("/sparql", data={"query": COUNT}, headers=JSON)
    assert response.status_code == 200 and "ETag" not in response.headers


@pytest.fixture
def growing(tmp_path: Path) -> Iterator[tuple[Settings, Flask]]:
    """An app over a data folder holding the seed article only, to ingest more into."""
    from kg.web.app import create_app

    settings = test_settings(tmp_path / "data")
    ingest([SEEDS], settings)
    app = create_app(settings)
    yield settings, app
    close_app(app)


def test_answers_follow_a_new_snapshot(growing: tuple[Settings, Flask], tmp_path: Path):
    settings, app = growing
    client = app.test_client()

    def articles() -> tuple[int, str]:
        response = client.get("/sparql", query_string={"query": COUNT}, headers=JSON)
        return int(response.json["results"]["bindings"][0]["n"]["value"]), response.headers["ETag"]

    seed_doc = client.get("/doc/article/40e4922860c23164.ttl")
    before, tag = articles()
    assert before == articles()[0] == 1
    more = tmp_path / "more"
    more.mkdir()
    shutil.copy(sorted(CORPUS.glob("*.txt"))[1], more)
    ingest([more], settings)
    after, new_tag = articles()
    assert after == 2 and new_tag != tag
    stale = client.get("/sparql", query_string={"query": COUNT},
                       headers={**JSON, "If-None-Match": tag})
    assert stale.status_code == 200
    assert client.get("/doc/article/40e4922860c23164.ttl").headers["ETag"] != seed_doc.headers[
        "ETag"]
