"""All the typed mentions in one article: rules first, then the model's vote where rules abstain."""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from kg.articles import Article
from kg.entities.known import surname_keys
from kg.entities.lexicon import Lexicon, Place, words
from kg.entities.names import (
    SHORT_MONTHS,
    Mention,
    initials,
    is_acronym,
    is_facility,
    join_titles,
    mentions_of,
    organisation_noun,
    person_before,
    place_cue,
    strong_place,
    written_after_the,
)
from kg.entities.spans import OWNS, candidates
from kg.entities.teams import about_sport

# A headline's column name ("GT Voice: ...", "Editorial: ...") is not part of the news.
_KICKER = re.compile(r"^\s*(?:\S+\s+){0,2}\S+:\s+")
# A dateline's wire credit, before the dash that starts the news: "SEOUL, Oct. 28 (Yonhap) --"
_CREDIT = re.compile(r"[^\n(]{0,80}\(([A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?)\) ?(?:--|—|–|-) ")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’\-]*")
# A dateline: the city the story was filed from, opening its first paragraph, in capitals or
# not, then a region or a date after a comma, a date or agency in brackets, and a dash
# ("RAWALPINDI, Pakistan -", "LONDON, Nov 26 –", "SAN JUAN, Puerto Rico (July 12) –",
# "HANOI —", "Tübingen, Germany –", "BERLIN, March 18 --", "NEW DELHI/MUMBAI, Nov 13 -")
_DATELINE = re.compile(
    r"(?P<city>[^\W\d_][\w.'’-]*(?:[ /][^\W\d_][\w.'’-]*){0,3})"
    r"(?P<comma>, [^\W\d_][\w.]*(?: [\w.]+){0,2})?(?:, (?P<date>[^\W\d_]+)\.? \d{1,2})?"
    r"(?: \([^()\n]{1,40}\))? ?(?:--|[-–—]) "
)
# The model's labels, as kinds; None: not a person, organisation or place.
MODEL_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}

# A sentence; the dot of an initial ("J. Robert", "U.S."), of a title ("Dr. Smith") or inside a
# word ("Trip.com", "3.5") ends none.
_SENTENCE = re.compile(
    r"(?:[^\n.!?]|(?<=\b[A-Z])\.|(?<=\b(?:Dr|Mr|Ms|St|Jr))\.|(?<=\bMrs)\.|\.(?=\w))+"
    r"(?:[.!?]+[\"”’']?|(?=\n)|$)"
)
# What opens a dateline's date: the calendar's days and months, and the abbreviations it
# leaves out as someone's name ("Jan"), a month's here ("LONDON, Jan 5 -")
_DATES = words("calendar") | SHORT_MONTHS
# Who governs a place, before "of" and its name ("the government of Styria")
_GOVERNED = frozenset({"government", "governor", "governments", "premier", "parliament",
                       "mayor", "legislature"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "into", "near", "across", "around",
                                 "outside", "throughout", "within", "towards", "toward"})

# "a plumber from", "residents from", "a woman from": where people are from (not "took the
# jersey from Geraint Thomas")
_FROM_ORIGIN = re.compile(r"from (?:\w+(?:ers?|ists?)|m[ae]n|wom[ae]n|people|residents?|"
                          r"famil(?:y|ies)|fans|students?|pupils|couple)$")
_GIVEN_SYLLABLES = re.compile(r"\b[A-Z][a-z]+-[a-z]+\b")
_ONLY_PLACES = frozenset({"near", "around", "across", "outside", "throughout", "within"})
_ON_THE = _PLACE_PREPOSITIONS | {"on", "over", "along"}  # "over the Danube"
_PREFIXED = frozenset({"mount", "mt.", "lake", "fort", "cape"})
_WHICH = re.compile(r",\s+which\b")
_ITS = re.compile(r"\s+[a-z]+\s+its\b")
_WORD_BEFORE = re.compile(r"([\w'’\-]+) $")
_ARTICLES = frozenset({"La", "Las", "Los", "El", "Le", "Les", "Il", "Lo", "Gran"})
_PAPER_ARTICLES = frozenset({"Het", "Der", "Die", "Das"})  # Dutch and German papers' names

Span = tuple[int, int, str]  # start, end, label of one model entity


@dataclass
class Analysis:
    """An article's text as resolution sees it: the document string and its mentions."""

    doc: str
    title_end: int
    mentions: list[Mention]


