"""Cross-article identity: the batch and the store's known entities resolve bare mentions."""

from __future__ import annotations

from types import MappingProxyType

from kg.entities import Extractor, KnownEntities

from .conftest import article, find


def test_known_surname_and_acronym_resolve_across_runs(rules: Extractor) -> None:
    known = KnownEntities(
        persons=MappingProxyType({"Xi Jinping": ()}),
        organizations=MappingProxyType({"Shanghai Cooperation Organisation": ("SCO",)}),
    )
    ex = rules.extract([article("Xi attends summit", "Xi said the SCO is a platform.")], known)[0]
    xi = find(ex, "Xi Jinping")
    assert xi.mentions == ["Xi"] and xi.about
    sco = find(ex, "Shanghai Cooperation Organisation")
    assert sco.mentions == ["SCO"] and "SCO" in sco.alternate_names


def test_ambiguous_known_surname_is_flagged_not_merged(rules: Extractor) -> None:
    known = KnownEntities(persons=MappingProxyType({"Li Qiang": (), "Li Keqiang": ()}))
    ex = rules.extract([article("Talks", "Premier Li said trade matters.")], known)[0]
    li = find(ex, "Li")
    assert li.name == "Li" and li.ambiguous


def test_batch_harmonises_names_learnt_in_other_articles(extractor: Extractor) -> None:
    full = article(
        "NATO summit ends",
        "The North Atlantic Treaty Organization (NATO) met in "
        "Vilnius. US Secretary of State Antony Blinken attended.",
        "1.txt",
    )
    bare = article("Blinken's visit", "Blinken said NATO's expansion would continue.", "2.txt")
    for batch in ([full, bare], [bare, full]):
        results = dict(zip([a.path.name for a in batch], extractor.extract(batch), strict=True))
        later = results["2.txt"]
        assert find(later, "Antony Blinken").mentions == ["Blinken"]
        assert find(later, "North Atlantic Treaty Organization").mentions == ["NATO"]


def test_known_entities_from_extractions(rules: Extractor) -> None:
    ex = rules.extract(
        [
            article(
                "Talks",
                "Chinese Premier Li Qiang and Li Kaisheng met. Li said "
                "so. The Association of Southeast Asian Nations (ASEAN) agreed.",
            ),
            article("Talks", "Premier Zhao said so.", "2.txt"),
        ],
        KnownEntities(persons=MappingProxyType({"Zhao Leji": (), "Zhao Lijian": ()})),
    )
    assert find(ex[1], "Zhao").ambiguous
    known = KnownEntities.from_extractions(ex)
    assert known.persons_named("Li") == ["Li Kaisheng", "Li Qiang"]
    assert known.organizations_called("ASEAN") == ["Association of Southeast Asian Nations"]
    assert "Zhao" not in known.persons  # a bare, ambiguous surname is not an entity to learn
