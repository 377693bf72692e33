"""Roles and sub-units read from appositives.

"Zhu Yongbiao, director of the Center for Afghanistan Studies in Lanzhou University" gives Zhu the
job title "director" and the affiliation Center for Afghanistan Studies, and the centre the parent
Lanzhou University. Roles are true as of the article that states them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from kg.entities.lexicon import lexicon, words
from kg.entities.names import Mention

# ", a research fellow at the ", ", director of the ", ", head of the COVID-19 panel under the "
_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the|who is|now)\s+)?(?P<title>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,4}?)"
    r"\s+(?:of|at|in|with|for|from|to|under)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?"
)
_SUB_UNITS = words("sub_units")
_IN_PARENT = re.compile(r"\s+(?:in|at|of|under)\s+(?:the\s+)?")


def appositive_roles(doc: str, mentions: list[Mention]) -> Iterator[tuple[Mention, str, Mention]]:
    """``(person, job title, organisation)`` for each "Person, title of the Organisation"."""
    titles = lexicon().titles
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, person in enumerate(ordered):
        if person.kind != "person":
            continue
        for org in ordered[i + 1 : i + 4]:
            if org.kind != "organization" or org.start - person.end > 90:
                continue
            match = _APPOSITIVE.fullmatch(doc, person.end, org.start)
            if match is None:
                continue
            title = match.group("title")
            words = title.split()
            if any(" ".join(words[k:]) in titles for k in range(len(words))):
                yield person, _strip_adjectives(title, titles), org
            break


def _strip_adjectives(title: str, titles: frozenset[str]) -> str:
    """ "veteran football commentator" keeps only what the title list knows... from its start."""
    words = title.split()
    for k in range(len(words)):
        if " ".join(words[k:]) in titles or words[k] in titles:
            return " ".join(words[k:])
    return title


def sub_units(doc: str, orgs: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """``(unit, parent)`` for "Center for X in/at/of the Y University"."""
    ordered = sorted(orgs, key=lambda m: m.start)
    for child, parent in pairwise(ordered):
        head = child.words[0].casefold() if child.words else ""
        if head in _SUB_UNITS and _IN_PARENT.fullmatch(doc, child.end, parent.start):
            yield child, parent
