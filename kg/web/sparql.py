"""The ``/sparql`` endpoint: SPARQL 1.1 Protocol, read-only, with limits.

One handler serves GET, POST form and POST ``application/sparql-query``. The query runs in a
query process (:mod:`kg.sparql.pool`) on the snapshot this request reads; this module only
reads the request, negotiates the format and turns the reply into a response. ``GET /sparql``
without a query answers a service description, or the query page for browsers.

Truncation: when a result has more than ``max_rows`` rows (or triples), the first ``max_rows``
are sent with the header ``Newskg-Truncated: true`` (and ``Newskg-Row-Limit``); SPARQL JSON
results also carry a top-level ``"truncated": true``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from flask import Blueprint, Flask, Response, current_app, render_template, request
from flask.blueprints import BlueprintSetupState
from werkzeug.datastructures import CombinedMultiDict, MultiDict

from kg import queries
from kg.sparql.pool import PerProcessPool, QueryUnavailable
from kg.web import app as web
from kg.web import service_description
from kg.web import sparql_formats as formats
from kg.web.negotiation import choose
from kg.web.represent import client_has, etag
from kg.web.site import site

blueprint = Blueprint("sparql", __name__)

POOL = "newskg.query_pool"
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
TRUNCATED = "Newskg-Truncated"
ROW_LIMIT = "Newskg-Row-Limit"
# Absolute filesystem paths, but not the paths inside IRIs (http://host/a/b).
_PATH = re.compile(r"(?<![\w:/.~-])/(?:[\w.~-]+/)+[\w.~-]*")


class ProtocolError(Exception):
    """A request the protocol does not allow: status and message for the client."""

    def __init__(self, status: int, title: str, detail: str):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


@blueprint.record_once
def _setup(state: BlueprintSetupState) -> None:
    settings = state.app.config["NEWSKG"]
    state.app.extensions[POOL] = PerProcessPool(
        settings.query_processes, timeout=settings.query_timeout,
        memory_mb=settings.query_memory_mb, wait=settings.query_wait,
    )


def close_pool(app: Flask) -> None:
    """Stop the app's query processes (tests; gunicorn workers stop them at exit)."""
    app.extensions[POOL].close()


@blueprint.errorhandler(ProtocolError)
def _protocol_error(exc: ProtocolError) -> tuple[Response, int]:
    return web.error_response(exc.status, exc.title, exc.detail)


@blueprint.route("/sparql", methods=["GET", "POST", "OPTIONS"], provide_automatic_options=False)
def endpoint() -> Response:
    if request.method == "OPTIONS":
        return _preflight()
    query, params = _read_request()
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


def _read_request() -> tuple[str | None, MultiDict[str, str]]:
    """The query (None for a GET without one) and every protocol parameter of the request."""
    limit = web.settings().max_query_bytes
    if request.method == "GET":
        _refuse_update(request.args)
        query = _one(request.args, "query")
        if query is not None and len(query.encode()) > limit:
            raise ProtocolError(414, "URI Too Long",
                                f"the query is longer than {limit} bytes; POST it instead")
        return query, request.args
    mimetype = request.mimetype
    if mimetype == UPDATE:
        _refuse_update(MultiDict({"update": ""}))
    if mimetype not in (FORM, QUERY):
        raise ProtocolError(415, "Unsupported Media Type",
                            f"POST a query as {FORM} (query=...) or as {QUERY}")
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ProtocolError(415, "Unsupported Media Type", "queries must be sent as UTF-8")
    if mimetype == FORM:
        params: MultiDict[str, str] = CombinedMultiDict([request.args, request.form])
        _refuse_update(params)
        query = _one(params, "query")
        if query is None:
            raise ProtocolError(400, "Bad Request", "the form has no query parameter")
    else:
        _refuse_update(request.args)
        if "query" in request.args:
            raise ProtocolError(400, "Bad Request",
                                f"a {QUERY} request carries its query in the body only")
        params = request.args
        try:
            query = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError(400, "Bad Request", "the query is not valid UTF-8") from None
    if len(query.encode()) > limit:
        raise ProtocolError(413, "Content Too Large", f"the query is longer than {limit} bytes")
    return query, params