def document(article: Article) -> tuple[str, int]:
    """The string extraction reads: the headline, a newline, the normalised text."""
    return f"{article.title}\n{article.text}", len(article.title)


def analyse(doc: str, title_end: int, lex: Lexicon) -> Analysis:
    """Mentions typed by the rules; :func:`vote` or :func:`default` then settles the rest."""
    lowercase = set(_LOWER_WORD.findall(doc))
    found: list[Mention] = []
    offset = 0
    for number, line in enumerate(doc.split("\n")):
        skip = _KICKER.match(line).end() if number == 0 and _KICKER.match(line) else 0
        pieces = [(skip, len(line))]
        if number == 1 and (dateline := _dateline(line, offset, lex))[0]:
            # the dateline's places, what it holds after them ("(Reuters)"), and the news,
            # whose first word starts a sentence
            found.extend(dateline[0])
            pieces = [(dateline[0][-1].end - offset, dateline[1]), (dateline[1], len(line))]
        for start, end in pieces:
            for cand in join_titles(candidates(line[start:end], offset + start), doc, lex):
                found.extend(mentions_of(cand, doc, lowercase, lex))
        offset += len(line) + 1
    credit = _CREDIT.match(doc, title_end + 1)
    if credit:  # "GWANGJU, Oct. 28 (Yonhap) --": the wire that filed the story
        for m in found:
            if m.start == credit.start(1) and m.end == credit.end(1):
                m.kind, m.strong, m.place = "organization", True, None  # type: ignore[assignment]
    works = {m.text for m in found if m.work}  # "the drama YOLO" once: YOLO is a film throughout
    # and "Clipper" after "the Europa Clipper spacecraft" is that spacecraft (but a name a rule
    # types a place for sure is its own: "the film "Alcarràs"" and "in Alcarràs", the village)
    ends = {m.words[-1] for m in found if m.work and len(m.words) > 1}
    at = {m.start for m in found if m.work}
    found = [m for m in found if (m.text not in works or (
        m.strong and m.kind == "place" and m.start not in at)) and (
        m.strong or m.text not in ends)]
    _short_places(found)
    _named_in_full(found)
    # what a name grew over is no name of its own
    covered = _wings(found, doc) + _spelt_back(found, doc)
    return Analysis(doc, title_end, [m for m in found if not any(
        m is not owner and start <= m.start and m.end <= end for owner, start, end in covered)])


def _wings(found: list[Mention], doc: str) -> list[tuple[Mention, int, int]]:
    """ "Communist Party of India (Marxist)": a party's name with the wing in brackets that
    tells it from another party. Each name grown so, and the stretch it grew over."""
    covered = []
    for m in found:
        wing = f" ({m.acronym})"
        if (m.acronym and m.acronym.isalpha() and m.acronym.istitle() and "Party" in m.words
                and doc.startswith(wing, m.end)):
            covered.append((m, m.end, m.end + len(wing)))
            m.text, m.end, m.acronym = m.text + wing, m.end + len(wing), None
    return covered


def _spelt_back(found: list[Mention], doc: str) -> list[tuple[Mention, int, int]]:
    """ "Medicines and Healthcare products Regulatory Agency (MHRA)": the acronym spells the
    name from a capitalised word before a lower-case one ("products") the run stopped at; the
    name is all of it, one organisation. Each name grown so, and the stretch it grew over."""
    covered = []
    for m in found:
        acronym = (m.acronym or "").replace(" ", "")
        written = initials(m.text)
        if not is_acronym(acronym) or acronym == written or not acronym.endswith(written):
            continue
        need, start, lower = acronym[: -len(written)], m.start, 0
        while need and (word := _WORD_BEFORE.search(doc, max(0, start - 40), start)):
            if word.group(1)[:1].isupper() and need.endswith(word.group(1)[0]):
                need = need[:-1]
            elif not word.group(1).islower() or (lower := lower + 1) > 2:
                break
            start = word.start()
        if not need:
            m.start, m.text, m.kind, m.strong = start, doc[start : m.end], "organization", True
            covered.append((m, start, m.end))
    return covered


