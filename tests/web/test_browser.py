"""Headless Chromium against a real `kg serve`: the HTML pages and the query page's JavaScript.

Static pages go through Chromium's own command line (``--dump-dom``, ``--screenshot``); pages
that need clicking and JavaScript are driven over the Chrome DevTools Protocol on
``--remote-debugging-pipe`` (NUL-terminated JSON messages on file descriptors 3 and 4), so no
websocket library or browser driver is needed.

Chromium may reach 127.0.0.1 only: its host resolver maps every other name to nothing, and the
DevTools tests record every request a page makes and check where it went.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import Namespace

from kg.settings import Settings
from tests.web.conftest import required, self_addressed, sparql_select

pytestmark = pytest.mark.e2e

SCHEMA = Namespace("http://schema.org/")
CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--window-size=1280,1400", "--hide-scrollbars",
)
SECONDS = 60  # the most any Chromium run, or any wait on the browser, may take


@pytest.fixture(scope="module")
def chromium() -> str:
    return required(CHROMIUM, "apt-get install chromium")


@pytest.fixture(scope="module")
def site(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    yield from self_addressed(tmp_path_factory.mktemp("browser"))


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


# -- Chromium's command line ---------------------------------------------------------------------

def run_chromium(binary: str, profile: Path, *arguments: str) -> bytes:
    """Chromium headless with ``arguments``; its standard output (the DOM for --dump-dom)."""
    result = subprocess.run(
        [binary, *FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True, timeout=SECONDS, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result.stdout


class Dom(HTMLParser):
    """The parts of a dumped DOM the tests look at: headings, links, paragraphs, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: dict[str, list[str]] = {}  # tag -> the text of each such element
        self.links: list[tuple[str, str]] = []  # (href, text)
        self.scripts: dict[str, list[str]] = {}  # type -> contents
        self._open: list[tuple[str, dict[str, str | None], list[str]]] = []

    TRACKED = frozenset({"title", "h1", "h2", "h3", "p", "a", "li", "script", "dd"})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.TRACKED:
            self._open.append((tag, dict(attrs), []))

    def handle_data(self, data: str) -> None:
        for _, _, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self._open or self._open[-1][0] != tag:
            return
        _, attrs, parts = self._open.pop()
        text = "".join(parts)
        if tag == "script":
            self.scripts.setdefault(attrs.get("type") or "", []).append(text)
            return
        if tag == "a":
            self.links.append((attrs.get("href") or "", " ".join(text.split())))
        self.texts.setdefault(tag, []).append(" ".join(text.split()))


def dump_dom(binary: str, profile: Path, url: str) -> Dom:
    dom = Dom()
    dom.feed(run_chromium(binary, profile, "--dump-dom", url).decode())
    return dom


