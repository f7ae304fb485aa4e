"""Rule tests for `graph.resolve`: which surface forms of people in one document are one person, the
judgements recorded for each merge and split, and IRIs that do not depend on file name or order."""

from __future__ import annotations

from typing import Any

import pytest

from graph.extract import extract
from graph.identity import IriMinter
from graph.models import EntityKind, ResolvedDocument
from graph.read import read_bytes
from graph.resolve import resolve
from graph.segment import segment

BASE = "https://example.org/cg/"
HEADER = "Hollerton Town Council\nMinutes of the meeting of the Finance Committee held on 2 April 2024\n\n"

People = set[frozenset[str]]


def same(*surfaces: str) -> frozenset[str]:
    """Surface forms that name one person."""
    return frozenset(surfaces)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def resolved(snippet: str, name: str = "snippet.txt", header: str = HEADER) -> ResolvedDocument:
    doc = read_bytes((header + snippet).encode(), name)
    return resolve(extract(segment(doc)), IriMinter(BASE))


def people(doc: ResolvedDocument) -> People:
    return {
        frozenset(form.surface for form in forms)
        for iri, forms in doc.forms.items()
        if doc.kinds[iri] is EntityKind.PERSON
    }


def iri_of(doc: ResolvedDocument, surface: str) -> str:
    return next(
        iri
        for iri, forms in doc.forms.items()
        if doc.kinds[iri] is EntityKind.PERSON and surface in {f.surface for f in forms}
    )


