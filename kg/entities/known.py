"""Entities already known (from the store, or from other articles of the same batch).

Across articles, identity needs a full name or a known alias, never a shared surname: a full name
("Sergey Lavrov") resolves to the known entity whose name or alias is the same name spelt
another way ("Sergei Lavrov"), a company's or a river's name to the known one with or without
its suffix ("Trip.com", "Trip.com Group"; "Yangtze", "Yangtze River"), and an acronym ("SCO")
to the known organisation it abbreviates. A bare surname is never resolved here; that known
people bear it only flags it ambiguous. A question with two answers is left open, never settled
by a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import MappingProxyType

from kg.entities.lexicon import lexicon, words
from kg.entities.model import Extraction, Kind
from kg.entities.names import initials
from kg.entities.spans import CONNECTORS, JOINED_PARTICLE, PARTICLES

_STATE_BODIES = words("state_bodies")
# One name of two joined by a particle, as South Asian names are ("Naveen-ul-Haq", "Zia-ur-Rahman").
_JOINED_NAME = re.compile(r"([A-Z][a-z]+)-(?:ul|ur|ud|uz|us|al|el|e)-[A-Z][a-z]+$")
# Transliteration and British/American spellings of one name ("Sergei"/"Sergey",
# "Organisation"/"Organization", "Centre"/"Center"), applied to a folded, lower-case name.
_SPELLINGS = (
    (re.compile(r"is(ation|e|ed|ing)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z])re\b"), "er"),
    (re.compile(r"ence\b"), "ense"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"mme\b"), "m"),
    (re.compile(r"ks"), "x"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"y"), "i"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)


def _empty() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({})


@dataclass(frozen=True, eq=False)
class KnownEntities:
    """Per kind, canonical name → alternate names (acronyms, aliases). Read-only."""

    persons: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    organizations: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)
    places: Mapping[str, tuple[str, ...]] = field(default_factory=_empty)

    def __reduce__(self) -> tuple[type[KnownEntities], tuple[dict, dict, dict]]:
        # Sent to worker processes: mapping proxies do not pickle, and the indexes are rebuilt.
        return type(self), (dict(self.persons), dict(self.organizations), dict(self.places))

    def of_kind(self, kind: Kind) -> Mapping[str, tuple[str, ...]]:
        return {"person": self.persons, "organization": self.organizations, "place": self.places}[
            kind
        ]

    @classmethod
    def from_extractions(
        cls, extractions: Iterable[Extraction], base: KnownEntities | None = None
    ) -> KnownEntities:
        """The entities of ``base`` plus those the extractions name (people by full name only)."""
        tables: dict[str, dict[str, set[str]]] = {"person": {}, "organization": {}, "place": {}}
        if base is not None:
            for kind, table in tables.items():
                for name, alternates in base.of_kind(kind).items():  # type: ignore[arg-type]
                    table.setdefault(name, set()).update(alternates)
        for extraction in extractions:
            for entity in extraction.all():
                if entity.kind == "person" and not is_full_name(entity.name):
                    continue  # a bare surname is nobody's identity
                tables[entity.kind].setdefault(entity.name, set()).update(entity.alternate_names)
        # in order (the store's names first): of two spellings of one name, the first known wins
        frozen = {
            kind: MappingProxyType({n: tuple(sorted(a)) for n, a in table.items()})
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
    def _keys(self) -> dict[tuple[Kind, str], list[str]]:
        index: dict[tuple[Kind, str], list[str]] = {}
        for kind in ("person", "organization", "place"):
            for name, alternates in self.of_kind(kind).items():  # type: ignore[arg-type]
                # "Foreign Ministry" is no key to the "Foreign Ministry of China": another
                # country's would be linked to it
                keys = [identity_key(form) for form in (name, *alternates)
                        if (kind != "person" or is_full_name(form))
                        and (form == name or not state_body(form))]
                if kind != "person" and (short := _without_suffix(kind, name)):
                    keys.append(short)  # "Trip.com" of "Trip.com Group"
                for key in keys:
                    names = index.setdefault((kind, key), [])  # type: ignore[index]
                    if name not in names:
                        names.append(name)
        return index

    @cached_property
    def _initials(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for name in self.organizations:
            letters = initials(name)
            # "South Korea national football team" is no "SK": an acronym skips only the
            # small words that join a name
            if len(letters) > 1 and all(w[:1].isupper() or w in CONNECTORS | PARTICLES | {"the"}
                                        for w in name.split()):
                index.setdefault(letters, []).append(name)
        return index

    def persons_named(self, surname: str) -> list[str]:
        """Known people a bare surname could mean (it resolves to none of them: it is flagged)."""
        return sorted(set(self._surnames.get(surname.casefold(), [])))

    def named(self, kind: Kind, name: str) -> list[str]:
        """The known entities this name or alias (however spelt) may be: one, or several when
        an alias is shared ("CPC"); none for a bare surname.

        Names that differ only in spelling are one entity, named by the first known (the
        store's).
        """
        if kind == "person" and not is_full_name(name):
            return []
        key = identity_key(name)
        found = self._by_key(kind, key)
        if not found and kind != "person" and (short := _without_suffix(kind, name)):
            # "Alibaba Group" for a known "Alibaba"; "SoftBank Corp" is not "SoftBank Group"
            suffix = _suffix_class(kind, name)
            found = {k: known for k, known in self._by_key(kind, short).items()
                     if k == short or _suffix_class(kind, known) in (None, suffix)}
        if len(found) > 1 and key in found and " " not in found[key]:
            del found[key]  # "ASEAN", named by its acronym before its full name was known
        return list(found.values())

    def _by_key(self, kind: Kind, key: str) -> dict[str, str]:
        """The known names under ``key``, one per spelling key (the first known)."""
        found: dict[str, str] = {}
        for known in self._keys.get((kind, key), []):
            found.setdefault(identity_key(known), known)
        return found

    def spelled_out(self, acronym: str) -> str | None:
        """The one known organisation whose initials are ``acronym`` ("UN": United Nations)."""
        names = self._initials.get(acronym, [])
        return names[0] if len(names) == 1 else None


# What a company's or a natural feature's name may end in or go without: "Trip.com Group" is
# Trip.com, "the Yangtze River" the Yangtze. A company's suffix says either what it is in law
# ("Corp", "Ltd": one company however spelt) or that it is the parent ("Group", "Holdings").
_SUFFIXES = {
    "organization": re.compile(
        r" (?:(?P<parent>group|holdings|holding)"
        r"|inc|ltd|limited|corporation|corp|co|company|plc|sa|ag|se|nv)$"
    ),
    "place": re.compile(r" (?:river|desert|mountains)$"),
}


def stem(kind: Kind, name: str) -> str | None:
    """The identity key of a company's or a feature's name without its suffix ("paraopeba" of
    "Paraopeba River"), or None if it has none."""
    key = identity_key(name)
    short = _SUFFIXES[kind].sub("", key)
    return short if short and short != key else None


def _without_suffix(kind: Kind, name: str) -> str | None:
    """The identity key of a company's or a feature's name without its suffix, if it has one
    and the rest is no place's name ("Hong Kong Holdings" is not Hong Kong, nor the Jordan
    River Jordan)."""
    short = stem(kind, name)
    if short is None or lexicon().place(name.rsplit(" ", 1)[0]) is not None:
        return None
    return short


def _suffix_class(kind: Kind, name: str) -> str | None:
    """ "parent" for "SoftBank Group", "legal" for "SoftBank Corp": a parent and a company in
    its group share their stem, so a stem alone links only names of one class or none."""
    suffix = _SUFFIXES[kind].search(identity_key(name))
    if suffix is None:
        return None
    return "parent" if suffix.groupdict().get("parent") else "legal"


@lru_cache(maxsize=1 << 16)
def identity_key(name: str) -> str:
    """One key for the spellings of a name: ASCII-folded, lower case, punctuation and
    transliteration variants ironed out ("Sergey Lavrov" and "Sergei Lavrov")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['’`.]", "", folded.casefold())
    folded = " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())
    if folded.startswith("the "):
        folded = folded[4:]
    for pattern, replacement in _SPELLINGS:
        folded = pattern.sub(replacement, folded)
    return folded


def is_full_name(name: str) -> bool:
    """A person's full name, not a bare surname ("Xi", "von der Leyen"); "Naveen-ul-Haq" is
    one."""
    words = name.split()
    return (len(words) > 1 and words[0].casefold() not in PARTICLES) or bool(
        _JOINED_NAME.match(name))


def state_body(name: str) -> bool:
    """ "Foreign Ministry", "Supreme Court", "Central Bank": a body every state has, one entity
    only with its country named."""
    words = name.split()
    lex = lexicon()
    return 2 <= len(words) <= 3 and words[-1].casefold() in lex.org_heads and all(
        w.casefold() in _STATE_BODIES for w in words[:-1])


@lru_cache(maxsize=1 << 16)
def surname_keys(name: str) -> tuple[str, ...]:
    """The single words a later bare mention may use for this person's full name.

    A Chinese name ("Wang Yi") is referred to by its family name, which comes first; other names
    by any of their words but the first ("Lula" in "Luiz Inácio Lula da Silva", "Tokayev"); a
    name joined by a particle by its first part ("Naveen" in "Naveen-ul-Haq").
    """
    words = name.split()
    if len(words) < 2:
        joined = _JOINED_NAME.match(name)  # "Naveen" of "Naveen-ul-Haq"
        return (joined.group(1).casefold(),) if joined else ()
    lex = lexicon()
    if len(words) == 2 and words[0].casefold() in lex.chinese_surnames and words[1][1:].islower():
        return (words[0].casefold(),)
    keys = tuple(
        key.casefold()
        for w in words[1:]
        for key in ((w, w.split("-", 1)[1]) if JOINED_PARTICLE.match(w) else (w,))  # "Sisi"
        if key[:1].isupper()
    )
    return keys or (words[-1].casefold(),)
