"""Publishing snapshots: what a killed publish leaves behind is cleaned up and never counted."""

from __future__ import annotations

from kg.ingest import ingest
from kg.publish import KEEP, publish
from kg.settings import Settings
from kg.snapshots import current
from kg.store.embedded import OxigraphStore
from tests.conftest import SEEDS


def test_a_killed_publish_leaves_nothing_the_next_one_keeps(settings: Settings):
    ingest([SEEDS], settings)
    snapshots = settings.snapshots_dir
    stale = snapshots / ".20200101T000000000000Z.partial"
    (stale / "store").mkdir(parents=True)  # what `kill -9` during a publish leaves
    store = OxigraphStore(settings.store_path, settings.base)
    try:
        publish(store, snapshots)
        assert not stale.exists()  # removed by the next publish, however few snapshots exist
        for _ in range(KEEP):
            publish(store, snapshots)
    finally:
        store.close()
    kept = sorted(p.name for p in snapshots.iterdir() if p.is_dir())
    assert len(kept) == KEEP and not any(name.startswith(".") for name in kept)
    assert current(snapshots).name == kept[-1]