def _dateline(line: str, offset: int, lex: Lexicon) -> tuple[list[Mention], int]:
    """The places of the first paragraph's dateline, its city ("BERLIN" is Berlin, not the
    German government nor an acronym) and the region or country after it, and where in the
    line the dateline ends; no places when the paragraph opens with no dateline."""
    found = _DATELINE.match(line)
    if found is None or (found["date"] and found["date"].casefold() not in _DATES):
        return [], 0  # ("LOS ALCÁZARES, Spain, Aug 23 —": a date after the region)
    city = found["city"]
    capitals = city.isupper() and sum(c.isalpha() for c in city) >= 4
    region = (found["comma"] or ", ")[2:]
    dated = bool(region) and region.split()[0].rstrip(".").casefold() in _DATES
    named = bool(region) and not dated and all(w[:1].isupper() for w in region.split())
    # a name in capitals; or a known town's then a date or a region, or any name then a known
    # region ("Goheung, South Korea –"): not "Police, said -"
    if not capitals and not (
            city.istitle() and city.replace(" ", "").isalpha() and (dated or named)
            and (strong_place(city, lex) or (named and lex.place(region)))):
        return [], 0
    places = []
    at = offset
    for name in city.split("/"):  # "NEW DELHI/MUMBAI": two cities
        place = lex.place(string.capwords(name) if capitals else name)
        places.append(Mention("place", name, at, at + len(name), strong=True, dateline=True,
                              place=place or Place(string.capwords(name), "city", strong=False)))
        at += len(name) + 1
    if named:
        start = offset + found.start("comma") + 2
        places.append(Mention("place", region, start, start + len(region), strong=True,
                              dateline=True, place=lex.place(region)))
    return places, found.end()


def _named_in_full(mentions: list[Mention]) -> None:
    """The surname of a person the article names in full ("Macháč" after "Tomáš Macháč") is
    that person's, even where it names a place too, an acronym it spells out ("ESA" after
    "the European Space Agency (ESA)") is that body's, a company's name then more its unit
    or service ("Naver Pay"), and the first word of two organisations' names alone their group
    ("Tata" after "Tata Sons" and "Tata Electronics"): settled here, the model need not read
    their sentences."""
    surnames: set[str] = set()
    acronyms: dict[str, str] = {}
    companies: set[str] = set()
    group: dict[str, set[str]] = {}  # first word → the organisations' names it starts
    for m in mentions:
        if m.kind in ("organization", None) and m.place is None and len(m.words) > 1:
            group.setdefault(m.words[0], set()).add(m.text)
        if m.strong and m.kind == "person":
            surnames.update(surname_keys(m.text))  # "Zheng" of "Zheng Qinwen", never "Qinwen"
        if m.strong and m.kind is not None and m.acronym:
            acronyms.setdefault(m.acronym, m.kind)
        if m.strong and m.kind == "organization" and len(m.words) == 1:
            companies.add(m.text)
    for m in mentions:
        kind = acronyms.get(m.text)
        if kind is None and len(m.words) == 1 and m.text.casefold() in surnames:
            kind = "person"  # an acronym ("ITO") is typed already: never a surname ("Ito")
        if kind is None and len(m.words) > 1 and m.words[0] in companies and m.place is None:
            kind = "organization"  # "Naver Pay" after "Naver shares fell": its service
        if kind is None and len(m.words) == 1 and len(group.get(m.text, ())) > 1:
            kind = "organization"  # "Tata" after "Tata Sons" and "Tata Electronics": the group
        if (kind == "organization" and not m.strong and m.kind == "place" and len(m.words) == 1
                and m.place is not None and m.place.kind == "city"
                and not _after_place_words(m.before)):
            m.kind, m.strong, m.place = kind, True, None  # (a small town's name too; but
            # "Kerala" of "Kerala Forest Department" and "Kerala Health Minister" is the state)
        elif kind is not None and not m.strong and m.kind in (None, kind):
            m.kind, m.strong = kind, True  # type: ignore[assignment]
        elif (kind == "person" and m.kind == "place" and not m.acronym
              and not _after_place_words(m.before)):
            # "Hamilton" after "Lewis Hamilton" is he, not Bermuda's capital (but "in Hamilton"
            # is the town)
            m.kind, m.strong, m.place = "person", True, None


