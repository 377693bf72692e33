"""What every part of the web tier shares: the snapshot a request reads, the settings, the answer
cache, error responses, and the frame every HTML page shows.

Blueprints import from here, never from the app factory (:mod:`kg.web.app`), which imports them.
Each request takes one :class:`View` at its start and uses it throughout, so every response comes
from one consistent snapshot. When ``snapshots/CURRENT`` names a newer snapshot, the next request
opens it (~15 ms); requests under way keep the view they hold.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, Response, current_app, g, jsonify, render_template, request

from kg.formats import DOCUMENTS, HTML
from kg.settings import Settings
from kg.snapshots import CURRENT, Snapshot, SnapshotError, current
from kg.store import Store, open_store
from kg.web.cache import AnswerCache

# Said on a response that holds less than was asked for: SPARQL results past the row cap, an
# entity document that lists fewer articles than name it.
TRUNCATED = "Newskg-Truncated"
ROW_LIMIT = "Newskg-Row-Limit"
# Headers scripts on other sites may read (CORS): what tells them a result was cut or must wait.
EXPOSED = ("ETag", "Link", "Content-Disposition", "Retry-After", "Vary", TRUNCATED, ROW_LIMIT)

_PUBLISHED = "newskg.published"
_ANSWERS = "newskg.answers"


class NotPublished(Exception):
    """Nothing can be served: nothing is published yet, or the current snapshot is unreadable."""


@dataclass(frozen=True)
class View:
    snapshot: Snapshot
    store: Store


class Published:
    """Follows ``snapshots/CURRENT``; cheap to ask on every request (one ``stat``). Each
    snapshot's store is opened under the base its IRIs were minted under."""

    def __init__(self, snapshots_dir: Path):
        self.snapshots_dir = snapshots_dir
        self._lock = threading.Lock()
        self._view: View | None = None
        self._stamp: tuple[int, int] | None = None

    def view(self) -> View:
        try:
            st = (self.snapshots_dir / CURRENT).stat()
            stamp = (st.st_mtime_ns, st.st_ino)
        except OSError:
            stamp = None
        if self._view is not None and stamp == self._stamp:
            return self._view
        with self._lock:
            if self._view is None or stamp != self._stamp:
                try:
                    snapshot = current(self.snapshots_dir)
                except SnapshotError:
                    raise NotPublished("the published snapshot cannot be read") from None
                if snapshot is None:
                    raise NotPublished("nothing is published yet")
                if self._view is None or snapshot.name != self._view.snapshot.name:
                    store = open_store(snapshot.store_path, snapshot.base, read_only=True)
                    self._view = View(snapshot, store)
                self._stamp = stamp
            return self._view


def install(app: Flask, config: Settings) -> None:
    """Set up what :func:`view`, :func:`answers` and :func:`settings` read, for one app."""
    app.config["NEWSKG"] = config
    app.extensions[_PUBLISHED] = Published(config.snapshots_dir)
    app.add_template_filter(here)
    # Three quarters of the cache for answers, a quarter for their gzipped bodies.
    app.extensions[_ANSWERS] = AnswerCache(config.cache_mb * 2**20 * 3 // 4)


def view() -> View:
    """The published snapshot this request reads from (taken once per request)."""
    if "newskg_view" not in g:
        g.newskg_view = current_app.extensions[_PUBLISHED].view()
    return g.newskg_view


def answers() -> AnswerCache:
    """This worker's cache of answers to repeated requests (see :mod:`kg.web.cache`)."""
    return current_app.extensions[_ANSWERS]


def settings() -> Settings:
    return current_app.config["NEWSKG"]


def error_response(status: int, title: str, detail: str) -> tuple[Response, int]:
    """An error as JSON, or as a page for a client that prefers HTML (a browser); never a
    traceback or a filesystem path."""
    accept = request.accept_mimetypes
    if accept and accept.best_match(("application/json", "text/html")) == "text/html":
        page = render_template("error.html", status=status, title=title, detail=detail,
                               site=_frame(), alternates=(), canonical=None)
        return Response(page, content_type="text/html; charset=utf-8"), status
    return jsonify({"error": title, "status": status, "detail": detail}), status


def title(config: Settings) -> str:
    """The dataset's title."""
    return f"{config.publisher_name} news knowledge graph"


def base() -> str:
    """The base IRI of the data this request reads (recorded with it; see :mod:`kg.folder`)."""
    return view().snapshot.base


def here(iri: str) -> str:
    """A link to ``iri`` that works where the client is: an IRI of this dataset becomes the path
    of its page on this server (on any host and port, under a trusted proxy's prefix);
    any other IRI stays as it is. Documents state canonical IRIs; pages and redirects link here.
    """
    data = base()
    if iri == data or iri.startswith((data + "/", data + "#")):
        return request.script_root + iri[len(data):] or "/"
    return iri


@dataclass(frozen=True)
class Site:
    """What every HTML page shows around its content."""

    title: str
    base: str  # the canonical base IRI, to show
    root: str  # where this server's pages are for the client: the prefix of every link
    snapshot: str
    license: str


@dataclass(frozen=True)
class Alternate:
    """A data variant of a page, for ``<link rel="alternate">`` and the page footer."""

    href: str
    media_type: str
    label: str


def site() -> Site:
    config = settings()
    return Site(title(config), base(), request.script_root, view().snapshot.name,
                config.license)


def _frame() -> Site:
    """The page frame, even when nothing can be served (an error page before any publish)."""
    try:
        return site()
    except NotPublished:
        config = settings()
        return Site(title(config), config.base, request.script_root, "", config.license)


def alternates(canonical: str) -> list[Alternate]:
    return [Alternate(here(f"{canonical}.{f.suffix}"), f.media_type, f.label)
            for f in DOCUMENTS if f is not HTML]