CASES: list[tuple[str, People]] = [
    (
        "1. WELCOME\nMr Adeyemi addressed the meeting.\n2. BUSINESS\nMr Kofi Adeyemi thanked the committee.\n",
        {same("Mr Adeyemi", "Mr Kofi Adeyemi")},
    ),
    (
        "Present: Councillor J. Okafor (Chair), Councillor R. Okafor\n\n1. WELCOME\nHello.\n2. CLOSE\nDone.\n",
        {same("Councillor J. Okafor"), same("Councillor R. Okafor")},
    ),
    (  # a bare "Councillor Okafor" is the one councillor of that name
        "Present: Councillor J. Okafor (Chair)\n\n1. WELCOME\nCouncillor Okafor welcomed members.\n2. CLOSE\nDone.\n",
        {same("Councillor J. Okafor", "Councillor Okafor")},
    ),
    (
        "Present: Councillor J. Moss (Chair)\n\n1. WELCOME\nHello.\n2. PUBLIC QUESTIONS\nMr T. Moss asked:\n"
        "When will the bins be collected?\n",
        {same("Councillor J. Moss"), same("Mr T. Moss")},
    ),
    (
        "1. WELCOME\nCouncillor Lindqvist and Councillor Abara spoke.\n2. CLOSE\nDone.\n",
        {same("Councillor Lindqvist"), same("Councillor Abara")},
    ),
    (
        "Present: Councillor Moss (Chair)\n\n1. WELCOME\nHello.\n2. PUBLIC QUESTIONS\nMr Tom Moss asked:\n"
        "When will the bins be collected?\n",
        {same("Councillor Moss"), same("Mr Tom Moss")},
    ),
    bug(
        "1. WELCOME\nCouncillor A.B. Jones presented the report.\n2. BUSINESS\nCouncillor A.C. Jones seconded it.\n",
        {same("Councillor A.B. Jones"), same("Councillor A.C. Jones")},
        reason="'A.B.' is parsed as given name with initial A only, so A.B. Jones and A.C. Jones are merged",
    ),
    (
        "1. WELCOME\nDr Okafor presented the report.\n2. BUSINESS\nMembers thanked Dr Okafor's team.\n",
        {same("Dr Okafor")},
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_people_in_one_document(snippet: str, expected: People) -> None:
    doc = resolved(snippet)
    assert people(doc) == expected
    for group in expected:
        iris = {iri_of(doc, surface) for surface in group}
        assert len(iris) == 1


def test_a_merge_is_recorded_as_a_judgement() -> None:
    doc = resolved(
        "1. WELCOME\nMr Adeyemi addressed the meeting.\n2. BUSINESS\nMr Kofi Adeyemi thanked the committee.\n"
    )
    merges = [(j.left, j.right) for j in doc.judgements if j.same]
    assert [set(pair) for pair in merges] == [{"Mr Adeyemi", "Mr Kofi Adeyemi"}]
    assert all(j.rule for j in doc.judgements)


def test_a_split_is_recorded_as_a_judgement() -> None:
    doc = resolved(
        "Present: Councillor J. Okafor (Chair), Councillor R. Okafor\n\n1. WELCOME\nHello.\n2. CLOSE\nDone.\n"
    )
    splits = [j for j in doc.judgements if not j.same]
    assert [sorted((j.left, j.right)) for j in splits] == [["Councillor J. Okafor", "Councillor R. Okafor"]]
    assert "initial" in splits[0].rule
    assert not [j for j in doc.judgements if j.same]


def test_same_input_gives_the_same_iris() -> None:
    snippet = (
        "Present: Councillor J. Okafor (Chair)\n\n1. WELCOME\nThe Director of Finance reported.\n2. CLOSE\nDone.\n"
    )
    assert resolved(snippet).iris == resolved(snippet).iris


def test_a_person_of_one_council_has_one_iri_across_documents() -> None:
    snippet = "Present: Councillor J. Okafor (Chair)\n\n1. WELCOME\nHello.\n2. CLOSE\nDone.\n"
    march, april = resolved(snippet, "march.txt"), resolved(snippet, "april.txt")
    assert march.doc_iri != april.doc_iri
    assert iri_of(march, "Councillor J. Okafor") == iri_of(april, "Councillor J. Okafor")
    assert iri_of(march, "Councillor J. Okafor").startswith(BASE + "person/hollerton-town-council/")


def test_without_a_council_people_are_scoped_to_their_document() -> None:
    header = "Minutes of the meeting of the Finance Committee held on 2 April 2024\n\n"
    snippet = "Present: Councillor J. Okafor (Chair)\n\n1. WELCOME\nHello.\n2. CLOSE\nDone.\n"
    march, april = resolved(snippet, "march.txt", header), resolved(snippet, "april.txt", header)
    assert march.council_iri is None
    assert iri_of(march, "Councillor J. Okafor") != iri_of(april, "Councillor J. Okafor")


def test_order_of_mentions_does_not_change_identity() -> None:
    forwards = resolved("1. WELCOME\nMr Adeyemi spoke.\n2. BUSINESS\nMr Kofi Adeyemi thanked the committee.\n")
    backwards = resolved("1. WELCOME\nMr Kofi Adeyemi spoke.\n2. BUSINESS\nMr Adeyemi thanked the committee.\n")
    assert iri_of(forwards, "Mr Adeyemi") == iri_of(backwards, "Mr Adeyemi")


def test_one_post_however_spelled() -> None:
    doc = resolved(
        "1. WELCOME\nThe Director for Finance reported.\n2. BUDGET\nThe Director of Finance answered questions.\n"
    )
    posts = {iri for iri, kind in doc.kinds.items() if kind is EntityKind.POST}
    assert len(posts) == 1
    assert {f.surface for f in doc.forms[posts.pop()]} == {"Director for Finance", "Director of Finance"}


def test_a_meeting_of_the_whole_council_is_of_the_council() -> None:
    doc = resolved(
        "1. WELCOME\nHello.\n2. CLOSE\nDone.\n",
        header="Ambridge Parish Council\n"
        "Minutes of the Ordinary Meeting of the Parish Council held on 13 January 2025\n\n",
    )
    assert doc.council_iri == BASE + "council/ambridge-parish-council"
    assert doc.body_iri == doc.council_iri
    assert doc.meeting_iri.endswith("/2025-01-13")
