"""Published snapshots, read side: which one is current, and what it holds.

A snapshot is a folder ``{data_dir}/snapshots/{name}/`` holding a read-only copy of the store
(``store/``), its dump files and ``meta.json`` (statistics, examples); ``snapshots/CURRENT`` names
the one being served. :mod:`kg.publish` writes them; the web tier and the reading commands only
read them, through this module.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from kg.formats import Format

CURRENT = "CURRENT"
# 2: the default graph is the set union of the named graphs (see kg.store.embedded).
STORE_FORMAT = 2


class SnapshotError(Exception):
    """The current snapshot cannot be read; the message says what to run."""


@dataclass(frozen=True)
class Stats:
    articles: int
    persons: int
    organizations: int
    places: int
    triples: int


@dataclass(frozen=True)
class Snapshot:
    """A published snapshot: its folder, name, the base its IRIs are minted under, statistics."""

    path: Path
    name: str
    created: str
    version: str
    base: str
    stats: Stats
    examples: tuple[str, ...] = ()  # an article, a person, an organisation, a place
    store_format: int = 2  # see kg.folder.STORE_FORMAT

    @property
    def store_path(self) -> Path:
        return self.path / "store"

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.name.encode()).hexdigest()[:20]

    def dump_path(self, fmt: Format) -> Path:
        return self.path / f"dump.{fmt.suffix}"

    def meta(self) -> dict[str, object]:
        """What ``meta.json`` holds."""
        return {"name": self.name, "created": self.created, "version": self.version,
                "base_iri": self.base, "store_format": self.store_format,
                "stats": vars(self.stats), "examples": list(self.examples)}


def is_published(snapshots_dir: Path) -> bool:
    """Whether a readable snapshot is current (a damaged one is not: publishing repairs it)."""
    try:
        return current(snapshots_dir) is not None
    except SnapshotError:
        return False


def read_meta(snapshots_dir: Path) -> dict[str, object] | None:
    """What the current snapshot's ``meta.json`` says, unchecked; None if it cannot be read."""
    try:
        name = (snapshots_dir / CURRENT).read_text().strip()
        meta = json.loads((snapshots_dir / name / "meta.json").read_text())
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def current(snapshots_dir: Path) -> Snapshot | None:
    """The snapshot ``CURRENT`` names; None before the first publish.

    Raises :class:`SnapshotError` when ``CURRENT`` names a snapshot that cannot be read (a
    damaged or removed folder, or one an older newskg published): that is not "nothing
    published", and `kg publish` repairs it.
    """
    try:
        name = (snapshots_dir / CURRENT).read_text().strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SnapshotError(f"cannot read {CURRENT}: {exc.strerror}; run `kg publish`") from None
    try:
        meta = json.loads((snapshots_dir / name / "meta.json").read_text())
        if isinstance(meta, dict) and meta.get("store_format", 1) < STORE_FORMAT:
            raise SnapshotError(f"the current snapshot {name!r} was published by an older "
                                "newskg; run `kg publish` to publish the store again")
        snapshot = Snapshot(
            path=snapshots_dir / name,
            name=name,
            created=meta["created"],
            version=meta["version"],
            base=meta["base_iri"],
            stats=Stats(**meta["stats"]),
            examples=tuple(meta["examples"]),
            store_format=meta["store_format"],
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
        raise SnapshotError(f"the current snapshot {name!r} cannot be read ({reason}); run "
                            "`kg publish` to publish the store again") from None
    return snapshot
