"""IRI minting: slugs and keys."""

from __future__ import annotations

import pytest

from kg import ids


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Wang Yi", "wang-yi"),
        ("Kylian Mbappé", "kylian-mbappe"),
        ("Dragan Janković", "dragan-jankovic"),
        ("National People's Congress", "national-peoples-congress"),
        ("Luiz Inácio Lula da Silva", "luiz-inacio-lula-da-silva"),
        ("  Kassym-Jomart   Tokayev ", "kassym-jomart-tokayev"),
    ],
)
def test_slug(name: str, slug: str):
    assert ids.slug(name) == slug
    assert ids.is_key(slug)


def test_names_that_fold_to_nothing_get_a_stable_hash():
    assert ids.slug("习近平") == ids.slug("习近平")
    assert ids.slug("习近平") != ids.slug("王毅")
    assert ids.is_key(ids.slug("习近平"))


def test_long_names_are_capped_but_distinct():
    a, b = "x" * 200 + "a", "x" * 200 + "b"
    assert len(ids.slug(a)) < 100 and ids.slug(a) != ids.slug(b)


@pytest.mark.parametrize("key", ["../etc", "a/b", "A", "a--b", "", "a b", "-a", "%2e%2e"])
def test_keys_reject_anything_else(key: str):
    assert not ids.is_key(key)


def test_parse_thing_iri():
    base = "http://example.org"
    iri = "http://example.org/id/person/wang-yi"
    assert ids.parse_thing_iri(base, iri) == ("person", "wang-yi")
    assert ids.parse_thing_iri(base, "http://example.org/id/nope/wang-yi") is None
    assert ids.parse_thing_iri(base, "http://other.org/id/person/wang-yi") is None
