"""Candidate names: runs of capitalised words, found by rules in an article's text.

A candidate is a maximal run of capitalised tokens, joined by the small words organisations and
names use inside them ("Ministry of Industry and Information Technology", "Ursula von der Leyen",
"National People's Congress (NPC) Standing Committee"). Possessives end a run ("China's Ministry
of Commerce" is two names), and so does a lower-case word, a comma or a sentence end. Whether a
run is one name or several is decided later (:mod:`kg.entities.names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Tokens: dotted initials ("U.S.", "F. C."), an initial before a name ("J. Robert Oppenheimer",
# "George W. Bush"; not a sentence's end before "The", "He", "OpenAI", ...), words (with inner
# hyphens and apostrophes), single characters.
_STARTERS = ("The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But",
             "And", "This", "That", "These", "Those", "There", "Then", "As", "After", "When",
             "While", "If", "For", "By", "With", "His", "Her", "Its", "Their", "Our", "Mr", "Ms")
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?: [A-Z]\.)+"
    rf"|(?<![\w.])[A-Z]\.(?= (?!(?:{'|'.join(_STARTERS)})\b)[A-Z][a-z]+(?![\w&]))"
    # "Folha de S.Paulo", "the B.League": an initial glued to the word after it
    r"|(?<![\w.])[A-Z]\.[A-Z][a-z]+\b"
    # "Trip.com", "Ele.me", "Character.ai", "Disney+": a domain or a "+" is part of the name
    r"|[^\W_](?:[\w'’\-&]*[^\W_])?(?:\.(?:com|me|io|net|org|ai|tv|fm)\b|\+(?![\w+]))?|\S"
)
# An elided particle glued to a capitalised word: "d'Études", "l'Orient" (inside a name).
_ELIDED = re.compile(r"^[dl]['’][^\W\d_]")
_ABBREVIATIONS = frozenset({"co", "jr", "sr", "inc", "ltd", "corp", "st", "dr", "mr", "mrs", "ms"})
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_NUMBER_NEXT = re.compile(r"\. \d")  # "No. 1": a number's abbreviation, no sentence's end
CHANNELS = frozenset({"Channel", "Radio", "TV"})  # numbered: "Channel 4", "BBC Radio 4"
SAINTS = frozenset({"st", "st.", "saint"})  # "St Mark's Basilica"
_NAME_NEXT = re.compile(r" [A-Z]")
# "US-led", "Beijing-based", "China-built": the capitalised part is a name, the rest a modifier
# (any participle in -ed; a lower-case syllable such as the "-chiu" of "Ka-chiu" stays in a name).
_HYPHEN_SUFFIX = re.compile(
    r"^(.*[^\W\d_])-(led|based|backed|born|made|built|grown|run|owned|style|type|bound|friendly|"
    r"centric|specific|wide|level|era|only|[a-z]{2,}ed)$"
)
# Lower-case words that join capitalised words inside one name.
CONNECTORS = frozenset({"of", "for", "and", "und", "&", "to", "on"})  # "Center on Human Evolution"
PARTICLES = frozenset(
    {
        "de",
        "da",
        "do",
        "dos",
        "das",
        "von",
        "van",
        "der",
        "den",
        "del",
        "dela",  # Filipino: "Ronald dela Rosa", "Kian delos Santos"
        "delos",
        "della",
        "dello",
        "delle",
        "degli",
        "dei",
        "di",
        "du",
        "des",
        "la",
        "le",
        "las",
        "los",
        "bin",
        "ben",
        "al",
        "el",
        "y",
        "ibn",
        "ng",  # Filipino: "Bangko Sentral ng Pilipinas"
        "ob",  # Slovene: "Zagorje ob Savi"
        "upon",  # "Newcastle upon Tyne"
    }
)
# A particle joined to the name it belongs to, as Arabic names are written ("al-Assad", "el-Sisi").
JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|ould)-[A-Z]")
# A verb after a word ending in "'s": the "'s" is the name's ("Moody's had warned").
_VERB_NEXT = re.compile(r" (?:had|has|said|says|will|would|warned|downgraded|upgraded|lowered|"
                        r"raised|rated|added|noted)\b")
# A plural's apostrophe before these words is inside a name ("Citizens' Movement").
_PLURAL_OWNERS = re.compile(r"['’] (?:Party|Movement|Union|Association|Alliance|League|Front|"
                            r"Congress|Federation|Council|Affairs|Rights|Commission)\b")
# Possessive words that stay inside a name ("National People's Congress").
_INNER_POSSESSIVES = frozenset({"people's", "people’s", "workers'", "women's", "children's"})
_HOLDERS_OFFICE = re.compile(
    r"^(?:Prosecutor|Defender|General|Ombudsman|Auditor|Comptroller|Controller)['’]s$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")  # "21st Century Education Research Institute"
# How companies and platforms spell themselves: "iFlytek", "eBay", "7-Eleven", "iQIYI" (but
# "mRNA", "eDNA" are molecules: a brand has lower case after its capital, or is an "i" before
# four capitals or more).
BRAND = re.compile(r"^(?:[a-z]{1,2}[A-Z](?=[A-Za-z]*[a-z])[A-Za-z]+|i[A-Z]{4,}|\d+-[A-Z][a-z]+)$")
_PAREN_NAME = re.compile(r"^[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,5}$")
SENTENCE_END = frozenset({".", "!", "?", ";", ":"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
OWNS = ("'s", "’s")  # a possessive's two spellings


@dataclass
class Token:
    """A word of the text; ``start``/``end`` are offsets in the document string."""

    text: str
    start: int
    end: int
    possessive: bool = False  # "Blinken's": the 's is not part of the name
    suffix: str = ""  # "based" in "Beijing-based"
    paren: bool = False  # "(NPC)" kept inside a longer name

    @property
    def lower(self) -> str:
        return self.text.casefold()

    def is_capitalised(self) -> bool:
        return self.text[:1].isupper() or self.paren


@dataclass
class Candidate:
    """A run of capitalised tokens and the words around it."""

    tokens: list[Token]
    sentence_start: bool
    before: list[str] = field(default_factory=list)  # up to four preceding words, lower case
    after: list[str] = field(default_factory=list)  # up to five following words, lower case
    paren_after: str | None = None  # "(ACR)" or "(Other Name)" right after the run

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def possessive(self) -> bool:
        return self.tokens[-1].possessive


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of one line; possessives and lower-case hyphen suffixes split off."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start, end = match.group(), match.start() + offset, match.end() + offset
        if (word.casefold() in _ABBREVIATIONS and text[match.end() : match.end() + 1] == ".") or (
                word == "No" and _NUMBER_NEXT.match(text, match.end())):
            word, end = word + ".", end + 1  # "Co.", "St.", "No. 1 Middle School"
        elif tokens and start < tokens[-1].end:
            continue  # the dot was taken by the abbreviation
        # "Citizens' Movement", "Workers' Party": a plural possessive inside a name
        owners = word.endswith("s") and word[:1].isupper() and bool(
            _PLURAL_OWNERS.match(text, end - offset))
        if owners:
            end += 1
            word = text[start - offset : end - offset]
        token = Token(word, start, end)
        # "St Mark's Basilica", "St Patrick's Day": a saint's possessive inside a name
        saint = tokens and tokens[-1].lower in SAINTS and _NAME_NEXT.match(text, end - offset)
        # "the Public Prosecutor's Office of Minas Gerais": an office named after its holder
        office = _HOLDERS_OFFICE.match(word) and text.startswith(" Office", end - offset)
        # "Moody's had warned", "Sainsbury's said": a name that ends in "'s" (a possessive is
        # followed by what is owned, never by a verb)
        named = word[-2:] in OWNS and _VERB_NEXT.match(text, end - offset)
        if (len(word) > 2 and _POSSESSIVE.search(word) and not named
                and word.casefold() not in _INNER_POSSESSIVES and not saint and not office
                and not owners):
            cut = 1 if word.endswith(("s'", "s’")) else 2
            token = Token(word[:-cut], start, end - cut, possessive=True)
        else:
            hyphen = _HYPHEN_SUFFIX.match(word)
            if hyphen and word[:1].isupper():
                stem = hyphen.group(1)
                token = Token(stem, start, start + len(stem), suffix=hyphen.group(2))
        tokens.append(token)
    return tokens


def _paren_group(tokens: list[Token], i: int, text: str, offset: int) -> tuple[str, int] | None:
    """``("NPC", index after ")")`` when tokens[i] opens a short parenthesised name."""
    if i >= len(tokens) or tokens[i].text != "(":
        return None
    for j in range(i + 1, min(i + 9, len(tokens))):
        if tokens[j].text == ")":
            inner = text[tokens[i].end - offset : tokens[j].start - offset].strip()
            return (inner, j + 1) if _PAREN_NAME.match(inner) else None
    return None


def candidates(line: str, offset: int = 0) -> list[Candidate]:
    """Capitalised runs in one line of text (``offset`` is the line's place in the document)."""
    tokens = tokenize(line, offset)
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # "21st Century ...", "1st Marine Division": an ordinal starts the name
        ordinal = _ORDINAL.match(token.text) and _capital_at(tokens, i + 1)
        capital = token.text[:1].isupper() and token.text[:1].isalpha()
        if not (capital or ordinal or BRAND.match(token.text)) or _currency(tokens, i):
            i += 1
            continue
        run, last = [token], [i]  # last: index in tokens of each run token's final token
        j = i + 1
        while j < len(tokens) and not run[-1].possessive:
            nxt = tokens[j]
            if run[-1].suffix:
                # "Indian Federation of App-based Transport Workers": a compound after "of"
                # inside a name (not "Beijing-based Fantawild", "TikTok and Alibaba-backed X")
                if not (len(run) > 1 and run[-2].lower in ("of", "for") and _capital_at(tokens, j)):
                    break
                whole = run[-1]
                run[-1] = Token(f"{whole.text}-{whole.suffix}", whole.start,
                                whole.end + 1 + len(whole.suffix))
            if (
                _capital_at(tokens, j)
                # "Rongjiang No. 1 Middle School", "Channel 4"
                or (nxt.text.isdigit() and (run[-1].text in CHANNELS or (
                    run[-1].text == "No." and len(run) > 1)))
                or (nxt.lower in PARTICLES and _name_follows(tokens, j + 1))
                or JOINED_PARTICLE.match(nxt.text)  # "Abdel Fattah el-Sisi"
            ):
                run.append(nxt)
                last.append(j)
                j += 1
                continue
            if nxt.lower in CONNECTORS:
                k = j + 1
                if k < len(tokens) and tokens[k].lower == "the":
                    k += 1
                if _capital_at(tokens, k) and (nxt.lower != "to" or k == j + 2):
                    run.extend(tokens[j:k])
                    last.extend(range(j, k))
                    j = k
                    continue
                break
            group = _paren_group(tokens, j, line, offset)
            if group and _capital_at(tokens, group[1]) and " " not in group[0]:
                # "National People's Congress (NPC) Standing Committee": one name, acronym inside
                run.append(Token(f"({group[0]})", nxt.start, tokens[group[1] - 1].end, paren=True))
                last.append(group[1] - 1)
                j = group[1]
                continue
            if (
                nxt.text == ","
                and run[-1].lower in ("co.", "co")
                and _word_at(tokens, j + 1) in ("limited", "ltd", "inc", "ltd.")
            ):
                run.extend(tokens[j : j + 2])
                last.extend((j, j + 1))
                j += 2
                continue
            break
        # a run ends on a name, not on a joining word ("Feng Bin": a capital "Bin" is a name)
        while len(run) > 1 and (
            run[-1].lower in CONNECTORS | {"the"}
            or (run[-1].lower in PARTICLES and run[-1].text.islower())
        ):
            run.pop()
            last.pop()
        end = last[-1] + 1
        group = _paren_group(tokens, end, line, offset)
        found.append(
            Candidate(
                tokens=run,
                sentence_start=_sentence_start(tokens, i),
                before=[_context(t) for t in tokens[max(0, i - 4) : i]][::-1],
                after=[t.lower for t in tokens[end : end + 5]],
                paren_after=group[0] if group else None,
            )
        )
        i = max(end, i + 1)
    return found


def _context(token: Token) -> str:
    """A neighbouring word as context: lower case, a possessive keeping its "'s", a hyphenated
    modifier its suffix ("shenzhen-based")."""
    if token.suffix:
        return f"{token.lower}-{token.suffix}"
    return token.lower + "'s" if token.possessive else token.lower


def _capital_at(tokens: list[Token], k: int) -> bool:
    return k < len(tokens) and (
        (tokens[k].text[:1].isupper() and tokens[k].text[:1].isalpha())
        or (k > 0 and bool(_ELIDED.match(tokens[k].text)) and tokens[k].text[2:3].isupper())
    ) and not _currency(tokens, k)


def _currency(tokens: list[Token], k: int) -> bool:
    """ "NZ$5 million", "HK$1": a currency's prefix, no name."""
    return (k + 1 < len(tokens) and tokens[k + 1].text == "$"
            and tokens[k + 1].start == tokens[k].end)


def _name_follows(tokens: list[Token], k: int) -> bool:
    """A capitalised word follows, maybe after more particles ("von der Leyen")."""
    while k < len(tokens) and tokens[k].lower in PARTICLES:
        k += 1
    return _capital_at(tokens, k)


def _word_at(tokens: list[Token], k: int) -> str:
    return tokens[k].lower if k < len(tokens) else ""


def _sentence_start(tokens: list[Token], i: int) -> bool:
    """The token starts a sentence, or a quotation ('he said "Chemical spraying ..."')."""
    k = i - 1
    quoted = False
    while k >= 0 and tokens[k].text in QUOTES | {"(", "—", "-"}:
        quoted = quoted or (tokens[k].text in QUOTES and tokens[k].end == tokens[k + 1].start)
        k -= 1
    return k < 0 or tokens[k].text in SENTENCE_END or quoted
