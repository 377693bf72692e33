"""Entities already known (from the store, or from other articles of the same batch).

Resolution asks two questions of them: which known people could a bare surname ("Xi") mean, and
which known organisation does an acronym ("SCO") stand for. A question with two answers is
ambiguous and is flagged, never settled by a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from kg.entities.lexicon import lexicon
from kg.entities.model import Extraction, Kind


def _empty() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True, eq=False)
class KnownEntities:
    """Per kind, canonical name → alternate names (acronyms, aliases). Read-only."""

    persons: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    organizations: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    places: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)

    def of_kind(self, kind: Kind) -> Mapping[str, tuple[str, ...]]:
        return {"person": self.persons, "organization": self.organizations, "place": self.places}[
            kind
        ]

    @classmethod
    def from_extractions(
        cls, extractions: Iterable[Extraction], base: KnownEntities | None = None
    ) -> KnownEntities:
        """The entities of ``base`` plus those the extractions name.

        A bare name flagged ambiguous ("Li" that could be two people) is left out.
        """
        tables: dict[str, dict[str, set[str]]] = {"person": {}, "organization": {}, "place": {}}
        if base is not None:
            for kind, table in tables.items():
                for name, alternates in base.of_kind(kind).items():  # type: ignore[arg-type]
                    table.setdefault(name, set()).update(alternates)
        for extraction in extractions:
            for entity in extraction.all():
                if entity.ambiguous and " " not in entity.name:
                    continue
                tables[entity.kind].setdefault(entity.name, set()).update(entity.alternate_names)
        frozen = {
            kind: MappingProxyType({n: tuple(sorted(a)) for n, a in sorted(table.items())})
            for kind, table in tables.items()
        }
        return cls(frozen["person"], frozen["organization"], frozen["place"])

    @cached_property
    def _surnames(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for name in self.persons:
            for key in surname_keys(name):
                index.setdefault(key, []).append(name)
        return index

    @cached_property
    def _alternates(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for name, alternates in self.organizations.items():
            for alt in alternates:
                index.setdefault(alt.casefold(), []).append(name)
        return index

    def persons_named(self, surname: str) -> list[str]:
        """Known people a bare surname could mean."""
        return sorted(set(self._surnames.get(surname.casefold(), [])))

    def organizations_called(self, alternate: str) -> list[str]:
        """Known organisations with this acronym or alternate name."""
        return sorted(set(self._alternates.get(alternate.casefold(), [])))


def surname_keys(name: str) -> list[str]:
    """The single words a later bare mention may use for this person's full name.

    A Chinese name ("Wang Yi") is referred to by its family name, which comes first; other names
    by any of their words but the first ("Lula" in "Luiz Inácio Lula da Silva", "Tokayev").
    """
    words = name.split()
    if len(words) < 2:
        return []
    lex = lexicon()
    if len(words) == 2 and words[0].casefold() in lex.chinese_surnames and words[1][1:].islower():
        return [words[0].casefold()]
    keys = [w.casefold() for w in words[1:] if w[:1].isupper()]
    return keys or [words[-1].casefold()]
