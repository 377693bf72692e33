"""Ingest benchmark: articles per second, peak memory and stages, by number of processes.

    python benchmarks/ingest.py [--sizes 1000 10000] [--processes 1 2] [--ner auto|model|rules]
                                [--repeat N]

Generates the articles deterministically (benchmarks/generate.py, cached under
benchmarks/out/), then ingests each size with each number of worker processes
(NEWSKG_INGEST_PROCESSES) into a fresh data folder in a child process, so that peak memory (max
RSS) is that ingest's alone: the writer's, and the largest of its workers'. Prints a table per
run (read, extract, map and validate are summed over the workers) and the scaling; with
``--repeat``, the process counts take turns and the scaling is that of the median runs. The name
finder's word lists are built into the cache folder (``NEWSKG_CACHE_DIR``) first, as a user's
first ingest leaves them: every timed run reads them from there.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.generate import generate  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
from kg import ingest as pipeline
from kg.settings import Settings

def max_rss_mb(who=resource.RUSAGE_SELF):
    return resource.getrusage(who).ru_maxrss / 1024

# Peak memory of reading, extracting, mapping, validating and storing, before publishing
# (whose dumps deduplicate triples, in memory proportional to the graph).
before_publish = {}
publish = pipeline.publish
def measured_publish(*args):
    before_publish["mb"] = max_rss_mb()
    return publish(*args)
pipeline.publish = measured_publish

settings = Settings.from_env(data_dir=Path(sys.argv[2]), ner=sys.argv[3],
                    ingest_processes=int(sys.argv[4]))
start = time.perf_counter()
report = pipeline.ingest([Path(sys.argv[1])], settings)
total = time.perf_counter() - start
print(json.dumps({"total": total, "stages": report.seconds, "tally": report.tally(),
                  "mode": report.extractor_mode, "processes": report.processes,
                  "triples": report.snapshot.stats.triples if report.snapshot else 0,
                  "rss_before_publish_mb": before_publish.get("mb", 0),
                  "max_rss_mb": max_rss_mb(),
                  "worker_rss_mb": max_rss_mb(resource.RUSAGE_CHILDREN),
                  "cpu": sum(getattr(resource.getrusage(who), field)
                             for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                             for field in ("ru_utime", "ru_stime"))}))
"""


def articles(size: int) -> Path:
    folder = HERE / "out" / f"articles-{size}"
    if not (folder / f"{size - 1:06d}.txt").exists():
        generate(size, folder)
    return folder


WARM = """
from kg.entities.lexicon import keep_in, lexicon
from kg.settings import Settings
keep_in(Settings.from_env().cache_dir)
lexicon()
"""


def run(size: int, ner: str, processes: int) -> dict:
    load = os.getloadavg()[0]  # the machine may be shared: say how busy it was
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(articles(size)), data, ner, str(processes)],
            check=True, capture_output=True, text=True, cwd=HERE.parent,
        )
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--ner", default="auto", choices=["auto", "model", "rules"])
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each process count, taking turns; the scaling is the "
                             "median's (a 2-core machine's timings vary by a second or two)")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-c", WARM], check=True, cwd=HERE.parent)
    for size in args.sizes:
        totals: dict[int, list[float]] = {}
        for processes in [n for _ in range(args.repeat) for n in args.processes]:
            result = run(size, args.ner, processes)
            total = result["total"]
            totals.setdefault(processes, []).append(total)
            workers = (f", largest worker {result['worker_rss_mb']:.0f} MiB"
                       if result["processes"] > 1 else "")
            print(f"\n{size} articles, names by {result['mode']}, {result['processes']} "
                  f"process(es): {total:.1f} s, {size / total:.1f} articles/s, CPU "
                  f"{result['cpu']:.1f} s (load before: {result['load']:.2f}), peak RSS "
                  f"{result['max_rss_mb']:.0f} MiB ({result['rss_before_publish_mb']:.0f} MiB "
                  f"before publishing){workers}, {result['triples']} triples, "
                  f"{result['tally']}")
            print(f"  {'stage':<10} {'seconds':>9} {'share':>7} {'articles/s':>11}")
            for stage, seconds in result["stages"].items():
                rate = f"{size / seconds:>11.0f}" if seconds > 0 else f"{'-':>11}"
                print(f"  {stage:<10} {seconds:>9.2f} {seconds / total:>7.1%} {rate}")
        if 1 not in totals:
            continue
        base = statistics.median(totals[1])
        runs = f" (median of {args.repeat} runs each)" if args.repeat > 1 else ""
        print(f"\nscaling at {size} articles{runs}: " + ", ".join(
            f"{n} processes {base / statistics.median(seconds):.2f}x"
            for n, seconds in totals.items() if n > 1))


if __name__ == "__main__":
    main()
