"""The service works wherever it is reached: any host and port, behind a trusted proxy under a
path prefix. Pages and redirects link where the client is; documents state canonical IRIs."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.folder import BaseMismatch
from kg.settings import Settings
from kg.web.app import create_app
from tests.web.conftest import close_app

BASE = "http://localhost:5000"
SEED_KEY = "40e4922860c23164"
PROXY = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "news.example.org",
         "X-Forwarded-Prefix": "/kg", "X-Forwarded-For": "203.0.113.9"}


@pytest.fixture(scope="module")
def proxied(published_settings: Settings) -> Iterator[Flask]:
    app = create_app(published_settings.replace(trusted_proxies=1))
    yield app
    close_app(app)


def links(html: str) -> list[str]:
    """Where a page's links and alternates go (its rel=canonical states the IRI, as data)."""
    return re.findall(r'<(?:a|link rel="alternate"[^>]*?) href="([^"]+)"', html)


def test_another_host_and_port_get_links_where_they_are(client: FlaskClient):
    where = {"base_url": "http://10.0.0.7:5841"}
    redirect = client.get(f"/id/article/{SEED_KEY}", **where)
    assert redirect.status_code == 303 and redirect.location == f"/doc/article/{SEED_KEY}"
    page = client.get(redirect.location, headers={"Accept": "text/html"}, **where)
    local = [href for href in links(page.get_data(as_text=True)) if href.startswith("/")]
    assert {"/", "/sparql", "/.well-known/void", "/dump.ttl"} <= set(local)
    assert not [href for href in links(page.get_data(as_text=True)) if BASE in href]
    assert f'<link rel="canonical" href="{BASE}/doc/article/{SEED_KEY}">' in page.get_data(
        as_text=True)


def test_documents_state_canonical_iris_wherever_served(client: FlaskClient):
    response = client.get(f"/doc/article/{SEED_KEY}.jsonld", base_url="http://10.0.0.7:5841")
    assert response.get_json()["@id"] == f"{BASE}/id/article/{SEED_KEY}"
    assert f'<{BASE}/doc/article/{SEED_KEY}>; rel="canonical"' in response.headers["Link"]


def test_a_trusted_proxy_s_prefix_is_in_every_link(proxied: Flask):
    client = proxied.test_client()
    redirect = client.get(f"/id/article/{SEED_KEY}", headers=PROXY)
    assert redirect.location == f"/kg/doc/article/{SEED_KEY}"
    page = client.get("/", headers=PROXY).get_data(as_text=True)
    assert {"/kg/sparql", "/kg/dump.ttl", "/kg/.well-known/void"} <= set(links(page))
    assert 'action="/kg/sparql"' in client.get("/sparql", headers={
        **PROXY, "Accept": "text/html"}).get_data(as_text=True)


def test_forwarded_headers_are_ignored_unless_a_proxy_is_trusted(client: FlaskClient):
    redirect = client.get(f"/id/article/{SEED_KEY}", headers=PROXY)
    assert redirect.location == f"/doc/article/{SEED_KEY}"
    assert "/kg/sparql" not in links(client.get("/", headers=PROXY).get_data(as_text=True))


def test_another_base_than_the_data_s_stops_the_app(published_settings: Settings):
    with pytest.raises(BaseMismatch, match="kg rebase"):
        create_app(published_settings.replace(base_iri="https://elsewhere.example"))