def _one(params: MultiDict[str, str], name: str) -> str | None:
    values = params.getlist(name)
    if len(values) > 1:
        raise ProtocolError(400, "Bad Request", f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def _refuse_update(params: MultiDict[str, str]) -> None:
    if "update" in params or "using-graph-uri" in params or "using-named-graph-uri" in params:
        raise ProtocolError(403, "Forbidden",
                            "this endpoint is read-only: SPARQL Update is not accepted")


def _negotiate(params: MultiDict[str, str]) -> tuple[formats.Format | None,
                                                     formats.Format | None]:
    """The format for query results and the one for graphs (None: the client accepts none)."""
    asked = tuple(params.getlist("format") + params.getlist("output"))
    return _formats_for(request.headers.get("Accept"), asked)


@lru_cache(maxsize=256)  # clients send few distinct Accept headers: parse each once
def _formats_for(accept: str | None, asked: tuple[str, ...]) -> tuple[formats.Format | None,
                                                                     formats.Format | None]:
    chosen = []
    for names, table, default in ((formats.RESULT_NAMES, formats.RESULTS, formats.JSON),
                                  (formats.GRAPH_NAMES, formats.GRAPHS, formats.TURTLE)):
        found = formats.override(list(asked), names, table)
        if found is None:
            media = choose(accept, list(table), default.media_type)
            found = table[media] if media else None
        chosen.append(found)
    return chosen[0], chosen[1]


def _answer(query: str, params: MultiDict[str, str]) -> Response:
    results_format, graph_format = _negotiate(params)
    if results_format is None and graph_format is None:
        raise _not_acceptable(formats.canonical(formats.RESULTS) +
                              formats.canonical(formats.GRAPHS))
    settings = web.settings()
    snapshot = web.view().snapshot
    default = params.getlist("default-graph-uri")
    named = params.getlist("named-graph-uri")
    dataset_given = bool(default or named)
    key = (query, tuple(default), tuple(named), results_format and results_format.name,
           graph_format and graph_format.name)
    # Tags name the snapshot, the query, its dataset and the format; only on GET: a cache may
    # replay a GET, never a POST.
    tag = etag(snapshot.name, repr(key)) if request.method == "GET" else None
    if tag and client_has(tag):
        return _finish(Response(status=304), tag)
    answer = web.answers().get(snapshot.name, key)
    if answer is None:
        answer = _run({
            "query": query,
            "store": str(snapshot.store_path),
            "base": settings.base,
            "default_graphs": default if dataset_given else None,
            "named_graphs": named if dataset_given else None,
            "results_format": results_format.name if results_format else None,
            "graph_format": graph_format.name if graph_format else None,
            "max_rows": settings.max_rows,
        })
        if isinstance(answer, Response):
            return answer
        web.answers().put(snapshot.name, key, answer, len(answer[1]) + len(query))
    head, body = answer
    fmt = (graph_format if head["kind"] == "graph" else results_format)
    assert fmt is not None
    response = Response(body, content_type=fmt.content_type)
    if head["truncated"]:
        response.headers[TRUNCATED] = "true"
        response.headers[ROW_LIMIT] = str(settings.max_rows)
    return _finish(response, tag)


def _run(job: dict[str, Any]) -> tuple[dict[str, Any], bytes] | Response:
    """The query process's answer, a 503 response when it could not answer, or a raised error."""
    try:
        head, body = current_app.extensions[POOL].get().run(job)
    except QueryUnavailable as exc:
        response, status = web.error_response(503, "Service Unavailable", str(exc))
        if exc.retry_after:
            response.headers["Retry-After"] = str(exc.retry_after)
        response.status_code = status
        return response
    error = head.get("error")
    if error == "not_acceptable":
        table = formats.RESULTS if head["kind"] == "results" else formats.GRAPHS
        raise _not_acceptable(formats.canonical(table))
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


def _not_acceptable(offered: list[str]) -> ProtocolError:
    return ProtocolError(406, "Not Acceptable",
                         "none of the accepted types is offered; offered: " + ", ".join(offered))


def _describe() -> Response:
    offers = [*service_description.MEDIA_TYPES, "text/html"]
    media = choose(request.headers.get("Accept"), offers, service_description.DEFAULT)
    if media is None:
        raise _not_acceptable(offers)
    settings = web.settings()
    if media == "text/html":
        examples = [{"title": q.title, "description": q.description, "text": q.bind()}
                    for q in queries.catalogue()]
        response = Response(render_template(
            "sparql.html", examples=examples, settings=settings, site=site(), alternates=(),
            canonical=None), content_type="text/html")
    else:
        body = service_description.describe(settings, web.view().snapshot, media)
        response = Response(body, content_type=media)
    response.headers["Vary"] = "Accept"
    return response
