"""What one client may take from a worker: a rate of requests, requests in flight, queries.

Clients are told apart by their address (a trusted proxy's ``X-Forwarded-For`` once ProxyFix
has read it, see :mod:`kg.web.app`); each worker counts for itself. Over a limit, the answer is
``429 Too Many Requests`` with ``Retry-After``. ``/health`` and static files are never limited.

- The rate (Flask-Limiter, moving window): ``NEWSKG_RATE_LIMIT`` a second, twice as many in any
  one second.
- Requests in flight (``NEWSKG_CLIENT_REQUESTS``): a request holds a Python thread from its
  headers to its last byte, however slowly its client sends the body or reads the answer; a
  client held to a few cannot take every thread from the others.
- Queries running (``NEWSKG_CLIENT_QUERIES``): a client's heavy queries cannot take every query
  process from the others.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import TooManyRequests
from werkzeug.wsgi import ClosingIterator

from kg.settings import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

_REQUESTS = "newskg.requests_in_flight"
_COUNTED = "newskg.counted"  # in a request's environ: the client it was counted for
_QUERIES = "newskg.queries_running"
_NEVER_LIMITED = ("site.health", "static")


class TooMany(TooManyRequests):
    """A client over one of its limits: 429, with Retry-After."""

    def __init__(self, description: str, retry_after: int = 1):
        super().__init__(description, retry_after=retry_after)


class Counted:
    """How many of something each client holds in this worker, at most ``cap`` at once (no
    limit with 0)."""

    def __init__(self, cap: int, what: str):
        self.cap, self.what = cap, what
        self._lock = threading.Lock()
        self._held: Counter[str] = Counter()

    def take(self, client: str) -> None:
        with self._lock:
            if self.cap and self._held[client] >= self.cap:
                raise TooMany(f"this client already has {self.cap} {self.what} here; wait for "
                              "them to finish")
            self._held[client] += 1

    def give_back(self, client: str) -> None:
        with self._lock:
            self._held[client] -= 1
            if self._held[client] <= 0:
                del self._held[client]

    def holding(self, client: str) -> int:
        with self._lock:
            return self._held[client]

    @contextmanager
    def held(self, client: str) -> Iterator[None]:
        self.take(client)
        try:
            yield
        finally:
            self.give_back(client)


def install(app: Flask, settings: Settings) -> None:
    """Put ``settings``' limits on ``app``."""
    if settings.rate_limit:
        per_second = settings.rate_limit
        Limiter(get_remote_address, app=app, strategy="moving-window", storage_uri="memory://",
                application_limits=[f"{2 * per_second} per second",
                                    f"{10 * per_second} per 10 seconds"],
                application_limits_exempt_when=lambda: request.endpoint in _NEVER_LIMITED,
                headers_enabled=True)
    app.extensions[_QUERIES] = Counted(settings.client_queries, "queries running")
    requests = app.extensions[_REQUESTS] = Counted(settings.client_requests,
                                                   "requests in flight")

    @app.before_request
    def _count_in() -> None:
        if request.endpoint not in _NEVER_LIMITED:
            requests.take(client())
            request.environ[_COUNTED] = client()

    app.wsgi_app = _CountedOut(app.wsgi_app, requests)  # type: ignore[method-assign]


class _CountedOut:
    """Gives a counted request back when the server closes its answer: after its last byte,
    whatever the answer is (a file, a stream) and however it ended."""

    def __init__(self, app: WSGIApplication, requests: Counted):
        self.app, self.requests = app, requests

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse
                 ) -> Iterable[bytes]:
        def give_back() -> None:
            counted = environ.pop(_COUNTED, None)
            if counted is not None:
                self.requests.give_back(counted)

        try:
            answer = self.app(environ, start_response)
        except BaseException:
            give_back()
            raise
        return ClosingIterator(answer, give_back)


def client() -> str:
    """The address this request comes from (after a trusted proxy's, see the module)."""
    return request.remote_addr or ""


def query_slot() -> Iterator[None]:
    """Hold one of this client's query slots while a query runs (a context manager)."""
    return current_app.extensions[_QUERIES].held(client())
