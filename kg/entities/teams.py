"""Countries that stand for their national teams in sports news.

"Argentina beat France 4-2", "Japan coach Hajime Moriyasu", "a friendly against Nigeria": in an
article about sport, a country named as a side that plays, wins, loses or has a coach is its
national team, the organisation "<Country> national <sport> team" (the sport the article names
nearest before it, else the one it names most, else football; "<Country> women's national
<sport> team" in an article about women's sport). Elsewhere ("fans across Argentina", "born in
France") the country stays a place, as it does in any other article ("China beat
expectations").
"""

from __future__ import annotations

import re
from collections import Counter

from kg.entities.lexicon import Lexicon, words
from kg.entities.names import (
    CLUB_TAILS,
    SCORE,
    TEAM_ROLES,
    Mention,
    moved_from,
    person_before,
    place_cue,
)
from kg.entities.spans import OWNS

_SPORTS = sorted((w.replace("_", " ") for w in words("sports")), key=len, reverse=True)
_SPORT = re.compile(r"\b(" + "|".join(re.escape(s) for s in _SPORTS) + r")\b", re.IGNORECASE)
_SPORT_TERMS = words("sports_terms")
_PLAYS = words("team_plays") | TEAM_ROLES  # "Argentina beat"
_PLAYED = words("team_played")  # "beat Australia", "against Nigeria"
_PLAYED_FOR = words("team_played_for")  # "played for Ireland"
_GAMES = _SPORT_TERMS | {"match", "matches", "game", "games", "win", "wins", "victory",
                         "victories", "defeat", "defeats", "loss", "losses", "campaign"}
# "China's World Cup hopes", "Ireland's Six Nations title": a contest's name after the
# possessive
_CONTEST = re.compile(
    r"['’]s (?:[A-Z][\w-]* ){0,3}(?:Cup|Games|Championships?|Nations|Trophy|Series|Slam)\b")
# "England and Liverpool striker": the word after the name the country is listed with
_AND_NAME = re.compile(r" and (?:[A-Z][\w'’.-]* )+([a-z][\w-]*)")
# "lost the 2015 final, to Australia": a loss, then "to" right before the side
_LOST_TO = re.compile(r"\b(?:lost|losing|lose|loses|fell|falling|fall|falls)\b[^.;!?]{0,40}\bto $")
# A player's move to a side: "sold defender Y to X"
_SOLD_TO = re.compile(r"\b(?:sold|sells|selling|loaned|transferred|move|moves|switch|"
                      r"transfer)\b[^.;!?]{0,60}\bto $")
# A player's move from a side: "completed the signing of X from Y", "bought him from Y"
_SIGNED_FROM = re.compile(r"\b(?:signing|signed|signs|bought|buys|recruited|arrived|arrives)\b"
                          r"[^.;!?]{0,60}\bfrom $")
_PLAYER = re.compile(r"['’]s [A-Z][^\W\d_]+ [A-Z][^\W\d_]+\b(?! [A-Z])")  # "'s Romeo Lavia"
_WON_OVER = frozenset({"win", "wins", "won", "victory", "victories", "triumph", "lead",
                       "edge", "advantage", "upset"})
_REGIONS_OF = frozenset({"western", "eastern", "northern", "southern", "central", "north",
                         "south", "east", "west", "rural", "coastal"})  # "in western Ecuador"
_SCORED_BY = frozenset({"to", "by", "against", "over", "with", "v", "vs"})
# A defeat, then "by" right before the side
_BEATEN_BY = re.compile(r"\b(?:beaten|thrashed|defeated|routed|crushed|hammered|edged|stunned|"
                        r"humbled|outplayed|swept|eliminated|upset)\b[^.;!?]{0,40}\bby $")
