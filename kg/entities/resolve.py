"""From an article's mentions to its entities: who is who within the article, and across.

Within the article: surnames resolve to the full name used elsewhere in it (the headline too),
acronyms to the name they abbreviate, "X, also known as Y" to X, "Foreign Ministry" to the
"Chinese Foreign Ministry" named before, a capital that acts ("Washington said") to its
government, a country named as a side in sports news to its national team
(:mod:`kg.entities.teams`). Names in one list take one kind; what a company owns is a product.
What the article leaves open is asked of the known entities (the store's and the batch's). A
surname that fits two people is attached to the likelier one and flagged ambiguous; a lone word
only the model calls a person is nobody.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from kg.entities.known import (
    KnownEntities,
    identity_key,
    is_full_name,
    state_body,
    stem,
    surname_keys,
)
from kg.entities.lexicon import Lexicon, words
from kg.entities.model import Entity, Extraction, Kind, Role
from kg.entities.names import (
    CLUB_TAILS,
    COMPOUND_PLACES,
    Mention,
    camel_case,
    initials,
    is_acronym,
    organisation_noun,
    place_cue,
)
from kg.entities.roles import appositive_roles, sub_units
from kg.entities.spans import OWNS, PARTICLES
from kg.entities.teams import about_sport, clubs, named_as_side, national_teams

# "The five members, Minji, Hanni, ...": a band's or a family's people, counted and listed
_MEMBERS_LISTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+) members, "
                             r"(?:[A-Z][\w'’-]+, )*(?:[A-Z][\w'’-]+,? and )?$")
# "Zeng Yuqun, better known internationally as Robin Zeng"; "Jackson Yee, whose Chinese name is"
_ALIAS_GAP = re.compile(
    r",?\s*(?:(?:who is |which is )?(?:also |better |widely |commonly |more )?known"
    r"(?:\s+[a-z]+){0,3}?\s+as|whose (?:\w+ )?name is|or)\s+(?:the\s+)?",
)
_AS_KNOWN = re.compile(r",\s+as (?:he|she) is (?:known|called)\b")
_PLACE_WORDS = words("place_context")
_ACTING = words("acting")
_HAS_COUNT = re.compile(r" (?:has|had|have) (?:(?:more|fewer|less) than |nearly |about |around |"
                        r"over |some |almost |a population\b|\d)")
_ACTED_ON = frozenset(w.replace("_", " ") for w in words("acted_on"))
# What befalls a city, not what its government does
_UNDERGONE = frozenset({"suffered", "experienced", "recorded", "endured", "flooded", "registered",
                        "logged", "sweltered", "shivered", "received", "hosted", "staged"})
_PARTY_TO = frozenset(w.replace("_", " ") for w in words("party_to"))
_ISSUED = frozenset({"statement", "statements", "announcement"})
# "Madonna brought her Celebration Tour": a verb, then her or his own (a company's is "its")
# (not "paid her to", "told her that": her as an object)
_HIS_HER = re.compile(r"(?: [a-z]+){1,2} (?:his|her) (?!(?:own|that|to|the|a|an|in|on|for|as|and|"
                      r"about|with|at|from|by|of)\b)\w")
_KIN = re.compile(r"\b(?:his|her|their) (?:brothers?|sisters?|sons?|daughters?),? "
                  r"(?:[A-Z][\w'’-]*(?:,| and) )*$")
_WHICH = re.compile(r", which (?:\w+ly )?(\w+)")  # "which formally designated"
_AFTER_WHICH = re.compile(r", which [^,.;:\"”]+, (\w+)")  # the verb after the clause
_OWNER = re.compile(r"((?:[A-Z][\w\-]* )*[A-Z][\w\-]*)['’]s $")  # "South Korea's "
_WITH_THE = ("United", "Netherlands", "Philippines", "Bahamas", "Gambia")
_LOWER_WORD = re.compile(r"\s+([a-z]+)")
_TO_ACT = re.compile(r" to (?!the\b|a\b|an\b)[a-z]+\b")  # "for X to rejoin", not "for X to the"
# The executive departments of the United States, and those named so by no other country
_US_DEPARTMENTS = frozenset({
    "State", "Treasury", "Defense", "Justice", "Interior", "Agriculture", "Commerce", "Labor",
    "Health and Human Services", "Housing and Urban Development", "Transportation", "Energy",
    "Education", "Veterans Affairs", "Homeland Security"})
_US_ONLY = frozenset({"State", "Justice", "Defense", "Commerce", "Homeland Security",
                      "Veterans Affairs"})
_BEING = frozenset({"is", "was", "has", "had", "have", "will", "would", "can", "could", "may",
                    "might", "must", "should"})  # "Kyiv, which is cold", "which has a port"
_CITY_PARTS = words("city_parts")
_STATE_STAKES = words("state_stakes")
# The last words of a company's full name, which its short name leaves out
_COMPANY_FORMS = frozenset({
    "industries", "holdings", "group", "corporation", "corp", "company", "co", "inc", "ltd",
    "limited", "llc", "plc", "ag", "gmbh", "sa", "se", "nv", "bv", "motor", "motors", "airlines",
    "airways", "pharmaceuticals", "electronics", "technologies", "systems", "securities",
    "insurance", "entertainment", "pictures", "shipping", "logistics", "ventures", "aerospace"})
# "Singapore's state investor Temasek", "Beijing's top broadcaster CCTV": a body there, named
_BODY_THERE = re.compile(
    rf"['’]s(?: [a-z\-]+){{0,3}} (?:{'|'.join(words('org_cues'))}) (?:[A-Z][\w\-]*|[A-Z]{{2,}})")
_WHERE = frozenset({"in", "at", "near", "outside", "inside", "throughout", "across"})
_OF_GAP = re.compile(r" of (?:the )?")
# A preposition said again after "and" is the same list: "licensed to X and to Y"
_AGAIN = r"(?:(?:to|by|from|with|for|at|on) )?"
_LIST_GAP = re.compile(rf",\s*|,?\s+(?:and|or)\s+{_AGAIN}")
# "X and Y, and both companies are": a list the next words say is of organisations
_LAST_LISTED = re.compile(rf" and {_AGAIN}$")
_BOTH = re.compile(r",? (?:and )?(?:both|the two|all three|the three) ([a-z\-]+)")
# The word after a name, past a possessive, hyphenated modifiers and adverbs ("Honiara's
# China-built stadium": "stadium"; "Beijing also welcomed": "welcomed").
_NEXT_WORD = re.compile(
    r"(['’]s)?(?:\s+[\w]+-[\w\-]+(?=\s)|\s+(?:also|still|again|now|then|later|already|too|"
    r"first|long|never)"
    r"(?=\s))*\s+[\"“]?([\w\-]+)"  # 'Washington "firmly opposes': a quotation's first word
)
_NAME_ENDS = re.compile(r"\s*(?:[,.;:)]|and\b|or\b)")  # a name owned, not a modifier
_CAPITALISED = re.compile(r"[A-Z][\w\-]*(?: (?:and |of |& )?[A-Z][\w\-]*)*")  # a name
# The parties of relations: "relations between Canberra and Beijing", "ties between X and Y".
_PARTIES_OF = "|".join(words("parties_of"))
_BETWEEN = re.compile(rf"\b(?i:{_PARTIES_OF}) between (?:[A-Z][\w\-]*(?: [A-Z][\w\-]*)* and )?$")


@dataclass
class _Builder:
    kind: Kind
    name: str
    mentions: list[str] = field(default_factory=list)
    alternates: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    first: int = 0
    about: bool = False
    ambiguous: bool = False
    parent: str | None = None
    titles: set[str] = field(default_factory=set)  # titles written before its names

    def add(self, mention: Mention, title_end: int) -> None:
        if mention.text not in self.mentions:
            self.mentions.append(mention.text)
        self.about = self.about or mention.start < title_end
        if mention.title:
            self.titles.add(mention.title.casefold())
        self.first = min(self.first, mention.start)

    def alternate(self, name: str) -> None:
        if name.casefold() != self.name.casefold() and name not in self.alternates:
            self.alternates.append(name)

    def entity(self) -> Entity:
        return Entity(
            kind=self.kind,
            name=self.name,
            mentions=self.mentions,
            alternate_names=self.alternates,
            roles=self.roles,
            about=self.about,
            parent=self.parent,
            ambiguous=self.ambiguous,
        )


class _Article:
    """Resolution state for one article."""

    def __init__(self, doc: str, title_end: int, known: KnownEntities, lex: Lexicon) -> None:
        self.doc, self.title_end, self.known, self.lex = doc, title_end, known, lex
        self.builders: dict[tuple[str, str], _Builder] = {}
        self.by_mention: dict[int, _Builder] = {}  # id(mention) → its entity
        self.acronyms: dict[str, str] = {}  # acronym → full name as written

    def entity(self, kind: Kind, name: str, mention: Mention) -> _Builder:
        key = (kind, name.casefold())
        builder = self.builders.get(key)
        if builder is None:
            builder = self.builders[key] = _Builder(kind, name, first=mention.start)
        builder.add(mention, self.title_end)
        self.by_mention[id(mention)] = builder
        return builder


def resolve(
    doc: str, title_end: int, mentions: list[Mention], known: KnownEntities, lex: Lexicon
) -> Extraction:
    """The entities of one article, named canonically and merged."""
    state = _Article(doc, title_end, known, lex)
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    aliases = _aliases(doc, mentions)
    for m in mentions:
        if m.acronym and m.kind in ("organization", None):
            state.acronyms.setdefault(m.acronym, m.text)
    sport = about_sport(doc)
    _surnames_not_countries(mentions)
    _governments(mentions, doc, lex, sport)
    national_teams(mentions, doc, sport)
    if any(m.stands_for and " national " in m.stands_for for m in mentions):
        # "the Black Caps", "the Flying Fijians": where countries play, a side's nickname is
        # most often a national side's, whose entity the country names
        mentions = [m for m in mentions if not m.nickname]
    clubs(mentions, doc, lex, sport)
    _agree(mentions, doc, lex)
    _kin(mentions, doc)
    _who(mentions, doc, sport)
    _which(mentions)
    _features_short(mentions, aliases)
    _people(state, mentions, aliases)
    _organizations(state, mentions, aliases)
    _places(state, mentions, aliases)
    _roles(state, mentions)
    ordered = sorted(state.builders.values(), key=lambda b: (b.first, b.kind, b.name))
    extraction = Extraction()
    for builder in ordered:
        entity = builder.entity()
        {
            "person": extraction.persons,
            "organization": extraction.organizations,
            "place": extraction.places,
        }[entity.kind].append(entity)
    return extraction


def _aliases(doc: str, mentions: list[Mention]) -> dict[int, Mention]:
    """id(alias mention) → the mention it renames ("X, better known as Y"; "Y, as he is known
    in China" after X; a place's acronym after "X (ACR)")."""
    found = {}
    for prev, m in pairwise(mentions):
        gap = doc[prev.end : m.start]
        # "Xiaohongshu, or RedNote": "or" renames after a comma only ("the US or the UK")
        # (but "in Malang Regency, or Bambang Sidik Achmadi" names someone else)
        if prev.end <= m.start and _ALIAS_GAP.fullmatch(gap) and (
                gap.startswith(",") or not gap.strip().startswith("or")) and not (
                gap.strip(", ").startswith("or") and "person" in (prev.kind, m.kind)
                and prev.kind != m.kind and (prev.strong or m.strong)):
            found[id(m)] = prev
        elif gap == "/" and "place" in (prev.kind, m.kind) and not m.dateline:
            # "Biel/Bienne", "Whakaari/White Island": one place in two languages (not a
            # dateline's two cities, "NEW DELHI/MUMBAI")
            prev.kind = m.kind = "place"
            m.place = prev.place
            found[id(m)] = prev
    people: list[Mention] = []
    for m in mentions:  # "Robin Li said ... Li Yanhong, as he is known in China, said"
        if _AS_KNOWN.match(doc, m.end) and people and len(m.words) > 1:
            m.kind = "person"
            found[id(m)] = people[-1]
        elif m.kind == "person" and len(m.words) > 1:
            people.append(m)
    places = {m.acronym: m for m in mentions if m.acronym and m.kind == "place"}
    for m in mentions:  # "the Standard Gauge Railway (SGR) ... the SGR": that railway
        owner = places.get(m.text)
        if owner is not None and owner.start < m.start:
            m.kind, m.place = "place", owner.place
            found[id(m)] = owner
    ending = {m.end: m for m in mentions if m.acronym and len(m.acronym.split()) > 1}
    for m in mentions:  # "Party School of ... (National Academy of Governance)"
        prev = ending.get(m.start - 2)
        if prev is not None and doc[m.start - 2 : m.start] == " (" and prev.acronym == m.text:
            m.kind = prev.kind
            found[id(m)] = prev
    return found


def _agree(mentions: list[Mention], doc: str, lex: Lexicon) -> None:
    """A name written several times in an article is one kind of thing ("Tesla"), and a name
    that starts an organisation's name is that organisation."""
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.kind is not None and not m.stands_for:
            votes.setdefault(m.text, Counter())[m.kind] += 3 if m.strong else 1
            if m.place is not None and m.text.startswith(m.place.name + " "):
                # "Guangzhou's Panyu district" says what "Panyu" is
                votes.setdefault(m.place.name, Counter())[m.kind] += 3 if m.strong else 1
    for m in mentions:
        if not m.strong and not m.stands_for and m.text in votes:
            m.kind = votes[m.text].most_common(1)[0][0]  # type: ignore[assignment]
    _coordinated(mentions, doc, lex)
    _of_employers(mentions, doc, lex)
    _possessives(mentions, doc, lex)
    # "Chengdu Rongcheng" after "Chengdu Rongcheng F.C.": the start of an organisation's name
    # (but "Kyushu", a place in "the Kyushu region", is not "Kyushu Railway Company", nor
    # the town of "in Cardiff" "Cardiff University")
    starts = {
        " ".join(words[:k])
        for words in {tuple(m.words) for m in mentions if m.kind == "organization" and m.strong}
        for k in range(1, len(words))
    } - {m.text for m in mentions
         if (m.strong and m.kind != "organization") or (m.kind == "place" and m.place)}
    for m in mentions:
        if not m.strong and m.kind != "organization" and m.text in starts and not (
                m.initial and m.text.casefold() in lex.nouns):  # "Cricket is the only thing"
            m.kind = "organization"


def _possessives(mentions: list[Mention], doc: str, lex: Lexicon) -> None:
    """ "Google's Android", "Huawei's Ascend processors": what a company owns is a product, no
    organisation of its own; "McLaren's Lando Norris": whoever has a person is a team or a
    company (a country is the person's own: "Sweden's Armand Duplantis")."""
    products = set()
    for owner, m in pairwise(mentions):
        if doc[owner.end : m.start] not in ("'s ", "’s "):
            continue
        if (
            owner.kind == "organization" and m.kind in ("organization", None) and not m.strong
            and not (m.after[:1] and organisation_noun(m.after[0]))  # "SAIC Motor's MG brand"
        ):
            products.add(m.text)
        elif (
            m.kind == "person" and len(m.words) > 1 and not owner.strong
            and owner.kind in ("person", None) and owner.place is None
            # ("Fianna Fáil's Dee Ryan": a first name has the owner's none)
            and (len(owner.words) == 1 or (m.words[0].casefold() in lex.given_names
                                           and owner.words[0].casefold() not in lex.given_names))
        ):
            owner.kind = "organization"
        elif (
            owner.kind == "person" and len(owner.words) > 1 and m.kind == "person"
            and not m.strong
        ):
            # "Warren Buffett's Berkshire Hathaway": what a person named in full owns is a
            # company (or a work: "Jia Zhangke's Caught by the Tides"), never another person
            m.kind = "organization"
    for m in mentions:  # a product named so once is one wherever the article names it
        if m.text in products and not m.strong:
            m.kind = None
            m.work = True


def _of_employers(mentions: list[Mention], doc: str, lex: Lexicon) -> None:
    """ "Remco Evenepoel of Soudal Quick-Step", "Halidou Tinto of the Institut ...": a person
    named in full, then "of" and what is no place, is of an organisation (a team, an
    employer); "Juan Ayuso of Spain" is of a country."""
    for person, of in pairwise(mentions):
        if (_OF_GAP.fullmatch(doc, person.end, of.start) and not of.strong and of.place is None
                and of.kind != "place" and 1 < len(person.words) < 4 and not person.strong
                and person.kind in ("person", "organization", None)
                and not any(w.casefold() in lex.org_heads or w.casefold() in lex.place_heads
                            or w.casefold() in lex.titles for w in person.words)
                and (person.kind == "person" or person.words[0].casefold() in lex.given_names)):
            person.kind, of.kind = "person", "organization"


def _coordinated(mentions: list[Mention], doc: str, lex: Lexicon) -> None:
    """Names in one list are one kind of thing: in "Alipay, WeChat and Meituan" a one-word name
    the model took for a person is a company like the others."""
    surnames = {
        key for m in mentions if m.kind == "person" and len(m.words) > 1
        for key in surname_keys(m.text)
    }
    named = {m.text.casefold() for m in mentions if len(m.words) == 1}  # one-word mentions
    group: list[Mention] = []
    for m in [*mentions, None]:
        if m is not None and group and _LIST_GAP.fullmatch(doc, group[-1].end, m.start):
            group.append(m)
            continue
        # (the others of the list may be names nothing kept: "to Aldentis and to Moderna")
        both = _BOTH.match(doc, group[-1].end) if group and (
            len(group) > 1 or _LAST_LISTED.search(doc, max(0, group[0].start - 12),
                                                  group[0].start)) else None
        if both and both.group(1).endswith("s") and organisation_noun(both.group(1)):
            for x in group:
                if not x.strong and x.place is None:
                    x.kind = "organization"
        for x in group:  # "The five members, Minji, Hanni, Danielle, Haerin and Hyein,"
            if not x.strong and x.place is None and len(x.words) == 1 and (
                    _MEMBERS_LISTED.search(doc, max(0, x.start - 200), x.start)):
                x.kind, x.strong = "person", True
        _one_kind(group, surnames, named, lex)
        _listed_places(group, doc, lex)
        group = [m] if m is not None else []


def _listed_places(group: list[Mention], doc: str, lex: Lexicon) -> None:
    """ "flows through Builth Wells, Hay-on-Wye, Hereford and Ross-on-Wye", "lines in Hwaseong,
    Giheung and Pyeongtaek", "in Porac, Pampanga": a list after a preposition of place, or a
    town and its region, with a place the gazetteer knows and no company, body or person named
    in full, names places only (not "in South Africa, and Sam Warburton", nor "a fab in
    Gujarat, and Vedanta, controlled by"); after words that put only places after them ("in
    parts of Small Heath, Sparkbrook and Alum Rock", "farmers around Carnarvon, Williston and
    Vosburg") even with none the gazetteer knows."""
    if len(group) < 2:
        return
    before = group[0].before
    only = place_cue(before) or before[:1] in (["around"], ["near"])
    # ("talks between Xi and Biden": only with a place the gazetteer knows)
    if not (only or before[:1] in (["in"], ["through"], ["across"], ["between"])):
        return
    if len(group) == 2:
        gap, region = doc[group[0].end : group[1].start], group[1].place
        if gap != " and " and not (gap == ", " and region is not None
                                   and region.kind in ("region", "country")):
            return
    if not (only or any(x.place is not None for x in group)) or any(
            (x.strong and x.kind != "place") or x.text.casefold() in lex.companies
            or (x.kind == "person" and len(x.words) > 1 and not (
                only and x.words[0].casefold() not in lex.given_names)) for x in group):
        return
    for x in group:
        x.kind = "place"


def _one_kind(group: list[Mention], surnames: set[str], named: set[str], lex: Lexicon
              ) -> None:
    """The kind a list's typed names give its weakly typed ones: "Broadcom and Microsoft"
    (companies), "Wataru Endo and Kaoru Mitoma" (people), "Dali and Jinniushan" (places)."""
    kinds = Counter(x.kind for x in group)
    orgs, people, places = kinds["organization"], kinds["person"], kinds["place"]
    for x in group:
        single = len(x.words) == 1
        if (not x.strong and single and x.kind == "organization" and x.place is not None
                and orgs == 1 and places >= 2):
            # "from Nairobi to Mombasa, Kisumu, Nyeri and Eldoret": a town the model took for
            # an organisation, listed with towns
            x.kind = "place"
        if x.strong or x.place is not None:
            continue
        if single and x.text.casefold() not in surnames and (  # "Musk" of "Elon Musk"
            (x.kind == "person" and orgs >= 2 and orgs > people)
            or (x.kind is None and orgs >= 1 and orgs >= people)
        ):
            x.kind = "organization"
        elif single and x.kind in ("person", None) and places and not orgs and any(
            y.place is not None for y in group
        ):
            x.kind = "place"
        elif not single and x.kind != "person" and all(
            w[:1].isupper() and w.replace("-", "").isalpha() for w in x.words
        ) and x.words[-1].casefold() not in lex.org_heads and not any(
                camel_case(w) for w in x.words) and _listed_with_people(x, group):
            # (not "Mohammed bin Salman and European Commission": an organisation's head word;
            # nor "at Google DeepMind, and Guillaume Lample": a brand's capitals inside)
            x.kind = "person"
    orgs = sum(x.kind == "organization" for x in group)
    people = sum(x.kind == "person" for x in group)
    if orgs >= 2 and orgs > people:
        for x in group:  # "Alibaba, SenseTime and Zhipu AI": a company the model took for a
            # place or a person (one the article never calls by a surname: not "Elon Musk")
            if not x.strong and x.place is None and len(x.words) > 1 and (
                x.kind in ("place", None)
                or (x.kind == "person" and not set(surname_keys(x.text)) & named)
            ):
                x.kind = "organization"


def _listed_with_people(x: Mention, group: list[Mention]) -> bool:
    """The others of the list are people named in full, and none is an organisation."""
    others = [y for y in group if y is not x]
    return any(y.kind == "person" and len(y.words) > 1 for y in others) and not any(
        y.kind == "organization" for y in others
    )


def _who(mentions: list[Mention], doc: str, sport: bool) -> None:
    """ "Hasdarmawan, who led a company of the Mobile Brigade": who is a person (but in sports
    news "Arsenal, who had chased him" may be a club: there the model must not read an
    organisation, nor the article name it as a side)."""
    who = [m for m in mentions
           if m.after[:2] == [",", "who"] and m.kind in (None, "organization") and not m.strong
           and m.place is None and not m.stands_for and not is_acronym(m.text)
           and all(w[:1].isupper() for w in m.words)
           # ("head of banking at the services union Verdi, who": the head is who)
           and not (m.before[:1] and organisation_noun(m.before[0]))]
    texts = {m.text for m in who}
    sides = {m.text for m in mentions if m.text in texts and named_as_side(m, doc)} if (
        sport and who) else set()
    for m in who:
        if not (sport and (m.label == "ORG" or m.text in sides)):
            m.kind, m.strong = "person", True


def _which(mentions: list[Mention]) -> None:
    """ "Rand Water, which draws its water from the Vaal Dam": no person is a "which", so
    neither is the "bulk supplier Rand Water" a rule took for one (a sentence's subject only:
    in "starring Andy Lau, which has earned" the clause is the film's)."""
    which = {m.text for m in mentions if m.after[:2] == [",", "which"] and m.initial}
    for m in mentions:
        if (m.text in which and m.kind == "person" and len(m.words) > 1 and not m.title
                and m.place is None):
            m.kind = "organization"


def _kin(mentions: list[Mention], doc: str) -> None:
    """ "Jakob Ingebrigtsen and his brothers Filip and Henrik": brothers, sisters, sons and
    daughters named by first name share the surname of the person named before them."""
    people = [m for m in mentions if m.kind == "person" and len(m.words) > 1]
    for m in mentions:
        if len(m.words) != 1 or not _KIN.search(doc, max(0, m.start - 80), m.start):
            continue
        owner = next((p for p in reversed(people) if p.end <= m.start), None)
        if owner is not None:
            # the surname with its particles: "his brother Wilhelm" of "Alexander von Humboldt"
            k = len(owner.words) - 1
            while k > 1 and owner.words[k - 1] in PARTICLES:
                k -= 1
            m.kind, m.strong, m.place = "person", True, None
            m.full_name = " ".join((m.text, *owner.words[k:]))


def _surnames_not_countries(mentions: list[Mention]) -> None:
    """ "Montenegro's government" where the article names Prime Minister Luís Montenegro: the
    man's government, not the country's."""
    surnames = {m.words[-1] for m in mentions
                if m.kind == "person" and m.strong and len(m.words) > 1}
    for m in mentions:
        if m.text in surnames and (m.stands_for or "").startswith("Government of"):
            m.kind, m.stands_for, m.place = "person", None, None


def _governments(mentions: list[Mention], doc: str, lex: Lexicon, sport: bool) -> None:
    """A capital that acts ("Washington said", "Budapest says", "urged Beijing to", "Beijing's
    push") or is a party ("relations between Canberra and Beijing", "a rift with Washington")
    stands for its government;
    anywhere else ("talks in Beijing", "arrived in Astana", "a Beijing-based critic", "Beijing's
    streets") it is the place."""
    capitals = [m for m in mentions if m.kind == "place" and m.place is not None
                and lex.capital(m.text)]
    # in sports news a capital that acts as a side is no government: it is the club the article
    # names in full ("Madrid did not allow them" after "Real Madrid", "said Islamabad had
    # peaked" after "Islamabad United"), or the teams' rules settle it ("saw off Monaco 76-62")
    # (a club's name joins no words by "of": "the University of Nairobi" is no club)
    club_of = {word: m.text for m in mentions if m.kind == "organization"
               and not {"of", "for"} & set(m.words)
               for word in (m.words if m.words[-1].casefold() in CLUB_TAILS else m.words[1:])
               } if sport else {}
    # "in" says where, unless it is of a policy the capital owns ("a partner in Washington's
    # Artemis program"; but "at Berlin's Olympiastadion" is in the city); "of" before an owner
    # is the owned thing's ("one of Washington's closest allies")
    placed = {id(m) for m in capitals if m.suffix or m.dateline or (
        m.before[:1] and m.before[0] in _PLACE_WORDS and not _owns_policy(m, doc, lex)
        and not (m.before[0] == "of" and doc[m.end : m.end + 2] in OWNS))}
    acting = {id(m) for m in capitals
              if _party(m, doc) or _which_acts(m, doc, id(m) in placed) or _dealt_with(m)
              or (id(m) not in placed and _acts(m, doc, lex))}
    for m, other in pairwise(capitals):  # "Rome and Brussels would", "Seoul and Beijing had";
        # "called on Berlin and Brussels to"
        if doc[m.end : other.start] == " and ":
            if id(other) in acting and id(m) not in placed:
                acting.add(id(m))
            elif id(m) in acting:
                acting.add(id(other))
    for m in capitals:
        if id(m) not in acting or (sport and m.text not in club_of and named_as_side(m, doc)):
            continue
        m.kind = "organization"
        if m.text in club_of:
            m.stands_for, m.place = club_of[m.text], None
            continue
        # "the government of Abu Dhabi" named before: Abu Dhabi acting is that government, not
        # the country's
        own = re.search(rf"\bgovernment of (?:the )?{re.escape(m.text)}\b", doc, re.IGNORECASE)
        m.stands_for = f"Government of {m.place.name}" if own else lex.capital(m.text)
        m.place = None


def _owns_policy(m: Mention, doc: str, lex: Lexicon) -> bool:
    """ "Washington's Artemis program", "Beijing's policy", "a blow to Canberra's hopes": the
    capital owns a plan or a stake."""
    if doc[m.end : m.end + 2] not in OWNS:
        return False
    name = _CAPITALISED.match(doc, m.end + 3)
    word = _LOWER_WORD.match(doc, name.end() if name else m.end + 2)
    return word is not None and (word.group(1) in lex.other_heads or (
        name is None and word.group(1) in _STATE_STAKES))


def _party(m: Mention, doc: str) -> bool:
    """ "relations between Canberra and Beijing": a party to relations (not "flights between")."""
    return _BETWEEN.search(doc, max(0, m.start - 80), m.start) is not None


def _which_acts(m: Mention, doc: str, placed: bool) -> bool:
    """ "criticism from Kyiv, which said": acting in a clause of its own, after any preposition
    (not "flew to Kyiv, which is cold"); or acting after that clause ("Rome, which carries one
    of the heaviest debts, has long pressed")."""
    which = _WHICH.match(doc, m.end)
    if which is not None and which.group(1) in _ACTING and which.group(1) not in _BEING:
        return True
    # "Washington and Paris, which had both voiced concern, called for" (but in "the Society
    # in London, which backed X, called" the clause is the Society's)
    after = _AFTER_WHICH.match(doc, m.end)
    return after is not None and after.group(1) not in ("is", "was") and (
        after.group(1) in _ACTING or (not placed and _acting_word(after.group(1))))


def _acts(m: Mention, doc: str, lex: Lexicon) -> bool:
    """The name is the subject of a verb, the object of a verb said of governments, or owns
    something that is not a part of a city."""
    if _HAS_COUNT.match(doc, m.end):
        return False  # "Hanoi has more than 2,000 mini-apartment buildings": the city's
    after = _NEXT_WORD.match(doc, m.end)
    possessive, word = (after.group(1), after.group(2)) if after else ("", "")
    if after and possessive:  # "Washington's Indo-Pacific strategy", not "Beijing's Chaoyang"
        if _BODY_THERE.match(doc, m.end):
            return False
        name = _CAPITALISED.match(doc, after.start(2))
        head = name.group().split()[-1].casefold() if name else word
        unit = _LOWER_WORD.match(doc, name.end()) if name else None
        if unit and unit.group(1) in lex.place_heads:  # "Beijing's Chaoyang district"
            head = unit.group(1)
        if name and _NAME_ENDS.match(doc, name.end()) and head not in lex.other_heads:
            # "Singapore's GIC and ...": a body there (but "Beijing's Belt and Road Initiative."
            # is its government's policy)
            return False
        # "Singapore's Sea Limited", "Beijing's Chaoyang", "Paris's Louvre Museum": a body or a
        # place there, not a policy of its state
        return (head not in _CITY_PARTS and head not in lex.place_heads
                and head not in lex.org_heads and not head.endswith(COMPOUND_PLACES))
    if m.before[:1] and (m.before[0] in _ACTED_ON or " ".join(m.before[1::-1]) in _ACTED_ON):
        return True
    if m.before[:1] == ["for"] and _TO_ACT.match(doc, m.end):
        return True  # "the door remained open for New Delhi to rejoin"
    # ("the Buenos Aires daily Clarín": a body's head word, not an adverb)
    return _acting_word(word) and word not in lex.org_heads


def _acting_word(word: str) -> bool:
    """A verb a government's capital does ("said", "firmly", "welcomed"), not one a city
    undergoes ("Beijing also suffered its heaviest rainfall")."""
    return word in _ACTING or (word.endswith("ly") and word.islower()) or (
        word.endswith("ed") and word.islower() and word not in _CITY_PARTS
        and word not in _UNDERGONE)


def _dealt_with(m: Mention) -> bool:
    """ "a rift with Washington", "a cooler response from Warsaw": a party dealt with (but
    "said in a statement from Rome" is where the speaker's statement came from)."""
    return " ".join(m.before[1::-1]) in _PARTY_TO and not (
        m.before[1] in _ISSUED and m.before[2:4] == ["a", "in"])


def _people(state: _Article, mentions: list[Mention], aliases: dict[int, Mention]) -> None:
    for m in mentions:
        if _located(m, state.doc):
            m.kind = "place"  # "the arena in Hung Hom": where, not who
    # ("on Mar Menor shores" too, where the article writes "the Mar Menor" elsewhere)
    after_the = {m.text for m in mentions if _after_the(m)}
    mentions = [m for m in mentions
                if not (m.text in after_the and m.kind == "person" and not m.strong)]
    full = [m for m in mentions if m.kind == "person" and id(m) not in aliases
            and (len(m.words) > 1 or is_full_name(m.text))]
    # "Prince Faisal" after "Prince Faisal bin Farhan": the title kept in a one-word name
    # ("Prince William") is no name of its own where the article names him in full
    firsts = {x.words[0] for x in full if _bare(x) == x.text}
    full = [x for x in full if _bare(x) == x.text or _bare(x) not in firsts]
    names = _full_names(full)
    for m in full:
        _known_name(state, "person", names[m.text], m)
    for m in mentions:  # "Jean-Pierre" of "Jean-Pierre and Luc Dardenne"
        if m.kind == "person" and m.full_name and id(m) not in state.by_mention:
            _known_name(state, "person", m.full_name, m)
    people = [b for b in state.builders.values() if b.kind == "person"]
    for m in mentions:
        if (
            id(m) in state.by_mention
            or id(m) in aliases
            or not (m.kind in ("person", None) or not m.strong)
        ):
            continue
        if len(m.words) == 1 and m.place is not None and m.place.kind == "country":
            continue
        matches = [b for b in people if _refers_to(_bare(m), b.name)]
        if m.kind not in ("person", None) and len(m.words) > 1 and not matches:
            continue
        if matches:
            builder = _pick(m, matches, mentions, state)
            builder.add(m, state.title_end)
            state.by_mention[id(m)] = builder
            continue
        if m.text in state.acronyms or m.kind != "person":
            continue
        if is_full_name(m.text):
            _known_name(state, "person", m.text, m)
        else:  # a bare surname no full name in the article explains: never resolved elsewhere
            known = state.known.persons_named(m.text)
            if not (m.strong or known or _HIS_HER.match(state.doc, m.end)):
                # one word only the model calls a person, with no title and nobody of that
                # name known: most often a company, a place or a work ("McLaren", "the Louvre")
                continue
            builder = state.entity("person", m.text, m)
            builder.ambiguous = builder.ambiguous or bool(known)
    _link_aliases(state, mentions, aliases, "person")


def _bare(m: Mention) -> str:
    """The name without the title it keeps ("Prince William": "William")."""
    if m.title and m.text.startswith(m.title + " "):
        return m.text[len(m.title) + 1 :]
    return m.text


def _located(m: Mention, doc: str) -> bool:
    """What only the model calls a person, named right after "in", "at" or "near" (and owning
    nothing: "in Xi's speech"), is a place."""
    return (
        m.kind == "person" and not m.strong and m.before[:1] != [] and m.before[0] in _WHERE
        and doc[m.end : m.end + 2] not in OWNS
    )


def _after_the(m: Mention) -> bool:
    """ "the Madaraka Express", "the Louvre": what the model took for a person's name after
    "the" is no person's (a title between them is stripped: "the Kenyan president X")."""
    return m.kind == "person" and not m.strong and m.before[:1] == ["the"]


def _known_name(state: _Article, kind: Kind, name: str, mention: Mention) -> _Builder:
    """The entity a full name stands for: the known one it spells another way, or its own.

    The name as written, when spelt otherwise, becomes an alternate name.
    """
    known = state.known.named(kind, name)
    builder = state.entity(kind, known[0] if len(known) == 1 else name, mention)
    if len(known) > 1:
        builder.ambiguous = True
    for spelling in (name, mention.text):
        if identity_key(spelling) == identity_key(builder.name):
            builder.alternate(spelling)
    return builder


def _link_aliases(
    state: _Article, mentions: list[Mention], aliases: dict[int, Mention], kind: Kind
) -> None:
    """ "Zeng Yuqun, better known as Robin Zeng": Robin Zeng is another name of Zeng Yuqun."""
    for m in mentions:
        owner = state.by_mention.get(id(aliases[id(m)])) if id(m) in aliases else None
        if owner is not None and owner.kind == kind and id(m) not in state.by_mention:
            owner.add(m, state.title_end)
            owner.alternate(m.text)
            state.by_mention[id(m)] = owner


def _full_names(full: list[Mention]) -> dict[str, str]:
    """Each full name written → the longest full name it is part of ("Lula da Silva"), spelt
    as first written ("Sergey Lavrov" after "Sergei Lavrov")."""
    spelling: dict[str, str] = {}
    for m in full:
        spelling.setdefault(identity_key(m.text), m.text)
    texts = sorted(set(spelling.values()), key=lambda t: (-len(t.split()), t))
    longest: dict[str, str] = {}
    for text in texts:
        longer = [n for n in set(longest.values()) if _contains(n, text)]
        longest[text] = longer[0] if len(longer) == 1 else text
    return {m.text: longest[spelling[identity_key(m.text)]] for m in full}


def _contains(name: str, part: str) -> bool:
    words, sub = name.casefold().split(), part.casefold().split()
    return len(sub) < len(words) and any(
        words[i : i + len(sub)] == sub for i in range(len(words) - len(sub) + 1)
    )


def _refers_to(text: str, name: str) -> bool:
    if " " in text:
        return _contains(name, text)
    # a given name alone stands for the article's one person of that name: Thai usage
    # ("Srettha" for Srettha Thavisin), and family names written first ("Kim" for Kim Jong Un)
    return text.casefold() in surname_keys(name) or text.casefold() == name.split()[0].casefold()


def _pick(
    m: Mention, matches: list[_Builder], mentions: list[Mention], state: _Article
) -> _Builder:
    """The person a bare surname means; more than one candidate flags the choice ambiguous."""
    if len(matches) == 1:
        return matches[0]
    if m.title:
        titled = [b for b in matches if m.title.casefold() in b.titles]
        if len(titled) == 1:
            return titled[0]
    before = [x for x in mentions if x.start < m.start and state.by_mention.get(id(x)) in matches]
    chosen = state.by_mention[id(before[-1])] if before else min(matches, key=lambda b: b.first)
    chosen.ambiguous = True
    return chosen


def _organizations(state: _Article, mentions: list[Mention], aliases: dict[int, Mention]) -> None:
    parties = {m.text for m in mentions if m.kind == "organization" and m.text.endswith(" Party")}
    orgs = []
    for m in mentions:
        if m.kind == "place" and not m.strong and f"{m.text} Party" in parties:
            m.kind, m.place = "organization", None  # "the Green leader" of the "Green Party"
        if m.kind == "organization" or (m.kind is None and m.text in state.acronyms):
            orgs.append(m)
    written = {m.text for m in orgs if len(m.words) > 1}
    canon = {m.text: _org_name(m.text, state, written) for m in orgs if len(m.words) > 1}
    for text in canon:  # "Just Eat Takeaway" after "Just Eat Takeaway.com": one company
        if f"{text}.com" in canon:
            canon[text] = canon[f"{text}.com"]
    # "China's Foreign Ministry", then "the Foreign Ministry": China's, where the article
    # gives the body one country
    countries: dict[str, set[str]] = {}
    for m in orgs:
        if m.text in canon and state_body(canon[m.text]):
            country = _country_owning(m, state.doc, state.lex)
            if country:
                countries.setdefault(m.text, set()).add(f"{canon[m.text]} {_of(country)}")
    for text, qualified in countries.items():
        if len(qualified) == 1:
            canon[text] = next(iter(qualified))
    first: dict[str, int] = {}
    for m in orgs:
        if len(m.words) > 1:
            first.setdefault(canon[m.text], m.start)
    # what an acronym may spell out: the names written, and those a capital stands for ("the
    # EU" after "Brussels investigates")
    spelt = set(canon.values()) | {m.stands_for for m in orgs if m.stands_for}
    for m in orgs:
        if id(m) in state.by_mention:
            continue
        if m.stands_for:
            stands = state.entity("organization", m.stands_for, m)
            if not state.lex.capital(m.text):
                stands.alternate(m.text)  # "Argentina" of its national team
            continue
        if id(m) in aliases:
            continue  # another name of an entity named just before: linked below
        if len(m.words) > 1:
            name = _merge_target(canon[m.text], m.start, first, state.lex) or canon[m.text]
            builder = _known_name(state, "organization", name, m)
            for alternate in (m.acronym, m.unit):
                if alternate:
                    builder.alternate(alternate)
            if canon[m.text] != m.text and name == canon[m.text]:
                builder.alternate(m.text)  # as written, before acronyms were spelt out
                if state_body(bare := " ".join(m.words[1:])):
                    builder.alternate(bare)  # "Foreign Ministry" of "Chinese Foreign Ministry"
            continue
        full = state.acronyms.get(m.text) or _spelled_out(m.text, spelt)
        if full:
            _known_name(state, "organization", canon.get(full, full), m).alternate(m.text)
            continue
        prefixed = sorted(n for n in set(canon.values()) if n.split()[0] == m.text)
        # "COSCO" for "COSCO Shipping", "Labour" for the "Labour Party", "Vertex" for "Vertex
        # Pharmaceuticals" named in the article
        if len(prefixed) == 1 and (is_acronym(m.text) or prefixed[0] == f"{m.text} Party" or (
                all(w.casefold() in _COMPANY_FORMS for w in prefixed[0].split()[1:])
                # (not "Tata" of "Tata Electronics" and "Tata Sons": their group)
                and len({x.text for x in mentions if x.words[0] == m.text} - {m.text}) == 1)):
            state.entity("organization", prefixed[0], m).alternate(m.text)
            continue
        # "the Stones" after "the Rolling Stones", "the Warriors" after "the Golden State
        # Warriors": a band's or a side's plural last word
        suffixed = sorted(n for n in written if n.endswith(f" {m.text}"))
        if (len(suffixed) == 1 and m.before[:1] == ["the"] and m.text.endswith("s")
                and m.text.casefold() not in state.lex.org_heads):
            state.entity("organization", canon[suffixed[0]], m).alternate(m.text)
            continue
        known = state.known.named("organization", m.text)
        if not known and is_acronym(m.text):
            known = [n for n in (state.known.spelled_out(m.text),) if n]
        if len(known) == 1:
            state.entity("organization", known[0], m).alternate(m.text)
        else:
            state.entity("organization", m.text, m).ambiguous = len(known) > 1
    _link_aliases(state, mentions, aliases, "organization")
    for m in orgs:
        builder = state.by_mention.get(id(m))
        if builder is not None and m.parent and builder.parent is None:
            owner = next((state.by_mention.get(id(x)) for x in orgs if x.text == m.parent), None)
            builder.parent = owner.name if owner is not None else canon.get(m.parent, m.parent)
    for child, parent in sub_units(state.doc, orgs):
        _attach_parent(state, child, parent)


def _spelled_out(acronym: str, names: set[str]) -> str | None:
    """The one organisation of the article whose initials the acronym is ("UN", "the United
    Nations")."""
    if not is_acronym(acronym):
        return None
    found = [n for n in names if initials(n) == acronym]
    return found[0] if len(found) == 1 else None


def _attach_parent(state: _Article, child: Mention, parent: Mention) -> None:
    """ "Center for X in Lanzhou University": named "Center for X of Lanzhou University"."""
    builder, owner = state.by_mention.get(id(child)), state.by_mention.get(id(parent))
    if builder is None or owner is None or builder is owner or builder.parent:
        return
    the = "the " if state.doc[max(0, parent.start - 4) : parent.start] == "the " else ""
    old_key = (builder.kind, builder.name.casefold())
    builder.name = f"{builder.name} of {the}{owner.name}"
    builder.parent = owner.name
    state.builders.pop(old_key, None)
    state.builders.setdefault((builder.kind, builder.name.casefold()), builder)


def _org_name(text: str, state: _Article, written: set[str]) -> str:
    """Canonical form of an organisation's name as written.

    Acronyms inside are spelled out, a parenthesised acronym dropped, and "Y X" where Y is an
    organisation and X a body of it becomes "X of the Y" ("CPC Central Committee" → "Central
    Committee of the Communist Party of China").
    """
    words = [w for w in text.split()
             if not (w.startswith("(") and w.endswith(")") and is_acronym(w[1:-1]))]
    words = [state.acronyms.get(w, w) if is_acronym(w) else w for w in words]
    if words and words[0].casefold() in state.lex.demonyms and words[-1] == "Government":
        country = state.lex.country_of_demonym.get(" ".join(words[:-1]).casefold())
        if country:
            return state.lex.government_of("", country)  # as "the Chinese government" is
    federal = _us_federal_body(words, state.lex)
    if federal:
        return federal
    if len(words) > 1 and (
        (len(words) > 3 and words[1] in ("Ministry", "Department") and words[2] == "of")
        # (but "Philippine National Police", "Indian National Congress" are names of their own)
        or (state_body(" ".join(words[1:])) and words[1] != "National")
    ):
        country = state.lex.country_of_demonym.get(words[0].casefold())
        if country:  # "Mongolian Ministry of Environment" → "Ministry of Environment of
            # Mongolia", "Chinese Foreign Ministry" → "Foreign Ministry of China"
            return f"{' '.join(words[1:])} {_of(country)}"
    name = " ".join(words)
    if " of the " in name:
        outer, _, inner = name.partition(" of the ")
        inner_name = _org_name(inner, state, written)
        if inner_name != inner:
            return f"{outer} of the {inner_name}"
    orgs = set(state.acronyms.values()) | written
    for org in sorted(orgs, key=len, reverse=True):
        rest = name[len(org) :].strip()
        if (
            name.startswith(org + " ")
            and rest.split()[-1].casefold() in state.lex.org_heads
            and "of" not in rest.split()
            # ("Mitsubishi Heavy Industries" is that company's name, "Mitsubishi Heavy" short)
            and rest.casefold() not in _COMPANY_FORMS
        ):
            return f"{rest} of the {org}"
    return name


def _us_federal_body(words: list[str], lex: Lexicon) -> str | None:
    """The name of a US executive department or of Congress or one of its houses as written ("US
    State Department", "the Justice Department", "US Treasury", "U.S. Department of Commerce",
    "US Congress"), under its own name ("United States Department of State"), or None."""
    us = next((k for k in (1, 2) if len(words) > k and (
        place := lex.place(" ".join(words[:k]))) and place.name == "United States"), 0)
    rest = words[us:]
    if us and " ".join(rest) in ("Congress", "Senate", "House of Representatives"):
        return f"United States {' '.join(rest)}"  # "US Congress"
    if us and rest == ["Treasury"]:
        portfolio = "Treasury"
    elif len(rest) > 1 and rest[-1] == "Department" and (us or len(rest) == 2):
        portfolio = " ".join(rest[:-1])  # bare, one word: "the State Department"
    elif us and len(rest) > 2 and rest[:2] == ["Department", "of"]:
        portfolio = " ".join(rest[2:]).removeprefix("the ")
    else:
        return None
    if portfolio not in _US_DEPARTMENTS or (not us and portfolio not in _US_ONLY):
        return None
    the = "the " if portfolio in ("Treasury", "Interior") else ""
    return f"United States Department of {the}{portfolio}"


def _of(country: str) -> str:
    """ "of China", "of the United States": a country's name after "of"."""
    return f"of the {country}" if country.startswith(_WITH_THE) else f"of {country}"


def _country_owning(m: Mention, doc: str, lex: Lexicon) -> str | None:
    """The country whose possessive stands right before the name ("South Korea's Foreign
    Ministry"), or None."""
    owner = _OWNER.search(doc, max(0, m.start - 60), m.start)
    if owner is None:
        return None
    words = owner.group(1).split()
    for k in range(len(words)):  # the longest tail of the capitalised words that is a country
        place = lex.place(" ".join(words[k:]))
        if place is not None and place.kind == "country":
            return place.name
    return None


def _merge_target(name: str, start: int, first: dict[str, int], lex: Lexicon) -> str | None:
    """The longer name this one is short for ("Foreign Ministry", "Standing Committee").

    Of several, the one named last before it.
    """
    words = name.split()
    targets = []
    for other, other_start in first.items():
        other_words = other.split()
        if other == name or len(other_words) <= len(words):
            continue
        extra = " ".join(other_words[: -len(words)]).casefold()
        if other_words[-len(words) :] == words and (extra in lex.demonyms or lex.place(extra)):
            targets.append((other_start, other))  # "Chinese Foreign Ministry"
        elif other.startswith(name + " of "):
            targets.append((other_start, other))  # "Standing Committee of the ..."
        elif other_words[: len(words)] == words and other_start < start and all(
                w.casefold() in _COMPANY_FORMS for w in other_words[len(words) :]):
            targets.append((other_start, other))  # "Mitsubishi Heavy Industries", then "... Heavy"
    before = sorted(t for t in targets if t[0] < start)
    if before:
        return before[-1][1]
    return targets[0][1] if len(targets) == 1 else None


def _features_short(mentions: list[Mention], aliases: dict[int, Mention]) -> None:
    """ "the Paraopeba River", then "the Paraopeba": the river (not the town of that name, nor
    the organisation the model read)."""
    features = {key: m for m in mentions if m.kind == "place" and (key := stem("place", m.text))}
    for m in mentions:
        feature = features.get(identity_key(m.text))
        if feature is not None and m.before[:1] == ["the"] and not m.strong and m.kind in (
                "place", "organization", None) and not (m.place and m.place.strong):
            m.kind = "place"
            aliases[id(m)] = feature


def _places(state: _Article, mentions: list[Mention], aliases: dict[int, Mention]) -> None:
    for m in mentions:
        if m.kind == "place" and id(m) not in state.by_mention and id(m) not in aliases:
            # the gazetteer's name, else a known place's ("Yangtze River" for "the Yangtze");
            # the name as written stays an alternate name ("Nur-Sultan" of Astana)
            builder = (state.entity("place", m.place.name, m) if m.place
                       else _known_name(state, "place", m.text, m))
            # a dateline's "WASHINGTON" as "Washington"
            builder.alternate(string.capwords(m.text) if m.dateline else m.text)
    _link_aliases(state, mentions, aliases, "place")


def _roles(state: _Article, mentions: list[Mention]) -> None:
    """Job titles and affiliations: from titles before names and from appositives."""
    for m in mentions:
        builder = state.by_mention.get(id(m))
        if builder is None or builder.kind != "person" or not m.title:
            continue
        affiliation = None
        if m.affiliation:
            org = next(
                (
                    state.by_mention.get(id(x))
                    for x in mentions
                    if x.text == m.affiliation and x.end <= m.start
                ),
                None,
            )
            affiliation = org.name if org and org.kind == "organization" else None
        _add_role(builder, Role(job_title=_title_case(m.title), affiliation=affiliation))
    for person, title, org in appositive_roles(state.doc, mentions):
        builder, owner = state.by_mention.get(id(person)), state.by_mention.get(id(org))
        if builder is not None and owner is not None and owner.kind == "organization":
            _add_role(builder, Role(job_title=title, affiliation=owner.name))


def _add_role(builder: _Builder, role: Role) -> None:
    if role not in builder.roles:
        builder.roles.append(role)


def _title_case(title: str) -> str:
    return " ".join(w if w.isupper() else w.lower() for w in title.split())
