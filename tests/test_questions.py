"""Rule tests for `graph.extract.questions`: who asked a question in a questions item, and which post
answered. Snippets are invented minutes items; the item under test is always item 2."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from graph.extract.questions import read_questions
from graph.read import read_bytes
from graph.segment import segment


class Asked(NamedTuple):
    asker: str
    answered_by: str | None


def asked(asker: str, answered_by: str | None = None) -> Asked:
    return Asked(asker, answered_by)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def questions_of(item: str) -> list[Asked]:
    text = f"Minutes of the Cabinet held on 14 May 2024\n\n1. WELCOME\nHello.\n2. {item}\n3. CLOSE\nDone.\n"
    minutes = segment(read_bytes(text.encode(), "snippet.txt"))
    facts = read_questions(minutes)
    for fact in facts:
        assert fact.item_index == 1
        assert fact.asker.surface in fact.evidence.text(minutes.document.folded)
    return [Asked(f.asker.surface, f.answered_by.title if f.answered_by else None) for f in facts]


CASES: list[tuple[str, list[Asked]]] = [
    (
        "PUBLIC QUESTIONS\nMr Tom Reyes asked:\nWhen will the potholes on Mill Lane be repaired?\n"
        "The Director of Highways responded:\nThe repairs are scheduled for June.",
        [asked("Mr Tom Reyes", "Director of Highways")],
    ),
    (  # a supplementary question is the same exchange
        "PUBLIC QUESTIONS\nMr Tom Reyes asked:\nWhen will the potholes be repaired?\n"
        "The Director of Highways responded:\nIn June.\nMr Tom Reyes asked a supplementary question:\n"
        "Will the road be closed?",
        [asked("Mr Tom Reyes", "Director of Highways")],
    ),
    (
        "PUBLIC QUESTIONS\nQuestions were presented to the Cabinet by Mrs Priya Nair about library hours. "
        "Responses were given by the Director of Culture.",
        [asked("Mrs Priya Nair", "Director of Culture")],
    ),
    (
        "PUBLIC QUESTIONS\nMr Tom Reyes asks:\nIs the budget balanced?\nMrs Priya Nair asks:\n"
        "Why was the library closed?\nThe Cabinet Member for Finance replied.",
        [asked("Mr Tom Reyes", "Cabinet Member for Finance"), asked("Mrs Priya Nair", "Cabinet Member for Finance")],
    ),
    (
        "QUESTIONS FROM MEMBERS\nCouncillor Okafor asked:\nWhat is the timetable?\n"
        "The Leader of the Council responded that it was June.",
        [asked("Councillor Okafor", "Leader of the Council")],
    ),
    ("PUBLIC QUESTIONS\nMr Tom Reyes asked:\nWhy is the hall closed?", [asked("Mr Tom Reyes")]),
    ("PUBLIC QUESTIONS\nNo questions had been received.", []),
    # outside a questions item, "asked:" is no public question
    ("FINANCE REPORT\nMr Tom Reyes asked: Is the budget balanced?", []),
    bug(
        "PUBLIC QUESTIONS\nMr Tom Reyes asked:\nWhen will the potholes be repaired?\n"
        "The Director of Highways responded:\nIn June.\n\nMrs Priya Nair asked:\nWhy was the library closed?\n"
        "The Director of Culture responded:\nFor repairs.",
        [asked("Mr Tom Reyes", "Director of Highways"), asked("Mrs Priya Nair", "Director of Culture")],
        reason="the first answerer in an item is given as the answerer of every question in it",
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_questions(snippet: str, expected: list[Asked]) -> None:
    assert questions_of(snippet) == expected
