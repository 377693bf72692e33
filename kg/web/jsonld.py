"""JSON-LD documents: the resource at the top, what it links to embedded, an inline context.

The tree is built here rather than by a JSON-LD framing library because of cost (measured on an
entity document of 2,000 triples: pyld ``from_rdf`` + ``frame`` 470-700 ms, 17 ms at 100 triples;
rdflib's serializer 89 ms and flat, not framed; this module ~5 ms). The shape is what a frame
``{"@id": resource}`` with ``@embed: @once`` gives: each node is embedded, with its ``@id``, the
first time it is reached from the resource; what links *to* the resource (the articles that
mention an entity) is embedded under ``@reverse``; a node reached neither way would follow the
resource in an ``@graph``, so no triple is ever dropped. Tests parse every document with rdflib
and with pyld (with a document loader that refuses the network) and compare the triples with
Turtle's.

The context is inline (``@vocab`` ``http://schema.org/`` and newskg's prefixes): nothing is ever
fetched to read a document. Dates keep their datatype, ``{"@type": "xsd:date", "@value": ...}``:
coercing ``datePublished`` to ``xsd:date`` in the context would push the articles that carry a
time (``xsd:dateTime``) onto a different key.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from kg.vocab import PREFIXES, SCHEMA, SCHEMA_ORG_CONTEXT, rdf, xsd

RDF_TYPE = rdf.type
# schema.org is the @vocab; rdf:type is @type.
_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name not in ("schema", "rdf")}
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

Node = ox.NamedNode | ox.BlankNode


def frame(
    triples: Iterable[ox.Triple], focus: str, prefixes: dict[str, str] | None = None
) -> dict[str, Any]:
    """The triples as one JSON-LD object about ``focus``, with its neighbours embedded.

    ``prefixes`` adds to the context (the dataset description uses ``void:`` and ``dcat:``).
    """
    return _Framer(triples, {**_PREFIXES, **(prefixes or {})}).frame(ox.NamedNode(focus))


def dumps(document: dict[str, Any]) -> bytes:
    # Compact: json's C encoder does not indent (indented, a 300-triple document took 0.44 ms
    # to write, compact 0.05 ms). People read the HTML variant, or pipe this through jq.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def schema_org_script(document: dict[str, Any]) -> str:
    """The document as search engines read it, safe inside ``<script type="application/ld+json">``.

    Only schema.org terms are kept, under ``"@context": "https://schema.org"``; typed values are
    given as their plain lexical form. ``<``, ``>`` and ``&`` are escaped as ``\\u003c`` etc. so
    article text containing ``</script>`` or ``<!--`` cannot end the block.
    """
    body = _schema_only({k: v for k, v in document.items() if k != "@context"})
    text = json.dumps({"@context": SCHEMA_ORG_CONTEXT, **body}, ensure_ascii=False)
    return text.translate(_ESCAPES)


class _Framer:
    def __init__(self, triples: Iterable[ox.Triple], prefixes: dict[str, str]):
        self.prefixes = prefixes
        self.context: dict[str, Any] = {"@vocab": SCHEMA, **prefixes}
        self.out: dict[Node, list[tuple[str, ox.Term]]] = defaultdict(list)
        self.into: dict[Node, list[tuple[str, Node]]] = defaultdict(list)
        for t in dict.fromkeys(triples):  # a repeated triple would be a repeated value
            self.out[t.subject].append((t.predicate.value, t.object))
            if isinstance(t.object, ox.NamedNode | ox.BlankNode):
                self.into[t.object].append((t.predicate.value, t.subject))
        self.embedded: set[Node] = set()

    def term(self, iri: str) -> str:
        return _term(iri, self.prefixes)

    def frame(self, focus: ox.NamedNode) -> dict[str, Any]:
        top = self.node(focus, skip=set())
        reverse: dict[str, list[Any]] = defaultdict(list)
        for predicate, subject in sorted(self.into.get(focus, []), key=_order):
            # A node embedded already states its links to the resource itself. For the others,
            # @reverse says the link and the embedded node leaves it out.
            if subject not in self.embedded:
                reverse[self.term(predicate)].append(self.node(subject, skip={(predicate, focus)}))
        if reverse:
            top["@reverse"] = {k: _one_or_many(v) for k, v in reverse.items()}
        rest = [self.node(s, skip=set()) for s in sorted(self.out, key=str)
                if s not in self.embedded]
        if rest:
            return {"@context": self.context, "@graph": [top, *rest]}
        return {"@context": self.context, **top}

    def node(self, subject: Node, skip: set[tuple[str, ox.Term]]) -> dict[str, Any]:
        self.embedded.add(subject)
        result: dict[str, Any] = {"@id": _id(subject)}
        values: dict[str, list[Any]] = defaultdict(list)
        for predicate, obj in sorted(self.out.get(subject, []), key=_order):
            if (predicate, obj) in skip:
                continue
            if predicate == RDF_TYPE and isinstance(obj, ox.NamedNode):
                values["@type"].append(self.term(obj.value))
            elif isinstance(obj, ox.Literal):
                values[self.term(predicate)].append(_literal(obj, self.prefixes))
            elif obj in self.out and obj not in self.embedded:
                values[self.term(predicate)].append(self.node(obj, skip=set()))
            else:
                values[self.term(predicate)].append({"@id": _id(obj)})  # type: ignore[arg-type]
        if "@type" in values:  # first after @id, as people write JSON-LD
            result["@type"] = _one_or_many(values.pop("@type"))
        result.update((k, _one_or_many(v)) for k, v in values.items())
        return result


def _order(pair: tuple[str, ox.Term]) -> tuple[str, str]:
    return pair[0], str(pair[1])


def _id(node: Node) -> str:
    return node.value if isinstance(node, ox.NamedNode) else "_:" + node.value


def _term(iri: str, prefixes: dict[str, str]) -> str:
    """The key or type name of an IRI under a context of ``@vocab`` schema.org and prefixes."""
    if iri.startswith(SCHEMA) and ":" not in iri[len(SCHEMA):]:
        return iri[len(SCHEMA):]
    for name, namespace in prefixes.items():
        if iri.startswith(namespace):
            return f"{name}:{iri[len(namespace):]}"
    return iri


def _literal(literal: ox.Literal, prefixes: dict[str, str]) -> Any:
    lexical, datatype = literal.value, literal.datatype.value
    if literal.language:
        return {"@value": lexical, "@language": literal.language}
    if datatype == xsd.string:
        return lexical
    # Native JSON numbers and booleans read back as the same typed literal only when canonical.
    if datatype == xsd.integer and _is_canonical_integer(lexical):
        return int(lexical)
    if datatype == xsd.boolean and lexical in ("true", "false"):
        return lexical == "true"
    return {"@value": lexical, "@type": _term(datatype, prefixes)}


def _is_canonical_integer(lexical: str) -> bool:
    return lexical.lstrip("-").isdigit() and str(int(lexical)) == lexical


def _one_or_many(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _schema_only(value: Any) -> Any:
    if isinstance(value, list):
        return [_schema_only(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "@value" in value:
        return value["@value"]
    kept: dict[str, Any] = {}
    for key, item in value.items():
        if key == "@type":
            types = [t for t in (item if isinstance(item, list) else [item]) if ":" not in t]
            if types:
                kept[key] = _one_or_many(types)
        elif key in ("@reverse", "@graph") or key == "@id" or ":" not in key:
            kept[key] = _schema_only(item)
    return kept
