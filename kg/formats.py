"""Every format newskg reads or writes: its name, file suffix, media types and pyoxigraph format.

The one registry: documents, the SPARQL endpoint, dumps, the service description and the CLI
take their formats from the groups at the bottom. A format's first media type is the one it is
answered with; the others are aliases a client may ask for (``application/json`` asks for
JSON-LD among graph formats and for SPARQL JSON among result formats: the group decides).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.vocab import PREFIXES

# Media types that carry text in a charset, beyond text/*.
_TEXT = ("application/ld+json", "application/json")


@dataclass(frozen=True)
class Format:
    """One serialisation. ``names`` are the other values a ``format``/``output`` parameter may
    give for it (SPARQLWrapper, Virtuoso and Joseki send them)."""

    name: str
    suffix: str
    media_types: tuple[str, ...]
    label: str
    names: tuple[str, ...] = ()
    rdf: ox.RdfFormat | None = None
    results: ox.QueryResultsFormat | None = None

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    def content_type(self, media_type: str | None = None) -> str:
        """``Content-Type`` for answering in this format (as ``media_type``, an alias)."""
        media = media_type or self.media_type
        text = media.startswith("text/") or media in _TEXT
        return f"{media}; charset=utf-8" if text else media


TURTLE = Format("turtle", "ttl", ("text/turtle", "application/x-turtle", "application/turtle"),
                "Turtle", names=("ttl", "n3"), rdf=ox.RdfFormat.TURTLE)
NTRIPLES = Format("ntriples", "nt", ("application/n-triples", "text/plain"), "N-Triples",
                  names=("nt", "n-triples"), rdf=ox.RdfFormat.N_TRIPLES)
NQUADS = Format("nquads", "nq", ("application/n-quads",), "N-Quads", names=("nq",),
                rdf=ox.RdfFormat.N_QUADS)
JSONLD = Format("jsonld", "jsonld", ("application/ld+json", "application/json"), "JSON-LD",
                names=("json-ld", "json"), rdf=ox.RdfFormat.JSON_LD)
RDFXML = Format("rdfxml", "rdf", ("application/rdf+xml", "application/xml"), "RDF/XML",
                names=("xml", "rdf", "rdf+xml"), rdf=ox.RdfFormat.RDF_XML)
HTML = Format("html", "html", ("text/html", "application/xhtml+xml"), "HTML")
SPARQL_JSON = Format("json", "srj", ("application/sparql-results+json", "application/json"),
                     "SPARQL JSON", results=ox.QueryResultsFormat.JSON)
SPARQL_XML = Format("xml", "srx",
                    ("application/sparql-results+xml", "application/xml", "text/xml"),
                    "SPARQL XML", results=ox.QueryResultsFormat.XML)
CSV = Format("csv", "csv", ("text/csv",), "CSV", results=ox.QueryResultsFormat.CSV)
TSV = Format("tsv", "tsv", ("text/tab-separated-values",), "TSV",
             results=ox.QueryResultsFormat.TSV)

# The groups, each in the server's order of preference (the first is the default).
DOCUMENTS = (TURTLE, JSONLD, NTRIPLES, RDFXML, HTML)  # /doc/..., /.well-known/void
GRAPHS = (TURTLE, NTRIPLES, JSONLD, RDFXML)  # CONSTRUCT and DESCRIBE results
RESULTS = (SPARQL_JSON, SPARQL_XML, CSV, TSV)  # SELECT and ASK results
DUMPS = (TURTLE, NTRIPLES, NQUADS, JSONLD, RDFXML)  # `kg dump`
SERVED_DUMPS = (TURTLE, NTRIPLES, NQUADS)  # written with each snapshot, served as files


def named(group: Iterable[Format], name: str) -> Format:
    """The format of ``group`` called ``name`` (its name; KeyError if none)."""
    for fmt in group:
        if fmt.name == name:
            return fmt
    raise KeyError(name)


def by_media_type(group: Iterable[Format]) -> dict[str, Format]:
    """Every media type and alias of ``group`` → its format (the first format claiming one)."""
    table: dict[str, Format] = {}
    for fmt in group:
        for media in fmt.media_types:
            table.setdefault(media, fmt)
    return table


def by_name(group: Iterable[Format]) -> dict[str, Format]:
    """Every name, suffix and alias name of ``group`` → its format."""
    table: dict[str, Format] = {}
    for fmt in group:
        for name in (fmt.name, fmt.suffix, *fmt.names):
            table.setdefault(name, fmt)
    return table


def from_ntriples(path: Path, out: BinaryIO, fmt: Format) -> None:
    """Write the triples of the N-Triples file at ``path`` in ``fmt``, streamed."""
    parsed = (quad.triple for quad in ox.parse(path=path, format=NTRIPLES.rdf))
    serialize(parsed, fmt, out=out)


def serialize(triples: Iterable[ox.Triple], fmt: Format, prefixes: dict[str, str] | None = None,
              out: BinaryIO | None = None) -> bytes:
    """``triples`` in an RDF format (written to ``out`` if given, else returned), declaring
    newskg's prefixes and ``prefixes``."""
    if fmt.rdf is None:
        raise ValueError(f"{fmt.name} is not an RDF format")
    declared = {**PREFIXES, **(prefixes or {})}
    if out is not None:
        ox.serialize(triples, out, fmt.rdf, prefixes=declared)  # type: ignore[arg-type]
        return b""
    return ox.serialize(triples, format=fmt.rdf, prefixes=declared) or b""
