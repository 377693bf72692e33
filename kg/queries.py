"""The canned queries newskg ships (``queries/``): their headers, parameters and text.

Each ``queries/NAME.rq`` is a complete query that runs as it is: sent to ``/sparql`` unchanged,
it means what ``kg query NAME`` means. It starts with a comment header::

    # title: Articles mentioning a person
    # description: The newest articles that mention a person, with their dates.
    # param: entity | IRI of the person, organisation or place

and each parameter is a variable bound by a ``VALUES`` line that holds its default (parameters
are not projected)::

    VALUES ?entity { <id/person/wang-yi> }

``kg query NAME -p entity=...`` and the query page write the value given (else the default) in
place of the variable, as a constant. A value is a SPARQL term: an IRI in ``<...>`` (relative
IRIs resolve against the base IRI), a quoted literal or a number; a bare ``http(s)://`` IRI is
wrapped in angle brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg import bundled

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*\|\s*(.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A term we accept as a parameter value: an IRI, a quoted literal (with optional tag or type), or
# a number. Anything else could change the query's structure.
_TERM = re.compile(
    r'^(<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z-]+|\^\^<[^<>\s]*>)?|-?\d+(?:\.\d+)?)$'
)


class QueryError(ValueError):
    """A canned query or parameter cannot be used."""


@dataclass(frozen=True)
class Param:
    name: str
    default: str
    help: str


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default=())

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query with each parameter's value (given, else its default) written in as a
        constant: what the file means with its VALUES blocks, without the join they cost the
        engine (measured at 10,000 articles: person-roles 17 ms against 27, search-headlines
        112 against 179)."""
        values = values or {}
        unknown = set(values) - {p.name for p in self.params}
        if unknown:
            raise QueryError(f"{self.name} has no parameter {', '.join(sorted(unknown))}")
        text = self.text
        for param in self.params:
            term = as_term(values.get(param.name, param.default))
            text = _values(param.name).sub("", text)
            text = re.sub(rf"\?{param.name}\b", lambda _m, t=term: t, text)
        return text


def _values(name: str) -> re.Pattern[str]:
    """The line ``VALUES ?name { default }`` of a parameter, its default as group 1."""
    return re.compile(rf"^[ \t]*VALUES\s+\?{name}\s*\{{\s*([^}}]*?)\s*\}}[^\n]*\n", re.M)


def as_term(value: str) -> str:
    value = value.strip()
    if re.match(r"^https?://\S+$", value):
        value = f"<{value}>"
    if not _TERM.match(value):
        raise QueryError(f"{value!r} is not an IRI, a quoted literal or a number")
    return value


def parse(name: str, text: str) -> CannedQuery:
    """The canned query ``name`` from the text of its file."""
    meta: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not line.startswith("#"):
            break
        if not match:
            continue
        key, value = match.groups()
        if key == "param":
            pm = _PARAM.match(value)
            block = _values(pm.group(1)).search(text) if pm else None
            if not pm or not block:
                raise QueryError(f"{name}.rq: parameter line {value!r} needs 'NAME | help' and "
                                 "a VALUES ?NAME { default } block in the query")
            params.append(Param(pm.group(1), block.group(1), pm.group(2)))
        else:
            meta[key] = value
    return CannedQuery(
        name=name, title=meta.get("title", name),
        description=meta.get("description", ""), text=text, params=tuple(params),
    )


def catalogue() -> list[CannedQuery]:
    """Every canned query newskg ships, by name."""
    return [parse(f.name.removesuffix(".rq"), f.read_text(encoding="utf-8"))
            for f in bundled.query_files()]


def resolve(query: str, params: dict[str, str] | None = None) -> str:
    """A canned query's name, a path to a ``.rq`` file, or SPARQL text → SPARQL text."""
    if _NAME.match(query):
        canned = {q.name: q for q in catalogue()}
        if query not in canned:
            raise QueryError(f"no query named {query!r} (there are: {', '.join(canned)})")
        return canned[query].bind(params)
    if query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"no such query file: {query}")
        return parse(path.stem, path.read_text(encoding="utf-8")).bind(params)
    if params:
        raise QueryError("parameters go with a named query or a .rq file")
    return query
