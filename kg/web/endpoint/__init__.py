"""The ``/sparql`` endpoint: SPARQL 1.1 Protocol, read-only, with limits.

One handler serves GET, POST form and POST ``application/sparql-query``
(:mod:`~kg.web.endpoint.protocol` reads them). The query runs in a query process
(:mod:`kg.sparql.pool`) on the snapshot this request reads; this module turns the reply into a
response. ``GET /sparql`` without a query answers a service description
(:mod:`~kg.web.endpoint.description`), or the query page for browsers.

Truncation: when a result has more than ``max_rows`` rows (or triples), the first ``max_rows``
are sent with the header ``Newskg-Truncated: true`` (and ``Newskg-Row-Limit``); SPARQL JSON
results also carry a top-level ``"truncated": true``.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Flask, Response, current_app, render_template, request
from werkzeug.datastructures import MultiDict

from kg import queries
from kg.formats import GRAPHS, HTML, RESULTS, Format, named
from kg.settings import Settings
from kg.sparql.pool import PerProcessPool, QueryPool, QueryUnavailable
from kg.web.context import ROW_LIMIT, TRUNCATED, answers, error_response, settings, site, view
from kg.web.endpoint import description
from kg.web.endpoint.protocol import ProtocolError, answer_formats, read_request
from kg.web.limits import query_slot
from kg.web.represent import client_has, etag, negotiate

blueprint = Blueprint("endpoint", __name__)

_POOL = "newskg.query_pool"
# Absolute filesystem paths, but not the paths inside IRIs (http://host/a/b).
_PATH = re.compile(r"(?<![\w:/.~-])/(?:[\w.~-]+/)+[\w.~-]*")


def install(app: Flask, config: Settings) -> None:
    """Give ``app`` its query processes (started in each worker on its first query)."""
    app.extensions[_POOL] = PerProcessPool(
        config.query_processes, timeout=config.query_timeout,
        memory_mb=config.query_memory_mb, wait=config.query_wait,
    )


def pool(app: Flask) -> QueryPool:
    """The query processes of ``app`` in this process."""
    return app.extensions[_POOL].get()


def close(app: Flask) -> None:
    """Stop the app's query processes (tests; gunicorn workers stop them at exit)."""
    app.extensions[_POOL].close()


@blueprint.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError) -> tuple[Response, int]:
    response, status = error_response(exc.status, exc.title, exc.detail)
    if exc.retry_after:
        response.headers["Retry-After"] = str(exc.retry_after)
    return response, status


@blueprint.route("/sparql", methods=["GET", "POST", "OPTIONS"], provide_automatic_options=False)
def endpoint() -> Response:
    if request.method == "OPTIONS":
        return _preflight()
    query, params = read_request(settings().max_query_bytes)
    if query is None:
        return _describe()
    return _answer(query, params)


def _preflight() -> Response:
    response = Response(status=204)
    response.headers["Allow"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response.headers["Access-Control-Max-Age"] = "86400"
    return response


def _answer(query: str, params: MultiDict[str, str]) -> Response:
    results_format, graph_format = answer_formats(params)
    if results_format is None and graph_format is None:
        raise _not_acceptable(RESULTS, GRAPHS)
    config = settings()
    snapshot = view().snapshot
    default = params.getlist("default-graph-uri")
    named_graphs = params.getlist("named-graph-uri")
    dataset_given = bool(default or named_graphs)
    key = (query, tuple(default), tuple(named_graphs), results_format and results_format.name,
           graph_format and graph_format.name)
    # Tags name the snapshot, the query, its dataset and the format; only on GET: a cache may
    # replay a GET, never a POST.
    tag = etag(snapshot.name, repr(key)) if request.method == "GET" else None
    if tag and client_has(tag):
        return _finish(Response(status=304), tag)
    answer = answers().get(snapshot.name, key)
    if answer is None:
        with query_slot():
            answer = _run({
                "query": query,
                "store": str(snapshot.store_path),
                "base": snapshot.base,
                "default_graphs": default if dataset_given else None,
                "named_graphs": named_graphs if dataset_given else None,
                "results_format": results_format.name if results_format else None,
                "graph_format": graph_format.name if graph_format else None,
                "max_rows": config.max_rows,
            })
        answers().put(snapshot.name, key, answer, len(answer[1]) + len(query))
    head, body = answer
    # The query process answered in one of the formats it was given: the kind says which.
    fmt = named(GRAPHS if head["kind"] == "graph" else RESULTS, head["format"])
    response = Response(body, content_type=fmt.content_type())
    if head["truncated"]:
        response.headers[TRUNCATED] = "true"
        response.headers[ROW_LIMIT] = str(config.max_rows)
    return _finish(response, tag)


def _run(job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The query process's answer; :class:`ProtocolError` (a 503 when it could not answer)."""
    try:
        head, body = pool(current_app).run(job)
    except QueryUnavailable as exc:
        raise ProtocolError(503, "Service Unavailable", str(exc), exc.retry_after) from None
    error = head.get("error")
    if error == "not_acceptable":
        raise _not_acceptable(RESULTS if head["kind"] == "results" else GRAPHS)
    if error in ("syntax", "refused", "bad_request"):
        raise ProtocolError(400, "Bad Request", _PATH.sub("…", head["message"]))
    if error:
        raise ProtocolError(500, "Internal Server Error", "the server could not answer")
    return head, body


def _finish(response: Response, tag: str | None) -> Response:
    response.headers["Vary"] = "Accept"
    if tag:
        response.set_etag(tag)
        # Clients and caches may keep the answer, and ask whether it still holds (304).
        response.headers["Cache-Control"] = "public, no-cache"
    return response


def _not_acceptable(*groups: tuple[Format, ...]) -> ProtocolError:
    offered = [fmt.media_type for group in groups for fmt in group]
    return ProtocolError(406, "Not Acceptable",
                         "none of the accepted types is offered; offered: " + ", ".join(offered))


_DESCRIPTIONS: tuple[Format, ...] = (*GRAPHS, HTML)


def _describe() -> Response:
    chosen = negotiate(_DESCRIPTIONS)
    if chosen is None:
        raise _not_acceptable(_DESCRIPTIONS)
    fmt = chosen[0]
    config = settings()
    if fmt is HTML:
        examples = [{"title": q.title, "description": q.description, "text": q.bind()}
                    for q in queries.catalogue()]
        response = Response(render_template(
            "sparql.html", examples=examples, settings=config, site=site(), alternates=(),
            canonical=None), content_type=HTML.content_type())
    else:
        body = description.describe(config, view().snapshot, fmt)
        response = Response(body, content_type=fmt.content_type())
    response.headers["Vary"] = "Accept"
    return response
