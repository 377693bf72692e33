"""What the HTML pages show, read from a document's triples (the templates only lay it out)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg import ids
from kg.articles import normalise_text
from kg.vocab import dct, prov, schema
from kg.web.documents.load import Document

KIND_LABELS = {"person": "Person", "organization": "Organisation", "place": "Place",
               "article": "Article"}
_RELATIONS = {schema.author: "author", schema.about: "about", schema.mentions: "mentions"}


@dataclass(frozen=True)
class Link:
    """A resource to link to: its IRI, the name to show, and a note (a role, a relation)."""

    iri: str
    name: str
    note: str = ""


@dataclass(frozen=True)
class Listed:
    """An article an entity page lists."""

    iri: str
    headline: str
    date: str
    relations: tuple[str, ...]


@dataclass
class Facts:
    """The triples of a document, indexed by subject and predicate, as strings."""

    triples: Iterable[ox.Triple]
    _index: dict[str, dict[str, list[str]]] = field(init=False)

    def __post_init__(self) -> None:
        self._index = defaultdict(lambda: defaultdict(list))
        for t in self.triples:
            self._index[t.subject.value][t.predicate.value].append(t.object.value)

    def all(self, subject: str, predicate: str) -> list[str]:
        return sorted(set(self._index.get(subject, {}).get(predicate, [])))

    def one(self, subject: str, predicate: str) -> str:
        values = self.all(subject, predicate)
        return values[0] if values else ""

    def subjects(self, predicate: str, obj: str) -> list[str]:
        return sorted(s for s, props in self._index.items() if obj in props.get(predicate, ()))

    def link(self, iri: str, note: str = "") -> Link:
        return Link(iri, self.one(iri, schema.name) or iri, note)


def article(doc: Document) -> dict[str, object]:
    facts, me = Facts(doc.triples), doc.thing
    mentioned: dict[str, list[Link]] = {"person": [], "organization": [], "place": []}
    for iri in facts.all(me, schema.mentions):
        parsed = ids.parse_thing_iri(doc.base, iri)
        if parsed and parsed[0] in mentioned:
            mentioned[parsed[0]].append(facts.link(iri, _role(facts, iri)))
    source = doc.iri
    # Shown as a reader reads it: glued sentences ("sides.The") spaced; the data stays verbatim.
    body = normalise_text(facts.one(me, schema.articleBody))
    return {
        "headline": facts.one(me, schema.headline),
        "date": _date(facts.one(me, schema.datePublished)),
        "sections": facts.all(me, schema.articleSection),
        "authors": [facts.link(a, _role(facts, a)) for a in facts.all(me, schema.author)],
        "paragraphs": body.split("\n") if body else [],
        "word_count": facts.one(me, schema.wordCount),
        "about": [facts.link(a) for a in facts.all(me, schema.about)],
        "mentioned": {k: sorted(v, key=lambda link: link.name) for k, v in mentioned.items()},
        "publisher": [facts.link(p) for p in facts.all(me, schema.publisher)],
        "source": facts.one(source, dct.source),
        "ingested": _date(facts.one(source, prov.generatedAtTime)),
    }


def entity(doc: Document) -> dict[str, object]:
    facts, me = Facts(doc.triples), doc.thing
    articles = [
        Listed(a, facts.one(a, schema.headline), _date(facts.one(a, schema.datePublished)),
               tuple(label for p, label in _RELATIONS.items() if me in facts.all(a, p)))
        for a in {s for p in _RELATIONS for s in facts.subjects(p, me)}
    ]
    articles.sort(key=lambda a: (a.date, a.iri), reverse=True)
    return {
        "name": facts.one(me, schema.name) or doc.key,
        "kind": KIND_LABELS[doc.kind],
        "alternate_names": facts.all(me, schema.alternateName),
        "descriptions": facts.all(me, schema.description),
        "job_titles": facts.all(me, schema.jobTitle),
        "affiliations": [facts.link(o) for o in facts.all(me, schema.affiliation)],
        "parents": [facts.link(o) for o in facts.all(me, schema.parentOrganization)],
        "same_as": facts.all(me, schema.sameAs),
        "articles": articles,
        "listed": doc.listed,
        "total": doc.total,
    }


def _role(facts: Facts, iri: str) -> str:
    """The roles an article gives someone: "director, Lanzhou University"."""
    parts = facts.all(iri, schema.jobTitle)
    parts += [facts.link(o).name for o in facts.all(iri, schema.affiliation)]
    return ", ".join(parts)


def _date(value: str) -> str:
    """``2022-09-14`` stays; ``2022-09-14T21:48:10`` reads as ``2022-09-14 21:48``."""
    return value[:16].replace("T", " ")
