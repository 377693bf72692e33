"""The SPARQL 1.1 Service Description of ``/sparql``: what ``GET /sparql`` tells RDF clients."""

from __future__ import annotations

import pyoxigraph as ox

from kg.publish import Snapshot
from kg.settings import Settings

MEDIA_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
DEFAULT = "text/turtle"
PREFIXES = {
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "formats": "http://www.w3.org/ns/formats/",
    "void": "http://rdfs.org/ns/void#",
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

_TEMPLATE = """
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML,
    formats:SPARQL_Results_CSV, formats:SPARQL_Results_TSV, formats:Turtle,
    formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
  rdfs:comment {limits} ;
  sd:defaultDataset <{endpoint}#dataset> .

<{endpoint}#dataset> a sd:Dataset ;
  dct:license <{license}> ;
  sd:defaultGraph <{endpoint}#default-graph> .

<{endpoint}#default-graph> a sd:Graph ;
  void:triples {triples} .
"""


def describe(settings: Settings, snapshot: Snapshot, media_type: str) -> bytes:
    """The description in ``media_type`` (one of :data:`MEDIA_TYPES`)."""
    limits = (f"Read-only; SERVICE is refused. Each query may run {settings.query_timeout:g} s "
              f"and return {settings.max_rows} rows or triples; longer results are truncated, "
              f"flagged by the header Newskg-Truncated: true. The default graph is the union "
              f"of the article graphs.")
    turtle = _TEMPLATE.format(
        endpoint=settings.base + "/sparql", license=settings.license,
        triples=snapshot.stats.triples, limits=_literal(limits),
    )
    quads = ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)
    triples = [q.triple for q in quads]
    return ox.serialize(triples, format=MEDIA_TYPES[media_type], prefixes=PREFIXES) or b""


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