def _short_places(mentions: list[Mention]) -> None:
    """ "Qomolangma" with "Mount Qomolangma": a mountain, lake or fort named without its prefix
    is that place; so is "Kumamoto" with "Kumamoto Prefecture", a unit named without its unit
    word, and "Goddard" with the "Goddard Space Flight Center", a facility by its first word."""
    full = {" ".join(m.words[1:]): m for m in mentions
            if m.kind == "place" and len(m.words) > 1 and m.words[0].casefold() in _PREFIXED}
    for m in mentions:
        if (m.kind == "place" and m.strong and m.place is not None and m.place.name != m.text
                and m.text.startswith(m.place.name + " ")):
            full.setdefault(m.place.name, m)
        if m.kind == "place" and len(m.words) > 2 and m.place is None and is_facility(m.words):
            # "Goddard" of the "Goddard Space Flight Center" (but "Xichang" of the "Xichang
            # Satellite Launch Center" is the city)
            full.setdefault(m.words[0], m)
    for m in mentions:
        whole = full.get(m.text)
        if whole is not None and whole.words[0].casefold() in _PREFIXED and (
                m.place is not None and m.place.kind in ("city", "region", "country")):
            continue  # "Zurich" with "Lake Zurich": the city the lake is named after
        if whole is not None and not m.strong and not (
                m.place is not None and is_facility(whole.words)):
            m.kind, m.strong = "place", True
            m.place = whole.place or Place(whole.text, "area")


def model_text(analysis: Analysis) -> tuple[str, list[tuple[int, int]]]:
    """The sentences the model must read: those with a mention the rules did not settle.

    Returns the text (sentences joined by newlines) and, per sentence, ``(offset in that text,
    offset in the document)``. Reading only these sentences roughly halves the model's time.
    """
    open_starts = sorted(m.start for m in analysis.mentions if not m.strong)
    parts: list[str] = []
    where: list[tuple[int, int]] = []
    length = 0
    k = 0
    for sentence in _SENTENCE.finditer(analysis.doc):
        while k < len(open_starts) and open_starts[k] < sentence.start():
            k += 1
        if k < len(open_starts) and open_starts[k] < sentence.end():
            where.append((length, sentence.start()))
            parts.append(sentence.group())
            length += len(sentence.group()) + 1
    return "\n".join(parts), where


def vote(
    analysis: Analysis, spans: Sequence[Span], where: list[tuple[int, int]], lex: Lexicon
) -> None:
    """Apply the model's entities (found in :func:`model_text`'s text) to the open mentions."""
    shifted: list[Span] = []
    for start, end, label in spans:
        k = bisect.bisect_right(where, (start, float("inf"))) - 1
        # the model may read across the newline between two sentences ("Story\n Ed
        # Miliband"): each sentence's piece of the span is its own, with the label, if it is
        # more than one word ("Weather\n Heavy rain" names nothing)
        pieces = []
        while True:
            stop = where[k + 1][0] - 1 if k + 1 < len(where) else end
            delta = where[k][1] - where[k][0]
            piece = _stripped(analysis.doc, start + delta, min(end, stop) + delta)
            if piece is not None:
                pieces.append(piece)
            if end <= stop:
                break
            k, start = k + 1, where[k + 1][0]
        shifted.extend((*piece, label) for piece in pieces
                       if len(pieces) == 1 or " " in analysis.doc[piece[0] : piece[1]])
    # The model's entities are sorted and do not overlap: a mention's are found by bisection.
    sport = about_sport(analysis.doc)
    starts = [start for start, _, _ in shifted]
    ends = [end for _, end, _ in shifted]
    kept = []
    for m in analysis.mentions:
        mine = shifted[bisect.bisect_right(ends, m.start) : bisect.bisect_left(starts, m.end)]
        if _vote(m, mine, lex):
            _trim(m, mine, analysis.doc)
            kept.append(m)
        elif m.kind is None and m.label is None and _called_by_surname(m, analysis.doc, lex):
            m.kind = "person"  # type: ignore[assignment]
            kept.append(m)
        elif m.kind is None and m.label is None and sport and _nickname(m, analysis.doc, lex):
            m.kind, m.nickname = "organization", True  # type: ignore[assignment]
            kept.append(m)
    _one_reading(kept)
    _named_by_surname(kept, lex)
    analysis.mentions = kept
    _no_people(analysis, lex)


