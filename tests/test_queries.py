"""Named queries and their inputs: `bind` fills `VALUES ?x { UNDEF }` with terms, safely quoted."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.queries import bind, load_query

QUERY = "SELECT ?s WHERE { VALUES ?name { UNDEF } ?s <urn:name> ?name }"


def _store() -> ox.Store:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:name"), ox.Literal('Mrs "B" Seaton')))
    store.add(ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:name"), ox.Literal("Dr Moore")))
    return store


def _subjects(store: ox.Store, query: str) -> list[str]:
    return sorted(row["s"].value for row in store.query(query))


def test_an_open_input_matches_anything() -> None:
    assert _subjects(_store(), bind(QUERY, {"name": None})) == ["urn:a", "urn:b"]


def test_a_bound_input_keeps_only_its_matches() -> None:
    assert _subjects(_store(), bind(QUERY, {"name": ox.Literal('Mrs "B" Seaton')})) == ["urn:a"]


def test_several_terms_match_any_of_them_and_none_matches_nothing() -> None:
    both = bind(QUERY, {"name": [ox.Literal("Dr Moore"), ox.Literal('Mrs "B" Seaton')]})
    assert _subjects(_store(), both) == ["urn:a", "urn:b"]
    assert _subjects(_store(), bind(QUERY, {"name": []})) == []


def test_an_input_the_query_lacks_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"\?nobody"):
        bind(QUERY, {"nobody": ox.Literal("x")})


@given(st.text())
def test_any_literal_is_quoted_so_the_query_still_parses(text: str) -> None:
    store = _store()
    store.query(bind(QUERY, {"name": ox.Literal(text)}))


def test_an_unknown_query_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="declared_interests"):
        load_query("no_such_question")


def test_queries_in_subfolders_load() -> None:
    assert "VALUES ?entity { UNDEF }" in load_query("api/entity")
