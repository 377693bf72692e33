"""How well and how fast newskg finds people, organisations and places, against the gold.

    .venv/bin/python benchmarks/extraction.py [--mode model|rules|both] [--corpus DIR]

Scoring is entity-level per article and per type. A gold entity is found when its canonical name
or one of its surface forms matches an extracted entity's name, mentions or alternate names
(case-insensitive, white space normalised); an extracted entity that matches no gold entity is a
false positive. Identity: of the gold entities named in two files or more (same canonical name),
the share whose matching extracted entities got exactly one IRI across all those files.
It prints a report and always exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.articles import Article, read_article
from kg.entities import Extractor
from kg.entities.model import Entity, Extraction
from kg.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"
KINDS = (("person", "persons"), ("organization", "organizations"), ("place", "places"))
BASE = "http://localhost:5000"


@dataclass
class Score:
    """Counts for one type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per type, cross-article identity and speed for one mode."""

    mode: str
    scores: dict[str, Score]
    identity: float
    identity_total: int
    identity_misses: list[str]
    per_second: float


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _forms(names: Iterable[str]) -> set[str]:
    return {norm(n) for n in names if n.strip()}


def load_gold(corpus: Path) -> list[dict]:
    """Gold records for the articles in ``corpus`` (gold.json, plus seed-gold.json if there)."""
    gold: list[dict] = []
    for name in ("gold.json", "seed-gold.json"):
        path = corpus / name
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            gold.extend(data if isinstance(data, list) else [data])
    return [g for g in gold if (corpus / g["file"]).exists()]


def load_articles(corpus: Path, gold: list[dict]) -> list[Article]:
    settings = Settings()
    return [
        read_article(
            corpus / g["file"],
            max_file_bytes=settings.max_file_bytes,
            max_field_chars=settings.max_field_chars,
        )
        for g in gold
    ]


def score(
    gold: list[dict], extractions: list[Extraction]
) -> tuple[dict[str, Score], float, int, list[str]]:
    """Per-type scores, and the identity share over gold entities named in several files."""
    scores = {kind: Score() for kind, _ in KINDS}
    iris: dict[tuple[str, str], set[str]] = defaultdict(set)
    files: dict[tuple[str, str], int] = defaultdict(int)
    for record, extraction in zip(gold, extractions, strict=True):
        for kind, key in KINDS:
            found: list[Entity] = getattr(extraction, key)
            found_forms = [_forms([e.name, *e.mentions, *e.alternate_names]) for e in found]
            matched = [False] * len(found)
            for entity in record[key]:
                forms = _forms([entity["name"], *entity["mentions"]])
                hits = [i for i, f in enumerate(found_forms) if f & forms]
                files[(kind, entity["name"])] += 1
                for i in hits:
                    matched[i] = True
                    iris[(kind, entity["name"])].add(found[i].iri(BASE))
                if hits:
                    scores[kind].tp += 1
                else:
                    scores[kind].fn += 1
                    scores[kind].misses.append(f"{record['file'][:3]}:{entity['name']}")
            for entity, hit in zip(found, matched, strict=True):
                if not hit:
                    scores[kind].fp += 1
                    scores[kind].extras.append(f"{record['file'][:3]}:{entity.name}")
    shared = [k for k, n in files.items() if n >= 2]
    good = [k for k in shared if len(iris[k]) == 1]
    misses = [f"{k[1]} ({len(iris[k])} IRIs)" for k in shared if len(iris[k]) != 1]
    return scores, (len(good) / len(shared) if shared else 1.0), len(shared), misses


def run(mode: str, corpus: Path) -> Report:
    gold = load_gold(corpus)
    articles = load_articles(corpus, gold)
    extractor = Extractor(Settings.from_env(ner=mode))
    extractor.extract(articles[:1])  # load the model outside the timing
    started = time.perf_counter()
    extractions = extractor.extract(articles)
    elapsed = time.perf_counter() - started
    scores, identity, total, misses = score(gold, extractions)
    return Report(extractor.mode, scores, identity, total, misses, len(articles) / elapsed)


def print_report(report: Report, verbose: bool) -> None:
    print(f"\nmode: {report.mode}")
    print(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    for kind, s in report.scores.items():
        print(f"{kind:<14}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}")
    print(f"cross-article identity: {report.identity:.3f} of {report.identity_total} entities")
    print(f"speed: {report.per_second:.1f} articles/s")
    if verbose:
        for kind, s in report.scores.items():
            print(f"  {kind} missed: {', '.join(s.misses)}")
            print(f"  {kind} extra:  {', '.join(s.extras)}")
        print(f"  identity misses: {', '.join(report.identity_misses)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("model", "rules", "both"), default="both")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    modes = ("model", "rules") if args.mode == "both" else (args.mode,)
    for mode in modes:
        try:
            report = run(mode, args.corpus)
        except Exception as exc:  # a report, not a gate: say why a mode could not run
            print(f"\nmode: {mode}: not run ({exc})")
            continue
        print_report(report, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
