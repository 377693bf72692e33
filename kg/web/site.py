"""What every HTML page shows around its content: the dataset's title, links, snapshot, licence."""

from __future__ import annotations

from dataclasses import dataclass

from kg.web import void
from kg.web.app import settings, view
from kg.web.rdf import FORMATS, HTML

_LABELS = {"turtle": "Turtle", "jsonld": "JSON-LD", "ntriples": "N-Triples",
           "rdfxml": "RDF/XML"}


@dataclass(frozen=True)
class Site:
    title: str
    base: str
    snapshot: str
    license: str


@dataclass(frozen=True)
class Alternate:
    """A data variant of a page, for ``<link rel="alternate">`` and the page footer."""

    href: str
    media_type: str
    label: str


def site() -> Site:
    s = settings()
    return Site(void.title(s), s.base, view().snapshot.name, s.license)


def alternates(canonical: str) -> list[Alternate]:
    return [Alternate(f"{canonical}.{f.suffix}", f.media_type, _LABELS[f.name])
            for f in FORMATS if f is not HTML]
