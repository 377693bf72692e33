"""Reading a SPARQL 1.1 Protocol request: the query, its dataset, the formats asked for.

GET ``?query=``, POST form, POST ``application/sparql-query``; updates are refused (read-only);
unknown parameters are ignored, and the ``format``/``output`` parameters SPARQLWrapper, Virtuoso
and Joseki send override ``Accept``.
"""

from __future__ import annotations

from functools import lru_cache

from flask import request
from werkzeug.datastructures import CombinedMultiDict, MIMEAccept, MultiDict
from werkzeug.http import parse_accept_header

from kg.formats import GRAPHS, RESULTS, Format, by_media_type, by_name
from kg.web.represent import negotiate

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


class ProtocolError(Exception):
    """A request the protocol does not allow: status and message for the client."""

    def __init__(self, status: int, title: str, detail: str, retry_after: int | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.retry_after = retry_after


def read_request(limit: int) -> tuple[str | None, MultiDict[str, str]]:
    """The query (None for a GET without one) and every protocol parameter of the request;
    ``limit``: the longest query accepted, in bytes."""
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


def answer_formats(params: MultiDict[str, str]) -> tuple[Format | None, Format | None]:
    """The format for query results and the one for graphs (None: the client accepts none)."""
    asked = tuple(params.getlist("format") + params.getlist("output"))
    return _formats_for(request.headers.get("Accept"), asked)


@lru_cache(maxsize=256)  # clients send few distinct Accept headers: parse each once
def _formats_for(accept: str | None, asked: tuple[str, ...]) -> tuple[Format | None,
                                                                     Format | None]:
    parsed = parse_accept_header(accept, MIMEAccept)
    chosen = []
    for group in (RESULTS, GRAPHS):
        found = override(list(asked), group)
        if found is None:
            negotiated = negotiate(group, parsed)
            found = negotiated[0] if negotiated else None
        chosen.append(found)
    return chosen[0], chosen[1]


def override(values: list[str], group: tuple[Format, ...]) -> Format | None:
    """The first ``format``/``output`` value that names a format of ``group``, if any."""
    names, types = by_name(group), by_media_type(group)
    for value in values:
        key = value.strip().lower()
        found = names.get(key) or types.get(key.split(";")[0].strip())
        if found:
            return found
    return None
