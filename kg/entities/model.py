"""What extraction produces: the entities one article names, ready for the mapper."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from kg import ids

Kind = Literal["person", "organization", "place"]


@dataclass
class Role:
    """A role the article gives a person ("director of the Y"), true as of that article."""

    job_title: str | None = None
    affiliation: str | None = None  # canonical name of an organisation in the same extraction


@dataclass
class Entity:
    """One real-world entity an article names, under its canonical name."""

    kind: Kind
    name: str
    mentions: list[str] = field(default_factory=list)  # surface forms as written
    alternate_names: list[str] = field(default_factory=list)  # acronyms, other full names
    roles: list[Role] = field(default_factory=list)
    about: bool = False  # a main subject of the article (e.g. named in the headline)
    parent: str | None = None  # organisations: canonical name of the parent organisation
    ambiguous: bool = False  # a mention that could not be told apart from another entity
    same_as: list[str] = field(default_factory=list)  # reviewed external IRIs (Wikidata)
    # A bare surname the article does not name in full is that article's person, nobody else's:
    # its key carries the article's key, so no other article's "Chan" shares its IRI.
    scope: str | None = None

    @property
    def key(self) -> str:
        return f"{ids.slug(self.name)}-{self.scope}" if self.scope else ids.slug(self.name)

    def iri(self, base: str) -> str:
        return ids.thing_iri(base, self.kind, self.key)

    def to_json(self, base: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "iri": self.iri(base),
            "mentions": self.mentions,
        }
        if self.alternate_names:
            data["alternate_names"] = self.alternate_names
        if self.roles:
            data["roles"] = [
                {k: v for k, v in (("job_title", r.job_title), ("affiliation", r.affiliation)) if v}
                for r in self.roles
            ]
        if self.parent:
            data["parent"] = self.parent
        if self.about:
            data["about"] = True
        if self.ambiguous:
            data["ambiguous"] = True
        if self.same_as:
            data["same_as"] = self.same_as
        return data


@dataclass
class Extraction:
    """Everything found in one article."""

    persons: list[Entity] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)

    def all(self) -> list[Entity]:
        return [*self.persons, *self.organizations, *self.places]

    def to_json(self, base: str) -> dict[str, Any]:
        return {
            "persons": [e.to_json(base) for e in self.persons],
            "organizations": [e.to_json(base) for e in self.organizations],
            "places": [e.to_json(base) for e in self.places],
        }
