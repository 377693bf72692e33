"""The RDF formats a graph-shaped page is offered in, and serialising triples to them.

Turtle, N-Triples and RDF/XML are written by pyoxigraph (Rust: ~30 µs for an article's ~80
triples); JSON-LD goes through :mod:`kg.web.jsonld` for framing; HTML through the templates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.mapping import PREFIX_IRIS
from kg.store.embedded import GRAPH_FORMATS


@dataclass(frozen=True)
class Format:
    """One representation: its name, file suffix and media types (the first is the canonical)."""

    name: str
    suffix: str
    media_types: tuple[str, ...]

    @property
    def media_type(self) -> str:
        return self.media_types[0]


TURTLE = Format("turtle", "ttl", ("text/turtle",))
JSONLD = Format("jsonld", "jsonld", ("application/ld+json", "application/json"))
NTRIPLES = Format("ntriples", "nt", ("application/n-triples",))
RDFXML = Format("rdfxml", "rdf", ("application/rdf+xml",))
HTML = Format("html", "html", ("text/html", "application/xhtml+xml"))

# In the order `Link` headers list them; Turtle is the default (no Accept, or */*).
FORMATS: tuple[Format, ...] = (TURTLE, JSONLD, NTRIPLES, RDFXML, HTML)
BY_SUFFIX = {f.suffix: f for f in FORMATS}
BY_MEDIA_TYPE = {media: f for f in FORMATS for media in f.media_types}



def serialize(
    triples: Iterable[ox.Triple], fmt: Format, prefixes: dict[str, str] | None = None
) -> bytes:
    """Turtle, N-Triples or RDF/XML bytes of ``triples`` (with newskg's prefixes and others)."""
    return ox.serialize(triples, format=GRAPH_FORMATS[fmt.name],
                        prefixes={**PREFIX_IRIS, **(prefixes or {})}) or b""
