"""What must be known about a read query before it runs: no SERVICE, a sane depth.

The engine is the only judge of what a query means. Checking a query with a second parser opens
a gap wherever the two disagree (rdflib and pyoxigraph read ``\\u`` escapes in strings
differently, and a "string" for one was ``SERVICE <http://...>`` for the other). So the checks
here ask the engine's own parser, on probes that cannot reach the network:

Every spelling of the word "service" (any case) is altered to ``SERVICx`` in a probe. Where the
word was the keyword the probe no longer parses; where it sat in a string, an IRI, a name or a
comment it still does. pyoxigraph reads ``\\u`` escapes only inside strings and IRIs, so the
keyword cannot be spelled any other way. A probe that parses proves the query has no SERVICE.

A probe is only parsed when the word occurs at all (most queries skip it). The query process
that runs queries has no network either (:mod:`kg.sparql.sandbox`): this check is what gives the
client a clear ``400``, the sandbox is what makes a miss harmless.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.vocab import PREFIXES

# Brackets open at once beyond which a query is refused: pyoxigraph's recursive parser crashes
# its process between 2,000 and 3,000 levels; real queries stay under ten.
MAX_DEPTH = 256

_SERVICE = re.compile("service", re.IGNORECASE)
# The word with any letter written as a \u or \U escape. pyoxigraph reads escapes only in strings
# and IRIs, but SPARQL's grammar (§19.2) reads them everywhere: refused whatever the engine does.
_ESCAPED_SERVICE = re.compile("".join(
    rf"(?:{letter}|\\u00{ord(letter.upper()):02X}|\\u00{ord(letter):02X}"
    rf"|\\U0000{ord(letter.upper()):04X}|\\U0000{ord(letter):04X})"
    for letter in "service"), re.IGNORECASE)
_SERVICE_AS_GRAPH = re.compile(r"\bservice\b(\s+silent\b)?", re.IGNORECASE)
_POSITION = re.compile(r"^error at (\d+):(\d+): ")
# Strings (long ones first), IRIs and comments: where a colon is not a prefix's.
_OPAQUE = re.compile("|".join((
    r'"""[\s\S]*?"""', r"'''[\s\S]*?'''", r'"(?:\\.|[^"\\\n])*"', r"'(?:\\.|[^'\\\n])*'",
    r"<[^<>\s]*>", r"#[^\n]*")))
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w-]*(?:\.[\w-]+)*)?:(?=[\w%\\]|\s|$)")
_UNBOUND = "The SELECT contains a variable that is unbound"
_NAME = re.compile(r"[\w:.\-]+")
# What may come before the query form: comments, PREFIX and BASE declarations.
_PROLOGUE = re.compile(
    r"(?:\s+|#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^<>]*>|BASE\s*<[^<>]*>)*", re.IGNORECASE)
# Never worth suggesting: SERVICE is refused; the rest are extensions beyond SPARQL 1.1.
_NOT_SUGGESTED = {"SERVICE", "LATERAL", "{|", "|}", "~", "<<", "<<(", ">>", ")>>"}
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

Parse = Callable[[str], object]


class Refused(ValueError):
    """The query asks for something this endpoint does not do (the message says what)."""


class QuerySyntaxError(ValueError):
    """The query is not valid SPARQL; the message says where and what, in a line or two."""


def check(query: str, parse: Parse) -> None:
    """Check ``query``; ``parse(text)`` must parse text exactly as the run will, raising
    ``SyntaxError``, and must not reach the network for text without SERVICE.

    Raises :class:`Refused` or :class:`QuerySyntaxError`.
    """
    _check_depth(query)
    if any("\\" in match.group() for match in _ESCAPED_SERVICE.finditer(query)):
        raise Refused("SERVICE is not allowed, nor the word spelled with \\u escapes")
    if _SERVICE.search(query):
        try:
            parse(_alter(_SERVICE, query))
        except SyntaxError as exc:
            raise _service_or_syntax(query, exc, parse) from None


def _alter(word: re.Pattern[str], text: str) -> str:
    """Each match of ``word`` with its last letter turned to x (same length, same case)."""
    return word.sub(lambda m: m.group()[:-1] + ("X" if m.group()[-1].isupper() else "x"), text)


def _service_or_syntax(query: str, exc: SyntaxError, parse: Parse) -> ValueError:
    """Why the probe did not parse: SERVICE (the query parses with GRAPH in its place), or a
    syntax error of the query's own (said where it is in the query, not in the probe)."""
    shifts: list[tuple[int, int]] = []  # (end in the probe, characters removed before it)

    def as_graph(match: re.Match[str]) -> str:
        removed = (shifts[-1][1] if shifts else 0) + len(match.group()) - len("GRAPH")
        shifts.append((match.start() - (shifts[-1][1] if shifts else 0) + len("GRAPH"), removed))
        return "GRAPH"

    probe = _SERVICE_AS_GRAPH.sub(as_graph, query)
    try:
        parse(probe)
    except SyntaxError as error:
        message = _moved(str(error), probe, query, shifts)
        return QuerySyntaxError(describe(query, message) + " (and SERVICE is not allowed)")
    return Refused("SERVICE is not allowed: this endpoint only queries its own data")


