"""The SPARQL 1.1 Service Description of ``/sparql``: what ``GET /sparql`` tells RDF clients."""

from __future__ import annotations

import pyoxigraph as ox

from kg.formats import GRAPHS, RESULTS, Format
from kg.settings import Settings
from kg.snapshots import Snapshot
from kg.vocab import DCT, PREFIXES, RDFS, SD, VOID, W3C_FORMATS, dct, rdf, rdfs, sd, void, xsd

# The W3C names of the formats the endpoint answers in (https://www.w3.org/ns/formats/).
_W3C_NAMES = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML",
              "csv": "SPARQL_Results_CSV", "tsv": "SPARQL_Results_TSV", "turtle": "Turtle",
              "ntriples": "N-Triples", "jsonld": "JSON-LD", "rdfxml": "RDF_XML"}


def describe(settings: Settings, snapshot: Snapshot, fmt: Format) -> bytes:
    """The description in ``fmt`` (one of :data:`kg.formats.GRAPHS`)."""
    endpoint = ox.NamedNode(snapshot.base + "/sparql")
    dataset = ox.NamedNode(f"{endpoint.value}#dataset")
    default_graph = ox.NamedNode(f"{endpoint.value}#default-graph")
    limits = (f"Read-only; SERVICE is refused. Each query may run {settings.query_timeout:g} s "
              f"and return {settings.max_rows} rows or triples; longer results are truncated, "
              f"flagged by the header Newskg-Truncated: true. The default graph is the union "
              f"of the article graphs. Predefined prefixes: "
              + ", ".join(f"{name}: <{iri}>" for name, iri in PREFIXES.items()) + ".")
    said = [
        (endpoint, rdf.type, ox.NamedNode(sd.Service)),
        (endpoint, sd.endpoint, endpoint),
        (endpoint, sd.supportedLanguage, ox.NamedNode(sd.SPARQL11Query)),
        (endpoint, sd.feature, ox.NamedNode(sd.UnionDefaultGraph)),
        *((endpoint, sd.resultFormat, ox.NamedNode(W3C_FORMATS + _W3C_NAMES[f.name]))
          for f in (*RESULTS, *GRAPHS)),
        (endpoint, rdfs.comment, ox.Literal(limits)),
        (endpoint, sd.defaultDataset, dataset),
        (dataset, rdf.type, ox.NamedNode(sd.Dataset)),
        (dataset, dct.license, ox.NamedNode(settings.license)),
        (dataset, sd.defaultGraph, default_graph),
        (default_graph, rdf.type, ox.NamedNode(sd.Graph)),
        (default_graph, void.triples,
         ox.Literal(str(snapshot.stats.triples), datatype=ox.NamedNode(xsd.integer))),
    ]
    triples = [ox.Triple(s, ox.NamedNode(p), o) for s, p, o in said]
    return ox.serialize(triples, format=fmt.rdf, prefixes=_PREFIXES) or b""


_PREFIXES = {"sd": SD, "formats": W3C_FORMATS, "void": VOID, "dct": DCT, "rdfs": RDFS}
