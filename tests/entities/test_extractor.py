"""Modes, model loading and the dev corpus scores."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.articles import read_article
from kg.entities import Extractor, ExtractorError, nlp
from kg.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import extraction as benchmark

from .conftest import CORPUS, article, find


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


def test_pieces_cut_at_line_ends_then_sentence_ends_and_keep_offsets() -> None:
    text = "Xi met Tokayev.\nThey spoke. Then they ate lunch together in Astana"
    parts = list(nlp.pieces(text, 20))
    assert all(len(piece) <= 20 for _, piece in parts)
    assert parts[0] == (0, "Xi met Tokayev.\n")  # at the line end, not mid-sentence
    assert parts[1] == (16, "They spoke. ")  # at the sentence end
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in parts)
    assert "".join(piece for _, piece in parts) == text
    assert list(nlp.pieces("x" * 50, 20)) == [(0, "x" * 20), (20, "x" * 20), (40, "x" * 10)]


@pytest.mark.model
def test_text_longer_than_the_model_takes_is_read_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if nlp.installed_model() is None:
        pytest.skip("no spaCy English model installed")
    extractor = Extractor(Settings(ner="model"))
    extractor.extract([article("Warm up", "Mirziyoyev spoke.")])  # loads the model
    monkeypatch.setattr(extractor._nlp, "max_length", 2_000)  # spaCy's E088 beyond it
    lines = [f"On day {i} President Mirziyoyev spoke with Berdimuhamedow." for i in range(200)]
    text = "\n".join([*lines, "Then Zhu Yongbiao called Rustam Minnikhanov in Kazan."])
    (ex,) = extractor.extract([article("Long", text)])
    assert find(ex, "Rustam Minnikhanov").kind == "person"  # found in the last piece, whole
    assert find(ex, "Kazan").kind == "place"
    assert find(ex, "Mirziyoyev").mentions == ["Mirziyoyev"]


@pytest.mark.e2e
def test_article_of_exactly_the_size_cap_is_extracted(tmp_path: Path) -> None:
    settings = Settings(ner="auto")
    head = b"Published Time: 2023-05-01\nTitle: Long read\nAuthor: Staff Reporter\nText:\n"
    line = b"Kazakh President Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Samarkand.\n"
    body = line * ((settings.max_file_bytes - len(head)) // len(line))
    path = tmp_path / "long.txt"
    path.write_bytes(head + body + b"x" * (settings.max_file_bytes - len(head) - len(body)))
    assert path.stat().st_size == settings.max_file_bytes
    art = read_article(path, max_file_bytes=settings.max_file_bytes,
                       max_field_chars=settings.max_field_chars)
    (ex,) = Extractor(settings).extract([art])
    assert find(ex, "Kassym-Jomart Tokayev").kind == "person"
    assert find(ex, "Samarkand").kind == "place"


def test_the_model_reads_only_sentences_the_article_leaves_open() -> None:
    from kg.entities.lexicon import lexicon
    from kg.entities.mentions import analyse, document, model_text

    text = ("Tomáš Macháč beat Jannik Hollow. Macháč said so. The European Space Agency (ESA) "
            "agreed. ESA said more. Zheng Qinwen won too. Zheng smiled. Vantora said nothing. "
            "Lena Ito, who spoke, agreed. ITO said no.")
    read, _ = model_text(analyse(*document(article("Final", text)), lexicon()))
    # a surname of a person named in full, an acronym spelt out: settled without the model
    assert "Macháč said" not in read and "ESA said" not in read and "Zheng smiled" not in read
    assert "Vantora said nothing." in read and "ITO said no." in read  # no surname: "ITO"


def test_a_model_span_across_two_sentences_is_cut_between_them() -> None:
    from kg.entities.lexicon import lexicon
    from kg.entities.mentions import analyse, document, model_text, vote

    # the model read "Story\n Ed Miliband" as one name: each sentence keeps its piece
    analysis = analyse(*document(article(
        "Story", "It rained all day long in the hills. Ed Miliband said so.")), lexicon())
    read, where = model_text(analysis)
    assert read.startswith("Story\n") and "It rained" not in read
    vote(analysis, [(0, read.index(" said"), "PERSON")], where, lexicon())
    found = {m.text: m.kind for m in analysis.mentions}
    assert found["Ed Miliband"] == "person"
