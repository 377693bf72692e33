"""How well and how fast newskg finds people, organisations and places, scored as the checkers do.

    .venv/bin/python benchmarks/extraction.py [--ner auto|model|rules] [--heldout] [-v]

Each annotated set (``dev``: tests/fixtures/corpus; ``tune``: tests/fixtures/corpus-tune;
``check``: tests/fixtures/corpus-check; ``heldout`` to ``heldout16``: tests/fixtures/corpus-heldout
to -heldout16, each scored once unread and then read, so in-sample now; ``heldout18``:
tests/fixtures/corpus-heldout18, seen by mistake before it was scored, so in-sample too; and,
only with ``--heldout``, ``heldout17``: tests/fixtures/corpus-heldout17, the unread set) is
evaluated in a
fresh data folder where the real ``kg ingest`` has first ingested every other set (in that
order). Two readings of the evaluated set:

- ``extract``: what ``kg extract --json`` prints for it, given that store;
- ``published``: after ``kg ingest`` of the set, its articles' linked entities read back from the
  published snapshot (``schema:mentions``, with their names and alternate names as stored).

Scoring is entity-level per article and per type. A gold entity is found when a linked entity of
the same type carries (as its name or an alternate name) the gold name or one of its surface forms
(case-insensitive, white space normalised); each linked entity matches at most one gold entity
(a maximum matching). Linked entities matching no gold entity are false positives. A *wrong
link* is a person or organisation linked to an article that names no gold entity it matches (of
any type); ``not in text`` counts those none of whose names occur in the article at all (a name
brought in from another article). *Identity*: of the gold entities named in two files or more of
the set, the share matched by exactly one IRI across those files. ``plain spaCy`` scores the
small model alone (PERSON, ORG, GPE/LOC/FAC; no rules) on the same texts.

Speed: articles/s of the extractor in one process (``NEWSKG_NER_PROCESSES=1``, best of three)
on the texts of the sets evaluated, and of the plain spaCy model (tok2vec and ner, ``nlp.pipe``)
on the same texts; the ratio is the extractor's time over the model's. Prints a report; exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg import ids
from kg.articles import Article, read_article
from kg.entities import Extractor
from kg.entities import nlp as nlp_loader
from kg.entities.mentions import MODEL_KINDS, document
from kg.settings import Settings
from kg.snapshots import current
from kg.store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
SETS = {"dev": FIXTURES / "corpus", "tune": FIXTURES / "corpus-tune",
        "check": FIXTURES / "corpus-check"}
# The held-out sets of stops 7 to 20, each scored once unread and then read: in-sample now.
SETS["heldout"] = FIXTURES / "corpus-heldout"
SETS["heldout2"] = FIXTURES / "corpus-heldout2"
SETS["heldout3"] = FIXTURES / "corpus-heldout3"
SETS["heldout4"] = FIXTURES / "corpus-heldout4"
SETS["heldout5"] = FIXTURES / "corpus-heldout5"
SETS["heldout6"] = FIXTURES / "corpus-heldout6"
SETS["heldout7"] = FIXTURES / "corpus-heldout7"
SETS["heldout8"] = FIXTURES / "corpus-heldout8"
SETS["heldout9"] = FIXTURES / "corpus-heldout9"
SETS["heldout10"] = FIXTURES / "corpus-heldout10"
SETS["heldout11"] = FIXTURES / "corpus-heldout11"
SETS["heldout12"] = FIXTURES / "corpus-heldout12"
SETS["heldout13"] = FIXTURES / "corpus-heldout13"
SETS["heldout14"] = FIXTURES / "corpus-heldout14"
SETS["heldout15"] = FIXTURES / "corpus-heldout15"
SETS["heldout16"] = FIXTURES / "corpus-heldout16"
# Written at stop 21 to be unread, but seen during it (no rule was written from it)
SETS["heldout18"] = FIXTURES / "corpus-heldout18"
HELDOUT = ("heldout17", FIXTURES / "corpus-heldout17")
IN_SAMPLE = {name: "in-sample" for name in SETS} | {HELDOUT[0]: "unseen"}
KINDS = (("person", "persons"), ("organization", "organizations"), ("place", "places"))
BASE = "http://localhost:5000"
SCHEMA = "http://schema.org/"
_THE = re.compile(r"^[Tt]he\s+|['’]s?$")
_LINKED = f"""
SELECT ?e ?type ?name ?alt WHERE {{
  GRAPH <{{graph}}> {{ <{{article}}> <{SCHEMA}mentions> ?e }}
  ?e a ?type ; <{SCHEMA}name> ?name .
  VALUES ?type {{ <{SCHEMA}Person> <{SCHEMA}Organization> <{SCHEMA}Place> }}
  OPTIONAL {{ ?e <{SCHEMA}alternateName> ?alt }}
}}"""


@dataclass
class Linked:
    """An entity an article links to: its IRI and every name it carries."""

    kind: str
    iri: str
    names: set[str] = field(default_factory=set)


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
class Result:
    """One reading of one set: scores per type, wrong links, identity."""

    label: str
    scores: dict[str, Score]
    wrong: list[str]
    not_in_text: list[str]
    identity: tuple[int, int]  # entities with one IRI, entities named in two files or more
    split: list[str]


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def load_gold(corpus: Path) -> list[dict]:
    """Gold records for the articles in ``corpus`` (gold.json, plus seed-gold.json if there)."""
    gold: list[dict] = []
    for name in ("gold.json", "seed-gold.json"):
        path = corpus / name
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            gold.extend(data if isinstance(data, list) else [data])
    return sorted((g for g in gold if (corpus / g["file"]).exists()), key=lambda g: g["file"])


def load_articles(corpus: Path, gold: list[dict]) -> list[Article]:
    settings = Settings()
    return [
        read_article(corpus / g["file"], max_file_bytes=settings.max_file_bytes,
                     max_field_chars=settings.max_field_chars)
        for g in gold
    ]


def max_matching(edges: list[list[int]], right: int) -> dict[int, int]:
    """A maximum bipartite matching (Kuhn's augmenting paths): right index → left index."""
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for r in edges[left]:
            if r not in seen:
                seen.add(r)
                if r not in owner or augment(owner[r], seen):
                    owner[r] = left
                    return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return owner


def score(label: str, gold: list[dict], articles: Sequence[Article],
          linked: Sequence[list[Linked]]) -> Result:
    """Scores of one reading: ``linked[i]`` is what article ``i`` links to."""
    scores = {kind: Score() for kind, _ in KINDS}
    wrong: list[str] = []
    not_in_text: list[str] = []
    iris: dict[tuple[str, str], set[str]] = defaultdict(set)
    files: dict[tuple[str, str], int] = defaultdict(int)
    for record, article, found in zip(gold, articles, linked, strict=True):
        tag = record["file"][:3]
        every_form = set()
        for kind, key in KINDS:
            golds = record[key]
            forms = [{norm(n) for n in (g["name"], *g["mentions"])} for g in golds]
            every_form.update(*forms)
            mine = [e for e in found if e.kind == kind]
            names = [{norm(n) for n in e.names} for e in mine]
            edges = [[j for j, n in enumerate(names) if n & f] for f in forms]
            owner = max_matching(edges, len(mine))
            matched = {left: right for right, left in owner.items()}
            s = scores[kind]
            for i, g in enumerate(golds):
                files[(kind, g["name"])] += 1
                if i in matched:
                    s.tp += 1
                    iris[(kind, g["name"])].add(mine[matched[i]].iri)
                else:
                    s.fn += 1
                    s.misses.append(f"{tag}:{g['name']}")
            for j, e in enumerate(mine):
                if j not in owner:
                    s.fp += 1
                    s.extras.append(f"{tag}:{min(e.names)}")
        text = norm(f"{article.title}\n{article.text}")
        for e in found:
            if e.kind == "place" or any(norm(n) in every_form for n in e.names):
                continue
            wrong.append(f"{tag}:{e.kind}:{min(e.names)}")
            if not any(norm(n) in text for n in e.names):
                not_in_text.append(wrong[-1])
    shared = [k for k, n in files.items() if n >= 2]
    split = [f"{k[1]} ({len(iris[k])} IRIs)" for k in shared if len(iris[k]) > 1]
    good = sum(1 for k in shared if len(iris[k]) == 1)
    return Result(label, scores, wrong, not_in_text, (good, len(shared)), split)


def kg(data_dir: Path, ner: str, *args: str) -> str:
    """Run the real ``kg`` command on ``data_dir``; its standard output."""
    env = {**os.environ, "NEWSKG_DATA_DIR": str(data_dir), "NEWSKG_BASE_IRI": BASE,
           "NEWSKG_NER": ner}
    done = subprocess.run([sys.executable, "-m", "kg", *args], env=env, capture_output=True,
                          text=True, check=False)
    if done.returncode not in (0, 1):  # 1: some file rejected (gold.json is no article)
        raise RuntimeError(f"kg {' '.join(args)} failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def from_json(line: str) -> list[Linked]:
    data = json.loads(line)
    return [Linked(kind, e["iri"], {e["name"], *e.get("alternate_names", [])})
            for kind, key in KINDS for e in data[key]]


def extract_alone(corpus: Path, ner: str) -> Result:
    """The set's extraction in this process, with nothing known beforehand (for the tests)."""
    gold = load_gold(corpus)
    articles = load_articles(corpus, gold)
    found = [[Linked(e.kind, e.iri(BASE), {e.name, *e.alternate_names}) for e in x.all()]
             for x in Extractor(Settings(ner=ner)).extract(articles)]
    return score(f"{corpus.name} extract alone", gold, articles, found)


def read_back(data_dir: Path, articles: Sequence[Article]) -> list[list[Linked]]:
    """Each article's linked entities, as the published snapshot holds them."""
    snapshot = current(Settings(data_dir=data_dir).snapshots_dir)
    assert snapshot is not None, "nothing published"
    kinds = {f"{SCHEMA}Person": "person", f"{SCHEMA}Organization": "organization",
             f"{SCHEMA}Place": "place"}
    store = open_store(snapshot.store_path, snapshot.base, read_only=True)
    try:
        linked = []
        for article in articles:
            query = _LINKED.replace("{graph}", ids.graph_iri(BASE, article.key)).replace(
                "{article}", ids.thing_iri(BASE, "article", article.key))
            entities: dict[tuple[str, str], Linked] = {}
            for row in store.select(query):
                kind = kinds[row["type"]]
                e = entities.setdefault((kind, row["e"]), Linked(kind, row["e"]))
                e.names.update(v for k, v in row.items() if k in ("name", "alt"))
            linked.append(list(entities.values()))
        return linked
    finally:
        store.close()


def evaluate(name: str, corpus: Path, others: Sequence[Path], ner: str) -> list[Result]:
    """The ``extract`` and ``published`` readings of one set, after ingesting the others."""
    gold = load_gold(corpus)
    articles = load_articles(corpus, gold)
    files = [str(corpus / g["file"]) for g in gold]
    with tempfile.TemporaryDirectory(prefix="newskg-bench-") as tmp:
        data = Path(tmp)
        for other in others:
            kg(data, ner, "ingest", "--quiet", *[str(other / g["file"]) for g in load_gold(other)])
        by_key = {json.loads(line)["key"]: from_json(line)
                  for line in kg(data, ner, "extract", "--json", *files).splitlines()}
        extracted = [by_key[a.key] for a in articles]
        kg(data, ner, "ingest", "--quiet", *files)
        published = read_back(data, articles)
    mode = ", rules only" if ner == "rules" else ""
    return [score(f"{name} extract{mode}", gold, articles, extracted),
            score(f"{name} published{mode}", gold, articles, published)]


def plain_model(articles: Sequence[Article]) -> tuple[list[list[Linked]], Callable[[], float]]:
    """The plain model's entities per article, and a timer of the model alone on the texts."""
    nlp = nlp_loader.load(nlp_loader.installed_model())  # type: ignore[arg-type]
    texts = [document(a)[0] for a in articles]
    batch = Settings().ner_batch_size

    def timed() -> float:
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch):
            pass
        return time.perf_counter() - started

    found = []
    for doc in nlp.pipe(texts, batch_size=batch):
        entities: dict[tuple[str, str], Linked] = {}
        for ent in doc.ents:
            kind = MODEL_KINDS.get(ent.label_)
            name = _THE.sub("", ent.text)  # the model's spans keep "the" and "'s"
            if kind:
                entities.setdefault((kind, norm(name)), Linked(kind, name, {name}))
        found.append(list(entities.values()))
    return found, timed


def speed(articles: Sequence[Article], plain: Callable[[], float], ner: str) -> tuple[float, float]:
    """Best of three: seconds of the extractor (one process) and of the plain model."""
    extractor = Extractor(Settings(ner=ner))
    extractor.extract(articles[:1])  # load the model and the lexicon outside the timing
    mine, theirs = [], []
    for _ in range(3):
        started = time.perf_counter()
        extractor.extract(articles)
        mine.append(time.perf_counter() - started)
        theirs.append(plain())
    return min(mine), min(theirs)


HEADER = (
    "| set, reading | person P / R / F1 | organisation P / R / F1 | place P / R / F1 "
    "| wrong links (names not in the text) | one IRI per cross-article entity |\n"
    "|---|---|---|---|---|---|"
)


def print_result(result: Result, verbose: bool, note: str = "") -> None:
    cells = " | ".join(
        f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}" for s in result.scores.values())
    good, total = result.identity
    identity = f"{good / total:.3f} of {total}" if total else "-"
    print(f"| {result.label}{note} | {cells} | {len(result.wrong)} ({len(result.not_in_text)}) "
          f"| {identity} |")
    if verbose:
        for kind, s in result.scores.items():
            print(f"    {kind} missed: {', '.join(s.misses)}")
            print(f"    {kind} extra:  {', '.join(s.extras)}")
        print(f"    wrong links: {', '.join(result.wrong)}")
        print(f"    not in text: {', '.join(result.not_in_text)}")
        print(f"    split identities: {', '.join(result.split)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ner", choices=("auto", "model", "rules"), default="auto")
    parser.add_argument("--heldout", action="store_true",
                        help="also evaluate the unread held-out set (once, at the end)")
    parser.add_argument("--only", choices=(*SETS, HELDOUT[0]), action="append",
                        help="evaluate only these sets (others are still ingested first)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    sets = dict(SETS)
    if args.heldout:
        sets[HELDOUT[0]] = HELDOUT[1]
    sets = {k: v for k, v in sets.items() if (v / "gold.json").exists()}
    chosen = [k for k in sets if not args.only or k in args.only]
    print(f"names found with: {Extractor(Settings(ner=args.ner)).mode}; in-sample: a set the "
          "rules were written reading")
    print(HEADER)
    texts: list[Article] = []
    for name in chosen:
        note = f" ({IN_SAMPLE[name]})"
        others = [folder for k, folder in sets.items() if k != name]
        for result in evaluate(name, sets[name], others, args.ner):
            print_result(result, args.verbose, note)
        gold = load_gold(sets[name])
        articles = load_articles(sets[name], gold)
        if nlp_loader.installed_model() and args.ner != "rules":
            found, _ = plain_model(articles)
            plain = score(f"{name} plain spaCy, no rules", gold, articles, found)
            plain.identity = (0, 0)  # the model alone mints no IRIs
            print_result(plain, args.verbose)
        texts.extend(articles)
    if args.no_speed or not texts:
        return 0
    if args.ner == "rules" or not nlp_loader.installed_model():
        ours, _ = speed(texts, lambda: 0.0, "rules")
        print(f"speed, {len(texts)} articles: rules only {len(texts) / ours:.0f} articles/s")
        return 0
    _, plain = plain_model(texts)
    ours, theirs = speed(texts, plain, args.ner)
    print(f"speed, {len(texts)} articles, one process: newskg {len(texts) / ours:.1f} articles/s, "
          f"plain spaCy {len(texts) / theirs:.1f} articles/s, time ratio {ours / theirs:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
