"""Headless Chromium against a real `kg serve`: the HTML pages and the query page's JavaScript.

Driven by Playwright for Python with Debian's Chromium (no browser is downloaded). Chromium may
reach 127.0.0.1 only: its host resolver maps every other name to nothing, and every test records
each request its page makes, each error it logs, and checks them.
"""

from __future__ import annotations

import json
import struct
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import Namespace

from kg.settings import Settings
from tests.web.conftest import required, self_addressed, sparql_select

pytestmark = pytest.mark.e2e

SCHEMA = Namespace("http://schema.org/")
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SECONDS = 60  # the most any wait on the browser may take


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = required(CHROMIUM, "apt-get install chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    yield from self_addressed(tmp_path_factory.mktemp("browser"))


@dataclass
class Tab:
    """A page, with every request it made and every error it logged."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def texts(self, selector: str) -> list[str]:
        return self.page.eval_on_selector_all(
            selector, "els => els.map(e => e.textContent.split(/\\s+/).join(' ').trim())")

    def links(self) -> dict[str, str]:
        return dict(self.page.eval_on_selector_all(
            "a", "els => els.map(a => [a.href, a.textContent.split(/\\s+/).join(' ').trim()])"))


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    page.set_default_timeout(SECONDS * 1000)
    opened = Tab(page)
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("pageerror", lambda error: opened.errors.append(f"exception: {error}"))
    page.on("console", lambda message: opened.errors.append(f"console: {message.text}")
            if message.type in ("error", "assert") else None)
    page.on("requestfailed", lambda request: opened.errors.append(f"failed: {request.url}"))
    yield opened
    context.close()


# -- what the pages should show, read from the server as data -----------------------------------

@dataclass
class Article:
    """An article as its Turtle document states it."""

    iri: str
    headline: str
    authors: dict[str, str]  # IRI -> name
    mentioned: dict[str, str]  # IRI -> name
    body: str


def name_of(graph: Graph, iri: URIRef) -> str:
    name = graph.value(iri, SCHEMA.name)
    assert isinstance(name, Literal), f"{iri} has no name in the article's document"
    return str(name)


@pytest.fixture(scope="module")
def article(site: Settings) -> Article:
    """An article with an author and a mentioned person (the first such, by IRI)."""
    rows = sparql_select(site.base, """PREFIX schema: <http://schema.org/>
        SELECT ?a WHERE { ?a a schema:NewsArticle ; schema:author ?w ; schema:mentions ?p .
                          ?p a schema:Person } ORDER BY ?a LIMIT 1""")
    iri = URIRef(rows[0]["a"])
    document = iri.replace("/id/", "/doc/") + ".ttl"
    with urllib.request.urlopen(document, timeout=30) as response:
        graph = Graph().parse(data=response.read(), format="turtle")
    return Article(
        iri=str(iri), headline=str(graph.value(iri, SCHEMA.headline)),
        authors={str(a): name_of(graph, a) for a in graph.objects(iri, SCHEMA.author)
                 if isinstance(a, URIRef)},
        mentioned={str(m): name_of(graph, m) for m in graph.objects(iri, SCHEMA.mentions)
                   if isinstance(m, URIRef)},
        body=str(graph.value(iri, SCHEMA.articleBody)))


# -- helpers -------------------------------------------------------------------------------------

def h1_of(url: str) -> tuple[str, str]:
    """``url`` as a browser asks for it (redirects followed): the final URL and its ``<h1>``."""
    request = urllib.request.Request(url, headers={"Accept": "text/html,*/*;q=0.8"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers.get_content_type() == "text/html", url
        html = response.read().decode()
    return response.url, " ".join(unescape(html.split("<h1>", 1)[1].split("</h1>", 1)[0]).split())


def png_facts(data: bytes) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the pixel data) of a PNG; asserts it is one."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    idat, at = b"", 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        if data[at + 4:at + 8] == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += length + 12
    return width, height, len(set(zlib.decompress(idat)))


def assert_real_screenshot(data: bytes) -> None:
    """A page-sized PNG with text on it (anti-aliased text gives many distinct values)."""
    width, height, distinct = png_facts(data)
    assert width >= 800 and height >= 600, (width, height)
    assert len(data) > 20_000 and distinct > 64, (len(data), distinct)


def only_local(site: Settings, urls: list[str]) -> list[str]:
    """The URLs that went anywhere but the server under test (data: URLs stay in the page)."""
    return [u for u in urls if not u.startswith((site.base + "/", "data:"))]


# -- the tests -----------------------------------------------------------------------------------

def test_home_page(tab: Tab, site: Settings):
    tab.page.goto(site.base + "/")
    stats = sparql_select(site.base, "PREFIX schema: <http://schema.org/> SELECT (COUNT(?a) AS ?n)"
                                     " WHERE { ?a a schema:NewsArticle }")
    assert tab.texts("h1") == [tab.page.title()]
    assert stats[0]["n"] in tab.texts("dd")
    examples = {href: text for href, text in tab.links().items()
                if href.startswith(site.base + "/id/")}
    assert {href.split("/")[4] for href in examples} == {
        "article", "person", "organization", "place"}
    for href, text in examples.items():
        final, h1 = h1_of(href)
        assert final == href.replace("/id/", "/doc/")
        assert h1 == text
    assert tab.errors == [] and only_local(site, tab.requests) == []


def test_article_page(tab: Tab, site: Settings, article: Article):
    tab.page.goto(article.iri)  # 303 to /doc/, followed
    assert tab.page.url == article.iri.replace("/id/", "/doc/")
    assert tab.texts("h1") == [article.headline]
    links = tab.links()
    for iri, name in article.authors.items():
        assert links.get(iri) == name
    first_paragraph = article.body.split("\n")[0]
    assert " ".join(first_paragraph.split()) in tab.texts("p")
    assert "Named in this article" in tab.texts("h2")
    for iri, name in article.mentioned.items():  # every mention is a link that dereferences
        assert links.get(iri) == name, iri
        final, h1 = h1_of(iri)
        assert final == iri.replace("/id/", "/doc/")
        assert h1 == name
    (block,) = tab.page.eval_on_selector_all('script[type="application/ld+json"]',
                                             "els => els.map(e => e.textContent)")
    assert article.headline in json.dumps(json.loads(block), ensure_ascii=False)
    assert_real_screenshot(tab.page.screenshot(full_page=False))
    assert tab.errors == [] and only_local(site, tab.requests) == []


def test_entity_page_reached_by_clicking(tab: Tab, site: Settings, article: Article):
    tab.page.goto(article.iri)
    person = next(iri for iri in article.mentioned if "/id/person/" in iri)
    with tab.page.expect_navigation():
        tab.page.click(f'main section a[href="{person[len(site.base):]}"]')
    assert tab.page.url == person.replace("/id/", "/doc/")
    assert tab.texts("h1") == [article.mentioned[person]]
    listed = tab.page.eval_on_selector_all("main ul a", "els => els.map(a => a.href)")
    assert article.iri in listed
    scripts = tab.page.eval_on_selector_all('script[type="application/ld+json"]',
                                            "els => els.map(s => typeof JSON.parse(s.textContent))")
    assert scripts == ["object"]
    assert tab.errors == [] and only_local(site, tab.requests) == []


def test_query_page_runs_an_example(tab: Tab, site: Settings):
    page = tab.page
    page.goto(site.base + "/sparql")
    examples = json.loads(page.text_content("#examples") or "[]")
    assert len(examples) >= 3
    assert page.locator("[data-example]").count() == len(examples)
    page.click('[data-example="0"]')
    page.wait_for_selector("#results tbody tr")
    rows = page.locator("#results tbody tr").count()
    assert page.input_value("#query") == examples[0]["text"]
    status = page.text_content("#status") or ""
    assert status.startswith(f"{rows} row"), status
    assert page.get_attribute("#status", "class") in ("", None)
    headers = tab.texts("#results th")
    assert headers and all(h.startswith("?") for h in headers)
    assert tab.errors == []
    assert any(u.endswith("/static/sparql.js") for u in tab.requests)
    assert any(u == site.base + "/sparql" for u in tab.requests)  # the query's POST
    assert only_local(site, tab.requests) == []
    assert_real_screenshot(page.screenshot())
