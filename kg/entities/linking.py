"""sameAs links to Wikidata, only from a source the project can stand behind.

Two sources, both off by default: a reviewed CSV table (``settings.wikidata_table``, columns
``name,type,qid``) and an opt-in online lookup (``settings.wikidata_online``) against Wikidata's
``wbsearchentities`` API. The online lookup links a name only when exactly one item has it as its
exact label or alias, and caches every answer under ``settings.data_dir``; tests replace
:func:`fetch_json`. No link is ever made from the name alone, and no network call by default.
"""

from __future__ import annotations

import csv
import json
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.entities.model import Extraction
from kg.settings import Settings

WIKIDATA = "http://www.wikidata.org/entity/"
API = "https://www.wikidata.org/w/api.php"
USER_AGENT = "newskg/0.1 (entity linking)"
KINDS = {
    "person": "person",
    "organization": "organization",
    "organisation": "organization",
    "place": "place",
}


class LinkingError(ValueError):
    """The reviewed table cannot be read."""


def fetch_json(url: str, timeout: float = 10.0) -> Any:
    """GET ``url`` and parse JSON (the one network call; tests replace it)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def read_table(path: Path | str) -> dict[tuple[str, str], str]:
    """``(kind, casefolded name) → QID`` from a reviewed CSV with columns name,type,qid."""
    table: dict[tuple[str, str], str] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            try:
                kind = KINDS[row["type"].strip().casefold()]
                qid = row["qid"].strip()
                name = row["name"].strip()
            except (KeyError, AttributeError):
                raise LinkingError(f"{path}:{number}: expected columns name,type,qid") from None
            if not (qid[:1] == "Q" and qid[1:].isdigit()) or not name:
                raise LinkingError(f"{path}:{number}: {qid!r} is not a Wikidata QID")
            table[(kind, name.casefold())] = qid
    return table


class Linker:
    """Adds ``same_as`` Wikidata IRIs to extracted entities, from the configured sources."""

    def __init__(self, settings: Settings) -> None:
        self.table = read_table(settings.wikidata_table) if settings.wikidata_table else {}
        self.online = settings.wikidata_online
        self.cache_path = Path(settings.data_dir) / "wikidata-cache.json"
        self._cache: dict[str, str | None] | None = None

    def link(self, extractions: Iterable[Extraction]) -> None:
        if not self.table and not self.online:
            return
        for extraction in extractions:
            for entity in extraction.all():
                qid = self.table.get((entity.kind, entity.name.casefold()))
                if qid is None and self.online and not entity.ambiguous:
                    qid = self._lookup(entity.name)
                if qid and WIKIDATA + qid not in entity.same_as:
                    entity.same_as.append(WIKIDATA + qid)
        self._save()

    def _lookup(self, name: str) -> str | None:
        cache = self._load()
        if name not in cache:
            query = urllib.parse.urlencode(
                {
                    "action": "wbsearchentities",
                    "search": name,
                    "language": "en",
                    "type": "item",
                    "limit": 10,
                    "format": "json",
                }
            )
            cache[name] = _unique_exact(fetch_json(f"{API}?{query}"), name)
        return cache[name]

    def _load(self) -> dict[str, str | None]:
        if self._cache is None:
            try:
                self._cache = json.loads(self.cache_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._cache = {}
        return self._cache

    def _save(self) -> None:
        if self._cache is not None:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_path.with_suffix(".tmp")
            tmp.write_text(
                json.dumps(self._cache, ensure_ascii=False, sort_keys=True, indent=0),
                encoding="utf-8",
            )
            tmp.replace(self.cache_path)


def _unique_exact(answer: Any, name: str) -> str | None:
    """The QID of the one result whose label or alias is exactly ``name``; None otherwise."""
    wanted = name.casefold()
    hits = {
        item["id"]
        for item in answer.get("search", [])
        if isinstance(item, dict)
        and "id" in item
        and (
            str(item.get("label", "")).casefold() == wanted
            or (
                str(item.get("match", {}).get("text", "")).casefold() == wanted
                and item.get("match", {}).get("type") in ("label", "alias")
            )
        )
    }
    return hits.pop() if len(hits) == 1 else None