_MEDALS = frozenset({"gold", "golds", "silver", "bronze", "medal", "medals"})
_WORD = re.compile(r"[a-z]+")
_WOMEN = re.compile(r"\b(?:[Ww]omen|WOMEN)['’]s\b")
_OF_NAMED = re.compile(r"[A-Z][\w'’\-]* of (?:the )?$")  # a name, then "of" before a country
# How a national team's name says its sport: "Ireland national rugby union team" (the "Irish
# Rugby Football Union" plays rugby, not football)
_AS_NAMED = {"rugby": "rugby union", "rugby football": "rugby union"}
# "Pat Cummins's Australia": a captain's or a coach's side
_WHOSE = re.compile(r"[A-Z][\w.\-]*['’]s $")
# "Belgium had built their race", "Fiji open their campaign": a side is "they" in sports news
_THEIR = re.compile(r"(?: [a-z][\w\-]*){1,3} their\b")
# "a pool that also includes Australia and Georgia": the sides drawn in a pool or a group
_DRAWN = re.compile(r"\b(?:pool|group)(?: that| which)?(?: also)? (?:includes?|included|including)"
                    r"(?:,? (?:and )?[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*)*)*,?(?: and)? $")
_VERB_GAP = re.compile(r" (?:[a-z]+ ){1,3}")  # " saw off ", " beat "
_LOCATED = frozenset(
    {"in", "across", "from", "to", "into", "throughout", "outside", "inside", "within", "at"}
)

_LOCATED_AT = _LOCATED - {"from", "to"}  # where, not whence or whither (a player's move)


def national_teams(mentions: list[Mention], doc: str, sport: bool) -> None:
    """Retype the countries of a sports article (``sport``: :func:`about_sport`) that stand for
    their teams (``stands_for``)."""
    countries = [m for m in mentions if m.kind == "place" and m.place and m.place.kind == "country"
                 and not m.dateline]  # "RAWALPINDI, Pakistan -": where the story was filed
    if not countries:
        return
    sports = [(match.start(), _as_named(match.group())) for match in _SPORT.finditer(doc)]
    # "watch Croatia beat Morocco 2-1" in a story about something else: only a score says it,
    # and only there
    sides = {id(m): named_as_side(m, doc) if sport else _scored(m) for m in countries}
    teams = {m.place.name for m in countries if sides[id(m)]}  # type: ignore[union-attr]
    # the women's side is another team than the men's ("Spain were crowned women's world
    # champions"): never one entity across articles
    women = "women's " if _WOMEN.search(doc) else ""
    # (a name the article types as an organisation somewhere: the model may read it as a
    # person's where it plays, and "squaring the Ashes 2-2" names no club)
    organisations = {x.text for x in mentions if x.kind == "organization"}
    at = {id(x): k for k, x in enumerate(mentions)}
    clubs_named = {m.place.name for m in countries  # type: ignore[union-attr]
                   if sides[id(m)] and _against_club(at[id(m)], mentions, organisations, doc)}
    for m in countries:
        name = m.place.name  # type: ignore[union-attr]
        if name in clubs_named:  # "Olympiacos saw off Monaco 76-62": the club of that name
            m.kind, m.place = "organization", None
            continue
        # named as a side, or named again where nothing says it is the country
        if name in teams and (sides[id(m)] or (sides[id(m)] is None and not _located(m))):
            m.kind = "organization"
            side = name.removeprefix("The ")  # "Netherlands national football team"
            m.stands_for = f"{side} {women}national {_sport(m.start, sports)} team"


def _against_club(at: int, mentions: list[Mention], organisations: set[str], doc: str) -> bool:
    """ "Olympiacos saw off Monaco 76-62", "Monaco beat Olympiacos 78-66": the country's name at
    ``at`` scored against a club (a name in ``organisations`` no country names) is a club's."""
    m = mentions[at]
    pairs = []
    if at:  # the club, a verb, the country, a score
        pairs.append((mentions[at - 1], m))
    if at + 1 < len(mentions):  # the country, a verb, the club, a score
        pairs.append((m, mentions[at + 1]))
    for first, second in pairs:
        club = second if first is m else first
        if (_VERB_GAP.fullmatch(doc, first.end, second.start) and club.text in organisations
                and club.stands_for is None and club.place is None
                and second.after[:1] and SCORE.match(second.after[0])):
            return True
    return False


