"""HTTP hygiene: Allow on 405, a content security policy on pages, ranges on dumps, and a
budget per client (429 with Retry-After), its address believed from proxies only when trusted."""

from __future__ import annotations

import threading
import time

from flask import Flask
from flask.testing import FlaskClient

from kg.formats import NTRIPLES
from kg.settings import Settings
from kg.snapshots import current
from tests.web.conftest import MakeApp

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_405_says_what_is_allowed(client: FlaskClient):
    for path in ("/sparql", "/doc/person/wang-yi", "/dump.nt", "/health"):
        response = client.delete(path)
        assert response.status_code == 405, path
        assert "GET" in response.headers["Allow"], path


def test_pages_have_a_content_security_policy(client: FlaskClient):
    for path in ("/", "/sparql", "/doc/person/wang-yi.html", "/no/such/page"):
        response = client.get(path, headers={"Accept": "text/html"})
        assert response.mimetype == "text/html", path
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in client.get("/doc/person/wang-yi.ttl").headers


def test_a_broken_dump_download_resumes(client: FlaskClient, published_settings: Settings):
    snapshot = current(published_settings.snapshots_dir)
    assert snapshot is not None
    whole = snapshot.dump_path(NTRIPLES).read_bytes()
    first = client.get("/dump.nt")
    assert first.headers["Accept-Ranges"] == "bytes"
    tag = first.headers["ETag"]
    rest = client.get("/dump.nt", headers={"Range": "bytes=1000-", "If-Range": tag,
                                           "Accept-Encoding": "gzip"})
    assert rest.status_code == 206 and rest.data == whole[1000:]
    assert rest.headers["Content-Range"] == f"bytes 1000-{len(whole) - 1}/{len(whole)}"
    changed = client.get("/dump.nt", headers={"Range": "bytes=1000-", "If-Range": '"old"'})
    assert changed.status_code == 200 and changed.data == whole  # another version: all of it
    assert client.get("/dump.nt", headers={"Range": f"bytes={len(whole) + 5}-"}).status_code \
        == 416


def test_a_client_over_its_budget_is_told_when_to_come_back(make_app: MakeApp):
    client = make_app(rate_limit=5).test_client()
    statuses = [client.get("/doc/person/wang-yi.ttl").status_code for _ in range(12)]
    assert statuses[:10] == [200] * 10 and statuses[10:] == [429, 429]
    refused = client.get("/sparql", query_string={"query": "ASK {}"})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert refused.get_json()["status"] == 429
    assert client.get("/health").status_code == 200  # never limited
    other = client.get("/doc/person/wang-yi.ttl", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert other.status_code == 200  # each client its own budget


def test_the_budget_follows_a_trusted_proxy_s_client_address_only(make_app: MakeApp):
    def spent(app: Flask) -> list[int]:
        client = app.test_client()
        return [client.get("/doc/person/wang-yi.ttl", headers={
            "X-Forwarded-For": f"198.51.100.{n}"}).status_code for n in range(12)]

    assert spent(make_app(rate_limit=5, trusted_proxies=1)) == [200] * 12  # twelve clients
    assert spent(make_app(rate_limit=5)).count(429) == 2  # one client: the header is ignored


def test_one_client_cannot_take_every_query_process(make_app: MakeApp):
    app = make_app(client_queries=1, query_processes=2, query_timeout=3)
    heavy: list[int] = []
    worker = threading.Thread(target=lambda: heavy.append(
        app.test_client().get("/sparql", query_string={"query": ENDLESS}).status_code))
    worker.start()
    try:
        running = app.extensions["newskg.queries_running"]
        deadline = time.monotonic() + 10
        while not running.holding("127.0.0.1") and time.monotonic() < deadline:  # started
            time.sleep(0.01)
        second = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert second.status_code == 429 and second.headers["Retry-After"] == "1"
        assert "queries running" in second.get_json()["detail"]
        other = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                                      environ_base={"REMOTE_ADDR": "192.0.2.9"})
        assert other.status_code == 200 and other.get_json()["boolean"] is True
    finally:
        worker.join()
    assert heavy == [503]  # the time limit


def test_one_client_cannot_hold_every_thread(make_app: MakeApp):
    app = make_app(client_requests=2)
    in_flight = app.extensions["newskg.requests_in_flight"]
    slow = [app.test_client().get("/dump.nt", buffered=False) for _ in range(2)]  # unread
    assert in_flight.holding("127.0.0.1") == 2
    third = app.test_client().get("/doc/person/wang-yi.ttl")
    assert third.status_code == 429 and third.headers["Retry-After"] == "1"
    assert "requests in flight" in third.get_json()["detail"]
    assert app.test_client().get("/health").status_code == 200  # never limited
    other = app.test_client().get("/doc/person/wang-yi.ttl",
                                  environ_base={"REMOTE_ADDR": "192.0.2.8"})
    assert other.status_code == 200
    for response in slow:  # read to the end and closed: the client's count goes down
        response.get_data()
        response.close()
    assert in_flight.holding("127.0.0.1") == 0
    assert app.test_client().get("/doc/person/wang-yi.ttl").status_code == 200
