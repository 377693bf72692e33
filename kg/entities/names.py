"""From capitalised runs to typed mentions: split runs into names, strip titles, type each name.

The rules here are the ones that beat the statistical model on news text: titles before names
("Kazakh President Kassym-Jomart Tokayev" is a person with the role president, not an
organisation), head words ("... University", "... Province", "... Summit"), the gazetteer, acronyms
and Chinese family names. What they cannot decide is left untyped (``kind=None``) for the model's
vote or for resolution against the other names in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from kg.entities.lexicon import Lexicon, Place, words
from kg.entities.model import Kind
from kg.entities.spans import (
    BRAND,
    CHANNELS,
    CONNECTORS,
    JOINED_PARTICLE,
    OWNS,
    PARTICLES,
    QUOTES,
    SAINTS,
    Candidate,
    Token,
    tokenize,
)

_STOP = words("stop")
_WEEKDAYS_MONTHS = words("calendar")
# Months whose abbreviation is a name too ("Jan"), and the day after them ("Jan. 3")
SHORT_MONTHS = frozenset({"jan", "mar", "jun", "jul"})
_DAY_AFTER = re.compile(r"\.? \d{1,2}\b")
_ORG_CUES = words("org_cues")
_JOBS_TOO = words("jobs_too")
# Lower-case words before a name that say it is a person ("spokesperson Wang Wenbin").
_PERSON_CUES = frozenset({"mr", "ms", "mrs", "dr"})
# "TechInsights", "PetroChina", "WeChat", "BioNTech", "SpaceX", "OpenAI", "AfD" (not "ChatGPT")
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z]+[a-z]|[A-Z]{1,2}$)")
_NAME_PREFIXES = ("Mc", "Mac", "Van", "Von", "De", "Di", "La", "Le", "Fitz")
_TITLE_MODIFIERS = words("title_modifiers")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]*[A-Z0-9]$|^[A-Z]{2,}s?$")
_GERUND = re.compile(r"^[A-Z][a-z]{3,}ing$")
_NAME_ADJECTIVES = frozenset({"new", "old"})
_ON_HEADS = frozenset({"center", "centre", "committee", "commission", "council", "conference",
                       "panel", "institute", "group", "forum", "studies", "research",
                       "convention"})  # "Council on Foreign Relations", "Institute for Studies
# on the Mediterranean Rim"
# A lower-case title between a name and a capitalised one ("OpenAI chief executive Sam").
_TITLE_AFTER = re.compile(r" ((?:[a-z][a-z\-]* ){0,2}[a-z][a-z\-]*) (?=[A-Z][a-z])")
_OCCUPATIONS = frozenset(w.replace("_", " ") for w in words("occupations"))
# A side's people, named after it ("Japan coach X", "Wales flanker X")
TEAM_ROLES = frozenset(w.replace("_", " ") for w in words("team_roles"))
# What a person stands as for a body ("the Socialist Party candidate")
_STANDS_AS = frozenset({"candidate", "candidates", "nominee", "hopeful", "member"})
_PARTY_MEMBERS = words("party_members")
# ", Labour's shadow business secretary": an owner's possessive, then lower-case words
_OWNER_APPOSED = re.compile(
    r", (?:the )?[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*)*['’]s ((?:[a-z][\w-]* ){0,3}[a-z][\w-]*)"
    r"(?=[ ,.;])")
_COMPANY_TAILS = words("company_tails")
_SPORT_ROLES = frozenset({"coach", "head coach", "striker", "midfielder", "goalkeeper",
                          "defender", "captain", "forward", "winger", "playmaker"})
# named with "in <place>": "the Chinese Embassy in Brazil", "the Administrative Court in
# Stockholm"
_SEATED = frozenset({"embassy", "consulate", "consulate-general", "court"})
# A capitalised word, and a name: such words one after another ("Ren'ai Jiao", "Da'Vine Joy").
_WORD = r"[A-Z][\w'’\-]*"
_NAME = rf"{_WORD}(?: {_WORD})*"
_OWNED_APPOSITION = re.compile(r", (?:the|a|an|its) [\w\-]+['’]s ")
_OF_NAME = re.compile(rf" of (?:the )?({_NAME})")
_IN_PLACE = re.compile(rf" in (?:the )?({_NAME})")
_UNIT_AFTER = re.compile(r" (?:district|province|county|region|prefecture|state|municipality)\b")
SCORE = re.compile(r"^\d{1,3}-\d{1,3}$")  # "4-2", "127-118"
# Words between two names that an acronym after them may spell as one ("... in the United
# States (CFIUS)", "Institut de Recherche en Sciences de la Santé (IRSS)")
_SPELT_GAP = re.compile(r" (?:in|on|en|for|of|at)(?: the| la| le| les)? ")
_PLACE_OF = words("place_of")
_PLACE_AFTER = words("place_after")
_PLACE_BEFORE = words("place_before")
_MOVED_TO = words("moved_to")
# A numbered unit's head word ("1st Marine Division", "707th Special Mission Group")
_UNITS = frozenset({"division", "brigade", "regiment", "battalion", "corps", "fleet", "squadron",
                    "group", "army", "command"})
# Laws and treaties, whose titles hold names and small words ("the Law on Reconstruction")
_LAWS = frozenset({"law", "act", "bill", "treaty", "agreement", "pact", "convention", "charter",
                   "code", "protocol", "directive", "regulation", "declaration"})
_LAW_GOES_ON = re.compile(r" (?:at|on|in|for|against) (?:[A-Z][\w'’\-]* )*"
                          r"(?:Act|Law|Bill|Treaty|Agreement|Convention)\b")
_PORT_OF = re.compile(r"\bport of $")
# How news names a river: "on the banks of the Seine", "flows into the Rhine", "the Oder burst
# its banks", "the Lamone broke through its embankments"
_RIVER_BEFORE = re.compile(r"\b(?:banks? of|along|flows? into|flowed into|mouth of|"
                           r"(?:down|up)stream (?:in|on|of|from)) the $")
_RIVER_AFTER = re.compile(r" (?:burst|broke|overflowed|overtopped|flows|flowed|flooded)"
                          r"(?: through)? its (?:banks|embankments|levees)| flows (?:into|through)")
_APEX = frozenset({"high", "supreme", "constitutional"})  # a country's courts, not a city's
_LEGISLATURES = words("legislatures")
_PORTFOLIOS = words("state_bodies") | {"transportation", "homeland", "housing", "veterans"}
# Verbs of working before "for" and an employer
_WORKS_FOR = frozenset({"works", "worked", "working", "work", "drives", "drove", "driving",
                        "writes", "wrote", "writing", "reports", "reported", "reporting"})
_MINISTERS = frozenset({"minister", "secretary"})  # whose title names a portfolio before it
_FOUNDED = frozenset({"founded", "co-founded", "cofounded", "started", "created", "invented",
                      "written", "directed", "composed", "painted", "designed"})
_PLANS = frozenset({"project", "projects", "plan", "plans", "proposal", "scheme", "programme",
                    "program"})
# "the arm of X", "shares of X": what only a company has
_PART_OF = frozenset({"arm", "unit", "subsidiary", "division", "affiliate", "parent", "owner",
                      "shareholder", "shareholders", "shares", "stake", "founder", "co-founder"})
# Who leads or makes up a body, before "of" and its name
_LEADS = frozenset({"leader", "leaders", "member", "members", "chairman", "chairwoman",
                    "spokesman", "spokeswoman", "spokesperson", "lawmakers", "deputies"})
# A company's share price moving: "X fell 8 percent", "X's shares jumped 43%"
_SHARES_MOVED = re.compile(
    r"(?:['’]s shares| shares)? (?:fell|rose|dropped|jumped|slid|gained|climbed|plunged|surged|"
    r"tumbled|slumped|soared|sank)(?: by)?(?: about| nearly| almost| more than| over"
    r"| as much as)? [\d.]+ ?(?:%|percent\b|per cent\b)")
_LEAGUES = frozenset({"league", "division", "liga", "ligue", "serie", "bundesliga",
                      "premiership", "championship"})
# What a newspaper or a journal prints: "an article in Le Figaro", "a paper in Nature"
_WRITINGS = frozenset({"article", "articles", "interview", "column", "op-ed", "editorial",
                       "commentary", "paper", "papers", "essay"})
_SITES = frozenset({"review", "video", "news", "shopping", "streaming", "social", "booking",
                    "travel", "job", "dating", "auction", "e-commerce", "ecommerce"})
_GOVERNMENT_LEVELS = frozenset(
    {"municipal", "provincial", "city", "state", "federal", "regional", "local", "county",
     "central", "national", "prefectural", "district"}
)
# What follows a region's name in its full form ("Inner Mongolia Autonomous Region").
_ADMIN_SUFFIXES = frozenset(
    {"province", "prefecture", "state", "city", "region", "autonomous region", "oblast",
     "special administrative region", "governorate", "municipality", "county"}
)
_NOT_NAMES = frozenset(w.replace("_", " ") for w in words("not_names"))
_WORKS = words("works")
# (and a game studio's or a publisher's "titles include X and Y")
_PLURAL_WORKS = "|".join(sorted({w if w.endswith("s") else w + "s" for w in _WORKS} | {"titles"}))
_LISTING = (" such as ", " like ", " includ", " from ")
_WORKS_LISTED = re.compile(  # the names listed after "films such as", "films, from ... to",
    # "satellites, including China's own X"
    rf"\b(?i:{_PLURAL_WORKS}),? (?:(?:such as|like|including|include|included)"
    rf"(?: {_NAME}['’]s(?: own)?)?(?: {_NAME},?(?: and| or)?)*|from(?: {_WORD})* to|from) $"
)
# "a satellite better known as Wukong", "a ship called X": a work's other name
_WORK_CALLED = re.compile(
    rf"\b(?i:{'|'.join(sorted(_WORKS))}),? (?:(?:also|better|widely|commonly) )?"
    r"(?:known as|nicknamed|dubbed|called|named) (?:the )?$")
# "known as "Jokowi"", "dubbed "the Iron Lady"": a name given, in quotes
_GIVEN_NAME_BEFORE = re.compile(r"\b(?:known as|nicknamed|dubbed|called|named|alias) $")
# "stars Shen Teng as Dugu Yue", "plays Ma Lanxing": a role, in an article about the screen
_CAST = frozenset({"stars", "starring", "starred", "star", "plays", "played", "playing", "cast",
                   "portrays", "portrayed", "portraying", "voices", "voiced", "voicing"})
_PLAYS_ROLE = _CAST - {"stars", "starring", "starred", "star", "cast"}
# Words right before a character's name: an actor plays "the" role ("the adult", "the role
# of"), a story follows someone
_CHARACTER_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(_PLAYS_ROLE | {'play', 'portray', 'voice'}))}) the"
    r"(?: (?!(?:for|against|with|in|at|on|under|as)\b)[a-z][a-z-]*){1,3}"
    r"|\b(?:novel|book|film|series|story|play|drama|show|memoir) (?:follows|centres on|"
    r"centers on|tells the story of|is narrated by)) $")
_SCREEN = re.compile(
    r"\b(?:film|films|movie|movies|series|drama|sitcom|television|TV|novel|novels)\b")
_WON = frozenset({"won", "wins", "win", "winning", "clinched", "lifted", "claimed"})
# An apposition whose head is a work: "Killing Commendatore, Murakami's previous novel, ..."
_WORK_APPOSED = re.compile(
    # ("Polly Hill, ITV's head of drama,": a job, of a genre)
    r",\s+(?:the|a|an|his|her|their|its|[A-Z][\w-]*['’]s)\s+(?:(?!of\s)[a-z-]+\s+){0,2}"
    r"(?:film|movie|novel|book|album|series|documentary|comedy|drama|thriller|sitcom|biopic|"
    r"memoir|musical|opera|song|single|collection|anthology|poem)"
    r"(?=[,.;]| (?:about|by|in|that|which|from|released|directed|written|set|of)\b)")
_CREDITS = frozenset({"directed", "written", "produced", "composed", "choreographed"})
_MAKERS = frozenset({"maker", "makers", "creator", "creators", "publisher", "publishers"})
_OWNED = frozenset({"based", "listed", "headquartered", "owned"})
# A company's site, after the name of the town it is in
_SITES_OF = frozenset({"headquarters", "hq", "plant", "plants", "factory", "factories", "campus",
                       "office", "offices", "warehouse", "site", "facility", "refinery",
                       "smelter", "mill", "depot"})
# After a work's noun and a name: the name made the work ("the spacecraft NASA has built")
_MADE_IT = re.compile(r" (?:(?:has|had|have)(?: ever| now| just)? )?(?:built|made|launched|"
                      r"released|produced|designed|developed|flown|commissioned|ordered)\b")
_SAID = frozenset({"said", "say", "says", "added", "agreed", "argued", "warned", "announced",
                   "told"})
_ACCORDING_TO = ["to", "according"]  # the words before a source, nearest first
_CHARACTERS = frozenset({"character", "characters", "protagonist", "hunchback"})
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
_OWNERS = frozenset({"owned", "backed", "funded", "controlled"})
_TRADED = frozenset({"shares", "stock", "stocks", "shareholders", "share"})  # after a company
# What only a company has, after its possessive: "BioNTech's co-founder", "Meituan's largest
# shareholder", "Zalando's chief executive" (a person's "stake" or "shares" are no cue)
_COMPANY_PARTS = frozenset({"founder", "founders", "co-founder", "co-founders", "cofounder",
                            "shareholder", "shareholders", "headquarters", "subsidiary",
                            "subsidiaries", "board", "ceo", "chairman", "chairwoman", "revenue",
                            "revenues", "profit", "profits", "earnings", "valuation"})
_PART_RANKS = frozenset({"largest", "biggest", "second-largest", "main", "major", "controlling",
                         "former", "new", "top", "founding", "annual", "quarterly", "net"})
# The ends of one-word German and English compounds that name places ("Alexanderplatz",
# "Olympiastadion", "BayArena")
COMPOUND_PLACES = ("platz", "straße", "strasse", "stadion", "arena", "stadium")
_MORE_PORTFOLIOS = re.compile(r",? (?:and )?[A-Z][a-z]+\b")  # ", Television", " and Tourism"
_CLUB_PREFIXES = words("club_prefixes")
# A name, a comma and up to three lower-case words: what comes next is in a list of names
_AFTER_LIST = re.compile(r"[A-Z][\w\-.&]*,\s+((?:(?!and |or )[a-z][\w\-]* ){0,3})$")
# How news describes a party before its name
_LEANINGS = frozenset({"far-right", "far-left", "right-wing", "left-wing", "populist",
                       "nationalist", "centre-right", "center-right", "centre-left", "center-left",
                       "hard-right", "hard-left", "ultranationalist", "ruling", "opposition"})
# What a company is, written before its name to open a sentence (and no name's first word)
_LEADING_CUES = frozenset({"lender", "retailer", "insurer", "broadcaster", "miner", "conglomerate",
                           "startup", "start-up", "regulator", "watchdog", "brewer", "distiller",
                           "bottler", "telco", "streamer", "shipbuilder", "exporter", "importer",
                           "supplier", "distributor"})
_WHEN = re.compile(r"\b(?:[Ii]n|[Oo]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Ll]ast|[Nn]ext|[Ee]arly|"
                   r"[Ll]ate|mid-?) $")
_LOWER_COMPOUND = re.compile(r"[A-Z][a-z]*-[a-z]+")  # "Off-spinner", "Co-founder"
_CLUB_NUMBER = re.compile(r"(?<![\w.])\d\. $")
_CONTEST_LEAGUES = words("contest_leagues")
_TIERS = frozenset({"one", "two", "three"})  # "League Two": a numbered tier of a league
_SPORT_WORDS = frozenset(part for sport in words("sports") for part in sport.split("_"))
_CONTEST_HEADS = words("contest_heads")
_MISSIONS = frozenset({"mission", "missions"})  # "Earth Summit Mission"; "Mission of X" is a body
# Two-word entries are written with "_" in words.txt ("space_station").
_PRODUCTS = frozenset(w.replace("_", " ") for w in words("products"))
_FACILITIES = frozenset(w.replace("_", " ") for w in words("facilities"))
_PRODUCT_MODIFIERS = words("product_modifiers")
_FACILITY_TAILS = frozenset(w.replace("_", " ") for w in words("facility_tails"))
_COMPASS = words("compass")
_FEATURE_TAILS = words("feature_tails")
# The rest of a list of names ending in a plural that makes each a place (words.txt).
_PLURAL_PLACES = "|".join(sorted(words("places_listed")))
_PLACES_LIST = re.compile(
    rf"(?:,? (?:and |or )?{_NAME})* (?:{_PLURAL_PLACES})\b"
)
# "Gerindra, Golkar and the smaller parties": each listed name is one of the organisations
_ORGS_LIST = re.compile(
    # (a comma before "and" only after a list: "to study Europa, and the two agencies")
    rf"(?:(?:, {_NAME})+,? | )and (?:the )?(?:other |smaller |larger |bigger |minor |main |"
    rf"several |many |two |three |four )*([a-z]+s)\b"
)
_MINED = frozenset({"copper", "gold", "silver", "coal", "iron", "oil", "gas", "lithium", "nickel",
                    "uranium", "diamond", "zinc"})  # "the X copper and gold mine"
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
_PINYIN_FEATURES = frozenset({"Dao", "Jiao", "Qundao", "Liedao"})
_PLACE_PREFIXES = frozenset({"fort", "mount", "mt.", "lake", "cape", "port", "cerro", "monte",
                             "isla", "lago", "sierra", "river", "koh", "pulau", "sungai", "ilha",
                             "île", "gunung", "jebel", "jabal", "wadi",
                             # streets: "Avenida Paulista", "Rue de Rivoli", "Jalan Besar"
                             "avenida", "rua", "calle", "rue", "boulevard", "jalan", "piazza",
                             "riva", "promenade",
                             # grounds: "Stade de France", "Stadio Olimpico", "Estadio Azteca"
                             "stade", "stadio", "estadio", "estádio",
                             # passes, peaks, promenades, parks, museums, palaces, head first
                             "col", "passo", "puerto", "pico", "mont", "paseo", "parque", "parc",
                             "musée", "museo", "museu", "galerie", "galleria", "palais",
                             "palazzo", "palacio", "château", "castello", "castillo",
                             "plateau", "villa", "hacienda", "museum",
                             # "County Donegal", as Ireland names its counties
                             "county"})
# A name ending in one of these names a football club ("Manchester United", "Bolton
# Wanderers"); a town's name then "City" does, where nothing says it is the city.
CLUB_TAILS = frozenset({"united", "city", "rovers", "wanderers", "athletic", "albion", "hotspur",
                         "rangers"})
_IN = (["in"], ["at"], ["from"], ["to"], ["of"], ["near"])  # before a place
# A weather system's name: no entity, and neither is the name alone ("Typhoon Doksuri").
_STORMS = frozenset({"typhoon", "hurricane", "storm", "cyclone", "tropical storm", "super typhoon"})
# One to three pinyin syllables: how a Chinese given name is spelt ("Xiaoyu", "Yi", "Xingchun").
_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan"
    r"|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v|ü)){1,3}$"
)
# The first of two words naming a country's organ: "(US) State Department", "Supreme Court"
_PORTFOLIO_WORDS = frozenset({"state", "supreme", "constitutional", "high", "justice", "defense",
                              "defence", "treasury", "commerce", "interior", "energy", "labor",
                              "labour", "education", "health", "homeland", "transportation"})
# A capitalised word alone in mid-sentence, after a lower-case word or a comma (and not "the
# Head of ..."): how news goes on calling a person by the surname
_SURNAME_ALONE = r"(?:\b[a-z]+|,) {}\b(?! of\b)(?! [A-Z])"
_LOWER_UNITS = frozenset({"district", "county", "prefecture"})  # "Jiading district"
_SYLLABLES = re.compile(r"^[A-Z][a-z]{1,4}-([a-z]{1,5})$")  # "Heung-min", "Ing-wen"
# Korean units of place, written after a hyphen: "Ahyeon-dong", "Gyeonggi-do", "Seongnam-si"
_KOREAN_UNITS = frozenset({"do", "si", "gun", "gu", "dong", "eup", "myeon", "ri", "ro", "gil",
                           "ga"})
# Navies' ship prefixes: "HMS Queen Elizabeth", "USS Nimitz", "INS Vikrant", "HMNZS Aotearoa"
_SHIPS = frozenset({"HMS", "HMAS", "HMNZS", "HMCS", "USS", "USNS", "INS", "RFS", "ROKS", "JS",
                    "PNS", "KRI", "BRP", "TCG", "HNLMS", "HDMS", "HSwMS", "ARA", "MV", "MT"})
# A plural noun, then names separated by commas (and a last "and"), up to a name: its list
_LISTED_NAME = r"[A-Z][\w'’&+.\-]*(?: (?:(?:of|for|the|do|da|de|di|del) )?[A-Z][\w'’&+.\-]*)*"
_LISTED = re.compile(rf"\b([A-Za-z]+)(?:,? such as |,? including |,? like |, among them | of | )"
                     rf"(?:{_LISTED_NAME}, )*(?:{_LISTED_NAME},? and )?$")
# Surname endings of Slavic, Romanian, Greek and Nordic families, never a town's in English
_SURNAME_ENDINGS = ("ović", "ovic", "ević", "evic", "enko", "escu", "opoulos", "owski", "ewski",
                    "inski", "ynski", "sson", "dóttir", "dottir")
_ROMAN = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")
# Words of a place's offices: "regional president", "health minister", "party secretary"
# Last words of a company's or a county's name that "of" and a town may follow
_OF_ITS_TOWN = frozenset({"semiconductors", "holdings", "industries", "motors", "electronics",
                          "technologies", "systems", "airlines", "airways", "pharmaceuticals",
                          "enterprises", "logistics", "county", "district", "prefecture",
                          "township"})
_STORES = frozenset({"supermarket", "supermarkets", "store", "stores", "shop", "shops", "outlet",
                     "outlets", "restaurant", "restaurants", "dealership", "showroom", "franchise",
                     "branch", "branches", "hypermarket", "boutique"})
# Kinds of carriers that are companies, not warships ("budget carrier", "mobile carrier")
_CARRIERS = frozenset({"budget", "low-cost", "flag", "national", "mobile", "wireless", "cargo",
                       "regional", "state", "state-owned", "telecom", "telecoms"})
# Words of units every body may have ("National Key Laboratory", "Central Research Institute")
_GENERIC_UNITS = _TITLE_MODIFIERS | {"key", "standing", "research", "political", "joint",
                                     "permanent", "central", "main", "advisory", "technical"}
_INSTRUMENTS = frozenset({"telescope", "probe", "satellite", "rover", "lander", "orbiter",
                          "spacecraft"})
_INSTRUMENT_WORDS = frozenset({"space", "solar", "orbiting", "x-ray", "infrared", "gamma-ray",
                               "radio", "survey", "optical", "lunar", "mars", "deep"})
# Who a title is held at, before it ("the state's commissioner", "the company's founder")
_OWNER_NOUNS = _ORG_CUES | {"state", "company", "club", "team", "government", "party", "city",
                            "country", "nation", "province", "region", "county", "university"}
# Jobs held at an organisation, before "at" and its name
_AT_JOBS = frozenset({"analyst", "analysts", "economist", "economists", "strategist",
                      "strategists", "researcher", "researchers", "professor", "lecturer",
                      "scientist", "scientists", "executive", "executives", "banker", "bankers",
                      "engineer", "engineers", "trader", "traders", "fellow", "partner"})
# What a business or a body does, said after ", which"
_WHICH_RUNS = frozenset({"runs", "operates", "owns", "flies", "makes", "sells", "employs",
                         "provides", "supplies", "manages", "oversees", "represents", "publishes",
                         "produces", "controls", "manufactures", "builds", "distributes",
                         "regulates", "brings", "organises", "organizes", "licenses", "funds"})
_BROADCASTERS = frozenset({"TV", "Radio", "Rádio", "Rede", "Canal", "Télé"})  # first words
# (not "a 1-1 draw at Udinese": a draw, a win are had at a club as often as at its ground)
_GAME_VERBS = frozenset({"beat", "beaten", "won", "lost", "drew", "played", "faced", "hosted",
                         "thrashed", "defeated", "edged"})
# A double quotation mark opening before a run, and the one closing after it, with no other
# between (nor the end of a line)
_OPEN_QUOTE = re.compile(r"(?<![^\s(])[\"“][^\"“”\n]*$")  # after a space: it opens
_CLOSE_QUOTE = re.compile(r"[^\"“”\n]*(?<=\S)[\"”]")
_TITLE_SMALL = frozenset({"of", "and", "the", "a", "an", "in", "on", "for", "to", "vs.", "vs",
                          "v", "de", "la", "del", "at", "with", "from", "or"})
# What a speaker speaks to, before a newspaper's name ("speaking to The Hindu")
_SPOKE_TO = (["to", "speaking"], ["to", "talking"], ["to", "spoke"], ["to", "said"])
_AFTER_LOWER = re.compile(r"(?<![\w'’])[a-z]+ $")  # a lower-case word, then the name
# Words before a title that say when it was held ("the former president director of")
_FORMERLY = frozenset({"former", "then", "acting", "outgoing", "incoming", "interim", "late",
                       "longtime", "long-time"})
_DETERMINERS = (["the"], ["his"], ["her"], ["its"], ["their"])
# What a platform holds, after its name ("Facebook groups", "a TikTok video")
_ON_PLATFORMS = frozenset({"groups", "page", "pages", "account", "accounts", "followers", "users",
                           "livestream", "video", "videos", "feed", "channel", "handle", "app"})
# Parties named by one word before a title ("Labour leader X", "Conservative MP Y")
_PARTIES = _PARTY_MEMBERS | {"labour", "conservative", "conservatives", "tories", "liberal",
                              "liberals", "democrats", "republicans", "green", "greens",
                              "socialist", "socialists"}
_PARTY_ACRONYM = re.compile(r" party \(([A-Z][\w-]*)\)")
# Parties named by their members, after "the" ("the Greens", "the Free Democrats", "the Left")
_PARTY_PLURALS = frozenset({w for w in _PARTIES if w.endswith("s")} | {"communists", "left"})
# What an armed group does or is, after its name ("the Boko Haram insurgency", "Hamas fighters")
_ARMED = frozenset({"insurgency", "insurgents", "militants", "fighters", "militia", "militiamen",
                    "jihadists", "gunmen"})
# What a political group is, after its name ("the centrist Third Way alliance")
_POLITICAL = frozenset({"alliance", "coalition", "bloc", "party", "movement", "collective", "front",
                        "consortium"})
_AMERICAN = re.compile(r"\b(?:US|U\.S\.|United States|American|Washington)\b")
# Countries whose parliament is a congress too: there "Congress" is theirs
_OTHER_CONGRESS = re.compile(r"\b(?:India|Brazil|Mexic|Peru|Colombia|Chile|Argentin|Philippine|"
                             r"Filipino|Guatemala|Honduras|Paraguay|Ecuador|Venezuela|Bolivia)")
_COUNTS = frozenset({"tri", "two", "three", "four", "five", "six", "seven", "eight", "home"})
_YEAR_OLD = re.compile(r",\s+(?:the|a|an)\s+\d{1,3}-year-old\s+(?:[a-z-]+\s+)?([a-z-]+)")
_POSITIONAL = frozenset({"lower", "upper", "inner", "outer", "greater", "central", "middle",
                         "far"})  # words that locate a part of a place
_PREFIXED_NOUN = re.compile(r"[A-Z]-[a-z]+")
_GENERA = ("saurus", "raptor", "therium", "pithecus", "odon")
_PERSON_OF = re.compile(r"\b([A-Z][\w'’-]+) [A-Z][\w'’-]+ of (?:the )?$")
_MEMBERS_FOR = frozenset({"mp", "mps", "mla", "mlas", "msp", "msps", "mep", "meps", "mpp", "td",
                          "member", "members", "congressman", "congresswoman"})  # "MP for X"
_OFFICES = frozenset({"minister", "governor", "mayor", "premier", "regional", "provincial",
                      "state", "county", "municipal", "district", "party", "prefectural"})
# Titles that name one who has no surname with the title: "Prince William", "Pope Francis"
_ROYAL = frozenset({"king", "queen", "prince", "princess", "pope", "lord", "lady", "duke",
                    "duchess", "emperor", "empress", "sheikh"})
_BANKS = ("bank", "banco", "banca", "banque")  # the end of a bank's one-word name
_GROUP_OF = re.compile(r"^G\d{1,2}$")  # "G7", "G20"
_NOT_ACRONYMS = frozenset(
    {
        "GDP",
        "COVID",
        "AI",
        "EV",
        "EVS",
        "IT",
        "TV",
        "PM",
        "AM",
        "GT",
        "OK",
        "PHD",
        "VIP",
        "CEO",
        "NO",
        "VS",
        "MVP",
        # nouns of everyday English, not bodies: "an SUV", "its IPO", "a QR code", "HIV"
        "SUV",
        "SUVS",
        "IPO",
        "IPOS",
        "QR",
        "PC",
        "PCS",
        "DNA",
        "RNA",
        "HIV",
        "AIDS",
        "GPS",
        "LED",
        "LNG",
        "CPU",
        "GPU",
        "ATM",
        "SMS",
        "USB",
        "UAV",
        "UAVS",
        "LPG",
        "GP",
        "BBB",  # a credit rating
        # honours after a name ("Jane Smith CBE")
        "CBE",
        "OBE",
        "MBE",
        "KBE",
        "DBE",
        "AD",  # "the 19th century AD"
        "BC",
        "BCE",
    }
)


@dataclass
class Mention:
    """One name as written, with what the rules know about it."""

    kind: Kind | None  # None: left to the model's vote or to resolution
    text: str
    start: int
    end: int
    strong: bool = False  # typed by a rule the model's vote does not override
    place: Place | None = None
    title: str | None = None  # job title read from the words around the name
    affiliation: str | None = None  # surface of an organisation named in the title
    acronym: str | None = None  # "(ACR)" or "(Other Name)" right after the name
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    suffix: str = ""  # "based" in "Beijing-based"
    parent: str | None = None  # surface of the organisation this one sits in ("X of the Y")
    label: str | None = None  # the model's label, when a model is in use
    stands_for: str | None = None  # an organisation a place's name stands for: a capital that
    # acts for its government ("Washington said"), a country for its national team
    initial: bool = False  # first word of a sentence
    after_place: bool = False  # a place's name then more ("Beijing Guoan"): never the place
    work: bool = False  # a work or product ("the musical X"): its name is nobody's, all along
    holds_outer: bool = False  # named inside another with "of": the outer one is a part of it
    unit: str | None = None  # the name's part before its parent's, a name of its own
    full_name: str | None = None  # a person's, named by a first name that shares a surname
    # ("Jean-Pierre" in "Jean-Pierre and Luc Dardenne")
    dateline: bool = False  # where a story was filed from ("BERLIN, March 18 --"): a place
    nickname: bool = False  # a side's by its nickname alone ("the LG Twins", "the Black Caps")

    @property
    def words(self) -> list[str]:
        return self.text.split()


def is_facility(words: list[str]) -> bool:
    """ "Shanghai Exhibition Center", "Goddard Space Flight Center": a name whose last two words
    say it is a facility."""
    return len(words) > 1 and " ".join(words[-2:]).casefold() in _FACILITIES


def camel_case(word: str) -> bool:
    """ "DeepMind", "PayPal", "TikTok": capitals inside a word, as brands write them (not
    "McDonald", "DeSantis")."""
    return bool(_CAMEL.match(word)) and not any(
        word.startswith(prefix) and word[len(prefix) : len(prefix) + 1].isupper()
        for prefix in _NAME_PREFIXES)


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and word.upper() not in _NOT_ACRONYMS and len(word) <= 10


def join_titles(cands: list[Candidate], doc: str, lex: Lexicon) -> list[Candidate]:
    """Runs a title joins across "to" and across the commas of a list of portfolios: "Ambassador
    to Kenya Zhou Pingjian", "Secretary for Culture, Sports and Tourism Kevin Yeung",
    "Economy, Trade and Industry Minister Ken Saito"; a name its acronym spells across "in"
    ("Board of Control for Cricket in India (BCCI)"); a university and its campus ("University
    of California, Berkeley"); and a place whose name holds an "'s" ("Cox's Bazar")."""
    joined: list[Candidate] = []
    for cand in cands:
        prev = joined[-1] if joined else None
        gap = doc[prev.end : cand.start] if prev else ""
        if prev is not None and prev.possessive and gap[2:] == " " and lex.place(
                doc[prev.start : cand.end]) is not None:  # "Cox's Bazar": a place's own 's
            own = prev.tokens[-1]
            joined[-1] = replace(prev, tokens=[*prev.tokens[:-1], Token(
                doc[own.start : own.end + 2], own.start, own.end + 2), *cand.tokens],
                after=cand.after, paren_after=cand.paren_after)
            continue
        campus = _campus(prev.tokens, cand.tokens, lex) if prev and gap == ", " else 0
        if prev is not None and campus:
            # one word of the state and the campus, which no rule splits at its comma
            state, city = prev.tokens[-1], cand.tokens[campus - 1]
            joined[-1] = replace(prev, tokens=[*prev.tokens[:-1], Token(
                doc[state.start : city.end], state.start, city.end), *cand.tokens[campus:]],
                after=cand.after, paren_after=cand.paren_after)
            continue
        if prev is not None and (
            (gap == " to " and is_title(prev.tokens[-1].lower, lex))
            # "Board of Control for Cricket in India (BCCI)", "Committee on Foreign Investment
            # in the United States (CFIUS)", "Strategic Advisory Group of Experts on
            # Immunization (SAGE)": the acronym spells the whole, or all but its last words
            # (or all but the sentence's first word: "Officials of the Board of ...")
            or (_SPELT_GAP.fullmatch(gap) and cand.paren_after is not None
                and cand.paren_after in (spelt := initials(_text([*prev.tokens, *cand.tokens])),
                                         initials(_text(prev.tokens)),
                                         spelt[1:] if prev.sentence_start else None))
            or (gap == ", " and any(t.lower == "and" for t in cand.tokens) and (
                _listing_portfolios(prev.tokens, lex)
                or (all(t.lower in _TITLE_MODIFIERS or t.text == "," for t in prev.tokens)
                    and any(is_title(t.lower, lex) for t in cand.tokens[1:-1]))
            ))
            # "Ministry of Culture, Sports and Tourism", "Bureau of Culture, Radio, Television
            # and Tourism", "Department of Forestry, Fisheries and the Environment": a body's
            # portfolios, to the last one after "and"
            or (gap == ", " and _portfolios_before_head(prev.tokens, cand.tokens, lex))
            or (gap == ", " and _body_portfolios(prev.tokens, lex) and all(
                t.lower in ("and", "the") or (t.text[:1].isupper() and t.text.isalpha()
                                     and not lex.place(t.text) and t.lower not in lex.given_names)
                for t in cand.tokens) and (
                    any(t.lower == "and" for t in cand.tokens)
                    or _MORE_PORTFOLIOS.match(doc, cand.end) is not None))
        ):
            joint = tokenize(gap, prev.end)
            joined[-1] = replace(prev, tokens=[*prev.tokens, *joint, *cand.tokens],
                                 after=cand.after, paren_after=cand.paren_after)
        else:
            joined.append(cand)
    return joined


def _campus(university: list[Token], after: list[Token], lex: Lexicon) -> int:
    """ "University of California, Berkeley": a state's university and the city of its campus,
    one name (not "University of Toronto, Canada"); how many words of ``after`` the city's."""
    words = [t.lower for t in university]
    state = lex.place(university[-1].text) if words[-3:-1] == ["university", "of"] else None
    if state is None or state.kind != "region":
        return 0
    size = next((k for k, t in enumerate(after) if not t.text[:1].isupper()), len(after))
    town = lex.place(_text(after[:size])) if 0 < size < 3 else None
    return size if town is not None and town.kind == "city" else 0


def _portfolios_before_head(first: list[Token], rest: list[Token], lex: Lexicon) -> bool:
    """ "[The Meteorology], [Climatology and Geophysical Agency]": a body's portfolios listed
    before its head, the first of them cut off at the comma (not "Apple, Google and Microsoft
    Corporation": companies, places and first names are no portfolios)."""
    words = [t.lower for t in first if t.lower != "the"]
    return (len(words) == 1 and len(rest) > 2 and rest[-1].lower in lex.org_heads
            and any(t.lower == "and" for t in rest)
            and all(w in lex.nouns and w not in lex.companies and w not in lex.given_names
                    and lex.place(w) is None for w in (words[0], rest[0].lower)))


def _listing_portfolios(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Secretary for Culture", "Minister of Trade": a title and its first portfolio."""
    return len(tokens) > 2 and is_title(tokens[-3].lower, lex) and tokens[-2].lower in ("of", "for")


def _body_portfolios(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Ministry of Culture", "Bureau of Culture, Radio", "Department for Environment": a
    body's head, "of" or "for", and one or more one-word portfolios so far."""
    words = [t.lower for t in tokens]
    joins = [k for k, word in enumerate(words) if word in ("of", "for")]
    if not joins:
        return False
    at = joins[-1]
    rest = tokens[at + 1 :]
    return (at > 0 and words[at - 1] in lex.org_heads and bool(rest)
            and all(t.text == "," or (t.text[:1].isupper() and t.text.isalpha()) for t in rest))


def mentions_of(cand: Candidate, doc: str, lowercase: set[str], lex: Lexicon) -> list[Mention]:
    """The typed mentions one capitalised run holds."""
    tokens = list(cand.tokens)
    if doc[cand.start - 1 : cand.start] in QUOTES and (
            _closes_quote(doc, cand.end)
            or (doc[cand.end : cand.end + 1] in (",", ".") and _closes_quote(doc, cand.end + 1))):
        # a title in quotation marks ("Moon You," in American style): a film, a book, and so
        # is the same name unquoted ("an episode of "Bluey," ... Bluey is co-commissioned");
        # but not a name given a person or a body ("known as "Jokowi"")
        if _GIVEN_NAME_BEFORE.search(doc, max(0, cand.start - 30), cand.start - 1):
            return []
        return [Mention(None, _surface(tokens, doc), cand.start, cand.end, work=True)]
    if len(tokens) == 1 and (
            (tokens[0].lower in SHORT_MONTHS and _DAY_AFTER.match(doc, cand.end))
            # "the divided Peronist movement", "a Marxist government": an adjective in -ist
            or (len(tokens[0].text) > 5 and tokens[0].text.endswith("ist")
                and cand.after[:1] and cand.after[0] in lex.nouns)):
        return []  # "on Jan. 3": a month, though "Jan" is a name too
    if _in_quoted_title(cand, doc):
        return []  # "Rabiye Kurnaz vs. George W. Bush", "Gangs of Lagos": a title's words
    if len(tokens) > 1 and tokens[0].lower == "the" and lex.place(_text(tokens)):
        return _classify(tokens, cand, doc, lex, last=True)  # "The Hague"
    if cand.sentence_start and len(tokens) == 1 and cand.after[:1] in (["maker"], ["giant"]):
        return []  # "Smartphone maker Xiaomi", "Tech giant Huawei": what it makes, no name
    # "the far-right Alternative for Germany", "the populist Law and Justice": a party's name
    leaning = (bool(cand.before[:1]) and cand.before[0] in _LEANINGS and len(tokens) > 2
               and any(t.lower in CONNECTORS for t in tokens))
    if not leaning and (
            (len(tokens) > 2 and tokens[0].lower in _LAWS and tokens[1].lower in CONNECTORS)
            or (cand.before[:1] == ["the"] and _LAW_GOES_ON.match(doc, cand.end))):
        return []  # "the Law on Reconstruction", "the Health and Safety at Work Act": a law
    if (tokens[0].text == "The" and not cand.sentence_start and cand.before[:1]
            and cand.before[0].endswith(OWNS)):
        return []  # "Hayao Miyazaki's The Boy and the Heron": a capital "The" inside a sentence
        # after an owner starts the title of a work
    if _CHARACTER_BEFORE.search(doc, max(0, cand.start - 60), cand.start) and _SCREEN.search(doc):
        # "Cataño plays the adult Colonel Aureliano Buendía", "The novel follows Eilish Stack":
        # a character of the story, nobody's name (not "played the grand Royal Albert Hall")
        return [Mention(None, _surface(tokens, doc), tokens[0].start, tokens[-1].end, work=True)]
    # "The", "Under", "Visiting", "Much" (spaCy's stop words), "Record" (when the article also
    # writes "record") start sentences, not names; but "He Xiaoyu" and "Long Xingchun" are people
    while (
        tokens
        and not (_chinese_name(tokens, lex, spelt=True)
                 and not _article_then_given_name(tokens, lex))
        # "Sun Dong-yol", "Song Ji-hyo" (not "The Hyeon-jong")
        and not (_syllable_given_name(tokens) and tokens[0].lower not in _STOP)
        and not _opens_name(tokens, cand, lex)
        and not (tokens[0].text == "All" and not cand.sentence_start)  # "over All Blacks"
        # "told The Straits Times", "in The Hague", "to buy Just Eat": a capitalised "The" or
        # "Just" inside a sentence of lower-case words is the name's own
        and not (tokens[0].text[:1].isupper() and tokens[0].text != "I" and len(tokens) > 1
                 and not (cand.sentence_start and tokens[0] is cand.tokens[0])
                 and (lex.place(_text(tokens)) or not strong_place(_text(tokens[1:]), lex))
                 and _AFTER_LOWER.search(doc, max(0, tokens[0].start - 30), tokens[0].start))
        and (
            (tokens[0].lower in _STOP and not is_acronym(tokens[0].text))  # "WHO" is no "who"
            or (
                cand.sentence_start
                and tokens[0] is cand.tokens[0]
                and tokens[0].lower not in PARTICLES
                and not strong_place(tokens[0].text, lex)
                and (
                    (tokens[0].lower in lowercase and not (
                        # "Delivery Hero chief executive X" after "Berlin-based Delivery Hero"
                        len(tokens) > 1 and _written_inside(_text(tokens), doc)))
                    # "Hotels in the county seat" where the article writes "hotel"
                    or (tokens[0].lower.endswith("s") and tokens[0].lower[:-1] in lowercase)
                    # "Farmers said", "Prices rose": an English plural alone, a name nowhere
                    # else in the article
                    or (len(cand.tokens) == 1 and lex.plural_noun(tokens[0].text)
                        and lex.place(tokens[0].text) is None
                        and doc.count(tokens[0].text) == 1)
                    or (tokens[0].lower in lex.stop_words and not is_acronym(tokens[0].text))
                    # a gerund ("Speaking X") is no name, but "Canning Fok, deputy chairman of" is
                    or (_GERUND.match(tokens[0].text)
                        and not (len(tokens) == 2 and _title_apposed(cand.after, lex)))
                    or _before_given_name(tokens, lex)
                    # "Off-spinner Mehidy Hasan Miraz", "Co-founder X Y": what the person is
                    or (len(tokens) > 2 and bool(_LOWER_COMPOUND.fullmatch(tokens[0].text)))
                    # "Truckmaker Scania", "Lender Barclays": what the company is, then its name
                    or (len(tokens) > 1 and (tokens[0].lower in _LEADING_CUES
                                             or tokens[0].lower.endswith("maker")))
                    # "Cellist Yo-Yo Ma": a profession in -ist, then a name
                    # (and "Entomologist Kabirul Bashar of Jahangirnagar University")
                    or (tokens[0].lower.endswith("ist") and len(tokens) > 2
                        and _name_like(_until_connector(tokens[1:]), lex))
                )
            )
            # "In June BMW cancelled": the month it happened in, then the name
            or (len(tokens) > 1 and tokens[0].lower in _WEEKDAYS_MONTHS
                and _WHEN.search(doc, max(0, tokens[0].start - 8), tokens[0].start) is not None)
        )
    ):
        tokens = _strip_leading(tokens[1:])
    if tokens and tokens[0] is not cand.tokens[0]:
        skipped = cand.tokens[: cand.tokens.index(tokens[0])]
        cand = replace(cand, before=[t.lower for t in reversed(skipped)] + cand.before)
    # "Serbian Aleksandar Đorđević": a demonym, then the person (not "the Spanish La Liga", "the
    # Japanese Grand Prix", "the Asian Football Confederation (AFC)", "the Canadian Red Cross":
    # the first name is a known one, and no ordinary word)
    head = _until_connector(tokens)  # "American Ronnie Baker and Jacobs": the first name's
    if _demonym_then_person(head, lex) and initials(_text(tokens)) != cand.paren_after:
        if len(head) == len(tokens):
            return [Mention("person", _surface(tokens[1:], doc), tokens[1].start, tokens[-1].end,
                            before=[tokens[0].lower, *cand.before], after=cand.after,
                            strong=True)]
        cand = replace(cand, before=[tokens[0].lower, *cand.before])
        tokens = tokens[1:]
    found: list[Mention] = []
    shared = None  # "Presidents X and Y": the title is Y's too
    opening = cand.sentence_start and bool(tokens) and tokens[0] is cand.tokens[0]
    # a lone name ending a list ("Apple, Qualcomm and Samsung Electronics"; not a word the
    # article writes in lower case too: "..., Finance and Securities Institute"): looked for
    # only where an "and" could split the run
    after_list = _AFTER_LIST.search(doc, max(0, tokens[0].start - 60), tokens[0].start) if (
        tokens and tokens[0].lower not in lowercase
        and any(t.lower in ("and", "und") for t in tokens)) else None
    # right after the comma, or after what the name is ("..., auto parts maker Denso and
    # Toyota Motor"; not "Dong Dengxin, director of the Finance and Securities Institute")
    between = after_list.group(1).split() if after_list else []
    listed = after_list is not None and (not between or organisation_noun(between[-1]))
    # "Japanese firms, including Nippon Steel and Mitsubishi Heavy Industries": organisations,
    # then the ones among them
    listed = listed or (any(t.lower == "and" for t in tokens)
                        and _listed_organisation(doc, tokens[0].start))
    # "Green and Smart Mobility (GSM)", "Transport for London (TfL)": the acronym spells the
    # whole run (or all but its last word), one name
    spelt = bool(cand.paren_after) and len(tokens) > 2 and (
        cand.paren_after in (initials(_text(tokens)), initials(_text(tokens))[:-1])
        # ("Economic Community of West African States (ECOWAS)": "of" spelt too)
        or "".join(t.text[0] for t in tokens).casefold() == cand.paren_after.casefold())
    if spelt or leaning:  # one body's name, its words joined by "and" or "for" (whole: not a
        # title's portfolio, "Directorate General of Health Services (DGHS)")
        parts = [Mention(None, _surface(tokens, doc), tokens[0].start, tokens[-1].end,
                         before=cand.before, after=cand.after,
                         acronym=_acronym_after(cand, doc))] if (
            _head(tokens) in lex.titles or _split_title(tokens, doc, lex)
        ) else _classify(tokens, cand, doc, lex, last=True)
        return [m if m.kind is not None else _typed(m, "organization") for m in parts]
    groups = split_run(tokens, lex, opening, listed)
    for group, following in zip(groups, [*groups[1:], []], strict=False):
        if _shares_surname(group, following, doc, lex):
            found.append(Mention("person", _surface(group, doc), group[0].start, group[-1].end,
                                 strong=True, full_name=f"{group[0].text} {following[-1].text}"))
            continue
        if group is not groups[0] and _demonym_then_person(group, lex):
            # "Laura Mora and the Argentine Alex García López": the second one's demonym
            found.append(Mention("person", _surface(group[1:], doc), group[1].start,
                                 group[-1].end, strong=True))
            continue
        if shared and _name_like(group, lex):
            found.append(Mention("person", _surface(group, doc), group[0].start, group[-1].end,
                                 strong=True, title=shared))
            continue
        inside = [t.lower for t in reversed(tokens[: tokens.index(group[0])])]
        # "Residents of Githurai", "Minister of State for Advanced Technology X", "Simón on
        # Twitter": what the run says before "of", "for", "on" or "to" is the name's context
        # (but "the Satish Dhawan Space Centre on Sriharikota", "Chitose on Hokkaido": a
        # place stands on a place)
        of = replace(cand, before=inside + cand.before) if inside[:1] in (
            ["of"], ["for"]) or (inside[:1] in (["on"], ["to"]) and inside[1:2] and not (
                inside[1] in lex.org_heads or inside[1] in lex.place_heads
                or lex.place(inside[1]))) else cand
        found.extend(_classify(group, of, doc, lex, last=group[-1] is cand.tokens[-1]))
        if not shared and group[0].lower not in lex.titles and is_title(group[0].lower, lex):
            shared = next((m.title for m in found if m.kind == "person" and m.title), None)
    return found


def _closes_quote(doc: str, at: int) -> bool:
    """A quotation mark closes at ``at`` (not the apostrophe of ""Musk's visit")."""
    return doc[at : at + 1] in QUOTES and not (
        doc[at] in "'’" and doc[at + 1 : at + 2].isalpha())


def _in_quoted_title(cand: Candidate, doc: str) -> bool:
    """The run is part of a short title in double quotes, all of its words capitalised but
    a few small ones ("Rabiye Kurnaz vs. George W. Bush")."""
    opening = _OPEN_QUOTE.search(doc, max(0, cand.start - 60), cand.start)
    closing = _CLOSE_QUOTE.match(doc, cand.end)
    if opening is None or closing is None:
        return False
    words = doc[opening.start() + 1 : closing.end() - 1].split()
    return 0 < len(words) <= 10 and words[0][:1].isupper() and all(
        w[:1].isupper() or w in _TITLE_SMALL or not w[:1].isalpha() for w in words)


def _acronym_after(cand: Candidate, doc: str) -> str | None:
    """The acronym in brackets after the name ("X (ACR)"), or after "party" ("the Law and
    Justice party (PiS)")."""
    party = _PARTY_ACRONYM.match(doc, cand.end)
    return cand.paren_after or (party.group(1) if party else None)


def _demonym_then_person(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Serbian Aleksandar Đorđević", "the Argentine Alex García López": a demonym, then a
    known first name and a surname."""
    return (len(tokens) in (3, 4) and tokens[0].lower in lex.demonyms
            and _name_like(tokens[1:], lex) and tokens[1].lower in lex.given_names
            and tokens[1].lower not in PARTICLES and tokens[1].lower not in lex.ordinary_words
            and not any(t.lower in lex.other_heads or t.lower in lex.place_heads for t in tokens))


def _shares_surname(group: list[Token], following: list[Token], doc: str, lex: Lexicon) -> bool:
    """ "Jean-Pierre and Luc Dardenne", "Venus and Serena Williams": a first name alone, then
    "and" and another first name with the surname both share."""
    first = re.escape(group[0].text)
    return (len(group) == 1 and len(following) == 2 and group[0].lower in lex.given_names
            and following[0].lower in lex.given_names
            and doc[group[0].end : following[0].start] == " and "
            and _name_like(following, lex) and not strong_place(group[0].text, lex)
            # (not "Williams and Kevin Magnussen's Haas", nor "Babar and Iftikhar Ahmed" where
            # the article names Babar Azam, nor "to Landin and Mikkel Hansen" after Niklas Landin)
            and not group[0].possessive and not following[-1].possessive
            and not re.search(rf"\b{first} [A-Z]|[A-Z]\w+ {first}\b", doc))


def _national_body(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Tourism Northern Ireland", "Athletics Kenya": a noun of what a body does, then the
    country or the region it does it for (not "Lake Victoria", "Metro Manila", "Central Java")."""
    first = tokens[0].lower
    if len(tokens) < 2 or first not in lex.nouns or first in lex.place_heads or (
            first in _PLACE_PREFIXES or first in _COMPASS or first in lex.demonyms
            or first in _POSITIONAL or first in lex.given_names):
        return False  # "Lower Silesia", "Thomas Jordan"
    rest = lex.place(_text(tokens[1:]))
    return (rest is not None and rest.strong and rest.kind in ("country", "region")
            and lex.place(_text(tokens)) is None)


def _demonym_noun(word: str, lex: Lexicon) -> bool:
    """ "danes", "britons", "englishman", "frenchmen": people named by where they are from."""
    stem = re.sub(r"(?:wo)?m[ae]n$", "", word)
    return (word.endswith("s") and word[:-1] in lex.demonyms) or (
        stem != word and stem in lex.demonyms)


def _member_of(start: int, end: int, doc: str, lex: Lexicon) -> bool:
    """ "Juan Requesens of Justice First": a name right after a person's full name and "of"
    (not an owner: "Aleksander Miszalski of Prime Minister Donald Tusk's Civic Coalition")."""
    if doc[end : end + 2] in OWNS:
        return False
    person = _PERSON_OF.search(doc, max(0, start - 80), start)
    return person is not None and person.group(1).casefold() in lex.given_names


def _store(after: list[str], plural: bool = False) -> bool:
    """ "supermarket", "convenience store", "clothing stores" (``plural``): the words after a
    name say it is a shop of a chain."""
    return any(w in _STORES and (w.endswith("s") or not plural) for w in after[:2]) and (
        after[:1] != [","])


def _instrument_short(tokens: list[Token]) -> Token | None:
    """The word an instrument or a craft is called by alone, before the words that say what it
    is: "Webb" of the "James Webb Space Telescope", "Parker" of the "Parker Solar Probe"."""
    if len(tokens) < 2 or tokens[-1].lower not in _INSTRUMENTS:
        return None
    k = len(tokens) - 1
    while k > 0 and (tokens[k].lower in _INSTRUMENTS or tokens[k].lower in _INSTRUMENT_WORDS):
        k -= 1
    word = tokens[k]
    return word if k < len(tokens) - 1 and word.text.isalpha() and word.text[1:].islower() else None


def _until_connector(tokens: list[Token]) -> list[Token]:
    """The words before the first connector ("of", "and", ...)."""
    cut = next((k for k, t in enumerate(tokens) if t.lower in CONNECTORS), len(tokens))
    return tokens[:cut]


def _opens_name(tokens: list[Token], cand: Candidate, lex: Lexicon) -> bool:
    """ "New" and "Old" start names ("New Zealand", "the New Development Bank", "Old Trafford")
    anywhere but at the start of a sentence, and there too when the name is a known place or
    ends in a head word ("New Development Bank said")."""
    return (
        len(tokens) > 1
        and tokens[0].lower in _NAME_ADJECTIVES
        and (
            not (cand.sentence_start and tokens[0] is cand.tokens[0])
            or lex.place(_text(tokens[:2])) is not None
            or _has_head(tokens, lex)
        )
    )


def strong_place(text: str, lex: Lexicon) -> bool:
    place = lex.place(text)
    return place is not None and place.strong


def _article_then_given_name(tokens: list[Token], lex: Lexicon) -> bool:
    """ "An Ariane 5 rocket": an article before a first name pinyin spells too, not the family
    name An."""
    return len(tokens) > 1 and tokens[0].lower == "an" and tokens[1].lower in lex.given_names


def _written_inside(name: str, doc: str) -> bool:
    """The article writes the name inside a sentence too, after a lower-case word."""
    return re.search(rf"[a-z] {re.escape(name)}\b", doc) is not None


def _strip_leading(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower in CONNECTORS or tokens[0].text in ("the", ",")):
        tokens = tokens[1:]
    return tokens


def _has_head(chunk: list[Token], lex: Lexicon) -> bool:
    words = [t.lower for t in chunk if not t.paren]
    if not words:
        return False
    last = words[-1]
    return (
        last in lex.org_heads
        or last in lex.place_heads
        or last in lex.other_heads
        or last in lex.titles
    )


def _has_org_head(chunk: list[Token], lex: Lexicon) -> bool:
    words = [t.lower for t in chunk if not t.paren]
    return bool(words) and words[-1] in lex.org_heads


def split_run(tokens: list[Token], lex: Lexicon, opening: bool = False,
              listed: bool = False) -> list[list[Token]]:
    """Split a run at connectors that join two names rather than the parts of one name.

    "Ministry of Industry and Information Technology" stays whole; "China and Kazakhstan" and
    "Tsinghua University and Peking University" split. ``opening``: the run starts a sentence;
    ``listed``: it ends a list ("Apple, Qualcomm and Samsung Electronics"), whose "and" joins
    names, not the words of one.
    """
    segments: list[
        tuple[str | None, list[Token], list[Token]]
    ] = []  # (connector, its tokens, chunk)
    conn: str | None = None
    conn_tokens: list[Token] = []
    chunk: list[Token] = []
    for token in tokens:
        if token.lower in CONNECTORS or (token.lower == "the" and conn_tokens):
            if chunk:
                segments.append((conn, conn_tokens, chunk))
                conn, conn_tokens, chunk = None, [], []
            conn = conn or token.lower
            conn_tokens.append(token)
        else:
            chunk.append(token)
    if chunk:
        segments.append((conn, conn_tokens, chunk))
    groups: list[list[list[Token]]] = []  # each group: its chunks with connector tokens between
    for conn, conn_tokens, chunk in segments:
        if not groups or conn is None:
            groups.append([chunk])
            continue
        group = groups[-1]
        head_ok = _has_head(group[0], lex)
        last_head = _has_head(group[-1], lex)  # "Industrial and Commercial Bank" of China
        whole = [t for part in group for t in part] + conn_tokens + chunk
        if lex.place(_text(whole)):
            join = True
        elif conn == "on":  # "Center on Human Evolution", not "Theatre on Jiangning Road"
            # (nor "Space Centre on Sriharikota": a facility stands on a place)
            join = (group[-1][-1].lower in _ON_HEADS and chunk[0].lower not in _WEEKDAYS_MONTHS
                    and not is_facility([t.text for t in group[-1]]))
        elif conn == "to":  # "Ambassador to Kenya", "Mission to the EU"; "from Shanxi Province
            # to the Three Gorges" is a way between two places
            join = any(_has_head(part, lex) and part[-1].lower not in lex.place_heads
                       for part in (group[0], group[-1]))
        elif conn in ("of", "for"):
            # "Call of Duty", "World of Warcraft", "Gift of the Givers": two lone words, neither
            # a head nor a place, are one name (a title, which the model may then drop), never
            # two; but a sentence may start with a common word
            join = ((head_ok or last_head) and not _persons_name(chunk, conn_tokens, lex)
                    and not _of_its_town(group, conn_tokens, chunk, lex)) or (
                not (opening and group is groups[0])  # "Residents of Lytton"
                and len(group) == 1 and len(group[0]) == 1 and len(chunk) == 1
                and [t.lower for t in conn_tokens[1:]] in ([], ["the"])
                and not lex.place(group[0][0].text)
                and not lex.place(chunk[0].text))
        elif conn == "&":  # a list says "and": "Johnson & Johnson", "Marks & Spencer" are one
            join = True
        elif len(group) == 1 and chunk[0].lower == group[0][0].lower:  # "China Unicom and
            # China Telecom": two names
            join = False
        else:
            chunk_head = _has_org_head(chunk, lex)
            # ("Fujitsu and Post Office executives": a listed company is a name of its own)
            modifiers = len(conn_tokens) == 1 and not lex.place(_text(group[0])) and not listed
            modifiers = modifiers and _text(group[0]).casefold() not in lex.companies
            place_words = head_ok and group[0][-1].lower in lex.place_heads
            modifiers = modifiers and not (
                is_acronym(group[0][-1].text) or _capitals_inside(group[0][-1].text))  # "IQE and
            # Cardiff University", "NOIRLab and SLAC ..." are two; a title makes a person
            # ("Interior Secretary Benhur Abalos and Philippine National Police chief ...")
            modifiers = modifiers and not any(
                is_title(t.lower, lex) and t.lower not in _OCCUPATIONS  # "China Astronaut
                for t in group[0])  # Research and Training Center" is one
            join = (
                # "Machinery and Equipment Group"; "China Road and Bridge Corporation", whose
                # place words only describe what the company builds; "National Security and
                # Investment Act"
                ((not head_ok or place_words) and len(group) == 1 and modifiers
                 and (chunk_head or chunk[-1].lower in lex.other_heads))
                # "Hong Kong Exchanges and Clearing": what the business does, in one word
                or (len(conn_tokens) == 1 and len(chunk) == 1 and bool(_GERUND.match(chunk[0].text))
                    and len(group[0]) > 1 and group[0][-1].lower.endswith("s")
                    and not lex.place(chunk[0].text))
                # "Qiandongnan Miao and Dong Autonomous Prefecture": the peoples of one division
                or (len(chunk) > 2 and chunk[-2].lower == "autonomous" and len(conn_tokens) == 1
                    and not lex.place(_text(group[-1])))
                # "Ministry of Commerce and Trade"; "Committee of the Ministry of Industry and
                # Information Technology": the innermost name has the head
                # (not "Bank of England and HM Treasury": an acronym starts a name of its own)
                or ((_has_org_head(group[0], lex)
                     or (len(group) > 2 and _has_org_head(group[-3], lex)))
                    and len(group) > 1 and not chunk_head
                    and not (is_acronym(chunk[0].text) and len(chunk) > 1) and (
                        len(conn_tokens) == 1
                        # "Department of Forestry, Fisheries and the Environment"
                        or (any(t.text == "," for t in group[-1]) and not is_acronym(
                            chunk[0].text))))
                # "Secretary for Transport and Logistics Lam Sai-hung", "Minister of State for
                # Science and Technology Jitendra Singh" (one portfolio word before "and": not
                # "Minister of Commerce Wang Wentao and Jin Zhuanglong")
                or (is_title(group[0][-1].lower, lex) and len(group) in (3, 5)
                    and all(a.text == "," or b.text == "," for a, b in pairwise(group[-1])))
                # "CHIPS and Science Act": an acronym then words end one law's name
                or (len(group) == 1 and len(group[0]) == 1 and is_acronym(group[0][0].text)
                    and len(conn_tokens) == 1 and chunk[-1].lower in lex.other_heads)
                # "Hong Kong and Macao Affairs Office": two places share the body's name
                or (len(group) == 1 and len(conn_tokens) == 1 and chunk_head
                    and _region(_text(group[0]), lex) and _region(chunk[0].text, lex)
                    and chunk[0].lower not in lex.org_heads)  # ("Halifax and Bank of Scotland")
                # "Health and Welfare Minister Cho Kyoo-hong"
                or (
                    len(group) == 1
                    and _portfolio_list([*group[0], *conn_tokens])
                    and any(is_title(t.lower, lex) for t in chunk[1:-1])
                )
            )
        if join:
            group.extend([conn_tokens, chunk])
        else:
            groups.append([chunk])
    return [[t for part in group for t in part] for group in groups]


def _of_its_town(group: list[list[Token]], conn_tokens: list[Token], chunk: list[Token],
                 lex: Lexicon) -> bool:
    """ "NXP Semiconductors of Eindhoven", "Tingri County of Shigatse": a company, or a county,
    then "of" and the place it is in: two names."""
    return (len(group) == 1 and len(group[0]) > 1 and len(conn_tokens) == 1
            and conn_tokens[0].lower == "of" and lex.place(_text(chunk)) is not None
            and group[0][-1].lower in _OF_ITS_TOWN)


def _regional_unit(tokens: list[Token], lex: Lexicon) -> bool:
    """A name then a continent ("Tatler Asia", "Nikkei Asia"): a company's unit for that
    continent, named as companies name them (not "The Wandering Earth")."""
    area = lex.place(tokens[-1].text)
    return (
        len(tokens) > 1
        and area is not None
        and area.kind == "continent"
        and all(
            t.text[:1].isupper() and "-" not in t.text and lex.place(t.text) is None
            and t.lower not in _COMPASS and t.lower not in lex.demonyms
            for t in tokens[:-1]
        )
    )


def _region(text: str, lex: Lexicon) -> bool:
    """A place within a country (a country never shares a body's name: "Kazakhstan and
    Shanghai Cooperation Organisation" are two)."""
    place = lex.place(text)
    return place is not None and place.kind != "country"


def _text(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _surface(tokens: list[Token], doc: str) -> str:
    return doc[tokens[0].start : tokens[-1].end]


def _constituency(tokens: list[Token], doc: str, lex: Lexicon) -> Mention:
    """The place a member of a parliament sits for ("the MP for South West Surrey")."""
    place = lex.place(_text(tokens)) or Place(_text(tokens), "area")
    return Mention("place", _surface(tokens, doc), tokens[0].start, tokens[-1].end, strong=True,
                   place=place)


def _classify(
    tokens: list[Token], cand: Candidate, doc: str, lex: Lexicon, last: bool
) -> list[Mention]:
    if not tokens:
        return []
    if (len(tokens) > 1 and _ORDINAL.match(tokens[0].text) and tokens[1].text != "Century"
            and not _numbered_unit(tokens)):
        tokens = tokens[1:]  # "the 14th National Committee of ...": the name, not its number
    # A name with digits is most often a product, a model or a mission ("Mate 60", "F-35",
    # "Shenzhou-17"): none, unless the words before say it names a company or a channel ("on
    # CCTV-5", "operator Tele2")
    if (
        any(any(c.isdigit() for c in t.text)
            and not _GROUP_OF.match(t.text)
            and not BRAND.match(t.text)
            and not (is_acronym(t.text) and _has_org_head(tokens, lex))  # "MK2 Films"
            and not (_ORDINAL.match(t.text) and k + 1 < len(tokens)
                     and tokens[k + 1].text == "Century")
            and not (k > 0 and tokens[k - 1].text == "No.")  # "Rongjiang No. 1 Middle School"
            for k, t in enumerate(tokens))
        and _cue(cand.before, lex, single=len(tokens) == 1) != "organization"
        and not _listed_organisation(doc, tokens[0].start)
        and not _numbered_body(tokens)
        and not (last and _org_apposed(cand.after, lex))  # "A24, the New York studio"
        and not (len(tokens) > 1 and tokens[-1].lower in lex.place_heads)  # "Tele2 Arena"
    ):
        return []
    # "Lesufi told The Star", "speaking to The Hindu": a newspaper; "shop owners told the
    # Limerick Leader": whom one tells, named with "the", is a paper or a body (not "told the
    # Bund Summit", an event)
    told = (len(tokens) > 1 and tokens[0].text == "The" and (
        cand.before[:1] == ["told"] or cand.before[:2] in _SPOKE_TO)) or (
        cand.before[:2] == ["the", "told"] and tokens[0] is cand.tokens[0]
        and tokens[0].lower not in lex.demonyms and not _has_org_head(tokens, lex)
        and tokens[-1].lower not in lex.place_heads and tokens[-1].lower not in lex.other_heads)
    if told and lex.place(_text(tokens)) is None:
        return [Mention("organization", _surface(tokens, doc), tokens[0].start, tokens[-1].end,
                        before=cand.before, after=cand.after if last else [], strong=True)]
    if len(tokens) > 2 and tokens[0].lower in _PARTY_MEMBERS and _name_like(tokens[1:], lex):
        tokens = tokens[1:]  # "Democrat Sherrod Brown": a member of a party, named
    if (cand.before[:1] == ["for"] and cand.before[1:2] and cand.before[1] in _MEMBERS_FOR
            and tokens[0] is cand.tokens[0] and not is_acronym(tokens[0].text)):
        return [_constituency(tokens, doc, lex)]  # "the member for Ealing Central"
    if (len(tokens) > 2 and tokens[0].lower in _MEMBERS_FOR and tokens[1].lower == "for"
            and not is_acronym(tokens[2].text)):
        return [_constituency(tokens[2:], doc, lex)]  # "MP for South West Surrey"
    named = _portfolio_then_name(tokens, cand, doc, lex)
    if named:  # "Minister of State for Advanced Technology Sarah Al Amiri": the person
        return [Mention("person", _surface(tokens[named:], doc), tokens[named].start,
                        tokens[-1].end, before=cand.before, after=cand.after if last else [],
                        strong=True)]
    club = _league_then_club(tokens, lex)
    if club:  # "League Two Grimsby Town knocked Premier League Southampton out": both named
        return [Mention("organization", _surface(part, doc), part[0].start, part[-1].end,
                        strong=True) for part in (tokens[:club], tokens[club:])]
    person = None if tokens[0].text in _SHIPS else _split_title(tokens, doc, lex)
    if person is not None:
        return person
    if _surname_is_a_word(tokens, doc, lex):
        return [Mention("person", _surface(tokens, doc), tokens[0].start, tokens[-1].end,
                        before=cand.before, after=cand.after if last else [], strong=True)]
    if _head(tokens) in lex.titles and not _occupation_surname(tokens, lex):
        return _nested(tokens, doc, lex)  # "Special Representative of the Chinese Government"
    if len(tokens) == 1 and "-" in tokens[0].text:
        parts = tokens[0].text.split("-")
        if lex.place(tokens[0].text) is None and all(
            lex.place(p) or is_acronym(p) for p in parts
        ) and any(lex.place(p) for p in parts):  # "China-US", "China-EU": two names; but
            # "SAG-AFTRA", "AFL-CIO" are one union's
            mentions, start = [], tokens[0].start
            for part in parts:
                token = Token(part, start, start + len(part))
                mentions.extend(_classify([token], cand, doc, lex, last=False))
                start += len(part) + 1
            return mentions
    inner = next((i for i, t in enumerate(tokens) if t.paren), None)
    if inner:  # "Communist Party of China (CPC) Central Committee": both names
        acronym = tokens[inner].text[1:-1]
        head = Candidate(tokens[:inner], False, cand.before, [], acronym)
        # only the name the acronym abbreviates; the rest of the run before it is no name
        owner = [
            m for m in _classify(tokens[:inner], head, doc, lex, last=True) if m.acronym == acronym
        ]
        return [*owner, *_classify_name(tokens, cand, doc, lex, last)]
    country = lex.place(tokens[0].text) if len(tokens) > 2 and tokens[0].text.isupper() else None
    if country is not None and country.kind == "country" and not lex.place(_text(tokens)):
        # "US Federal Reserve", "US National Science Foundation": the country, and the body
        # under its own name; "US Department of Commerce" is named with its country
        named = _classify_name(tokens, cand, doc, lex, last)
        # (but "US State Department", "US Supreme Court": a portfolio and a head, as any
        # country's body is named)
        if tokens[1].lower not in lex.org_heads and not (
                len(tokens) == 3 and tokens[1].lower in _PORTFOLIO_WORDS) and any(
                m.kind == "organization" and m.start == tokens[0].start for m in named):
            rest = replace(cand, before=[tokens[0].lower, *cand.before])
            named = _classify_name(tokens[1:], rest, doc, lex, last)
        if any(m.kind == "organization" for m in named):
            return [Mention("place", tokens[0].text, tokens[0].start, tokens[0].end, strong=True,
                            place=country), *named]
        return named
    return _classify_name(tokens, cand, doc, lex, last)


def _classify_name(
    tokens: list[Token], cand: Candidate, doc: str, lex: Lexicon, last: bool
) -> list[Mention]:
    text = _surface(tokens, doc)
    mention = Mention(
        None,
        text,
        tokens[0].start,
        tokens[-1].end,
        before=cand.before,
        after=cand.after if last else [],
        suffix=tokens[-1].suffix,
        initial=cand.sentence_start and tokens[0] is cand.tokens[0],
    )
    if last:
        mention.acronym = _acronym_after(cand, doc)
    words = [t.lower for t in tokens if not t.paren]
    mainland = lex.place(f"{text} mainland") if last and cand.after[:1] == ["mainland"] else None
    if mainland:  # "the Chinese mainland"
        _stretch(mention, doc, 1).place = mainland
        return [_typed(mention, "place")]
    port = _PORT_OF.search(doc, max(0, mention.start - 9), mention.start)
    if port and len(tokens) < 4:  # "the port of Barcelona": the port, a place beside the city
        mention.start = port.start()
        mention.text = doc[mention.start : mention.end]
        mention.place = Place(f"Port of {text}", "area")
        return [_typed(mention, "place")]
    if len(words) == 1 and words[0] in _LEGISLATURES:
        return [_typed(mention, "organization")]  # "the Bundesrat approved"
    if (cand.before[:1] == ["the"] and words[-1] in _PARTY_PLURALS and len(words) < 4
            and not cand.possessive):
        # "the votes of the Greens", "the Social Democrats of Olaf Scholz", "the Left": a party
        return [_typed(mention, "organization")]
    if len(words) > 1 and _member_of(mention.start, mention.end, doc, lex) and (
            lex.place(text) is None and words[-1] not in lex.place_heads):
        # "journalist Roland Carreño of Popular Will", "Elisa O'Donovan of the Social
        # Democrats": what a person named in full is of, when no place, is a body
        return [_typed(mention, "organization")]
    demonym = " ".join(words)
    if last and demonym in lex.country_of_demonym and _government_tail(cand.after):
        # "the Mongolian government", "the Kenyan federal government"
        mention.stands_for = lex.government_of("", lex.country_of_demonym[demonym])
        return [_typed(_stretch(mention, doc, _government_tail(cand.after)), "organization")]
    if text == "Fed":  # "the Fed raised rates": the Federal Reserve, as markets call it
        mention.stands_for = "Federal Reserve"
        return [_typed(mention, "organization")]
    if words == ["congress"] and _AMERICAN.search(doc) and not _OTHER_CONGRESS.search(doc):
        mention.stands_for = "United States Congress"  # "called on Congress to act"
        return [_typed(mention, "organization")]
    if (len(words) == 1 and (
        # one letter is no name, but "posted on X", "the platform X" name Musk's platform
        (len(words[0]) == 1 and not (
            tokens[0].text == "X" and _cue(cand.before, lex, single=True) == "organization"))
        or (last and cand.after[:1] and cand.after[0][:1].isdigit() and not cand.possessive
            and not SCORE.match(cand.after[0])  # "Mate 60", but "beat France 4-2", "China's 57th"
            and not tokens[0].suffix)  # and "the Grenoble-born 22-year-old"
        or (words[0] in lex.demonyms and not strong_place(text, lex))  # "the Pacific"
        or (_demonym_noun(words[0], lex) and lex.place(text) is None)  # "the Danes"
        or _PREFIXED_NOUN.fullmatch(tokens[0].text) is not None  # "K-pop", "E-commerce"
        or tokens[0].text.startswith("All-")  # "an All-Ireland title", "an All-Star"
        or words[0].endswith(_GENERA)  # "the home of Giganotosaurus": a genus
        or words[0] in _WEEKDAYS_MONTHS
        or words[0].removesuffix("s") in _WEEKDAYS_MONTHS  # "on Fridays"
        # "Separately, ...", "French-Senegalese director ..."
        or (mention.initial and words[0].endswith("ly") and cand.after[:1] == [","])
        or ("-" in words[0] and all(part in lex.demonyms for part in words[0].split("-")))
        or (words[0] in _STOP and not is_acronym(tokens[0].text))
        or words[0].endswith("nomics")  # "Abenomics": a leader's economic policy
        or (words[0] in lex.org_heads | lex.place_heads | lex.other_heads
            and not strong_place(text, lex))  # "the Gulf" is a place, "Ministry" no name
        or words[0].upper() in _NOT_ACRONYMS
        # "FPGAs", "SUVs": a plural names a kind of thing, and so does its singular
        or _PLURAL_ACRONYM.match(tokens[0].text)
        or (is_acronym(tokens[0].text) and f" {tokens[0].text}s" in doc)
    )) or " ".join(words) in _NOT_NAMES:  # (and "El Niño")
        return []
    if any(" ".join(words[-k:]) in lex.titles for k in (1, 2, 3)) and not _occupation_surname(
            tokens, lex) and not (len(words) > 2 and words[0] in lex.org_heads):
        # "State Councilor", "US Secretary of State": a title without its name (but
        # "Department of Justice" is a body)
        return []
    if len(words) > 1 and words[0] in lex.demonyms and words[-1] == "government":
        country = lex.country_of_demonym.get(" ".join(words[:-1]))
        if country:  # "Chinese Government": the Government of China
            mention.stands_for = lex.government_of("", country)
            return [_typed(mention, "organization")]
    tail = _facility_tail(cand.after) if last else 0
    if tail:  # "the Niangziguan power plant", "the Dongfeng landing site"
        return [_typed(_stretch(mention, doc, tail), "place")]
    known = lex.place(text)
    if last and cand.after[:1] and cand.after[0] in _LOWER_UNITS and not cand.possessive and (
            not _employs(doc, mention.end + len(cand.after[0]) + 1, lex)) and (
            len(words) == 1 or known):
        # "Shanghai's Jiading district", "Kigali's Gasabo district": the unit is in the name as
        # written, and the gazetteer's place (if any) stays its canonical name
        mention.place = known or Place(text, "area")
        return [_typed(_stretch(mention, doc, 1), "place")]
    if last and cand.after[:1] == ["island"] and known is None and not cand.possessive:
        return [_typed(_stretch(mention, doc, 1), "place")]  # "on Cát Hải island"
    tail = _feature_tail(cand.after) if last else 0
    if tail:  # "the Poyo ravine"; "the Oyu Tolgoi copper mine" is Oyu Tolgoi, and so is "the
        # Yellow River valley" the Yellow River: a name that says what it is keeps its name
        named = words[-1] in lex.place_heads or words[0] in _PLACE_PREFIXES  # "Jebel Akhdar"
        return [_typed(_stretch(mention, doc, 1) if tail == 1 and not named else mention,
                       "place")]
    if _PLACES_LIST.match(doc, mention.end):
        return [_typed(mention, "place")]  # each of "the Hobq, Tengger and Mu Us deserts"
    listed = _ORGS_LIST.match(doc, mention.end)
    if listed and organisation_noun(listed.group(1)) and known is None:
        return [_typed(mention, "organization")]
    if last and cand.possessive and f"{' '.join(words)}'s" in lex.companies:
        # "more outlets than McDonald's": a listed company whose name ends in "'s"
        mention.end += 2
        mention.text = doc[mention.start : mention.end]
        return [_typed(mention, "organization", strong=len(tokens) > 1)]
    if " ".join(words) in lex.companies and not _given_name(tokens, lex):
        # a listed company ("Netflix", "Tele2", "Mercedes-Benz Group"); one word may still be
        # a surname of someone the article names in full
        return [_typed(mention, "organization", strong=len(tokens) > 1)]
    if (last and len(tokens) == 1 and cand.after[:1] and (
            cand.after[0] in _ON_PLATFORMS
            # "his Starlizard consultancy", "the Jio network" (but "the Falmer club" is where
            # the club plays)
            or ((cand.after[0] in _ORG_CUES or cand.after[:2] == ["news", "agency"])
                and cand.before[:1] in _DETERMINERS
                and cand.after[0] not in ("club", "side", "team")))
            and not cand.possessive and lex.place(text) is None and words[0] not in lex.demonyms
            and words[0] not in lex.given_names and words[0] not in lex.nouns
            and not mention.initial):  # (not "Industry groups say", "Environmental groups")
        return [_typed(mention, "organization", strong=False)]  # "Facebook groups"
    if (last and ((cand.before[:1] in (["a"], ["an"]) and _store(cand.after))
                  or (_store(cand.after, plural=True) and lex.place(text) is None))
            and not strong_place(text, lex) and " ".join(words) not in lex.demonyms
            and not re.search(r"-[a-z]", text)):  # (not "a Polish-language store")
        return [_typed(mention, "organization")]  # "an Oxxo convenience store": its chain's
    if (words[0] in lex.noun_companies and len(words) == 1 and not mention.initial
            and not tokens[0].suffix
            and cand.before[:1] not in (["the"], ["a"], ["an"])
            and not re.search(rf"\b{words[0]}\b", doc)):
        # a listed company named by a noun ("named Oracle", "Airbus said"): capitalised in
        # mid-sentence, never the noun in the article
        return [_typed(mention, "organization", strong=False)]
    if _work(cand, last, doc, known is not None):
        mention.work = True
        return [mention]
    if len(tokens) > 1 and tokens[0].text in _SHIPS:
        # "HMNZS Wellington", "MT Princess Empress": a ship, and so is "the Princess Empress"
        # (but "Wellington" is still the city)
        named = _text(tokens[1:]) if lex.place(_text(tokens[1:])) is None else text
        return [replace(mention, text=named, work=True)]
    if words[0] in SAINTS and cand.possessive and last and cand.after[:1] and (
            cand.after[0].islower()):
        return [replace(mention, work=True)]  # "his annual St Patrick's visit": the saint's day
    for size in (2, 1):
        if len(words) > size and " ".join(words[:size]) in _STORMS:
            # "Typhoon Doksuri", "Storm Boris": neither it nor, later, "Doksuri" is an entity
            return [replace(mention, text=_text(tokens[size:]), work=True)]
    if len(tokens) > 1 and words[-1] in CLUB_TAILS - {"city"} and lex.place(text) is None:
        return [_typed(mention, "organization")]  # "Manchester United", "West Ham United"
    if _numbered_body(tokens):
        return [_typed(mention, "organization")]  # "Channel 4", "1st Marine Division"
    if len(tokens) > 2 and "Team" in [t.text for t in tokens[1:-1]]:
        return [_typed(mention, "organization")]  # "UAE Team Emirates": a cycling team
    if (len(tokens) > 1 and words[0] in _CLUB_PREFIXES and not tokens[0].text.islower()
            and words[-1].rstrip("s") not in lex.other_heads):  # not "AFC Asian Cup"
        number = _CLUB_NUMBER.search(doc, max(0, mention.start - 4), mention.start)  # "1. FC"
        if number:
            mention.start = number.start()
            mention.text = doc[mention.start : mention.end]
        return [_typed(mention, "organization")]  # "FC Augsburg", "VfB Stuttgart"
    town = lex.place(tokens[0].text) if len(tokens) == 2 and words[1] == "city" else None
    if town and lex.place(text) is None and not (
            town.strong or place_cue(cand.before) or cand.before[:1] in _IN):
        # "Leicester City beat ..."; but "Mexico City", and "Zibo City" where a big city or
        # "in" says it is the city
        return [_typed(mention, "organization")]
    if _national_body(tokens, lex):
        return [_typed(mention, "organization")]  # "Tourism Northern Ireland", "Sport England"
    place = _place(tokens, lex)
    if (place is None and len(words) > 1 and words[0] in _COMPASS
            and lex.place(_text(tokens[1:])) and not _has_org_head(tokens, lex)):
        place = Place(text, "area")  # "Northwest China" (not "Southwest University")
    # what the words before say of a weak place: "Japanese brands Lawson" (a brand, not the
    # town), "regions such as Hokkaido" (the place)
    # (not "shares in Düsseldorf-based Rheinmetall": the name is where the company is)
    weak_cue = _cue(cand.before, lex) if (place is not None and not place.strong
                                     and mention.suffix not in _OWNED) else None
    if weak_cue is None and place is not None and cand.before[:1] == ["to"] and (
            cand.before[1:2] and cand.before[1] in _MOVED_TO):
        weak_cue = "place"  # "moved to Cockermouth": the town (but one moves to Google too)
    if weak_cue is None and place is not None and last and cand.after[:1] and (
            cand.after[0] in _SITES_OF):
        weak_cue = "place"  # "the company's Newbury headquarters", "its Pyeongtaek plant"
    if weak_cue is None and place is not None and not place.strong and (
            _listed_organisation(doc, mention.start)
            or (last and _org_apposed(cand.after, lex) not in (None, "owned"))):
        # "banks such as Itaú, Bradesco and Santander"; "GoTo, the Indonesian technology group"
        # (but in "the dam near Mariana, owned by Samarco" the dam is owned)
        weak_cue = "organization"
    if weak_cue is None and place is not None and not place.strong and (
            cand.before[:2] == _ACCORDING_TO):
        weak_cue = "organization"  # "according to Xinhua": a source is no town (see _cue)
    if weak_cue is None and place is not None and not place.strong and (
            " ".join(words) in lex.companies and cand.before[:1] not in _IN
            and not place_cue(cand.before)):
        weak_cue = "organization"  # "Honda's planned EV complex": the company, not the town
    if weak_cue == "organization":
        place = None
    employer = _employs(doc, mention.end, lex) if last else None
    if employer and words[0] in _PARTIES and len(words) == 1:
        return [_typed(mention, "organization")]  # "Labour leader Keir Starmer": his party
    if employer and (" ".join(words) in lex.demonyms or words == [w for w in words
                                                           if w in _TITLE_MODIFIERS]):
        return []  # "Opposition leader X", "Regional leader X": part of a title, no employer
    if employer and (place is None or (place.kind == "city" and employer in _SPORT_ROLES)) and (
            words[-1] not in lex.place_heads or employer in _SPORT_ROLES):
        # "OpenAI chief executive Sam Altman", "Barcelona coach X": whoever employs a person
        # (but in "British Museum director X" the museum is a place)
        return [_typed(mention, "organization")]
    if place is not None:
        size = _government_tail(cand.after) if last else 0
        if size:  # "the HKSAR government", "the Shanghai municipal government"
            mention.stands_for = lex.government_of(text, place.name)
            return [_typed(_stretch(mention, doc, size), "organization")]
        mention.place = place
        # "the Wolfsburg-based carmaker": where a company is based is the place
        # ("the Swansea-born fly-half": where someone is from is the place)
        strong = place.strong or mention.suffix in _OWNED or mention.suffix in (
            "born", "raised", "bred") or weak_cue == "place" or (
            last and cand.after[:1] and cand.after[0] in _PLACE_AFTER) or (
            last and _place_apposed(cand.after, lex)) or (
            last and _holds_office(doc, mention.end))  # "Veneto regional president X"
        return [_typed(mention, "place", strong=strong)]
    if mention.suffix in _OWNERS and " ".join(words) not in lex.demonyms:
        # "Geely-owned Polestar", "Tencent-backed": an owner or a backer that is no place is
        # a company, unless a person named in full elsewhere ("Musk-owned"); an English word
        # is a faith or a creed ("Buddhist-backed")
        return [] if words[-1] in lex.nouns else [_typed(mention, "organization", strong=False)]
    if last and cand.after[:1] == ["administration"] and cand.before[:1] == ["the"]:
        return [_typed(mention, "person")]  # "the Biden administration": a president's
    if len(tokens) == 1 and tokens[0].text.endswith("+") and tokens[0].text.isupper():
        return []  # "B+", "AA+": a credit rating
    if "&" in words[1:-1] or any(t.text.endswith("+") or "&" in t.text[1:-1] for t in tokens):
        # "Procter & Gamble", "Barunson E&A", "Disney+ Hotstar": not a person, not a place
        return [_typed(mention, "organization")]
    if (any(len(w) > 6 and w.endswith(_BANKS) for w in words)
            and words[-1] not in lex.place_heads) or (  # (but "Commerzbank Tower" is its tower)
            len(words) > 1 and words[-1] in _COMPANY_TAILS and _head(tokens) == words[-1]):
        # "Itaú Unibanco", "Rabobank": a bank; "Hamamatsu Photonics", "Tata Steel": a company
        return [_typed(mention, "organization")]
    if len(words) > 1 and words[0] in _PLACE_PREFIXES and (
        words[0] != "river" or tokens[0] is cand.tokens[0]  # not the film "Full River Red"
    ):
        return [_typed(mention, "place")]  # "Fort Detrick", "Mount Everest", "River Thames"
    if len(words) == 1 and len(words[0]) > 7 and words[0].endswith(COMPOUND_PLACES):
        # "Alexanderplatz", "Friedrichstraße", "Olympiastadion", "BayArena": a square, a street,
        # a ground
        return [_typed(mention, "place")]
    if len(words) == 1 and words[0].rpartition("-")[2] in _KOREAN_UNITS:
        return [_typed(mention, "place")]  # "Ahyeon-dong", "Gyeonggi-do": a Korean place
    if _pinyin_feature(tokens, lex):
        return [_typed(mention, "place")]  # "Huangyan Dao", "Ren'ai Jiao": an island, a reef
    if words[-1] in lex.demonyms or " ".join(words) in lex.demonyms:
        return []  # "Central Asian", "South American", "Senior Chinese"
    if " ".join(words) in lex.holidays and not (
            _named_place(text, doc, lex) or _listed_place(doc, mention.start)):
        # "Diwali", "Eid al-Fitr": a feast, not a name (but "Pentecost Island", "islands such
        # as Tanna and Pentecost")
        return []
    # (a contest's name then a body's head word other than "league" is its organiser: "Formula
    # One Group")
    if (_contest(words) and (words[-1] == "league" or words[-1] not in lex.org_heads)) or (
            cand.before[:1] == ["a"] and cand.before[1:2]
                           and cand.before[1] in _CONTEST_HEADS):
        return []  # "the Vuelta a España", "the Champions League": contests
    head = _head(tokens)
    if head not in lex.other_heads and head.endswith("s") and head[:-1] in lex.other_heads:
        head = head[:-1]  # "World Cups"
    if is_facility(words):
        return [_typed(mention, "place")]  # "Shanghai Exhibition Center"
    if len(words) > 1 and words[0] in lex.org_heads | lex.place_heads and (
        words[1] in PARTICLES or words[1][:2] in ("d'", "d’")
    ):  # the head first, as French, Spanish or Portuguese names have it: "Institut d'Études
        # Politiques de Paris", "the Circuit de Spa-Francorchamps"
        kind = "organization" if words[0] in lex.org_heads else "place"
        return [_typed(mention, kind)]
    if len(words) == 2 and words[0] in lex.org_heads and len(words[1]) == 1:
        return []  # "Group C": a group of a draw, not a body
    if head in _SEATED and last and cand.after[:1] == ["in"] and (head != "court" or (
            words[-1] in ("court", "appeal", "appeals") and not _APEX & set(words))):  # "the
        # Chinese Embassy in Brazil", "the Administrative Court (of Appeal) in Stockholm" (but
        # not "the European Court of Human Rights", nor "the High Court in Nairobi", a
        # country's court that sits in its capital)
        seat = _IN_PLACE.match(doc, mention.end)
        if seat and lex.place(seat.group(1)):
            mention.end = seat.end()
            mention.text = doc[mention.start : mention.end]
    if (len(words) == 2 and head == words[-1] and head in lex.org_heads and last
            and not is_acronym(tokens[0].text) and _title_apposed(cand.after, lex)
            and _org_apposed(cand.after, lex) is None):  # (not "PDD Holdings, the owner of")
        return [_typed(mention, "person")]  # "Adaeze Banks, an economist at": a surname
    if head in lex.org_heads and len(words) > 1 and words[-1] not in _MISSIONS:
        nested = _nested(tokens, doc, lex)
        if nested and nested[0].holds_outer:  # "X of the Y"; not "Mission to the EU"
            mention.parent = nested[0].text
            _give_acronym(mention, nested)
            mention.unit = _unit_name(tokens, nested[0], doc, lex)
        return [_typed(mention, "organization"), *nested]
    part = tokens[-1].text.rpartition("-")[2]  # of a German compound: "Linden-Museum"
    compound = len(words) == 1 and ((part[:1].isupper() and part.casefold() in lex.place_heads)
                                     or (len(part) > 8 and part.endswith("museum")))  # Rijks-
    if head == "church" and words[1:2] == ["of"] and _is_country(_text(tokens[2:]), lex):
        return [_typed(mention, "organization")]  # "the Church of Greece": a national church
    if compound or (len(words) > 1 and head in lex.place_heads):
        if "broadcasting" in words:  # "Zodiak Broadcasting Station": a broadcaster
            return [_typed(mention, "organization")]
        if tokens[0].lower in lex.given_names and (
                (last and _title_apposed(cand.after, lex))
                or (len(words) == 2 and cand.before[:1] and cand.before[0] in lex.titles)):
            # "Andrew Hall, chief executive of", "West Midlands mayor Andy Street": a surname
            return [_typed(mention, "person")]
        if cand.before[:1] in (["club"], ["side"], ["team"]) or (
                moved_from(cand.before) and cand.before[1] != "arrived"):
            # "rugby league club Workington Town", "on loan from Crystal Palace" (but "arrived
            # from Windsor Castle" is where)
            return [_typed(mention, "organization")]
        return [_typed(mention, "place")]  # "Liaoning Gymnasium"
    if head in lex.other_heads or words[-1] in lex.other_heads or words[-1] in _MISSIONS:
        if _led(cand.before):
            return [_typed(mention, "organization")]  # "the leader of Liberal Initiative"
        # "Shanghai International Film Festival (SIFF)": an event, and so is "SIFF"
        if mention.acronym:
            return [replace(mention, text=mention.acronym, work=True)]
        short = _instrument_short(tokens)  # "Webb" of the "James Webb Space Telescope"
        return [Mention(None, short.text, short.start, short.end, work=True)] if short else []
    if last and len(tokens) < 4 and cand.after[:1] and cand.after[0] in _TRADED:
        return [_typed(mention, "organization")]  # "Ericsson shares rose": a listed company
    if (last and cand.after[:1] and (cand.after[0] in _ARMED or (
            # (not "Putin's party", nor "Security bloc meets" opening a headline)
            cand.after[0] in _POLITICAL and not cand.possessive and not mention.initial))
            and lex.place(text) is None
            and words[0] not in lex.demonyms):
        # "the Boko Haram insurgency": an armed group; "the Third Way alliance": a political one
        return [_typed(mention, "organization")]
    if last and cand.possessive and len(tokens) < 4 and _company_part(cand.after) and not (
            _given_name(tokens, lex)):
        return [_typed(mention, "organization", strong=False)]  # "BioNTech's co-founder"
    if len(tokens) > 1 and tokens[0].text in _BROADCASTERS and lex.place(text) is None:
        return [_typed(mention, "organization")]  # "TV Globo", "Radio Okapi"
    apposed = _org_apposed(cand.after, lex) if last else None
    if apposed and _OWNED_APPOSITION.match(doc, mention.end):
        apposed = None  # "X, the company's executive vice president": its person
    if apposed and (len(tokens) == 1 or (apposed not in _JOBS_TOO and not (
            apposed == "owner" and _given_name(tokens, lex)))):  # "Frank McCourt, the owner of"
        # is left open
        # "Honor, the phone maker that ..."; a full name said to be what a person may be too
        # is left open ("Dragan Petrović, a crane operator")
        return [_typed(mention, "organization")]
    if place_cue(cand.before) or (last and cand.after[:1] and cand.after[0] in _PLACE_AFTER) or (
        last and _place_apposed(cand.after, lex)) or _listed_place(doc, mention.start) or (
        cand.before[:1] == ["in"] and cand.before[1:2] and cand.before[1] in lex.org_heads
    ) or (not is_acronym(text) and _RIVER_BEFORE.search(doc, max(0, mention.start - 40),
                                                        mention.start)) or (
        last and cand.before[:1] == ["the"] and _RIVER_AFTER.match(doc, mention.end)
    ) or (last and _in_country(tokens, mention, doc, lex)):
        # "the village of Radinac", "the Three Gorges area", "a University in Al-Bayda", "the
        # banks of the Seine", "the Oder burst its banks", "a tooth from Azmaka in Bulgaria"
        return [_typed(mention, "place")]
    if last and len(tokens) > 1 and (
            _title_apposed(cand.after, lex) or _owner_title_apposed(doc, mention.end, lex)):
        # "Narit Therdsteerasukdi, secretary-general of", "Ed Miliband, Labour's shadow
        # business secretary"
        return [_typed(mention, "person")]
    if tokens[-1].text.endswith("OS") and tokens[-1].text[-3:-2].islower():
        return []  # "HarmonyOS", "iOS", "on HyperOS": operating systems, not platforms
    cue = _cue(cand.before, lex, single=len(tokens) == 1)
    if (cue is None and last and cand.after[:2] == [",", "which"] and cand.after[2:3]
            and cand.after[2] in _WHICH_RUNS and lex.place(text) is None
            and not doc[max(0, mention.start - 2) : mention.start].strip().isdigit()):
        # (not "Communications" of "One 97 Communications", whose number cut the run)
        cue = "organization"  # "Arianespace, which flies", "WaterNSW, which runs the dams"
    if (cue is None and _led(cand.before) and lex.place(text) is None
            # (not "members of K-pop group BTS": what kind of group)
            and not (cand.after[:1] and organisation_noun(cand.after[0]))):
        cue = "organization"  # "the leader of Liberal Initiative", "members of Hezbollah"
    if cue is None and _listed_organisation(doc, mention.start):
        cue = "organization"  # "the charities Asylum Aid, Care4Calais and ..."
    if cue is None and last and _SHARES_MOVED.match(doc, mention.end) and lex.place(text) is None:
        cue = "organization"  # "Pernod Ricard dropped about 3 percent": a listed company
    if (cue is None and last and cand.before[:1] == [","] and cand.after[:1] in ([","], ["."])
            and cand.before[1:2] and organisation_noun(cand.before[1])
            and not (cand.before[1] in _JOBS_TOO and _given_name(tokens, lex))):
        cue = "organization"  # "her French distributor, Le Pacte, said", "the state utility, X."
    if (cue is None and last and cand.after[:1] in ([","], ["."])
            and _title_comma_before(cand.before, lex) and len(tokens) in (2, 3)
            and _name_like(tokens, lex) and not _has_org_head(tokens, lex)):
        cue = "person"  # "Its managing director, Petro Terblanche, said"
    if cue == "organization" and cand.before[:1] and cand.before[0] in _JOBS_TOO and (
            _given_name(tokens, lex) or _called_by_surname(tokens, doc, lex)
            or (cand.possessive and 1 < len(tokens) < 4 and _name_like(tokens, lex))):
        # "American producer Tricia Tuttle", "producer Mo Abudu ... Abudu said", "producer Mo
        # Abudu's EbonyLife": the job, not the company
        cue = "person"
    if cue == "person" and len(tokens) == 1 and is_acronym(tokens[0].text):
        cue = "organization"  # "the mission is managed by NASA": no one is called so
    if cue is not None:
        return [_typed(mention, cue, strong=cue != "organization" or len(tokens) > 1)]
    if len(tokens) == 1 and (
        camel_case(tokens[0].text)
        or BRAND.match(tokens[0].text)
    ):
        return [_typed(mention, "organization")]
    if _regional_unit(tokens, lex):
        return [_typed(mention, "organization")]  # "Tatler Asia", "Nissan Europe"
    if last and cand.after[:2] == [",", "who"] and 1 < len(tokens) < 4 and _name_like(tokens, lex):
        # "Montserrat Vidal, who spent 22 years": "who" (but one word may be a team's: "the
        # Springboks, who also lifted", "Inter, who had not reached")
        return [_typed(mention, "person")]
    if (
        len(tokens) > 1
        and strong_place(tokens[0].text, lex)
        and not strong_place(_text(tokens[1:]), lex)
    ):
        mention.after_place = True  # "Beijing Guoan", "Shandong Taishan": a club or a company
    if len(tokens) == 1 and is_acronym(tokens[0].text):
        return [_typed(mention, "organization", strong=False)]
    if mention.acronym and is_acronym(mention.acronym.replace(" ", "")):
        return [_typed(mention, "organization", strong=False)]
    if (
        _chinese_name(tokens, lex)
        or _syllable_given_name(tokens)
        or _surname_ending(tokens, lex)
        or _regnal(tokens, lex)
        # (no one's name joins words by "for" or "of": "actress Oscar for Minari")
        or (_title_before(cand.before, lex) and not any(t.lower in CONNECTORS for t in tokens))
        or _country_owns(cand.before, tokens, lex)
        or (1 < len(tokens) < 4 and _of_country_or_party(doc, mention.end, lex))
        or (1 < len(tokens) < 5 and last and _aged(cand.after))
        or (len(tokens) < 4 and last and _year_old(doc, mention.end, lex))
        # "starring Toby Jones": a cast's actor
        or (cand.before[:1] in (["starring"], ["featuring"]) and _given_name(tokens, lex))
    ):
        return [_typed(mention, "person")]
    if _given_name(tokens, lex) and not (
            len(tokens) == 2 and lex.plural_noun(tokens[1].text) and _after_the(tokens, doc)):
        # called by the surname alone elsewhere ("Macháč"), as news calls people and never
        # companies ("Morgan Stanley"): a person; else only where the model has no other reading
        return [_typed(mention, "person", strong=_called_by_surname(tokens, doc, lex))]
    if words[0] in lex.demonyms and len(words) > 1 and not (
            last and cand.before[:1] == ["the"]
            and ((bool(cand.after) and cand.after[0] in _SAID)
                 or cand.after[:2] == [",", "which"])):
        return []  # "Chinese Super ...": an adjective phrase, or a work title (but "the
        # Canadian Red Cross, which said" acts: a body, if the model reads one)
    return [mention]


def _place(tokens: list[Token], lex: Lexicon) -> Place | None:
    """The gazetteer's place for a name, also where the name says what unit it is: "Guangdong
    Province", "Inner Mongolia Autonomous Region"; a name that says it is a province is one
    ("Gifu Prefecture")."""
    place = lex.place(_text(tokens))
    words = [t.lower for t in tokens]
    for size in (3, 2, 1):
        if place is None and len(words) > size and " ".join(words[-size:]) in _ADMIN_SUFFIXES:
            found = lex.place(_text(tokens[:-size]))
            place = found and replace(found, strong=True)
    return place


def _stretch(mention: Mention, doc: str, size: int) -> Mention:
    """The mention with the ``size`` lower-case words after it in its name."""
    end = re.match(rf"(?:\s+[a-z]+){{{size}}}", doc[mention.end :])
    mention.end += end.end() if end else 0
    mention.text = doc[mention.start : mention.end]
    return mention


def _employs(doc: str, end: int, lex: Lexicon) -> str | None:
    """The lower-case title between a name and a person's name ("OpenAI chief executive Sam
    Altman": "chief executive"; "founder and chairman"), or None."""
    found = _TITLE_AFTER.match(doc, end)
    if found is None:
        return None
    titles = []
    for part in found.group(1).split(" and "):  # "Xiaomi founder and chairman Lei Jun"
        words = part.split()
        if words[0] in _TITLE_MODIFIERS and " ".join(words[1:]) in lex.titles:
            words = words[1:]  # "deputy director", "former coach"
        titles.append(" ".join(words))
    known = all(t in lex.titles and t not in _OCCUPATIONS for t in titles)
    return " and ".join(titles) if known else None


def _holds_office(doc: str, end: int) -> bool:
    """A lower-case title of a place's office with a name after it: "(Veneto) regional
    president Luca Zaia", "(Kerala) health minister X" (not "(Rio Tinto) copper chief X")."""
    found = _TITLE_AFTER.match(doc, end)
    return found is not None and bool(_OFFICES & set(found.group(1).split()))


def _government_tail(after: list[str]) -> int:
    """How many lower-case words after a place's name make it its government ("government": 1,
    "municipal government": 2)."""
    if after[:1] == ["government"]:
        return 1
    return 2 if after[1:2] == ["government"] and after[0] in _GOVERNMENT_LEVELS else 0


def _facility_tail(after: list[str]) -> int:
    """How many lower-case words after a name make it a facility or a natural feature ("power
    plant": 2, "ravine": 1, "copper and gold mine": 4)."""
    for size in (3, 2, 1):
        if " ".join(after[:size]) in _FACILITY_TAILS:
            # "the Kawabegawa dam project": a plan, not the dam
            return 0 if after[size : size + 1] and after[size] in _PLANS else size
    return 0


def _feature_tail(after: list[str]) -> int:
    """How many lower-case words after a name say what it is: a natural feature or a mine ("the
    Poyo ravine": 1, "the Oyu Tolgoi copper and gold mine": 4)."""
    for size in (4, 3, 2, 1):
        words = after[:size]
        if (
            len(words) == size
            and words[-1] in _FEATURE_TAILS
            and all(w in _MINED or w == "and" for w in words[:-1])
            and not (after[size : size + 1] and after[size] in _PLANS)  # "the X dam project"
        ):
            return size
    return 0


def _work(cand: Candidate, last: bool, doc: str, place: bool) -> bool:
    """A film, musical, product, vessel or award: "the musical Elisabeth", "shows like X", "its
    Spark large language model", "the Tiangong space station", "YOLO, a drama about" (``place``:
    the name is a place's, so "the Wuhan outbreak" is no work)."""
    before = [w for w in cand.before if w != ","]
    if before[:1] == [cand.tokens[0].lower] and cand.tokens[0].text in ("A", "An"):
        before = before[1:]  # "the comedy A Tribe Called Judah": the article is the title's
    if before[:1] == ["carrier"] and before[1:2] and before[1] in _CARRIERS:
        return False  # "budget carrier T'way Air", "mobile carrier Verizon": no aircraft carrier
    if before[:1] and before[0] in _WORKS:
        # (but in "the biggest spacecraft NASA has ever built" NASA built it; a character
        # makes things only in the story)
        return before[0] in _CHARACTERS or not (last and _MADE_IT.match(doc, cand.end))
    if _CHARACTERS & set(before[:4]):
        return True  # "the novel's central character, the physicist Wang Miao"
    if before[:1] == ["of"] and before[1:2] and before[1] in _MAKERS:
        return True  # "the maker of Call of Duty", "the creators of Candy Crush"
    if cand.before[:2] == ["the", ","] and cand.before[2:3] and cand.before[2] in _PRODUCTS:
        return True  # "India's first private rocket, the Vikram-S"
    if _WORK_CALLED.search(doc, max(0, cand.start - 60), cand.start):
        return True  # "a satellite better known as Wukong"
    plays = next((k for k in (2, 3) if before[k : k + 1] and before[k] in _PLAYS_ROLE
                  and before[k - 1] in ("the", "a", "an")), None)
    if ((before[:1] == ["as"] and _CAST & set(before[1:4]))
            or (before[:1] and before[0] in _PLAYS_ROLE) or plays) and _SCREEN.search(doc):
        return True  # "stars Shen Teng as Dugu Yue", "Ma Li plays Ma Lanxing", "who plays the
        # debt-ridden chauffeur Seong Gi-hun": characters
    if (before[:1] == ["the"] and before[1:2] and before[1] in _WON
            and cand.after[:1] != ["title"] and not cand.possessive):
        # "won the Golden Goblet": an award or a cup (but "won the X League title" and "won the
        # Screen Actors Guild's prize" name who gives it)
        return True
    window = max(0, cand.start - 120)
    listed = any(doc.find(word, window, cand.start) >= 0 for word in _LISTING) and (
        _WORKS_LISTED.search(doc, window, cand.start))  # the search only where it may match
    if listed and not cand.possessive and (
            not listed.group().endswith("from ") or cand.after[:1] == ["to"]):
        return True  # "shows like Les Misérables", "films such as Hero", "films, from X to Y"
        # (but "films from Hungary and Japan" come from places)
    if not last or cand.possessive:  # "China's electric vehicles": an owner, not a product
        return False
    if place:  # "the Mars rover", "the Wuhan outbreak": where it goes, or where it began
        return False
    after = cand.after
    if after[:1] == [","] and after[1:2] and after[1] in _CREDITS and after[2:3] == ["by"]:
        return True  # "YOLO, directed by Jia Ling"
    if _WORK_APPOSED.match(doc, cand.end):
        return True  # "Killing Commendatore, Murakami's previous novel,"
    lead = [t.lower for t in cand.tokens[:-1]] or before[:1]  # "A NASA ..." starts a sentence
    if lead in (["a"], ["an"]) and is_acronym(cand.tokens[-1].text) and (
            cand.tokens[-1].text.isalpha()):  # (but "an H-IIA rocket" is the rocket's name)
        return False  # "a NASA spacecraft", "an ESA probe": one its maker built
    if after[:2] in ([",", "a"], [",", "an"], [",", "the"]):
        if re.match(r",\s+\w+\s+[A-Z]", doc[cand.end :]):
            return False  # "Gavi, the Vaccine Alliance,": a name, not what the name is
        after = after[2:]
    for k, word in enumerate(after[:3]):
        if word in _PRODUCTS or " ".join(after[k : k + 2]) in _PRODUCTS:
            # "Ye Cong, the submersible's chief designer": its designer, not the submersible
            return not re.match(rf"\W*(?:\w+ ){{0,3}}{re.escape(word)}['’]s\b", doc[cand.end:])
        # ("the faulty Horizon accounting system": what it is for, then what it is)
        if word not in _PRODUCT_MODIFIERS and not (word.endswith("ing") and word.isalpha()):
            # "Robin Li said the model": not the Li model
            return False
    return False


def _give_acronym(outer: Mention, nested: list[Mention]) -> None:
    """ "Council of ... of the Shanghai Cooperation Organization (SCO)": SCO is the inner name's."""
    if not outer.acronym or initials(outer.text) == outer.acronym:
        return
    for inner in nested:
        if inner.end == outer.end and initials(inner.text) == outer.acronym:
            inner.acronym, outer.acronym = outer.acronym, None
            return


def initials(name: str) -> str:
    """ "Communist Party of China" → "CPC"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _cue(before: list[str], lex: Lexicon, single: bool = False) -> Kind | None:
    """ "tech company Huawei", "companies such as Qualcomm", "Mr Smith": the kind the words say."""
    if not before:
        return None
    if organisation_noun(before[0]):
        return "organization"  # "tech company Huawei", "Japanese brands Lawson and FamilyMart"
    if before[0] == "on" and single:
        return "organization"  # "posted on Weibo", "streaming on Netflix": a platform
    if before[:2] == _ACCORDING_TO and single:
        return "organization"  # "according to Xinhua": a source (or a person's surname)
    if before[0] == "of" and before[1:2] and before[1] in _PART_OF:
        return "organization"  # "the Japanese arm of Western Digital"
    if moved_from(before):
        return "organization"  # "signed from Dynamo Kyiv", "joined from Google"
    if before[:2] == ["by", "published"]:
        return "organization"  # "First published by Editorial Sudamericana": a publisher
    if before[0] == "for" and before[1:2] and before[1] in _WORKS_FOR:
        return "organization"  # "who drives for Bolt", "writes for Helsingin Sanomat"
    if before[0] == "at" and before[1:2] and before[1] in _AT_JOBS:
        return "organization"  # "a telecoms analyst at Macquarie", "an economist at Stanford"
    if before[0] == "in" and before[1:2] and before[1] in ("shares", "stake", "stakes"):
        return "organization"  # "shares in Rémy Cointreau fell", "a stake in Zeekr"
    if before[0] == "side" and (_LEAGUES & set(before[1:4])
                                or (before[1:2] and before[1] in lex.demonyms)):
        return "organization"  # "China League One side Chongqing Tonglianglong", "Belgian side
        # Beerschot": a club
    if before[0] == "in" and before[1:2] and before[1] in _WRITINGS:
        return "organization"  # "a signed article in Le Figaro": a newspaper
    if before[0] in ("site", "website") and before[1:2] and before[1] in _SITES:
        return "organization"  # "review site Douban"
    if before[0].rpartition("-")[2] in _OWNED:
        return "organization"  # "Shenzhen-based Fantawild", "Tokyo-listed Seven & i"
    if before[0] in _PERSON_CUES or before[:2] in (["by", "coached"], ["by", "managed"]) or (
            before[:2] == ["late", "the"] and not single):
        # "Mr Smith"; "China, coached by Aleksandar Đorđević"; "the late Isao Takahata" (not
        # "the late Neolithic period")
        return "person"
    if before[0] == "by" and not single and _FOUNDED & set(before[1:4]):
        return "person"  # "founded in 2010 by Nadiem Makarim": a full name, a founder
    listing = (
        before[1:3]
        if before[0] == "including"
        else before[2:3]
        if before[:2] == ["as", "such"]
        else []
    )
    if listing and listing[0].endswith("s") and organisation_noun(listing[0]):
        return "organization"  # "companies such as Qualcomm", "including rivals Lawson"
    if listing and listing[0] in _PLACE_OF and listing[0].endswith("s"):
        return "place"  # "regions such as Hokkaido and Shikoku", "including the towns Iten"
    return None


def _listed_organisation(doc: str, start: int) -> bool:
    """The name at ``start`` is one of a list of names after a plural noun of organisations:
    "the charities Asylum Aid, Care4Calais and ...", "banks such as X, Y and Z"."""
    noun = _listed_after(doc, start)
    return noun.endswith("s") and organisation_noun(noun)


def _listed_place(doc: str, start: int) -> bool:
    """The name at ``start`` is one of a list after a plural noun of places: "islands such as
    Tanna and Pentecost", "the villages X and Y"."""
    noun = _listed_after(doc, start)
    return noun.endswith("s") and noun in _PLACE_OF


def _listed_after(doc: str, start: int) -> str:
    """The noun a list of names, the one at ``start`` among them, comes after, or ""."""
    listed = _LISTED.search(doc, max(0, start - 240), start)
    return listed.group(1).casefold() if listed else ""


def moved_from(before: list[str]) -> bool:
    """ "signed from X", "brought in from X", "joined from X", "on loan from X", "arrived from
    X a year ago": a player's or an employee's move from a club or a company."""
    return before[:1] == ["from"] and (
        before[1:2] in (["signed"], ["joined"], ["loaned"], ["transferred"], ["arrived"],
                        ["recruited"], ["poached"])
        or before[1:3] in (["in", "brought"], ["loan", "on"]))


def organisation_noun(word: str) -> bool:
    """ "company", "brands", "companies": a noun that names organisations."""
    return (
        word in _ORG_CUES
        or (word.endswith("s") and word[:-1] in _ORG_CUES)
        or (word.endswith("ies") and word[:-3] + "y" in _ORG_CUES)
    )


def _typed(mention: Mention, kind: Kind, strong: bool = True) -> Mention:
    mention.kind = kind
    mention.strong = strong
    return mention


def _named_place(name: str, doc: str, lex: Lexicon) -> bool:
    """The article names a place with this name and a head word ("Pentecost Island")."""
    return any(head.group(1).casefold() in lex.place_heads
               for head in re.finditer(rf"\b{re.escape(name)} ([A-Z][a-z]+)", doc))


def _contest(words: list[str]) -> bool:
    """ "Champions League", "Copa del Rey", "Tour de France", "DFB-Pokal", "Tri Nations": a
    contest's name."""
    return (
        (len(words) > 1 and words[-1] == "league" and words[-2] in _CONTEST_LEAGUES)
        or words[0] in _CONTEST_HEADS
        or words[-1].rpartition("-")[2] in _CONTEST_HEADS
        or (words[0] == "tour" and len(words) > 2 and (words[1] in PARTICLES or words[1] == "of"))
        or (len(words) == 2 and words[1] == "nations" and words[0] in _COUNTS)  # "Six Nations"
    )


def _head(tokens: list[Token]) -> str:
    """Head word of a name: the last word before its first "of"/"for"/"to"/"on"."""
    index = _head_index(tokens)
    # "F. C.": "fc"; "B.League": "league"
    return re.sub(r"^\w\.(?=\w\w)|[.\s]", "", tokens[index].lower) if index >= 0 else ""


def _head_index(tokens: list[Token]) -> int:
    head = -1
    for k, t in enumerate(tokens):
        if t.lower in ("of", "for", "to", "on") and head >= 0:
            break
        if not t.paren:
            head = k
    return head


def _nested(tokens: list[Token], doc: str, lex: Lexicon) -> list[Mention]:
    """Organisations named inside another: "Council of Heads of State of the [SCO]", "Chinese
    Mission to the [EU]"."""
    found: list[Mention] = []
    for i, token in enumerate(tokens):
        if token.lower not in ("of", "to") or i + 1 >= len(tokens):
            continue
        rest = tokens[i + 2 :] if tokens[i + 1].lower == "the" else tokens[i + 1 :]
        paren = next((k for k, t in enumerate(rest) if t.paren), None)
        if paren is not None and _head_index(rest) > paren:
            break  # "of China (CPC) Central Committee": the name before the acronym is found apart
        if rest and (
            # "of Fisheries Cooperative Associations": members, not one body; "Department of
            # State Services": a department's portfolio, not a body in it (but "Office of the
            # State Council" is)
            (_head(rest) in lex.org_heads and len(rest) > 1
             and _head(rest) not in lex.plural_heads
             and not (rest[-1].lower.endswith("s")
                      and all(t.lower in _PORTFOLIOS for t in rest[:-1]))
             # "Department of Primary Industries": what a department is for
             and not (i and tokens[i - 1].lower in ("department", "ministry")
                      and rest[-1].lower == "industries"))
            or (len(rest) == 1 and is_acronym(rest[0].text))
        ):
            if lex.place(_text(rest)):
                continue
            inner = Mention(
                "organization", _surface(rest, doc), rest[0].start, rest[-1].end, strong=True,
                holds_outer=token.lower == "of",
            )
            deeper = _nested(rest, doc, lex)
            if deeper and deeper[0].holds_outer:
                inner.parent = deeper[0].text
            found.extend([inner, *deeper])
            break
    return found


def _unit_name(tokens: list[Token], parent: Mention, doc: str, lex: Lexicon) -> str | None:
    """ "Scott Polar Research Institute" of "... of the University of Cambridge": a unit's own
    name before its parent's, when it tells the unit apart alone (it starts with a first name
    or a place, or two words or more before its head: "Standing Committee" or "Institute of
    Geology" do not)."""
    own = [t for t in tokens if t.end <= parent.start]
    while own and own[-1].lower in ("of", "the"):
        own.pop()
    if len(own) < 2 or _head(own) not in lex.org_heads:
        return None
    if own[0].lower in lex.given_names or strong_place(own[0].text, lex) or (
            # "Purple Mountain Observatory": two words of its own before its head (not
            # "National Key Laboratory", "Institute of Geology")
            len(own) > 2 and own[0].lower not in lex.org_heads
            and not all(t.lower in _GENERIC_UNITS for t in own[:-1])
            and all(t.text[:1].isupper() for t in own)):
        return doc[own[0].start : own[-1].end]
    return None


def _pinyin_feature(tokens: list[Token], lex: Lexicon) -> bool:
    """A Chinese name of an island or a reef as written in pinyin: a word that is no family
    name, then "Dao" (island), "Jiao" (reef) or "Qundao" (islands)."""
    return (
        len(tokens) == 2
        and tokens[1].text in _PINYIN_FEATURES
        and tokens[0].lower not in lex.chinese_surnames
        and bool(_PINYIN.match(tokens[0].lower.replace("'", "").replace("’", "")))
    )


def _chinese_name(tokens: list[Token], lex: Lexicon, spelt: bool = False) -> bool:
    """ "Zhu Yongbiao", "Wang Yi": a family name then a one-word given name (``spelt``: in
    pinyin syllables, to tell "He Xiaoyu" from "He Said")."""
    return (
        len(tokens) == 2
        and tokens[0].lower in lex.chinese_surnames
        and tokens[1].text[1:].islower()
        and tokens[1].text.isalpha()
        and tokens[1].lower not in lex.org_heads | lex.place_heads | lex.other_heads
        and (not spelt or (bool(_PINYIN.match(tokens[1].lower))
                           and not strong_place(tokens[1].text, lex)))  # "He Yao": Yao a town
    )


def _surname_is_a_word(tokens: list[Token], doc: str, lex: Lexicon) -> bool:
    """ "Travis Head", where the article goes on with "before Head, running back": a first
    name and a surname that is a head word or a title too, called alone in mid-sentence."""
    return (
        len(tokens) == 2
        and tokens[0].lower in lex.given_names
        and tokens[0].lower not in lex.ordinary_words
        and tokens[0].lower not in _PLACE_PREFIXES  # "Wadi Derna"
        and tokens[1].text.isalpha()
        and lex.place(tokens[1].text) is None  # "Metro Manila", "ALBA Berlin": "Manila" alone
        and re.search(_SURNAME_ALONE.format(re.escape(tokens[1].text)), doc) is not None
        and not _after_the(tokens, doc)
    )


def _after_the(tokens: list[Token], doc: str) -> bool:
    """ "the Kia Tigers", "the Tigers": a first and a last word, or the last alone, written
    after "the" somewhere, as no one's name is, whatever its first word may name."""
    return written_after_the(tokens[-1].text, doc) or written_after_the(
        f"{tokens[0].text} {tokens[-1].text}", doc)


def written_after_the(name: str, doc: str) -> bool:
    """The article writes "the" (or "The") right before ``name`` somewhere."""
    return re.search(rf"\b[Tt]he {re.escape(name)}\b", doc) is not None


def _syllable_given_name(tokens: list[Token]) -> bool:
    """ "Son Heung-min", "Tsai Ing-wen": a short family name, then a given name of two
    syllables joined by a hyphen, as Korean and Taiwanese names are romanised (but "Ahyeon-dong",
    "Gyeonggi-do": a Korean place says what it is after the hyphen)."""
    if len(tokens) != 2 or not tokens[0].text.isalpha() or not 2 <= len(tokens[0].text) <= 8:
        return False
    given = _SYLLABLES.match(tokens[1].text)
    return bool(given) and tokens[0].text[1:].islower() and given.group(1) not in _KOREAN_UNITS


def _surname_ending(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Novak Djokovic", "Robert Lewandowski", "Simona Halep"... a first word, then a surname
    ending as only surnames end ("-ović", "-ski", "-enko", "-escu", "-sson"), is a person."""
    return (
        1 < len(tokens) < 4
        and tokens[-1].text.isalpha()
        and tokens[-1].lower.endswith(_SURNAME_ENDINGS)
        and len(tokens[-1].text) > 6
        and _name_like(tokens, lex)
    )


def _regnal(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Ewuare II", "Tupou VI", "Otumfuo Osei Tutu II": names and a regnal number are a
    monarch's (or a pope's)."""
    return (
        1 < len(tokens) < 5
        and bool(_ROMAN.match(tokens[-1].text))
        and all(t.text.isalpha() and t.text[1:].islower() and lex.place(t.text) is None
                and not any(t.lower in heads
                            for heads in (lex.org_heads, lex.place_heads, lex.other_heads))
                for t in tokens[:-1])
    )


def _given_name(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Tomáš Macháč", "Gioacchino Ranucci": a known first name, then one or two capitalised
    words, none of them a head word or a place, is a person whatever the model reads."""
    return (
        1 < len(tokens) < 4
        and tokens[0].lower in lex.given_names
        and all(t.text.replace("-", "").replace("'", "").isalpha() and not t.text.isupper()
                for t in tokens)
        and not any(t.lower in lex.place_heads or t.lower in lex.other_heads for t in tokens)
        and _name_like(tokens, lex)
        # "Metro Manila": a town's name before a city's is no first name
        and not (lex.place(tokens[0].text) and strong_place(tokens[-1].text, lex))
    )


def _led(before: list[str]) -> bool:
    """ "the leader of X", "members of X": who leads or makes up a body, then "of"."""
    return before[:1] == ["of"] and before[1:2] != [] and before[1] in _LEADS


def _called_by_surname(tokens: list[Token], doc: str, lex: Lexicon) -> bool:
    """ "Mo Abudu" where the article writes "Abudu" alone too: a name as news shortens people's
    (companies keep their first word: "Warner Bros" is "Warner")."""
    return (1 < len(tokens) < 4 and _name_like(tokens, lex)
            and _count(doc, tokens[-1].text) > _count(doc, _text(tokens)))


def _count(doc: str, name: str) -> int:
    """How often ``name`` is written as whole words ("Stanley", not in "Stanleyville")."""
    return len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", doc))


def _before_given_name(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Veteran Radomír Kubeček" starting a sentence: an English word that is no first name,
    before a first name and a surname, is a description (but "Meidy Katrin Lengkey" is one
    name)."""
    return (
        len(tokens) in (3, 4)
        and tokens[0].text.isalpha()  # not "Da'Quan Lee Jones"
        and _english_word(tokens[0].lower, lex)
        and tokens[0].lower not in lex.given_names
        and tokens[0].lower not in lex.family_first  # "Nguyen Thi Ha"
        and lex.place(tokens[0].text) is None
        and _given_name(tokens[1:], lex)
    )


def _persons_name(chunk: list[Token], conn_tokens: list[Token], lex: Lexicon) -> bool:
    """ "the Pakistan Peoples Party of Bilawal Bhutto Zardari": a body "of" a person named in
    full (a first name, then one or two capitalised words) is that person's, not part of its
    name."""
    return (len(conn_tokens) == 1 and 1 < len(chunk) < 4 and chunk[0].lower in lex.given_names
            and chunk[0].lower not in lex.ordinary_words
            and _capitalised(chunk)
            and not any(t.lower in lex.org_heads or t.lower in lex.place_heads for t in chunk))


def _company_part(after: list[str]) -> bool:
    """ "co-founder", "largest shareholder", "chief executive": what only a company has."""
    k = 0
    while k < 2 and after[k : k + 1] and after[k] in _PART_RANKS:
        k += 1
    # (a "chief executive", not an "executive order")
    return after[k : k + 1] != [] and (after[k] in _COMPANY_PARTS
                                       or after[k : k + 2] == ["chief", "executive"])


def _org_apposed(after: list[str], lex: Lexicon) -> str | None:
    """ "X, the owner of ...", "X, a Shenzhen-based maker", "X, owned by": the noun of an
    apposition naming a company, or None."""
    if after[:3] in ([",", "owned", "by"], [",", "a", "subsidiary"], [",", "a", "unit"]):
        return after[1]  # "Temu, owned by PDD Holdings": people are not owned
    if after[:1] != [","] or after[1:2] not in (["the"], ["a"], ["an"], ["another"]):
        return None
    if after[2:4] in (["market", "leader"], ["industry", "leader"]):
        return "leader"  # "Telstra, the market leader, said"
    owner = any(after[k : k + 2] == ["owner", "of"] for k in (2, 3))
    if not owner and any(w in lex.titles or w in _OCCUPATIONS for w in after[2:4]):
        return None  # "X, a fund manager at ...", "X, the minister of cooperatives", "X, a
        # guesthouse owner": a job (but "X, the German owner of": most often a company)
    # "Temu, the Chinese e-commerce platforms": the noun may come third, and be plural
    # ("the Fijian Drua, the Lautoka-based side": a team; but "the Chinese side" is a country's
    # delegation; and "in Frankfurt, the two banks said" starts a clause of their own)
    # ("Caluya, a group of islands": a group of things is no business group)
    # ("X, the Socialist Party candidate": the body's person, named by a title after its noun)
    return next((w for k, w in enumerate(after[2:5], start=2) if (
        organisation_noun(w) or w == "owner" or (w == "side" and after[2] not in lex.demonyms))
        and not (after[k + 1 : k + 2] and (after[k + 1] in _SAID or _holds_post(after[k + 1], lex)))
        and not (w in ("group", "groups") and after[k + 1 : k + 2] == ["of"])), None)


# ("a town north of", "an island off the coast")
_HEAD_ENDS = ([], ["of"], [","], ["."], ["in"], ["near"], ["on"], ["where"], ["that"], ["with"],
              [";"], ["north"], ["south"], ["east"], ["west"], ["outside"], ["off"], ["about"])


def _place_apposed(after: list[str], lex: Lexicon) -> bool:
    """ "Todoque, a village of about 1,400 people", "Ashikita, a coastal town": an apposition
    saying the name is a settlement's."""
    if after[:1] == [","] and after[1:2] == ["home"] and after[2:3] in (["of"], ["to"]):
        return True  # "Aigle, home of the UCI"
    if after[:1] != [","] or after[1:2] not in (["a"], ["an"], ["the"]):
        return False
    # the settlement is the apposition's head: not "a village head", "the city's top official"
    # ("Dholera, a planned industrial city on the Gulf"; "Caluya, a group of islands in")
    first = 4 if after[2:4] in (["group", "of"], ["chain", "of"]) else 2
    return any((w in _PLACE_OF and (w in _PLACE_AFTER or w.endswith("s"))
                and (after[k + 1 : k + 2] in _HEAD_ENDS
                     or (after[k + 1 : k + 2] and after[k + 1][:1].isdigit())))  # "city 110 km"
               # "Northvolt Drei, a factory under construction" (not "a plant operator", "a
               # 23-year-old office worker")
               or (w in _SITES_OF and k == first and after[k + 1 : k + 2] != [] and (
                   after[k + 1] not in lex.nouns))
               for k, w in enumerate(after[first : first + 3], start=first))


def _in_country(tokens: list[Token], mention: Mention, doc: str, lex: Lexicon) -> bool:
    """ "from Azmaka in Bulgaria", "near Tingri in Tibet": where, a name then "in" and a country
    or a region the gazetteer knows (not "worked at Ajinomoto in Japan", "sold to Tencent in
    China"; no head word, no first name)."""
    where = mention.before[0] if mention.before else ""
    seat = _IN_PLACE.match(doc, mention.end) if where in ("from", "near", "in", "at") else None
    region = lex.place(seat.group(1)) if seat else None
    # ("at Sunguvarchatram in Kanchipuram district": a district named so, even after "at")
    district = seat is not None and _UNIT_AFTER.match(doc, seat.end()) is not None
    return (((region is not None and region.strong and region.kind in ("country", "region")
              and where != "at") or district)
            and not _has_head(tokens, lex)
            and tokens[0].lower not in lex.given_names
            and " ".join(mention.words).casefold() not in lex.companies)


def place_cue(before: list[str]) -> bool:
    """ "the town of X", "residents of X", "south of the X", "neighboring X": words that put a
    place after them."""
    if before[:2] == ["the", "of"]:
        before = before[1:]
    return bool(before) and (
        before[0] in _PLACE_BEFORE or (before[0] == "of" and before[1:2] != [] and (
            before[1] in _PLACE_OF))
        # "they beat Scotland at Murrayfield", "won 2-1 at Anfield": where a game was played
        or (before[0] == "at" and bool(_GAME_VERBS & set(before[1:4])))
    )


def _year_old(doc: str, end: int, lex: Lexicon) -> bool:
    """ "Marcelo, the 35-year-old left back": an age apposed, and no body's or place's noun
    after it ("Inter, the 116-year-old club")."""
    aged = _YEAR_OLD.match(doc, end)
    return aged is not None and not organisation_noun(aged.group(1)) and (
        aged.group(1) not in lex.place_heads)


def _aged(after: list[str]) -> bool:
    """ "Naoko Ota, 71, who runs an inn": an age in commas after a name, as only people have."""
    return (after[:1] == [","] and len(after) > 2 and after[1].isdigit()
            and 10 <= int(after[1]) <= 110 and after[2] in (",", ".", ";"))


def _title_apposed(after: list[str], lex: Lexicon) -> bool:
    """ "X Y, director of ...", "X Y, a deputy minister": an apposition giving a person's title
    (not "leader", which companies are too)."""
    words = after[1:6]
    if words[:1] in (["a"], ["an"], ["the"]):
        words = words[1:]
    if words[:1] and words[0] in _OWNER_NOUNS and words[1:2] and words[1] in lex.titles:
        words = words[1:]  # "the state's commissioner for tourism", "the club's president"
    while words[:1] and words[0] in _FORMERLY:
        words = words[1:]  # "the former president director of"
    # ("a Lagos-based film critic", "an Asia economist at", "a Kenyan lawyer"): where from
    for _ in range(2):
        if words[:1] and (words[0].endswith("-based") or words[0] in lex.demonyms
                          or lex.place(words[0]) is not None):
            words = words[1:]
    return (
        after[:1] == [","]
        and bool(words)
        and words[0] != "leader"
        and (words[0] in lex.titles or " ".join(words[:2]) in lex.titles
             or words[0] in _OCCUPATIONS
             # "a hydrologist at", "an economist with": a profession in -ist (but "the centrist
             # Third Way" is an adjective)
             or (_profession_in_ist(words[0])
                 and words[1:2] in ([], [","], ["."], ["at"], ["with"], ["of"], ["for"],
                                    ["in"], ["who"], ["and"])))
    )


def _owner_title_apposed(doc: str, end: int, lex: Lexicon) -> bool:
    """ "X Y, Labour's shadow business secretary": an apposition giving a title held at an
    owner named before it."""
    apposed = _OWNER_APPOSED.match(doc, end)
    return apposed is not None and any(w in lex.titles for w in apposed.group(1).split())


def _of_country_or_party(doc: str, end: int, lex: Lexicon) -> bool:
    """ "Ana Ivanović of Serbia", "Olajide Adediran of the Peoples Democratic Party": a name
    without a head word, then "of" and a country, or "of the" and a party, is a person, as
    sport, diplomacy and elections write them."""
    owner = _OF_NAME.match(doc, end)
    return owner is not None and (_is_country(owner.group(1), lex) or (
        owner.group(0).startswith(" of the ")
        and owner.group(1).split()[-1] in ("Party", "Congress")))


def _is_country(name: str, lex: Lexicon) -> bool:
    place = lex.place(name) if name else None
    return place is not None and place.kind == "country"


def _country_owns(before: list[str], tokens: list[Token], lex: Lexicon) -> bool:
    """ "Sweden's Armand Duplantis", "South Africa's Akani Simbine": a country's own first and
    last name is a person."""
    if not before or not before[0].endswith("'s") or not 2 <= len(tokens) <= 3:
        return False
    # (not "Canada's DBRS Morningstar": no one's first name is an acronym; nor "Japan's Fast
    # Retailing": an adjective or a common word first is a company's, unless a first name)
    return any(_is_country(" ".join([*before[1:n][::-1], before[0][:-2]]), lex)
               for n in (1, 2, 3)) and _capitalised(tokens) and not is_acronym(tokens[0].text) and (
        _given_name(tokens, lex) or (tokens[0].lower not in lex.not_nouns
                                     and tokens[0].lower not in lex.ordinary_words))


def _english_word(word: str, lex: Lexicon) -> bool:
    """ "veteran", "legendary", "often": a word of WordNet's (whose nouns hold some names too:
    "santiago") or a common one."""
    return word in lex.nouns or word in lex.not_nouns or word in lex.ordinary_words


def _capitalised(tokens: list[Token]) -> bool:
    """Capitalised words of letters (and hyphens): "Armand Duplantis", "Grimsby Town"."""
    return all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in tokens)


def _portfolio_then_name(tokens: list[Token], cand: Candidate, doc: str, lex: Lexicon) -> int:
    """ "[Minister of State for] Advanced Technology Sarah Al Amiri": a portfolio after a title
    and "for" or "of", then a name from its first name on; where the name starts (0: none)."""
    before = cand.before
    # (a government's title, "Minister for", "Secretary of State for": "a manager of Cosco
    # Shipping Ports Chancay" names his employer)
    if (before[:1] not in (["for"], ["of"]) or not _MINISTERS & set(before[1:4])
            or not doc.endswith((" for ", " of "), 0, tokens[0].start)):
        return 0
    cut = _portfolio_end(tokens, lex)[0] if len(tokens) > 2 else 0
    return cut if len(tokens) - cut > 1 and _name_like(tokens[cut:], lex) else 0


def _league_then_club(tokens: list[Token], lex: Lexicon) -> int:
    """ "Premier League Southampton", "League Two Grimsby Town": a league's name, then a
    club's, as sport writes a club with its level; where the club's name starts (0: no club)."""
    for k, token in enumerate(tokens[:-1]):
        if token.lower != "league" or (k and tokens[k - 1].lower in _CONTEST_LEAGUES):
            continue
        cut = k + 2 if tokens[k + 1].lower in _TIERS else k + 1
        club = tokens[cut:]
        if (
            (k or cut > k + 1)  # a league's own name, not "League" alone
            and club
            and _capitalised(club)
            and not any(t.lower in lex.other_heads or t.lower in lex.org_heads for t in club)
            and club[0].lower not in _COMPASS | _SPORT_WORDS  # "National League South", "Major
            # League Baseball", "Super League Greece": the league's own names
            and not _is_country(_text(club), lex)
        ):
            return cut
    return 0


def _title_comma_before(before: list[str], lex: Lexicon) -> bool:
    """ "his spokesman, X", "the state's Commissioner for Information, X": a title, maybe with
    its portfolio of one or two words, then a comma before the name."""
    # (a title in the plural names more than the one name: "the club's owners, Sport Republic")
    return before[:1] == [","] and len(before) > 1 and (before[1] in lex.titles or any(
        before[k : k + 1] in (["of"], ["for"]) and len(before) > k + 1
        and before[k + 1] in lex.titles for k in (2, 3)))


def _holds_post(word: str, lex: Lexicon) -> bool:
    """ "minister", "plumber", "candidate": a word naming what a person is or stands as."""
    return word in lex.titles or word in _OCCUPATIONS or word in _STANDS_AS


def person_before(before: list[str], lex: Lexicon) -> bool:
    """ "botanist Pieter van Royen", "replacement wing Kenki Fukuoka", "the late Isao
    Takahata": the word before a name is a person's title, trade, profession or side's role."""
    if not before:
        return False
    word = before[0]
    return (_holds_post(word, lex) or word in TEAM_ROLES or before[:2] == ["late", "the"]
            or _profession_in_ist(word))


def _profession_in_ist(word: str) -> bool:
    """ "hydrologist", "botanist": a profession's word (but "centrist" and "Marxist" are
    adjectives too: where they may be, the words around must say)."""
    return len(word) > 5 and word.endswith("ist") and word.isalpha()


def _title_before(before: list[str], lex: Lexicon) -> bool:
    return bool(before) and (before[0] in lex.titles or " ".join(before[:2][::-1]) in lex.titles)


def _split_title(tokens: list[Token], doc: str, lex: Lexicon) -> list[Mention] | None:
    """ "Kazakh President Kassym-Jomart Tokayev" → the person, with the title as a role.

    Words before the title that name a place or an organisation ("US", "Tesla", "WHO") are
    returned as mentions of their own; demonyms ("Kazakh") are dropped.
    """
    words = [t.lower for t in tokens]
    if _member_of(tokens[0].start, tokens[-1].end, doc, lex):
        return None  # "Juan Requesens of Justice First": a body, no justice
    if (words[-1] in lex.place_heads or words[-1] in lex.other_heads) and not _chinese_name(
            tokens[-2:], lex):
        return None  # "King George Island", "Prince Edward County": a place named after one;
        # "Champions Trophy", "Presidents Cup": a contest
    for end in range(len(tokens) - 2, -1, -1):
        start = _title_start(words, end, lex)
        if start is None:
            continue
        rest = tokens[end + 1 :]
        portfolio: list[Token] = []
        extra: list[Mention] = []
        if rest and rest[0].lower in ("of", "to", "for"):
            # "Minister of Commerce Wang Wentao", "Ambassador to Kenya Zhou Pingjian",
            # "Secretary for Culture, Sports and Tourism Kevin Yeung"
            to = rest[0].lower == "to"
            rest = rest[1:]
            if len(rest) < 2:
                return None
            cut, place = _portfolio_end(rest, lex)
            portfolio, rest = rest[:cut], rest[cut:]
            if len(rest) == 1 and rest[0].lower in lex.nouns:
                return None  # "the Minister for Foreign Affairs": a portfolio, and no name
            if to and place is not None:
                extra.append(Mention("place", _surface(portfolio, doc), portfolio[0].start,
                                     portfolio[-1].end, strong=True, place=place))
        # after a title, a name may be a small town's too: "Emperor Pedro II"
        if not rest or not _name_like(rest, lex, weak_places=True):
            continue
        if words[end] not in lex.titles and len(rest) < 2:
            continue  # "Stars Microelectronics": a plural title names people in full
        if words[start : end + 1] == ["general"] and len(rest) == 1 and not re.search(
                rf"\b(?!General\b)[A-Z]\w+ {re.escape(rest[0].text)}\b", doc):
            # "General Catalyst", "General Mills": no general the article names
            return [Mention("organization", _surface(tokens, doc), tokens[0].start,
                            tokens[-1].end)]
        prefix = tokens[:start]
        if _portfolio_list(prefix):  # "Economy, Trade and Industry Minister Ken Saito"
            start, prefix = 0, []
        title = doc[tokens[start].start : (portfolio or tokens[: end + 1])[-1].end]
        if words[end] not in lex.titles:  # "Presidents X and Y": each is a president
            title = title[:-1]
        affiliation = None
        if prefix:
            pre_text = _surface(prefix, doc)
            place = _place(prefix, lex)  # "Edo State Governor X"
            if place is not None:
                extra.append(
                    Mention(
                        "place", pre_text, prefix[0].start, prefix[-1].end, strong=True, place=place
                    )
                )
            elif pre_text.casefold() not in lex.demonyms and pre_text.casefold() not in (
                    _PORTFOLIOS) and not (words[end] in _MINISTERS and not is_acronym(pre_text)):
                # "Transportation Secretary X", "Heavy Industries Minister X": a portfolio, no
                # employer (but "UN Secretary-General X")
                # ("Sinn Féin TD X": a member's party; but "North Tongu MP X" is his seat)
                member = words[end] in _MEMBERS_FOR and not any(
                    t.lower in _COMPASS for t in prefix)
                kind = "organization" if (_head(prefix) in lex.org_heads or len(prefix) == 1
                                          or member) else None
                if kind:
                    extra.append(
                        Mention(
                            "organization",
                            pre_text,
                            prefix[0].start,
                            prefix[-1].end,
                            strong=is_acronym(pre_text) or member,
                        )
                    )
                    affiliation = pre_text
        if len(rest) == 1 and end == start and words[end] in _ROYAL:
            rest = tokens[end:]  # "Prince William", "Pope Francis": the title is in the name
        person = Mention(
            "person",
            _surface(rest, doc),
            rest[0].start,
            rest[-1].end,
            strong=True,
            title=title,
            affiliation=affiliation,
        )
        return [person, *extra]
    return None


def _portfolio_end(rest: list[Token], lex: Lexicon) -> tuple[int, Place | None]:
    """Where the portfolio after "of", "to" or "for" ends and the name begins, and the place
    the portfolio is, if it is one: after the longest place ("Solomon Islands Li Ming"), else
    one word after the last "and" ("Sports and Tourism Kevin Yeung") and any English nouns
    after it that leave two words, else at a first name, else before the last two words."""
    for k in range(len(rest) - 1, 0, -1):
        place = lex.place(_text(rest[:k]))
        if place is not None:
            return k, place
    ands = [k for k, t in enumerate(rest) if t.lower == "and"]
    if ands and ands[-1] + 2 < len(rest):
        cut = ands[-1] + 2  # and more words that are English nouns, no first names ("Science
        # and Technology Jitendra Singh", "Electronics and Information Technology Ashwini ...")
        while cut + 2 < len(rest) and rest[cut].lower in lex.nouns and (
                rest[cut].lower not in lex.given_names):
            cut += 1
        return cut, None
    # ("Advanced Technology Sarah Al Amiri"): from a first name that leaves two or three words
    given = next((k for k in range(1, len(rest) - 1) if rest[k].lower in lex.given_names
                  and rest[k].lower not in lex.ordinary_words and len(rest) - k < 4), None)
    return given or max(1, len(rest) - 2), None


def _portfolio_list(prefix: list[Token]) -> bool:
    """ "Economy, Trade and Industry", "Health and Welfare": portfolios listed before a title."""
    return any(t.text == "," or t.lower == "and" for t in prefix) and all(
        t.lower in _TITLE_MODIFIERS or t.text == "," or t.lower == "and" for t in prefix
    )


def _capitals_inside(word: str) -> bool:
    """ "NOIRLab", "PetroChina": capitals inside a word make it a name of its own."""
    return not word.isupper() and any(c.isupper() for c in word[1:])


def _numbered_body(tokens: list[Token]) -> bool:
    """A body whose name holds its number: a broadcaster's channel ("Channel 4", "BBC Radio
    4") or a numbered unit ("1st Marine Division")."""
    return (len(tokens) > 1 and tokens[-1].text.isdigit() and tokens[-2].text in CHANNELS) or (
        _numbered_unit(tokens))


def _numbered_unit(tokens: list[Token]) -> bool:
    """ "1st Marine Division", "707th Special Mission Group": an ordinal, then a unit."""
    return len(tokens) > 1 and bool(_ORDINAL.match(tokens[0].text)) and (
        tokens[-1].lower in _UNITS)


def _occupation_surname(tokens: list[Token], lex: Lexicon) -> bool:
    """ "Jofra Archer", then "Archer": an occupation's word as a surname, alone or after one
    word that is no title, modifier, demonym or place ("Chief Engineer" is a title)."""
    words = [t.lower for t in tokens]
    if len(words) == 2 and words[0] in lex.given_names and not is_title(words[0], lex) and (
            tokens[1].text[1:].islower()):
        return True  # "Travis Head", "Stephen King": a first name, then a title as a surname
    if words[-1] not in _OCCUPATIONS or len(words) > 2:
        return False
    first = words[0]
    return len(words) == 1 or not (
        is_title(first, lex) or first in _TITLE_MODIFIERS or first in lex.demonyms
        or strong_place(tokens[0].text, lex))


def is_title(word: str, lex: Lexicon) -> bool:
    """A title, or titles ("Presidents X and Y")."""
    return word in lex.titles or (word.endswith("s") and word[:-1] in lex.titles)


def _title_start(words: list[str], end: int, lex: Lexicon) -> int | None:
    """Start of the title ending at ``end`` ("Chief Executive", "Foreign Minister"), or None."""
    start = None
    for size in (3, 2, 1):
        if end - size + 1 >= 0 and " ".join(words[end - size + 1 : end + 1]) in lex.titles:
            start = end - size + 1
            break
    if start is None and is_title(words[end], lex):
        start = end
    if start is None:
        return None
    while start > 0 and (words[start - 1] in lex.titles or words[start - 1] in _TITLE_MODIFIERS):
        if start > 1 and words[start - 1] in _ADMIN_SUFFIXES:
            break  # "Edo State Governor X": the governor of Edo State, not a "State Governor"
        start -= 1
    return start


def _name_like(tokens: list[Token], lex: Lexicon, weak_places: bool = False) -> bool:
    """Capitalised words that may be a person's name: no head word, title or place (or, with
    ``weak_places``, no place that is not also a name)."""
    if len(tokens) > 5 or any(t.paren for t in tokens):
        return False
    words = [t.lower for t in tokens]
    place = lex.place(" ".join(words))
    return (
        tokens[0].text[:1].isupper()
        and all(t.text[:1].isupper() or w in PARTICLES or JOINED_PARTICLE.match(t.text)
                for t, w in zip(tokens, words, strict=True))
        and not any(w in lex.org_heads or w in lex.titles or w in CONNECTORS for w in words)
        and (place is None or (weak_places and not place.strong))
        and words[0] not in lex.demonyms
    )
