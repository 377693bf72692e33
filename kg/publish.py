"""Publishing snapshots: the consistent, read-only states the web tier serves.

After each ingest that changed something, the live store is copied into
``{data_dir}/snapshots/{name}/store`` (hard links: well under a second), its dump files are
written once beside it, its statistics go to ``meta.json``, and ``snapshots/CURRENT`` is switched
to it atomically. Web workers see the new name on their next request and reopen.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from kg import __version__
from kg.store import DUMP_FORMATS
from kg.store.embedded import OxigraphStore, from_ntriples

CURRENT = "CURRENT"
KEEP = 3  # snapshots kept: the current one and two a slow request may still be reading
SERVED_DUMPS = ("turtle", "ntriples", "nquads")

_COUNTS = """
PREFIX schema: <http://schema.org/>
SELECT
  (SUM(IF(?t = schema:NewsArticle, 1, 0)) AS ?articles)
  (SUM(IF(?t = schema:Person, 1, 0)) AS ?persons)
  (SUM(IF(?t = schema:Organization, 1, 0)) AS ?organizations)
  (SUM(IF(?t = schema:Place, 1, 0)) AS ?places)
WHERE { SELECT DISTINCT ?s ?t WHERE {
  ?s a ?t VALUES ?t { schema:NewsArticle schema:Person schema:Organization schema:Place } } }
"""


# One thing of each kind for `kg serve` to print. Read here, not by the server: a pyoxigraph
# store opened in gunicorn's master process, even closed again, crashes forked workers on exit.
_EXAMPLE = "SELECT ?s WHERE { ?s a <http://schema.org/%s> } LIMIT 1"
_EXAMPLE_CLASSES = ("NewsArticle", "Person", "Organization", "Place")


@dataclass(frozen=True)
class Stats:
    articles: int
    persons: int
    organizations: int
    places: int
    triples: int


@dataclass(frozen=True)
class Snapshot:
    """A published snapshot: its folder, name and statistics."""

    path: Path
    name: str
    created: str
    version: str
    stats: Stats
    examples: tuple[str, ...] = ()  # an article, a person, an organisation, a place

    @property
    def store_path(self) -> Path:
        return self.path / "store"

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.name.encode()).hexdigest()[:20]

    def dump_path(self, format: str) -> Path:
        return self.path / f"dump.{DUMP_FORMATS[format][1]}"


def stats(store: OxigraphStore, triples: int | None = None) -> Stats:
    """Counts of the store; ``triples`` when already known (counting them is a full pass)."""
    row = store.select(_COUNTS)[0]
    return Stats(
        **{k: int(row.get(k, 0)) for k in ("articles", "persons", "organizations", "places")},
        triples=store.count_triples() if triples is None else triples,
    )


def _lines(path: Path) -> int:
    """Lines of a file, read in chunks: the triples of an N-Triples dump, one per line."""
    count = 0
    with open(path, "rb") as source:
        while chunk := source.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def publish(store: OxigraphStore, snapshots_dir: Path) -> Snapshot:
    """Snapshot the store, write its dumps and meta, switch CURRENT to it, prune old ones."""
    snapshots_dir.mkdir(parents=True, exist_ok=True)
    _remove_partials(snapshots_dir)
    now = dt.datetime.now(dt.UTC)
    name = now.strftime("%Y%m%dT%H%M%S%fZ")
    work = snapshots_dir / f".{name}.partial"
    work.mkdir()
    store.count_mentions()
    store.snapshot(work / "store")
    dumps = {fmt: work / f"dump.{DUMP_FORMATS[fmt][1]}" for fmt in SERVED_DUMPS}
    for fmt in ("ntriples", "nquads"):
        with open(dumps[fmt], "wb") as out:
            store.dump(out, fmt)
    with open(dumps["turtle"], "wb") as out:  # from the distinct triples just written
        from_ntriples(dumps["ntriples"], out, "turtle")
    snapshot = Snapshot(
        path=snapshots_dir / name,
        name=name,
        created=now.isoformat(timespec="seconds"),
        version=__version__,
        # The N-Triples dump has just deduplicated every triple: count its lines rather than
        # deduplicate them all again.
        stats=stats(store, triples=_lines(dumps["ntriples"])),
        examples=tuple(row["s"] for cls in _EXAMPLE_CLASSES
                       for row in store.select(_EXAMPLE % cls)),
    )
    meta = {"name": name, "created": snapshot.created, "version": __version__,
            "stats": asdict(snapshot.stats), "examples": list(snapshot.examples)}
    (work / "meta.json").write_text(json.dumps(meta, indent=2))
    work.rename(snapshot.path)
    _write_atomically(snapshots_dir / CURRENT, name)
    _prune(snapshots_dir, keep=KEEP)
    return snapshot


def current(snapshots_dir: Path) -> Snapshot | None:
    """The snapshot CURRENT points at, or None before the first publish."""
    try:
        name = (snapshots_dir / CURRENT).read_text().strip()
        meta = json.loads((snapshots_dir / name / "meta.json").read_text())
    except (OSError, ValueError):
        return None
    return Snapshot(
        path=snapshots_dir / name,
        name=name,
        created=meta["created"],
        version=meta["version"],
        stats=Stats(**meta["stats"]),
        examples=tuple(meta.get("examples", ())),  # older snapshots have none
    )


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def _prune(snapshots_dir: Path, keep: int) -> None:
    names = sorted(p.name for p in snapshots_dir.iterdir()
                   if p.is_dir() and not p.name.startswith("."))
    for name in names[:-keep]:
        shutil.rmtree(snapshots_dir / name, ignore_errors=True)


def _remove_partials(snapshots_dir: Path) -> None:
    """Remove what a killed publish left half-written.

    Only the holder of the store's write lock publishes, so no other publish can be writing one.
    """
    for partial in snapshots_dir.glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)
