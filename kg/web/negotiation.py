"""Content negotiation: parse ``Accept`` (with q-values) and pick one of the offered types."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float
    order: int

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        kind, _, sub = media_type.partition("/")
        return self.type in ("*", kind) and self.subtype in ("*", sub)


def parse_accept(header: str | None) -> list[_Range]:
    """The media ranges of an Accept header; malformed parts are skipped."""
    ranges = []
    for order, part in enumerate((header or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            continue
        kind, _, sub = media.partition("/")
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(_Range(kind.strip(), sub.strip(), q, order))
    return ranges


def choose(accept: str | None, offers: list[str], default: str | None = None) -> str | None:
    """The offered type the client prefers most, or None when it accepts none of them.

    With no Accept header (or an empty one) the ``default`` (else the first offer) is chosen.
    A type matched by a more specific range takes that range's q (RFC 9110 §12.5.1); among equal
    q-values the client's more specific range wins, then the order of ``offers``.
    """
    ranges = parse_accept(accept)
    if not ranges:
        return default or offers[0]
    best: tuple[float, int, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        matching = [r for r in ranges if r.matches(offer)]
        if not matching:
            continue
        top = max(matching, key=lambda r: (r.specificity, -r.order))
        if top.q <= 0:
            continue
        # Wildcards alone rank the server's default first.
        rank = (top.q, top.specificity, -(0 if offer == default and top.specificity == 0
                                          else index + 1))
        if best is None or rank > best:
            best, chosen = rank, offer
    return chosen
