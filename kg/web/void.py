"""The dataset description (VoID + DCAT) of a published snapshot, as triples.

Counts come from the snapshot's ``meta.json`` (written once at publish time), so the description
costs no query beyond picking an example resource of each kind; ``void:triples`` is the number of
triples in ``/dump.ttl`` and ``/dump.nt``.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg import __version__
from kg.publish import SERVED_DUMPS, Snapshot
from kg.settings import Settings
from kg.store import DUMP_FORMATS
from kg.store.embedded import OxigraphStore
from kg.web.documents import CLASSES, RDF_TYPE

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "http://schema.org/"
IANA = "https://www.iana.org/assignments/media-types/"
PATH = "/.well-known/void"
PREFIXES = {"void": VOID, "dcat": DCAT}


def dataset_iri(base: str) -> str:
    return f"{base}{PATH}#dataset"


def dump_url(base: str, fmt: str) -> str:
    return f"{base}/dump.{DUMP_FORMATS[fmt][1]}"


def title(settings: Settings) -> str:
    return f"{settings.publisher_name} news knowledge graph"


def describe(snapshot: Snapshot, store: OxigraphStore, settings: Settings) -> list[ox.Triple]:
    """VoID and DCAT triples describing the dataset as published in ``snapshot``."""
    base = settings.base
    me = ox.NamedNode(dataset_iri(base))
    doc = ox.NamedNode(base + PATH)
    stats = snapshot.stats
    triples: list[ox.Triple] = []

    def say(s: ox.NamedNode | ox.BlankNode, p: str, o: ox.NamedNode | ox.BlankNode | ox.Literal
            ) -> None:
        triples.append(ox.Triple(s, ox.NamedNode(p), o))

    def number(value: int) -> ox.Literal:
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))

    say(doc, RDF_TYPE.value, ox.NamedNode(VOID + "DatasetDescription"))
    say(doc, DCT + "title", ox.Literal(f"Description of the {title(settings)}"))
    say(doc, FOAF + "primaryTopic", me)
    say(me, RDF_TYPE.value, ox.NamedNode(VOID + "Dataset"))
    say(me, RDF_TYPE.value, ox.NamedNode(DCAT + "Dataset"))
    say(me, DCT + "title", ox.Literal(title(settings)))
    say(me, DCT + "description", ox.Literal(
        f"News articles of {settings.publisher_name} as schema.org linked data: each article "
        "with its authors and the people, organisations and places it names."))
    say(me, DCT + "license", ox.NamedNode(settings.license))
    say(me, DCT + "modified", ox.Literal(snapshot.created, datatype=ox.NamedNode(XSD + "dateTime")))
    say(me, DCT + "hasVersion", ox.Literal(snapshot.name))
    say(me, DCT + "creator", ox.Literal(f"newskg {__version__}"))
    say(me, DCAT + "landingPage", ox.NamedNode(base + "/"))
    say(me, VOID + "sparqlEndpoint", ox.NamedNode(base + "/sparql"))
    say(me, VOID + "vocabulary", ox.NamedNode(SCHEMA))
    say(me, VOID + "uriSpace", ox.Literal(base + "/id/"))
    say(me, VOID + "triples", number(stats.triples))
    say(me, VOID + "entities",
        number(stats.articles + stats.persons + stats.organizations + stats.places))
    for cls, count in ((CLASSES["article"], stats.articles), (CLASSES["person"], stats.persons),
                       (CLASSES["organization"], stats.organizations),
                       (CLASSES["place"], stats.places)):
        partition = ox.BlankNode()
        say(me, VOID + "classPartition", partition)
        say(partition, VOID + "class", ox.NamedNode(cls))
        say(partition, VOID + "entities", number(count))
    for example in examples(store):
        say(me, VOID + "exampleResource", ox.NamedNode(example))
    for fmt in SERVED_DUMPS:
        url = ox.NamedNode(dump_url(base, fmt))
        say(me, VOID + "dataDump", url)
        distribution = ox.BlankNode()
        say(me, DCAT + "distribution", distribution)
        say(distribution, RDF_TYPE.value, ox.NamedNode(DCAT + "Distribution"))
        say(distribution, DCAT + "downloadURL", url)
        say(distribution, DCAT + "mediaType", ox.NamedNode(IANA + DUMP_FORMATS[fmt][2]))
        say(distribution, DCAT + "byteSize", number(snapshot.dump_path(fmt).stat().st_size))
    # Named subjects first, then the partitions and distributions: Turtle groups them so.
    triples.sort(key=lambda t: isinstance(t.subject, ox.BlankNode))
    return triples


def examples(store: OxigraphStore, per_kind: int = 1) -> list[str]:
    """A few resources of each kind (the first the store's index yields: no query, no sort)."""
    found = []
    for cls in CLASSES.values():
        quads = store.raw.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(cls))
        seen: list[str] = []
        for quad in quads:
            if quad.subject.value not in seen:
                seen.append(quad.subject.value)
            if len(seen) == per_kind:
                break
        found += seen
    return found
