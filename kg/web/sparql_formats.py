"""The formats the SPARQL endpoint speaks: media types, their aliases, and override names.

Query results (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE) have separate tables; the first entry
of each is the default. Aliases are accepted in ``Accept`` but answered with the canonical type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str  # what the query process serialises: a key of its writer tables
    media_type: str  # the canonical type answered

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/")
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


JSON = Format("json", "application/sparql-results+json")
XML = Format("xml", "application/sparql-results+xml")
CSV = Format("csv", "text/csv")
TSV = Format("tsv", "text/tab-separated-values")
TURTLE = Format("turtle", "text/turtle")
NTRIPLES = Format("ntriples", "application/n-triples")
JSONLD = Format("jsonld", "application/ld+json")
RDFXML = Format("rdfxml", "application/rdf+xml")

# media type → format, in the server's order of preference (aliases last).
RESULTS: dict[str, Format] = {
    JSON.media_type: JSON, XML.media_type: XML, CSV.media_type: CSV, TSV.media_type: TSV,
    "application/json": JSON, "application/xml": XML, "text/xml": XML,
}
GRAPHS: dict[str, Format] = {
    TURTLE.media_type: TURTLE, NTRIPLES.media_type: NTRIPLES, JSONLD.media_type: JSONLD,
    RDFXML.media_type: RDFXML, "application/x-turtle": TURTLE, "application/turtle": TURTLE,
    "text/plain": NTRIPLES, "application/json": JSONLD, "application/xml": RDFXML,
}

# Values of the ``format`` / ``output`` parameters (Virtuoso, Joseki and SPARQLWrapper send them).
RESULT_NAMES: dict[str, Format] = {"json": JSON, "xml": XML, "csv": CSV, "tsv": TSV}
GRAPH_NAMES: dict[str, Format] = {
    "turtle": TURTLE, "ttl": TURTLE, "n3": TURTLE, "nt": NTRIPLES, "ntriples": NTRIPLES,
    "n-triples": NTRIPLES, "json-ld": JSONLD, "jsonld": JSONLD, "json": JSONLD,
    "xml": RDFXML, "rdf": RDFXML, "rdfxml": RDFXML, "rdf+xml": RDFXML,
}


def canonical(table: dict[str, Format]) -> list[str]:
    """The canonical media types of a table, for 406 messages and the service description."""
    return list(dict.fromkeys(f.media_type for f in table.values()))


def override(values: list[str], names: dict[str, Format],
             types: dict[str, Format]) -> Format | None:
    """The first ``format``/``output`` value that names a format of this kind, if any."""
    for value in values:
        key = value.strip().lower()
        found = names.get(key) or types.get(key.split(";")[0].strip())
        if found:
            return found
    return None
