"""The dataset description (VoID + DCAT) of a published snapshot, as triples.

Counts come from the snapshot's ``meta.json`` (written once at publish time), so the description
costs no query beyond picking an example resource of each kind; ``void:triples`` is the number of
triples in ``/dump.ttl`` and ``/dump.nt``.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg import __version__
from kg.formats import SERVED_DUMPS, Format
from kg.settings import Settings
from kg.snapshots import Snapshot
from kg.store import Store
from kg.vocab import CLASSES, DCAT, IANA_MEDIA_TYPES, SCHEMA, VOID, dcat, dct, foaf, rdf, void, xsd
from kg.web.context import title

PATH = "/.well-known/void"
PREFIXES = {"void": VOID, "dcat": DCAT}
RDF_TYPE = ox.NamedNode(rdf.type)


def dataset_iri(base: str) -> str:
    return f"{base}{PATH}#dataset"


def dump_url(base: str, fmt: Format) -> str:
    return f"{base}/dump.{fmt.suffix}"


def describe(snapshot: Snapshot, store: Store, settings: Settings) -> list[ox.Triple]:
    """VoID and DCAT triples describing the dataset as published in ``snapshot``."""
    base = snapshot.base
    me = ox.NamedNode(dataset_iri(base))
    doc = ox.NamedNode(base + PATH)
    stats = snapshot.stats
    triples: list[ox.Triple] = []

    def say(s: ox.NamedNode | ox.BlankNode, p: str, o: ox.NamedNode | ox.BlankNode | ox.Literal
            ) -> None:
        triples.append(ox.Triple(s, ox.NamedNode(p), o))

    def number(value: int) -> ox.Literal:
        return ox.Literal(str(value), datatype=ox.NamedNode(xsd.integer))

    say(doc, rdf.type, ox.NamedNode(void.DatasetDescription))
    say(doc, dct.title, ox.Literal(f"Description of the {title(settings)}"))
    say(doc, foaf.primaryTopic, me)
    say(me, rdf.type, ox.NamedNode(void.Dataset))
    say(me, rdf.type, ox.NamedNode(dcat.Dataset))
    say(me, dct.title, ox.Literal(title(settings)))
    say(me, dct.description, ox.Literal(
        f"News articles of {settings.publisher_name} as schema.org linked data: each article "
        "with its authors and the people, organisations and places it names."))
    say(me, dct.license, ox.NamedNode(settings.license))
    say(me, dct.modified, ox.Literal(snapshot.created, datatype=ox.NamedNode(xsd.dateTime)))
    say(me, dct.hasVersion, ox.Literal(snapshot.name))
    say(me, dct.creator, ox.Literal(f"newskg {__version__}"))
    say(me, dcat.landingPage, ox.NamedNode(base + "/"))
    say(me, void.sparqlEndpoint, ox.NamedNode(base + "/sparql"))
    say(me, void.vocabulary, ox.NamedNode(SCHEMA))
    say(me, void.uriSpace, ox.Literal(base + "/id/"))
    say(me, void.triples, number(stats.triples))
    say(me, void.entities,
        number(stats.articles + stats.persons + stats.organizations + stats.places))
    for cls, count in ((CLASSES["article"], stats.articles), (CLASSES["person"], stats.persons),
                       (CLASSES["organization"], stats.organizations),
                       (CLASSES["place"], stats.places)):
        partition = ox.BlankNode()
        say(me, void.classPartition, partition)
        say(partition, getattr(void, "class"), ox.NamedNode(cls))
        say(partition, void.entities, number(count))
    for example in examples(store):
        say(me, void.exampleResource, ox.NamedNode(example))
    for fmt in SERVED_DUMPS:
        url = ox.NamedNode(dump_url(base, fmt))
        say(me, void.dataDump, url)
        distribution = ox.BlankNode()
        say(me, dcat.distribution, distribution)
        say(distribution, rdf.type, ox.NamedNode(dcat.Distribution))
        say(distribution, dcat.downloadURL, url)
        say(distribution, dcat.mediaType, ox.NamedNode(IANA_MEDIA_TYPES + fmt.media_type))
        say(distribution, dcat.byteSize, number(snapshot.dump_path(fmt).stat().st_size))
    # Named subjects first, then the partitions and distributions: Turtle groups them so.
    triples.sort(key=lambda t: isinstance(t.subject, ox.BlankNode))
    return triples


def examples(store: Store, per_kind: int = 1) -> list[str]:
    """A few resources of each kind (the first the store's index yields: no query, no sort)."""
    found = []
    for cls in CLASSES.values():
        quads = store.quads(None, RDF_TYPE, ox.NamedNode(cls))
        seen: list[str] = []
        for quad in quads:
            if quad.subject.value not in seen:
                seen.append(quad.subject.value)
            if len(seen) == per_kind:
                break
        found += seen
    return found
