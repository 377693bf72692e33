"""What a data folder records about itself: the base IRI its data was minted under, the store's
format, and a rebase under way (``{data_dir}/newskg.json``).

IRIs belong to the data. The first ingest records the base it minted under; every later command
reads it, so serving on another host or port, or ingesting again, never needs the base repeated,
and a command given another base stops instead of minting a second copy of every article (or
serving documents it cannot find). `kg rebase NEW` rewrites the store under a new base.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from kg.settings import DEFAULT_BASE, Settings, env_name
from kg.snapshots import STORE_FORMAT, read_meta
from kg.store import WritableStore, open_store

FILE = "newskg.json"


class BaseMismatch(Exception):
    """A command was given a base IRI other than the one the data was minted under."""


@dataclass(frozen=True)
class Record:
    base_iri: str
    store_format: int = STORE_FORMAT  # 1: newskg 0.1's store, whose default graph is empty
    rebase_to: str | None = None  # set while `kg rebase` swaps the store


def read(data_dir: Path) -> Record | None:
    """The folder's record; None for a folder no newskg has written to (or 0.1's: see
    :func:`_inferred`)."""
    try:
        return Record(**json.loads((data_dir / FILE).read_text()))
    except FileNotFoundError:
        return _inferred(data_dir)


def write(data_dir: Path, record: Record) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    temporary = data_dir / (FILE + ".tmp")
    temporary.write_text(json.dumps(asdict(record), indent=2) + "\n")
    os.replace(temporary, data_dir / FILE)


def resolve(settings: Settings) -> Settings:
    """``settings`` with the base IRI of the data in its folder.

    The recorded base wins; a base given explicitly (``--base-iri``, ``NEWSKG_BASE_IRI``) must
    be the same, else :class:`BaseMismatch` says what to do. A folder with no data yet takes the
    base given, or the default.
    """
    record = finish_rebase(settings.data_dir)
    if record is None:
        return settings.replace(base_iri=settings.base_iri or DEFAULT_BASE)
    asked = settings.base_iri.rstrip("/")
    if asked and asked != record.base_iri:
        raise BaseMismatch(
            f"the data in {settings.data_dir} was minted under {record.base_iri}, but "
            f"{env_name('base_iri')} / --base-iri says {asked}. Leave the base unset (it is "
            f"recorded with the data), or rewrite the data under the new one with "
            f"`kg rebase {asked}`")
    return settings.replace(base_iri=record.base_iri)


def open_for_writing(settings: Settings) -> WritableStore:
    """The folder's store open for writing (``settings`` resolved), in the current format, its
    base recorded."""
    record = read(settings.data_dir)
    store = open_store(settings.store_path, settings.base)
    if record is not None and record.store_format < STORE_FORMAT:
        store.rebuild_default_graph()
    wanted = Record(base_iri=settings.base)
    if record != wanted:
        write(settings.data_dir, wanted)
    return store


def rebase(settings: Settings, base: str) -> None:
    """Rewrite the folder's store with every IRI under ``base`` instead of the recorded base,
    and record it (``settings`` resolved). A rebase stopped half-way is completed or undone by
    the next command (:func:`finish_rebase`)."""
    store_path = settings.store_path
    rebased, old = store_path.with_name("store.rebased"), store_path.with_name("store.old")
    shutil.rmtree(rebased, ignore_errors=True)
    store = open_for_writing(settings)
    try:
        write(settings.data_dir, Record(base_iri=settings.base, rebase_to=base))
        store.rebased_copy(rebased, base)
    finally:
        store.close()
    store_path.rename(old)
    rebased.rename(store_path)
    finish_rebase(settings.data_dir)


def finish_rebase(data_dir: Path) -> Record | None:
    """The record, after completing or undoing a `kg rebase` that stopped half-way.

    A rebase builds ``store.rebased``, then swaps it in (``store`` → ``store.old``,
    ``store.rebased`` → ``store``), then records the new base. Whatever stopped it, the state on
    disk says which side of the swap it was on.
    """
    record = read(data_dir)
    if record is None or record.rebase_to is None:
        return record
    store = data_dir / "store"
    rebased, old = store.with_name("store.rebased"), store.with_name("store.old")
    if rebased.exists():  # before the swap: the old store is whole
        shutil.rmtree(rebased)
        record = replace(record, rebase_to=None)
    else:  # after it: the store holds the new IRIs
        shutil.rmtree(old, ignore_errors=True)
        record = replace(record, base_iri=record.rebase_to, rebase_to=None)
    write(data_dir, record)
    return record


def _inferred(data_dir: Path) -> Record | None:
    """The base of a folder written by newskg 0.1, read from its current snapshot's examples."""
    meta = read_meta(data_dir / "snapshots")
    examples = meta.get("examples") if meta else None
    if not examples:
        return None
    return Record(base_iri=str(examples[0]).split("/id/", 1)[0], store_format=1)
