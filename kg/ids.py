"""Minting IRIs: every thing newskg publishes gets a stable IRI under the configured base.

Things live at ``{base}/id/{kind}/{key}`` and are described by documents at
``{base}/doc/{kind}/{key}``. Articles are keyed by :attr:`kg.articles.Article.key`; people,
organisations and places by the slug of their canonical name, with a hash when the name folds to
nothing (e.g. a name in a script with no ASCII letters).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

KINDS = ("article", "person", "organization", "place")

# What a key may look like: the route patterns and the parser accept nothing else.
KEY_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_KEY = re.compile(rf"^{KEY_PATTERN}$")
_MAX_SLUG = 80


def slug(name: str) -> str:
    """ASCII-folded, lower-case, ``-``-separated slug of a name; a hash when nothing is left.

    ``slug("Kylian Mbappé") == "kylian-mbappe"``; ``slug("National People's Congress") ==
    "national-peoples-congress"``.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['’`]", "", folded.lower())
    text = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(text) > _MAX_SLUG:
        text = text[:_MAX_SLUG].rstrip("-") + "-" + _digest(name, 8)
    return text or "x-" + _digest(name, 12)


def _digest(name: str, length: int) -> str:
    normal = unicodedata.normalize("NFC", name).casefold()
    return hashlib.sha256(normal.encode()).hexdigest()[:length]


def thing_iri(base: str, kind: str, key: str) -> str:
    return f"{base.rstrip('/')}/id/{kind}/{key}"


def doc_iri(base: str, kind: str, key: str) -> str:
    return f"{base.rstrip('/')}/doc/{kind}/{key}"


def graph_iri(base: str, article_key: str) -> str:
    """The named graph holding one article's triples is the article's document."""
    return doc_iri(base, "article", article_key)


def parse_thing_iri(base: str, iri: str) -> tuple[str, str] | None:
    """``(kind, key)`` of an IRI minted under ``base``, or None for anything else."""
    prefix = base.rstrip("/") + "/id/"
    if not iri.startswith(prefix):
        return None
    kind, _, key = iri[len(prefix):].partition("/")
    if kind in KINDS and is_key(key):
        return kind, key
    return None


def is_key(key: str) -> bool:
    return len(key) <= 128 and bool(_KEY.match(key))