def _moved(message: str, probe: str, query: str, shifts: list[tuple[int, int]]) -> str:
    """An engine message about ``probe`` with its position moved to the same place in
    ``query`` (``probe`` is ``query`` with some words shortened, per ``shifts``)."""
    found = _POSITION.match(message)
    if not found:
        return message
    lines = probe.split("\n")
    line, column = int(found.group(1)), int(found.group(2))
    offset = sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
    offset += max((removed for end, removed in shifts if end <= offset), default=0)
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return f"error at {line}:{column}: " + message[found.end():]


def _check_depth(query: str) -> None:
    depth = deepest = 0
    for char in query:
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise Refused(f"the query nests brackets {deepest} deep; at most {MAX_DEPTH} are allowed")


def describe(query: str, message: str) -> str:
    """A syntax error from the engine said for people: where, what was found, what was expected.

    pyoxigraph says ``error at LINE:COLUMN: expected one of ...`` with every character class of
    the grammar (six lines of Unicode ranges for a missing prefix); this keeps the position, the
    text found there, and the keywords and punctuation that would have been accepted.
    """
    form = _NAME.match(query, _PROLOGUE.match(query).end())
    word = form.group().upper() if form else ""
    if word in _UPDATES:
        return f"this endpoint is read-only: {word} (SPARQL Update) is not accepted"
    if word not in _FORMS:
        shown = repr(form.group()[:40]) if form else "nothing"
        return (f"a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE (after any PREFIX and "
                f"BASE declarations), not {shown}")
    undeclared = _undeclared_prefix(query)
    if undeclared is not None:
        prefix, offset = undeclared
        line = query.count("\n", 0, offset) + 1
        column = offset - (query.rfind("\n", 0, offset) + 1) + 1
        return (f"line {line}, column {column}: unknown prefix {prefix!r}: declare it (PREFIX "
                f"{prefix} <...>) or use one of the predefined prefixes: {', '.join(PREFIXES)}")
    found = _POSITION.match(message)
    if not found:
        return message.splitlines()[0][:300] if message else "the query is not valid SPARQL"
    line, column = int(found.group(1)), int(found.group(2))
    rest = message[found.end():]
    lines = query.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    at = _token_at(text, column - 1)
    where = f"line {line}, column {column}"
    if _UNBOUND in rest:
        return (f"{where}: a variable of the SELECT is neither grouped (GROUP BY) nor inside an "
                "aggregate (COUNT, SAMPLE, ...)")
    expected = _expected(rest)
    if at:
        found_text = f"found {at!r}"
    elif (unclosed := query.count("{") - query.count("}")) > 0:
        found_text = f"the query ends with {unclosed} {{ not closed"
    else:
        found_text = "the query ends"
    return f"{where}: {found_text}" + (f"; expected {expected}" if expected else "")


def _token_at(text: str, index: int) -> str:
    """The word (or the one character) at ``index`` of a line."""
    if not 0 <= index < len(text):
        return ""
    match = _NAME.match(text, index)
    return match.group()[:40] if match else text[index]


def _undeclared_prefix(query: str) -> tuple[str, int] | None:
    """The first prefixed name whose prefix is neither declared nor predefined, and where.

    Strings, IRIs and comments are blanked first (same length); this only picks the message.
    """
    text = _OPAQUE.sub(lambda m: " " * len(m.group()), query)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(text)}
    for match in _PREFIXED.finditer(text):
        prefix = match.group(1) or ""
        if prefix not in declared and prefix not in PREFIXES:
            return prefix + ":", match.start()
    return None


def _expected(rest: str) -> str:
    """The keywords and punctuation of an ``expected ...`` list, without character classes."""
    rest = rest.removeprefix("expected ").removeprefix("one of ")
    number = re.search(r"\['0'\s*\.\.=\s*'9'", rest) is not None
    rest = re.sub(r"\[[^\[\]]*\]", "", rest)  # character classes: ['A' ..= 'Z' | ...]
    words = re.findall(r'"(?:\\.|[^"\\])*"|[^,\s"][^,]*', rest)
    words = [word.strip() for word in words
             if word.strip() and word.strip().strip('"') not in _NOT_SUGGESTED]
    words += ["a number"] if number else []
    if not words:
        return ""
    shown = words[:10]
    return ", ".join(shown) + (", ..." if len(words) > len(shown) else "")