def clubs(mentions: list[Mention], doc: str, lex: Lexicon, sport: bool) -> None:
    """In a sports article (``sport``), a city named as a side ("beat Liverpool", "Liverpool
    2-0") is its club, and so is a name the model took for a person's or a place's that ends
    in a club's word or in a place, named as a side, and starts with no first name ("thrashing
    Werder Bremen 5-0", "they lead West Ham United 2-0")."""
    if not sport:
        return
    sides = set()
    for m in mentions:
        if (m.stands_for or m.kind == "organization" or person_before(m.before, lex)
                or not named_as_side(m, doc)):
            continue  # ("replacement wing Kenki Fukuoka": a player, not "Avispa Fukuoka")
        words = m.words
        # ("the Veszprém playmaker": a county's town too, where a player's role says a side)
        city = m.place is not None and (
            m.place.kind == "city" or (not m.place.strong and _player_of(m, doc))) and (
            len(words) == 1 or (len(words) == 2 and not m.place.strong))  # "West Ham"
        moved = _moved(m, doc)
        # "lost to Milan", "joined from Lille", "the Barcelona midfielder": even a big city,
        # where the words say a side; and a name nothing else types, where a player moved from
        # or to it
        if m.strong and not (city and (
                moved or _scored(m) or _lost_to(m, doc) or _player_of(m, doc))):
            continue
        if city or (len(words) == 1 and m.place is None and moved) or (
            # "the Pumas face the Wallabies", "Los Pumas led 16-3": a side's nickname, a plural
            # the model took for a place's
            m.kind in ("place", None) and m.place is None and words[-1].endswith("s")
            and words[-1][:1].isupper() and words[0].casefold() not in lex.given_names
            and not (m.after[:1] and SCORE.match(m.after[0]))  # "squaring the Ashes 2-2"
        ) or (
            len(words) > 1
            and words[0].casefold() not in lex.given_names
            # "Dinamo Batumi", "West Ham United", "Beijing Guoan"
            and (words[-1].casefold() in CLUB_TAILS or lex.place(words[-1]) is not None
                 or lex.place(words[0]) is not None)
        ):
            m.kind, m.place = "organization", None
            if city and (moved or _player_of(m, doc) or _PLAYER.match(doc, m.end)):
                sides.add(m.text)  # a club beyond doubt: a player's move, role or club
    for m in mentions:
        # "Liverpool manager Jürgen Klopp" makes "a move to Liverpool" and "an offer accepted
        # by Liverpool" the club's too; a game "at Liverpool", "a town south-west of
        # Barcelona" or the dateline stay the city, whatever the article's other mentions say
        if m.text not in sides or m.kind != "place" or m.dateline or m.suffix:
            continue
        if (m.before and m.before[0] in _LOCATED_AT) or place_cue(
                [w.replace("-", "") for w in m.before]):
            m.strong = True
        else:
            m.kind, m.place = "organization", None


def about_sport(doc: str) -> bool:
    """The article names a sport, or uses two words only sport uses ("coach", "striker")."""
    if _SPORT.search(doc):
        return True
    return len(_SPORT_TERMS & set(_WORD.findall(doc.casefold()))) >= 2


def named_as_side(m: Mention, doc: str) -> bool | None:
    """True when named as a side ("X beat", "X 2-0", "X coach", "beat X", "lost 7-0 to X",
    "held by X", "beaten by X", "signed from X"), False when as a country winning medals ("China
    won 40 golds"), else None."""
    if m.suffix:
        return None  # "the Swansea-born fly-half": where a player is from
    if m.before[:1] == ["the"] and m.after[:1] in (["club"], ["side"], ["outfit"]):
        return None  # "Arema, the Malang club": the club's town
    before, after = _around(m)
    if doc[m.end : m.end + 2] in OWNS:
        # "Argentina's planned friendly"; but "Ukraine's Dayana Yastremska" is her country, and
        # "China's first Olympic gold medal" a country's medal
        if _MEDALS & set(after[:4]):
            return False
        if _GAMES & set(after[:3]) or _CONTEST.match(doc, m.end):
            return True
        if _named(doc, m.end):
            # "Southampton's Romeo Lavia": a city's player is its club's (not "Washington's
            # Artemis program")
            return (m.place is not None and m.place.kind == "city" and len(m.words) == 1
                    and _PLAYER.match(doc, m.end) is not None)
        return None
    if after[:1] in (["were"], ["are"]) and before[:1] and before[0] in _LOCATED | {"of"}:
        return None  # "the highlands of Ethiopia were": the country's, not a side's
    if _OF_NAMED.search(doc, max(0, m.start - 80), m.start):
        return False  # "Sifan Hassan of the Netherlands won": her country, not a side
    if " ".join(after[:2]) in TEAM_ROLES:
        return True  # "the Füchse Berlin right back"
    if after[:1] and after[0] in _PLAYS:
        return after[0] not in ("won", "win", "wins") or not _MEDALS & set(after[1:4])
    if (listed := _AND_NAME.match(doc, m.end)) and listed.group(1).casefold() in _PLAYS:
        # "England and Liverpool striker Michael Owen", "Australia and Saudi Arabia are"
        return True
    if _scored(m) or _lost_to(m, doc) or _moved(m, doc):
        return True
    if before[:1] == ["for"] and before[1:2] and before[1] in _PLAYED_FOR:
        return True  # "played for Ireland", "eligible for England"
    if before[:1] == ["by"] and _BEATEN_BY.search(doc, max(0, m.start - 60), m.start):
        return True  # "beaten by Japan", "thrashed by eight wickets by Afghanistan"
    if before[:3] == ["of", "charge", "in"]:
        return True  # "his job in charge of Ireland"
    if _WHOSE.search(doc, max(0, m.start - 40), m.start) or _DRAWN.search(
            doc, max(0, m.start - 120), m.start):
        return True
    if _THEIR.match(doc, m.end) and not _located(m):
        return True
    if before[:1] == ["over"] and not (before[1:2] and before[1] in _WON_OVER):
        return None  # "a win over Japan", but "he was due to fly over Petrópolis"
    return True if before and before[0] in _PLAYED else None


