"""The search index's query language: every word must match, the last as a prefix, whatever the input."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from api.search import match_expression


def _table() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE names USING fts5(name, tokenize = 'unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO names VALUES (?)", [("Councillor Dr Moore",), ("Millgate School",), ("Zoë Brontë",)])
    return db


def _found(text: str) -> list[str]:
    expression = match_expression(text)
    if expression is None:
        return []
    return [name for (name,) in _table().execute("SELECT name FROM names WHERE names MATCH ?", (expression,))]


def test_every_word_must_match_and_the_last_may_be_a_prefix() -> None:
    assert _found("dr moo") == ["Councillor Dr Moore"]
    assert _found("dr school") == []


def test_accents_and_case_do_not_matter() -> None:
    assert _found("ZOE bronte") == ["Zoë Brontë"]


def test_text_without_words_searches_nothing() -> None:
    assert match_expression(" -- ** ") is None


@given(st.text())
def test_no_input_breaks_the_index_query(text: str) -> None:
    _found(text)
