"""Cross-article identity: full names, aliases and acronyms resolve; a bare surname never does."""

from __future__ import annotations

import pickle
from types import MappingProxyType

from kg.entities import Extractor, KnownEntities
from kg.entities.known import identity_key

from .conftest import article, find


def test_bare_surname_never_resolves_to_a_known_person(extractor: Extractor) -> None:
    known = KnownEntities(
        persons=MappingProxyType({"Xi Jinping": ()}),
        organizations=MappingProxyType({"Shanghai Cooperation Organisation": ("SCO",)}),
    )
    text = "Chinese President Xi said the SCO is a platform."
    ex = extractor.extract([article("Xi attends summit", text)], known)[0]
    xi = find(ex, "Xi")
    assert xi.name == "Xi" and xi.ambiguous  # might be the known Xi Jinping: flagged, not merged
    assert xi.iri("http://x").startswith("http://x/id/person/xi-")  # this article's Xi alone
    sco = find(ex, "Shanghai Cooperation Organisation")
    assert sco.mentions == ["SCO"] and "SCO" in sco.alternate_names


def test_one_surname_in_two_articles_is_two_people(extractor: Extractor) -> None:
    a = article("Court rules", "Judge Chan said the law was clear.", "1.txt")
    b = article("Actor returns", "Mr Chan said the film would open in May.", "2.txt")
    first, second = extractor.extract([a, b])
    assert find(first, "Chan").iri("x") != find(second, "Chan").iri("x")
    assert KnownEntities.from_extractions([first, second]).persons == {}


def test_batch_harmonises_full_names_and_acronyms_not_surnames(extractor: Extractor) -> None:
    full = article(
        "NATO summit ends",
        "The North Atlantic Treaty Organization (NATO) met in "
        "Vilnius. US Secretary of State Antony Blinken attended.",
        "1.txt",
    )
    bare = article("Blinken's visit", "Antony Blinken said NATO's expansion would go on. "
                   "Blinken said so.", "2.txt")
    alone = article("Visit", "Secretary Blinken said NATO's expansion would go on.", "3.txt")
    for batch in ([full, bare, alone], [alone, bare, full]):
        results = dict(zip([a.path.name for a in batch], extractor.extract(batch), strict=True))
        assert find(results["2.txt"], "Antony Blinken").mentions == ["Antony Blinken", "Blinken"]
        assert find(results["3.txt"], "Blinken").name == "Blinken"
        assert find(results["3.txt"], "North Atlantic Treaty Organization").mentions == ["NATO"]


def test_spelling_variants_are_one_person(extractor: Extractor) -> None:
    known = KnownEntities(persons=MappingProxyType({"Sergei Lavrov": ()}))
    text = "Russian Foreign Minister Sergey Lavrov arrived. Lavrov said the talks went well."
    lavrov = find(extractor.extract([article("Talks", text)], known)[0], "Sergey Lavrov")
    assert lavrov.name == "Sergei Lavrov" and "Sergey Lavrov" in lavrov.alternate_names
    assert lavrov.mentions == ["Sergey Lavrov", "Lavrov"]
    both = "Sergei Lavrov met the press. Sergey Lavrov later left for Minsk."
    (ex,) = extractor.extract([article("Talks", both)])
    assert [p.name for p in ex.persons] == ["Sergei Lavrov"]


def test_known_alias_and_spelling_resolve_across_articles(rules: Extractor) -> None:
    known = KnownEntities(
        persons=MappingProxyType({"Zeng Yuqun": ("Robin Zeng",)}),
        organizations=MappingProxyType({"Shanghai Cooperation Organisation": ("SCO",)}),
    )
    text = ("CATL chairman Robin Zeng spoke. The Shanghai Cooperation Organization met.")
    ex = rules.extract([article("Battery maker", text)], known)[0]
    assert find(ex, "Robin Zeng").name == "Zeng Yuqun"
    assert find(ex, "Shanghai Cooperation Organization").name == "Shanghai Cooperation Organisation"


def test_acronym_is_named_by_the_organisation_it_abbreviates(extractor: Extractor) -> None:
    text = "The World Health Organization met. The WHO said the result was clear."
    (ex,) = extractor.extract([article("Vote", text)])
    who = find(ex, "WHO")
    assert who.name == "World Health Organization" and "WHO" in who.alternate_names
    known = KnownEntities(organizations=MappingProxyType({"United Nations": ()}))
    (ex,) = extractor.extract([article("Report", "The UN said cases fell.")], known)
    assert find(ex, "UN").name == "United Nations"


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
    assert known.named("organization", "ASEAN") == ["Association of Southeast Asian Nations"]
    assert "Zhao" not in known.persons  # a bare surname is not an entity to learn