def _stripped(doc: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without white space at its ends; None if nothing is left."""
    text = doc[start:end]
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return (start + left, start + right) if right > left else None


def _governed_place(before: list[str]) -> bool:
    """ "in X", "from X", "the government of X": words that put a place after them."""
    return _after_place_words(before) or (
        before[:1] == ["of"] and len(before) > 1 and before[1] in _GOVERNED)


def _event(word: str, lex: Lexicon) -> bool:
    """ "Finals", "Championships", "Games": the head word of a contest, plural or not."""
    word = word.casefold()
    return word in lex.other_heads or word.removesuffix("s") in lex.other_heads


def _nickname(mention: Mention, doc: str, lex: Lexicon) -> bool:
    """ "beat the LG Twins", "against the Doosan Bears": a name the article writes after "the"
    that ends in the plural of an English noun is a side's or a band's (no one is "the X
    Ys")."""
    words = mention.words
    return (1 < len(words) < 4 and words[-1].endswith("s") and not _event(words[-1], lex)
            and (mention.before[:1] == ["the"] or written_after_the(mention.text, doc))
            and lex.plural_noun(words[-1])
            and lex.place(mention.text) is None and words[-1].casefold() not in lex.place_heads)


def _not_who(mention: Mention, doc: str) -> bool:
    """ "Maruti Suzuki, which is controlled by", "Qualcomm abandoned its bid": the pronoun says
    the name is no person's (a full name's "which"; one word's "its" right after its verb: a
    film is "Barbie, which was released")."""
    if len(mention.words) > 1:
        return bool(_WHICH.match(doc, mention.end))
    return bool(_ITS.match(doc, mention.end))


def _called_by_surname(mention: Mention, doc: str, lex: Lexicon) -> bool:
    """ "Sanae Takaichi", untyped by rules and model alike, then "Takaichi" alone twice or more:
    a person the article goes on to call by the surname, as news does (a surname no common
    word: not "Science Fiction World", "Maybe I")."""
    words = mention.words
    if not _plain_name(words, lex):
        return False
    alone = len(re.findall(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", doc))
    return alone - doc.count(mention.text) >= 2


def _plain_name(words: list[str], lex: Lexicon) -> bool:
    """Two or three capitalised words, none a stop word, the last no everyday word: how a
    person's full name looks."""
    return 2 <= len(words) <= 3 and all(
        len(w) > 1 and w[:1].isupper() and w[1:].replace("-", "").islower()
        and w.replace("-", "").isalpha() and w.casefold() not in lex.stop_words
        for w in words) and words[-1].casefold() not in lex.ordinary_words


def _named_by_surname(mentions: list[Mention], lex: Lexicon) -> None:
    """ "Olumide Adebayo" read as an organisation by the model alone, where a rule found
    "Adebayo" a person ("Adebayo, who drives"): the full name is that person's."""
    surnames = {m.text for m in mentions if m.kind == "person" and m.strong and " " not in m.text}
    for m in mentions:
        if (m.kind == "organization" and not m.strong and m.words[-1] in surnames
                and _plain_name(m.words, lex) and m.words[-1].casefold() not in lex.org_heads):
            m.kind = "person"


def _one_reading(mentions: list[Mention]) -> None:
    """A name the gazetteer or a rule reads as a place at one point of the article ("in
    Hitoyoshi") is that place where the model alone read it otherwise ("between Yatsushiro and
    Hitoyoshi" as an organisation): an article does not switch what a bare name means (but
    "the state investor Temasek" is a company a gazetteer's old name of Singapore is not)."""
    places = {m.text for m in mentions
              if m.kind == "place" and (m.strong or m.place is not None)}
    for m in mentions:
        if (m.text in places and m.kind != "place" and not m.strong and m.stands_for is None
                and not m.after_place
                and not (m.kind == "organization" and m.before[:1]
                         and organisation_noun(m.before[0]))):
            m.kind = "place"


def _trim(mention: Mention, spans: Sequence[Span], doc: str) -> None:
    """ "Swimmer Pan Zhanle" starting a sentence: the model reads the full name without the
    capitalised word before it."""
    if mention.strong or mention.kind != "person" or not mention.initial or len(spans) != 1:
        return
    start, end, label = spans[0]
    if (
        label == "PERSON"
        and end == mention.end
        and mention.start < start
        and doc[start - 1] == " "
        and " " in doc[start:end]
        and doc[mention.start : start - 1].isalpha()  # a word, not a name ("Da'Vine", "J.")
        and doc[mention.start + 1 : start - 1].islower()
    ):
        mention.text, mention.start = doc[start:end], start


def default(analysis: Analysis, lex: Lexicon) -> None:
    """Without a model: settle the open mentions by rules alone."""
    analysis.mentions = [m for m in analysis.mentions if _rules_default(m, analysis.doc, lex)]
    _no_people(analysis, lex)


def _no_people(analysis: Analysis, lex: Lexicon) -> None:
    """Weakly typed people the pronoun after them says are none."""
    for m in analysis.mentions:
        # ("starring Louis Koo, which has earned": the film earned; "the Dutch botanist
        # Pieter van Royen, which is held": the specimen is)
        if m.kind == "person" and not m.strong and m.before[:1] not in (
                ["starring"], ["featuring"]) and not person_before(m.before, lex) and _not_who(
                m, analysis.doc):
            m.kind = "place" if m.place else "organization"


def _vote(mention: Mention, spans: Sequence[Span], lex: Lexicon) -> bool:
    """Let the model type what the rules left open; False drops the mention."""
    best, overlap, whole, inside = None, 0, False, False
    for start, end, label in spans:
        shared = min(end, mention.end) - max(start, mention.start)
        if shared > overlap:
            best, overlap = label, shared
            whole = (start, end) == (mention.start, mention.end)
            # the span is the name's, give or take a "the " before and an "'s" after (but
            # after a first name the "'s" is a person's: "Mitchell Marsh's Australia")
            inside = start >= mention.start - 4 and end <= mention.end + (
                0 if _first_name(mention.words[0], lex) else 2)
    mention.label = best
    if mention.strong:
        return True
    kind = MODEL_KINDS.get(best or "")
    if mention.after_place and kind in (None, "place"):
        kind = "organization"  # "Beijing Guoan" names a club or a company, never the city
    if (
        best == "GPE"
        and mention.place is None
        and len(mention.words) == 1
        and not (_governed_place(mention.before) or mention.before[:1] == ["the"])
    ):
        # the gazetteer knows the world's cities: a one-word "GPE" it does not know, with no
        # "in", "from" or "the" before it, is most often a company or a platform ("Nvidia");
        # but "the government of Styria" governs a place
        kind = "organization"
    if kind == "person" and " " in mention.text and _acronym_first(mention.text):
        kind = "organization"  # "SAIC Volkswagen": no one's name starts with an acronym
    if kind == "person" and mention.before[:1] == ["the"] and (
            mention.before[1:2] and mention.before[1] in _ON_THE):
        kind = "place"  # "over the Danube", "on the Reichsbrücke": no one is "the X"
    if kind == "person" and " " in mention.text and mention.words[0] in _ARTICLES:
        kind = "place"  # "La Palma", "Las Tablas": a name starting with "the" is no one's
    if kind == "person" and " " in mention.text and (
            mention.words[0] in _PAPER_ARTICLES
            or (_city_named(mention.words, lex) and not person_before(mention.before, lex))):
        kind = "organization"  # "Het Financieele Dagblad", "Der Spiegel"; "on Euronext
        # Amsterdam", "at Deloitte Australia": a body with its city or country
    if kind in ("person", "organization") and mention.kind is None and mention.place is None and (
            _nowhere_else(mention, kind, lex)):
        kind = "place"
    if (kind == "place" and mention.kind == "person" and not _after_place_words(mention.before)
            and not strong_place(mention.words[-1], lex)):
        kind = "person"  # "Andrew Hall, chief executive": a first name the gazetteer does not
        # know as a place, and no "in" or "at" before it, is nobody's town (but "Metro Manila"
        # ends in a capital)
    if kind is not None:
        # a weak gazetteer place ("Pereira": a town, and a surname) is the model's to retype,
        # when it reads the whole name and no preposition of place stands before it
        weak_place = mention.place is not None and whole and (
            not _after_place_words(mention.before)
            # "worked at Meta": people work at organisations, not at provinces (but "at Old
            # Trafford" is the ground)
            or (mention.before[:1] == ["at"] and kind == "organization"
                and mention.place.kind == "region"))
        if (
            mention.kind is None
            or weak_place
            # (a label for more than the name, "Mitchell Marsh's Australia", is not its own)
            or (len(mention.words) > 1 and mention.kind != "organization" and not mention.place
                and inside and not (kind == "organization" and _foreign_name(mention, lex)))
            or (len(mention.words) > 1 and whole and best == "PERSON")
        ):
            mention.kind = kind  # type: ignore[assignment]
        return True
    if best is not None:  # NORP, WORK_OF_ART, DATE, ...: not ours, unless a rule typed it
        return mention.kind is not None and len(mention.words) == 1
    return mention.kind is not None or len(mention.words) == 1


def _city_named(words: list[str], lex: Lexicon) -> bool:
    """ "Euronext Amsterdam", "Kulturprojekte Berlin": a word that is no first name, then a
    city (a city-state's too), a region or a country."""
    place = lex.place(words[-1])
    return (len(words) == 2 and words[0].casefold() not in lex.given_names
            and place is not None and place.strong and place.kind in ("city", "region", "country"))


def _nowhere_else(mention: Mention, kind: str, lex: Lexicon) -> bool:
    """A name nothing types, that the model reads as a person's or a body's, after words that
    put only places after them: "a plumber from Leamington Spa", "in parts of Small Heath" (a
    first name starts no town: "a letter from Keir Starmer"; one word after "from" is most
    often a surname: "a pass from Messi"; after "in", a person's name is most often an owner's:
    "in Nagisa Ōshima's war drama"), "farmers around Carnarvon" (a body may be "in" or "from" a
    sentence, but hardly "around" or "near" one)."""
    before = mention.before[1:] if mention.before[:1] == ["the"] else mention.before
    if not before or _first_name(mention.words[0], lex) or is_acronym(mention.text) or (
            _GIVEN_SYLLABLES.search(mention.text)):
        return False  # (nor "a strike from Choe Yu-ri": a Korean given name)
    if kind == "organization":
        return before[0] in _ONLY_PLACES
    return before[0] in _ONLY_PLACES or (
        len(mention.words) > 1 and (_FROM_ORIGIN.match(" ".join(before[:2])) is not None
                                    or place_cue(before)))


def _first_name(word: str, lex: Lexicon) -> bool:
    """A first name that is no everyday word ("Mitchell", not "Red")."""
    folded = word.casefold()
    return folded in lex.given_names and folded not in lex.ordinary_words


def _foreign_name(mention: Mention, lex: Lexicon) -> bool:
    """ "to Tadej Pogačar": a first name, then a surname no English word and no listed
    company's ("Morgan Stanley", "Sky Sports"), which the small model reads as an organisation
    more often than not (but "the Denver Nuggets", "Barcelona's Zona Franca", "on Sina Weibo",
    "of Royal Challengers Bengaluru" are no one)."""
    words = mention.words
    last = words[-1].casefold()
    before = mention.before[0] if mention.before else ""
    return (mention.kind == "person" and _first_name(words[0], lex)
            and last not in lex.nouns and last not in lex.ordinary_words
            and not lex.plural_noun(last) and mention.text.casefold() not in lex.companies
            and before not in ("the", "on", "of", "at", "in")
            and not (before.endswith(OWNS) and lex.place(before[:-2]) is not None))


def _acronym_first(name: str) -> bool:
    first = name.split()[0]
    return len(first) > 2 and is_acronym(first)


def _after_place_words(before: list[str]) -> bool:
    """ "in X", "into the X", "from X", "the towns of X": words that put a place after them."""
    if before[:1] == ["the"]:
        before = before[1:]
    if before[:1] in (["and"], ["or"]) and any(
            w in _PLACE_PREPOSITIONS for w in before[2:4]):
        return True  # "in Athens or Thessaloniki", "its stores in Sandton and Rosebank"
    return bool(before) and (before[0] in _PLACE_PREPOSITIONS or place_cue(before))


def _rules_default(mention: Mention, doc: str, lex: Lexicon) -> bool:
    """Without a model: two to four name-like words are a person (a place after words that put
    only places after them); one unknown word is a place after "in", "at", "from" or "to",
    otherwise an organisation. Surnames override both later."""
    if mention.after_place:
        mention.kind = "organization"
    if mention.kind is not None:
        return True
    words = mention.words
    if len(words) == 1:
        if mention.initial:
            return True  # a capitalised first word: a name only if resolution finds one
        mention.kind = "place" if _governed_place(mention.before) else "organization"
        return True
    if 2 <= len(words) <= 4 and all(
        (w[:1].isupper() and len(w) > 1) or (w.islower() and len(w) <= 3) for w in words
    ):
        if _nickname(mention, doc, lex):
            mention.kind, mention.nickname = "organization", True
        elif _acronym_first(mention.text) or _city_named(words, lex):
            mention.kind = "organization"
        elif mention.place is None and _nowhere_else(mention, "person", lex):
            mention.kind = "place"
        else:
            mention.kind = "person"
        return True
    return False
