"""Deterministic generator of synthetic articles in newskg's input format, for benchmarks.

    python benchmarks/generate.py 10000 /tmp/articles-10k [--seed 1]

The same count and seed always give byte-identical files. Articles name people (with titles and
surname-only references), organisations (with acronyms), places and roles, so that extraction
and mapping do realistic work. The names are invented combinations, not real reporting.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

FAMILY = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu",
          "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"]
GIVEN = ["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Tao", "Hui", "Qiang", "Ning", "Bo",
         "Xiaoyu", "Haoran", "Yuxuan", "Zihan", "Jiayi", "Ruolin", "Wenjun", "Kaiyue", "Shuhan"]
WESTERN = ["Anna Keller", "Marco Rossi", "James Whitfield", "Sofia Almeida", "Pierre Laurent",
           "Elena Petrova", "Daniel Novak", "Laura Jensen", "Tomas Horvath", "Maria Gonzalez",
           "Lukas Becker", "Olivia Hart", "Mateo Silva", "Ingrid Larsen", "Rafael Costa"]
TITLES = ["President", "Foreign Minister", "Premier", "spokesperson", "Chairman", "Ambassador",
          "Commerce Minister", "Governor"]
ORGS = [("World Trade Organization", "WTO"), ("World Health Organization", "WHO"),
        ("International Monetary Fund", "IMF"), ("Asian Infrastructure Investment Bank", "AIIB"),
        ("Shanghai Cooperation Organisation", "SCO"), ("European Commission", None),
        ("Chinese Academy of Social Sciences", "CASS"), ("Peking University", None),
        ("Fudan University", None), ("Tsinghua University", None),
        ("National Development and Reform Commission", "NDRC"),
        ("Ministry of Commerce", "MOFCOM"), ("Association of Southeast Asian Nations", "ASEAN"),
        ("New Development Bank", "NDB"), ("State Council", None)]
PLACES = ["Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Hong Kong", "Jakarta", "Berlin",
          "Paris", "Brasilia", "Nairobi", "Moscow", "Tokyo", "Seoul", "Singapore", "Astana",
          "Kazakhstan", "Germany", "France", "Brazil", "Indonesia", "Kenya", "Japan", "Europe",
          "Central Asia", "Africa", "Southeast Asia"]
SECTIONS = [("CHINA", "DIPLOMACY"), ("CHINA", "POLITICS"), ("SOURCE", "ECONOMY"),
            ("WORLD", "ASIA-PACIFIC"), ("WORLD", "EUROPE"), ("OPINION", "EDITORIAL"),
            ("SPORT", "FOOTBALL"), ("LIFE", "CULTURE")]
VERBS = ["said", "noted", "stressed", "told reporters", "added", "pointed out"]
TOPICS = ["trade cooperation", "regional security", "green development", "the digital economy",
          "supply chain stability", "people-to-people exchanges", "infrastructure investment",
          "climate action", "public health", "financial stability"]


def chinese_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"


def article(rng: random.Random, index: int) -> str:
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 2000))
    stamp = day.isoformat()
    if rng.random() < 0.3:
        stamp += f" {rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    lead = chinese_name(rng) if rng.random() < 0.6 else rng.choice(WESTERN)
    other = rng.choice(WESTERN)
    title_word = rng.choice(TITLES)
    org, acronym = rng.choice(ORGS)
    org2, _ = rng.choice(ORGS)
    place, place2 = rng.sample(PLACES, 2)
    topic = rng.choice(TOPICS)
    expert = chinese_name(rng)
    sections = rng.choice(SECTIONS)
    authors = [chinese_name(rng) for _ in range(rng.choice([1, 1, 2, 3]))]
    byline = "Global Times" if rng.random() < 0.2 else (
        authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1])
    surname = lead.split()[-1] if lead in WESTERN else lead.split()[0]
    with_acr = f"{org} ({acronym})" if acronym else org
    paragraphs = [
        f"{lead} on {day.strftime('%A')} met with {title_word} {other} in {place}, where the two "
        f"sides discussed {topic} and the work of the {with_acr}.The meeting came as {place2} "
        f"prepares for a series of talks later this year.",
        f'"We will continue to deepen cooperation on {topic}," {surname} {rng.choice(VERBS)}, '
        f"adding that the {acronym or org} has an important role to play.",
        f"{expert}, a research fellow at the {org2}, told the Global Times on "
        f"{day.strftime('%A')} that the visit sends a positive signal to {place2}.",
        f"{other.split()[-1]} said the partnership had delivered results for both peoples and "
        f"that {place} welcomed more investment.",
    ]
    for _ in range(rng.randrange(1, 4)):
        paragraphs.append(
            f"Analysts in {rng.choice(PLACES)} said {rng.choice(TOPICS)} would remain a priority, "
            f"and that the {rng.choice(ORGS)[0]} could help coordinate policies among members "
            f"in the months ahead, according to article {index}."
        )
    header = [
        f"Published Time: {stamp}",
        f"Title: {lead} meets {other} in {place}, calls for closer {topic}",
        f"Category 1: {sections[0]}; Category 2: {sections[1]}",
        f"Author: {byline}",
        "Author title: Author details not found" if byline == "Global Times"
        else "Author title: Global Times reporter",
        "Author description: Author details not found",
        "Text: ",
    ]
    return "\n".join(header + paragraphs) + "\n"


def generate(count: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write ``count`` articles into ``folder`` (created); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"{index:06d}.txt"
        path.write_text(article(rng, index), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.count, args.folder, args.seed)


if __name__ == "__main__":
    main()