def get_html(url: str) -> tuple[str, Dom]:
    """``url`` as a browser asks for it (redirects followed): the final URL and its DOM."""
    request = urllib.request.Request(url, headers={"Accept": "text/html,*/*;q=0.8"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers.get_content_type() == "text/html", url
        dom = Dom()
        dom.feed(response.read().decode())
        return response.url, dom


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


# -- the Chrome DevTools Protocol over a pipe ----------------------------------------------------

# Runs a program with file descriptors argv[1] and argv[2] moved to 3 and 4 (dash, /bin/sh,
# only redirects descriptors 0 to 9).
AT_3_AND_4 = ("import os, sys; a, b = int(sys.argv[1]), int(sys.argv[2]); os.dup2(a, 3); "
              "os.dup2(b, 4); os.close(a); os.close(b); os.execv(sys.argv[3], sys.argv[3:])")


def high_fd(fd: int) -> int:
    """``fd`` moved to 10 or above, clear of 3 and 4 where the child wants its copies."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class DevTools:
    """One headless Chromium spoken to over ``--remote-debugging-pipe``."""

    def __init__(self, binary: str, profile: Path, log: Path) -> None:
        theirs_in, self._out = map(high_fd, os.pipe())
        self._in, theirs_out = map(high_fd, os.pipe())
        # Chromium reads commands from fd 3 and writes replies and events to fd 4.
        with open(log, "wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-c", AT_3_AND_4, str(theirs_in), str(theirs_out),
                 binary, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}",
                 "about:blank"],
                pass_fds=(theirs_in, theirs_out), stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=stderr)
        os.close(theirs_in)
        os.close(theirs_out)
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        """Send a command and wait for its result (events that arrive meanwhile are kept)."""
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + SECONDS
        while True:
            reply = self._receive(deadline)
            if "id" not in reply:
                self.events.append(reply)
            elif reply["id"] == self._last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def wait_for(self, method: str, session: str, start: int) -> dict[str, Any]:
        """The first event ``method`` of ``session`` from ``self.events[start]`` on."""
        deadline = time.monotonic() + SECONDS
        while True:
            for event in self.events[start:]:
                if event["method"] == method and event.get("sessionId") == session:
                    return event["params"]
            start = len(self.events)
            self.events.append(self._receive(deadline))

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("Chromium did not answer in time")
            if select.select([self._in], [], [], remaining)[0]:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise EOFError(f"Chromium closed its pipe (exit {self.process.poll()})")
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.process.wait(timeout=10)
        except (OSError, RuntimeError, TimeoutError, EOFError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(timeout=10)
        finally:
            os.close(self._in)
            os.close(self._out)


class Tab:
    """A page in its own target: what it logged as errors and every URL it requested."""

    def __init__(self, devtools: DevTools) -> None:
        self.devtools = devtools
        target = devtools.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = devtools.call(
            "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.first_event = len(devtools.events)
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.devtools.call(method, params, self.session)

    def open(self, url: str) -> None:
        start = len(self.devtools.events)
        reply = self.call("Page.navigate", {"url": url})
        assert "errorText" not in reply, reply
        self.devtools.wait_for("Page.loadEventFired", self.session, start)

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": True})
        assert "exceptionDetails" not in reply, reply["exceptionDetails"]
        return reply["result"].get("value")

    def wait_until(self, expression: str) -> Any:
        """The value of ``expression`` once it is truthy (polled)."""
        deadline = time.monotonic() + SECONDS
        while not (value := self.evaluate(expression)):
            assert time.monotonic() < deadline, f"never true: {expression}"
            time.sleep(0.05)
        return value

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element ``selector`` (scrolled into view)."""
        box = self.evaluate(f"""(() => {{
            const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: "center"}});
            const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    def click_and_load(self, selector: str) -> None:
        start = len(self.devtools.events)
        self.click(selector)
        self.devtools.wait_for("Page.loadEventFired", self.session, start)

    def screenshot(self) -> bytes:
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"})["data"])

    def _events(self, method: str) -> Iterator[dict[str, Any]]:
        for event in self.devtools.events[self.first_event:]:
            if event["method"] == method and event.get("sessionId") == self.session:
                yield event["params"]

    def errors(self) -> list[str]:
        """Uncaught exceptions, console.error calls and browser errors (failed loads, CSP...)."""
        found = [f"exception: {e['exceptionDetails'].get('exception', {}).get('description')}"
                 for e in self._events("Runtime.exceptionThrown")]
        found += [f"console.{c['type']}: {[a.get('value') for a in c['args']]}"
                  for c in self._events("Runtime.consoleAPICalled")
                  if c["type"] in ("error", "assert")]
        found += [f"{e['entry']['source']}: {e['entry']['text']} {e['entry'].get('url', '')}"
                  for e in self._events("Log.entryAdded") if e["entry"]["level"] == "error"]
        return found

    def requests(self) -> list[str]:
        return [r["request"]["url"] for r in self._events("Network.requestWillBeSent")]


@pytest.fixture(scope="module")
def devtools(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    folder = tmp_path_factory.mktemp("chromium")
    browser = DevTools(chromium, folder / "profile", folder / "chromium.log")
    try:
        yield browser
    finally:
        browser.close()


def only_local(site: Settings, urls: list[str]) -> list[str]:
    """The URLs that went anywhere but the server under test (data: URLs stay in the page)."""
    return [u for u in urls if not u.startswith((site.base + "/", "data:"))]


# -- the tests -----------------------------------------------------------------------------------

def test_home_page(chromium: str, site: Settings, tmp_path: Path):
    dom = dump_dom(chromium, tmp_path / "profile", site.base + "/")
    stats = sparql_select(site.base, "PREFIX schema: <http://schema.org/> SELECT (COUNT(?a) AS ?n)"
                                     " WHERE { ?a a schema:NewsArticle }")
    assert dom.texts["h1"] == [dom.texts["title"][0]]
    assert stats[0]["n"] in dom.texts["dd"]
    examples = [href for href, _ in dom.links if href.startswith(site.base + "/id/")]
    assert {href.split("/")[4] for href in examples} == {
        "article", "person", "organization", "place"}
    for href, text in dom.links:
        if href.startswith(site.base + "/id/"):
            final, page = get_html(href)
            assert final == href.replace("/id/", "/doc/")
            assert page.texts["h1"] == [text]


def test_article_page(chromium: str, site: Settings, article: Article, tmp_path: Path):
    dom = dump_dom(chromium, tmp_path / "profile", article.iri)  # 303 to /doc/, followed
    assert dom.texts["h1"] == [article.headline]
    links = dict(dom.links)
    for iri, name in article.authors.items():
        assert links.get(iri) == name
    first_paragraph = article.body.split("\n")[0]
    assert " ".join(first_paragraph.split()) in dom.texts["p"]
    assert "Named in this article" in dom.texts["h2"]
    for iri, name in article.mentioned.items():  # every mention is a link that dereferences
        assert links.get(iri) == name, iri
        final, page = get_html(iri)
        assert final == iri.replace("/id/", "/doc/")
        assert page.texts["h1"] == [name]
    (block,) = dom.scripts["application/ld+json"]
    assert article.headline in json.dumps(json.loads(block), ensure_ascii=False)


def test_article_screenshot(chromium: str, article: Article, tmp_path: Path):
    shot = tmp_path / "article.png"
    run_chromium(chromium, tmp_path / "profile", f"--screenshot={shot}", article.iri)
    assert_real_screenshot(shot.read_bytes())


def test_entity_page_reached_by_clicking(devtools: DevTools, site: Settings, article: Article):
    tab = Tab(devtools)
    tab.open(article.iri)
    person = next(iri for iri in article.mentioned if "/id/person/" in iri)
    tab.click_and_load(f'main section a[href="{person}"]')
    assert tab.evaluate("location.href") == person.replace("/id/", "/doc/")
    assert tab.evaluate("document.querySelector('h1').textContent") == article.mentioned[person]
    listed = tab.evaluate("[...document.querySelectorAll('main ul a')].map(a => a.href)")
    assert article.iri in listed
    assert tab.evaluate("""[...document.querySelectorAll('script[type="application/ld+json"]')]
                           .map(s => typeof JSON.parse(s.textContent)).join()""") == "object"
    assert tab.errors() == []
    assert only_local(site, tab.requests()) == []


def test_query_page_runs_an_example(devtools: DevTools, site: Settings, tmp_path: Path):
    tab = Tab(devtools)
    tab.open(site.base + "/sparql")
    examples = json.loads(tab.evaluate("document.getElementById('examples').textContent"))
    assert len(examples) >= 3
    assert tab.evaluate("document.querySelectorAll('[data-example]').length") == len(examples)
    tab.click('[data-example="0"]')
    rows = tab.wait_until("document.querySelectorAll('#results tbody tr').length")
    assert rows > 0
    assert tab.evaluate("document.getElementById('query').value") == examples[0]["text"]
    status = tab.evaluate("document.getElementById('status').textContent")
    assert status.startswith(f"{rows} row"), status
    assert tab.evaluate("document.getElementById('status').className") == ""
    headers = tab.evaluate("[...document.querySelectorAll('#results th')].map(t => t.textContent)")
    assert headers and all(h.startswith("?") for h in headers)
    assert tab.errors() == []
    requests = tab.requests()
    assert any(u.endswith("/static/sparql.js") for u in requests)
    assert any(u == site.base + "/sparql" for u in requests)  # the query's POST
    assert only_local(site, requests) == []
    shot = tmp_path / "sparql.png"
    shot.write_bytes(tab.screenshot())
    assert_real_screenshot(shot.read_bytes())
