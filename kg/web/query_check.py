"""What the endpoint must know about a query before running it: SERVICE, and a dataset clause.

``SERVICE`` makes pyoxigraph call other servers, so it is refused; a keyword match is not
enough (``\\u0053ERVICE`` spells it too, and a literal may say "service"), so suspicious queries
are parsed. ``FROM`` / ``FROM NAMED`` must be honoured, but pyoxigraph ignores them when asked
to use the union of named graphs as default graph, so the caller needs to know whether the query
has them.

Both words are rare: most queries never reach the (pure Python, ~10 ms) parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_FROM = re.compile(r"\bfrom\b")


class Refused(ValueError):
    """The query asks for something this endpoint does not do (the message says what)."""


def decode_escapes(query: str) -> str:
    """SPARQL's ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes, which apply before parsing (§19.2)."""
    if "\\u" not in query and "\\U" not in query:
        return query

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _ESCAPE.sub(char, query)


def has_dataset(query: str) -> bool:
    """Whether the query has FROM / FROM NAMED; raises :class:`Refused` if it uses SERVICE."""
    text = decode_escapes(query).lower()
    maybe_service = "service" in text
    if not maybe_service and not _FROM.search(text):
        return False
    parsed = _parse(query, must_parse=maybe_service)
    if parsed is None:
        return False  # not a query rdflib understands: pyoxigraph will say what is wrong
    if any(_named(node, "ServiceGraphPattern") for node in _walk(parsed)):
        raise Refused("SERVICE is not allowed: this endpoint only queries its own data")
    return "datasetClause" in parsed[1]


def _parse(query: str, *, must_parse: bool) -> Any:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return parseQuery(query)
    except (ParseException, ValueError, TypeError) as exc:
        if must_parse:
            # Unparsed, it cannot be shown free of SERVICE; say why instead of running it.
            raise Refused(f"the query mentions SERVICE, which is not allowed, and could not be "
                          f"checked: {_short(exc)}") from None
        return None


def _walk(node: Any) -> Iterator[Any]:
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, dict):  # rdflib's CompValue is an OrderedDict
            stack.extend(item.values())
        elif isinstance(item, list | tuple) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def _named(node: Any, name: str) -> bool:
    return getattr(node, "name", None) == name and isinstance(node, dict)


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
