"""Publish benchmark: what `kg publish` takes, in time and peak memory, on a filled store.

    python benchmarks/publish.py [--size 100000] [--data FOLDER]

Runs `kg publish` as a user would (a child process, on ``benchmarks/out/data-{size}`` as
benchmarks/serve.py leaves it, or on ``--data``): a snapshot of the store, the mention counts,
the dumps in every served format with each distinct triple once (sorted runs merged on disk),
the meta. Prints the wall time and the child's peak RSS, and the snapshot's size.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kg.snapshots import current  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=None,
                        help="a data folder (default benchmarks/out/data-SIZE)")
    args = parser.parse_args()
    data = (args.data or HERE / "out" / f"data-{args.size}").resolve()
    if current(data / "snapshots") is None:
        sys.exit(f"nothing published under {data}: run benchmarks/serve.py --sizes {args.size}")
    load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "publish"], check=True, capture_output=True,
                   env={**os.environ, "NEWSKG_DATA_DIR": str(data)})
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    snapshot = current(data / "snapshots")
    assert snapshot is not None
    dumps = sum(f.stat().st_size for f in snapshot.path.iterdir() if f.name.startswith("dump."))
    print(f"kg publish, {snapshot.stats.articles} articles, {snapshot.stats.triples} distinct "
          f"triples: {seconds:.1f} s, peak RSS {peak:.0f} MiB (load before: {load:.2f}); "
          f"dumps {dumps / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
