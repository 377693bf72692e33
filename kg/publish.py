"""Publishing snapshots, write side: the consistent, read-only states the web tier serves.

After each ingest that changed something, the live store is copied into
``{data_dir}/snapshots/{name}/store`` (hard links: well under a second), its dump files are
written once beside it, its statistics go to ``meta.json``, and ``snapshots/CURRENT`` is switched
to it atomically. Web workers see the new name on their next request and reopen
(:mod:`kg.snapshots` is the read side).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

from kg import __version__
from kg.formats import NTRIPLES, SERVED_DUMPS, TURTLE, from_ntriples
from kg.snapshots import CURRENT, Snapshot, Stats
from kg.store import Store, WritableStore
from kg.vocab import CLASSES, schema

KEEP = 3  # snapshots kept: the current one and two a slow request may still be reading

_COUNTS = f"""
SELECT
  (SUM(IF(?t = <{schema.NewsArticle}>, 1, 0)) AS ?articles)
  (SUM(IF(?t = <{schema.Person}>, 1, 0)) AS ?persons)
  (SUM(IF(?t = <{schema.Organization}>, 1, 0)) AS ?organizations)
  (SUM(IF(?t = <{schema.Place}>, 1, 0)) AS ?places)
WHERE {{ SELECT DISTINCT ?s ?t WHERE {{
  ?s a ?t VALUES ?t {{ {" ".join(f"<{c}>" for c in CLASSES.values())} }} }} }}
"""
# One thing of each kind for `kg serve` to print. Read here, not by the server: a pyoxigraph
# store opened in gunicorn's master process, even closed again, crashes forked workers on exit.
_EXAMPLE = "SELECT ?s WHERE { ?s a <%s> } LIMIT 1"


def stats(store: Store, triples: int | None = None) -> Stats:
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


def publish(store: WritableStore, snapshots_dir: Path) -> Snapshot:
    """Snapshot the store, write its dumps and meta, switch CURRENT to it, prune old ones."""
    snapshots_dir.mkdir(parents=True, exist_ok=True)
    _remove_partials(snapshots_dir)
    now = dt.datetime.now(dt.UTC)
    name = now.strftime("%Y%m%dT%H%M%S%fZ")
    work = snapshots_dir / f".{name}.partial"
    work.mkdir()
    store.count_mentions()
    store.snapshot(work / "store")
    dumps = {fmt: work / f"dump.{fmt.suffix}" for fmt in SERVED_DUMPS}
    for fmt in SERVED_DUMPS:
        if fmt is not TURTLE:
            with open(dumps[fmt], "wb") as out:
                store.dump(out, fmt)
    with open(dumps[TURTLE], "wb") as out:  # from the distinct triples just written
        from_ntriples(dumps[NTRIPLES], out, TURTLE)
    snapshot = Snapshot(
        path=snapshots_dir / name,
        name=name,
        created=now.isoformat(timespec="seconds"),
        version=__version__,
        base=store.base,
        # The N-Triples dump has just deduplicated every triple: count its lines rather than
        # deduplicate them all again.
        stats=stats(store, triples=_lines(dumps[NTRIPLES])),
        examples=tuple(row["s"] for cls in CLASSES.values()
                       for row in store.select(_EXAMPLE % cls)),
    )
    (work / "meta.json").write_text(json.dumps(snapshot.meta(), indent=2))
    work.rename(snapshot.path)
    _write_atomically(snapshots_dir / CURRENT, name)
    _prune(snapshots_dir, keep=KEEP)
    return snapshot


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