def test_known_entities_pickle_for_worker_processes() -> None:
    known = KnownEntities(persons=MappingProxyType({"Sergei Lavrov": ("Sergey Lavrov",)}))
    assert known.named("person", "Sergey Lavrov") == ["Sergei Lavrov"]  # indexes built
    again = pickle.loads(pickle.dumps(known))
    assert again.persons == {"Sergei Lavrov": ("Sergey Lavrov",)}
    assert again.named("person", "Sergey Lavrov") == ["Sergei Lavrov"]


def test_identity_key_irons_out_spellings_not_names() -> None:
    assert identity_key("Sergey Lavrov") == identity_key("Sergei Lavrov")
    assert identity_key("Volodymyr Zelenskyy") == identity_key("Volodymyr Zelensky")
    assert identity_key("Centre for Defence Studies") == identity_key("Center for Defense Studies")
    assert identity_key("the Shanghai Cooperation Organisation") == identity_key(
        "Shanghai Cooperation Organization"
    )
    assert identity_key("Wang Yi") != identity_key("Wang Yu")
    assert identity_key("Li Qiang") != identity_key("Li Keqiang")


def test_a_company_is_known_with_or_without_its_suffix() -> None:
    known = KnownEntities(organizations=MappingProxyType(
        {"Trip.com Group": (), "Alibaba": (), "Hong Kong Holdings": ()}))
    assert known.named("organization", "Trip.com") == ["Trip.com Group"]
    assert known.named("organization", "Alibaba Group") == ["Alibaba"]
    assert known.named("organization", "Hong Kong") == []  # a place's name is not the company's
    assert known.named("place", "Trip.com") == []  # companies go without their suffix
    rivers = KnownEntities(places=MappingProxyType({"Yangtze River": (), "Jordan River": ()}))
    assert rivers.named("place", "Yangtze") == ["Yangtze River"]
    assert rivers.named("place", "Jordan") == []  # a country
    assert known.named("organization", "Group") == []
    # A parent and a company of its group share a stem: one suffix of each is two companies
    groups = KnownEntities(organizations=MappingProxyType(
        {"SoftBank Group": ("SoftBank",), "Toyota Motor Corporation": ()}))
    assert groups.named("organization", "SoftBank Corp") == []
    assert groups.named("organization", "SoftBank Group Corp") == ["SoftBank Group"]
    assert groups.named("organization", "Toyota Motor Corp") == ["Toyota Motor Corporation"]
    assert groups.named("organization", "SoftBank") == ["SoftBank Group"]


def test_a_river_named_without_river_is_the_known_river(extractor: Extractor) -> None:
    known = KnownEntities(places=MappingProxyType({"Mekong River": ()}))
    ex = extractor.extract([article("Floods", "Boats sailed into the Mekong at dawn.")], known)[0]
    assert find(ex, "Mekong").name == "Mekong River"


def test_an_acronym_is_no_known_name_with_lower_case_words(extractor: Extractor) -> None:
    known = KnownEntities(organizations=MappingProxyType(
        {"South Korea national football team": ("South Korea",), "Korea Development Bank": ()}))
    text = "The data centre was run by SK C&C, an arm of SK, and the KDB said it would help."
    (ex,) = extractor.extract([article("Outage", text)], known)
    assert "South Korea national football team" not in {e.name for e in ex.organizations}
    assert find(ex, "KDB").name == "Korea Development Bank"


def test_a_body_every_state_has_is_one_only_with_its_country(extractor: Extractor) -> None:
    known = KnownEntities(organizations=MappingProxyType(
        {"Foreign Ministry of China": ("Foreign Ministry",)}))
    japan = article("Tokyo protests", "Japan's Foreign Ministry said it had lodged a protest. "
                    "The Foreign Ministry said talks would go on.")
    bare = article("Protest lodged", "The Foreign Ministry said it had lodged a protest.")
    demonym = article("Talks", "Chinese Foreign Ministry spokesperson Guo Jiakun spoke.")
    first, second, third = extractor.extract([japan, bare, demonym], known)
    ministry = find(first, "Foreign Ministry of Japan")
    assert set(ministry.mentions) == {"Foreign Ministry"}
    assert "Foreign Ministry" in ministry.alternate_names
    china = find(third, "Foreign Ministry of China")
    assert find(second, "Foreign Ministry").iri("x") != china.iri("x")
    assert "Foreign Ministry" in china.alternate_names
