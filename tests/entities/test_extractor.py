"""Modes, model loading and the dev corpus scores."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.entities import Extractor, ExtractorError, nlp
from kg.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import extraction as benchmark

from .conftest import CORPUS


def test_rules_mode_needs_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "installed_model", lambda: None)
    assert Extractor(Settings(ner="auto")).mode == "rules"
    assert Extractor(Settings(ner="rules")).mode == "rules"


def test_model_mode_without_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "installed_model", lambda: None)
    with pytest.raises(ExtractorError, match="no English spaCy model"):
        Extractor(Settings(ner="model"))


def test_unknown_mode_is_an_error() -> None:
    with pytest.raises(ExtractorError):
        Extractor(Settings(ner="magic"))


def test_empty_batch() -> None:
    assert Extractor(Settings(ner="rules")).extract([]) == []


@pytest.mark.model
def test_model_loads_only_what_ner_needs() -> None:
    package = nlp.installed_model()
    if package is None:
        pytest.skip("no spaCy English model installed")
    pipeline = nlp.load(package)
    assert pipeline.pipe_names == ["tok2vec", "ner"]
    assert Extractor(Settings(ner="auto")).mode == "model"


def _scores(mode: str) -> benchmark.Result:
    return benchmark.extract_alone(CORPUS, mode)


@pytest.mark.model
def test_dev_corpus_meets_the_targets_in_model_mode() -> None:
    if nlp.installed_model() is None:
        pytest.skip("no spaCy English model installed")
    result = _scores("model")
    assert result.scores["person"].f1 >= 0.95
    assert result.scores["organization"].f1 >= 0.85
    assert result.scores["place"].f1 >= 0.85
    assert result.identity[0] >= 0.95 * result.identity[1]


def test_dev_corpus_rules_mode_stays_useful() -> None:
    result = _scores("rules")
    assert min(s.f1 for s in result.scores.values()) >= 0.85
    assert result.identity[0] >= 0.9 * result.identity[1]