def _around(m: Mention) -> tuple[list[str], list[str]]:
    """The words before the name without "the", and after it without commas ("China, coached
    by X"; "beating the United States 127-118")."""
    return (m.before[1:] if m.before[:1] == ["the"] else m.before,
            [w for w in m.after if w != ","])


def _player_of(m: Mention, doc: str) -> bool:
    """ "the Barcelona midfielder", "the former Barcelona and Netherlands striker": a
    player's role after the side's name."""
    listed = _AND_NAME.match(doc, m.end)
    return bool(m.after[:1] and (m.after[0] in TEAM_ROLES
                                 or " ".join(m.after[:2]) in TEAM_ROLES)) or bool(
        listed and listed.group(1).casefold() in TEAM_ROLES)


def _lost_to(m: Mention, doc: str) -> bool:
    """ "after losing to India", "lost the 2015 final, to Australia"."""
    return m.before[:1] == ["to"] and bool(_LOST_TO.search(doc, max(0, m.start - 60), m.start))


def _moved(m: Mention, doc: str) -> bool:
    """ "signed from Dinamo Batumi", "brought in from Fenerbahce", "sold defender Kalidou
    Koulibaly to Chelsea", "a move to Liverpool", "the signing of X from Brighton": a player's
    move from or to a side."""
    return moved_from(m.before) or (
        m.before[:1] == ["to"] and bool(_SOLD_TO.search(doc, max(0, m.start - 80), m.start))) or (
        m.before[:1] == ["from"] and bool(_SIGNED_FROM.search(doc, max(0, m.start - 80), m.start)))


def _scored(m: Mention) -> bool:
    """ "Japan led 2-0", "Croatia beat Morocco 2-1", "lost 7-0 to Japan", "held 1-1 by
    Indonesia" (but not "won 1-0 on the Gold Coast"): a score next to the name."""
    before, after = _around(m)
    return any(SCORE.match(w) for w in after[:3]) or bool(
        before[:1] and before[0] in _SCORED_BY and any(SCORE.match(w) for w in before[1:3]))


def _named(doc: str, end: int) -> bool:
    """A capitalised name follows the possessive ending at ``end``."""
    return doc[end + 2 : end + 4].strip()[:1].isupper()


def _located(m: Mention) -> bool:
    """ "in X", "across X", "from X", "in western X": a country named as where something is."""
    before = m.before[1:] if m.before[:1] and m.before[0] in _REGIONS_OF else m.before
    return bool(before) and before[0] in _LOCATED


def _as_named(sport: str) -> str:
    """The sport as a national team's name says it ("Rugby Football": "rugby union")."""
    sport = sport.casefold()
    return _AS_NAMED.get(sport, sport)


def _sport(start: int, sports: list[tuple[int, str]]) -> str:
    before = [sport for at, sport in sports if at < start]
    if before:
        return before[-1]
    counts = Counter(sport for _, sport in sports)
    return counts.most_common(1)[0][0] if counts else "football"
