"""Rule tests for `graph.extract.mentions` and `graph.extract.holdings`: organisations typed by their names,
posts with and without "of X", and posts held by the person named beside them. Snippets are invented."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from graph.extract.holdings import read_holdings
from graph.extract.mentions import find_organisations, find_posts, is_committee_name, org_kind
from graph.models import OrgKind

SCHOOL, COMPANY, CHARITY = OrgKind.SCHOOL, OrgKind.COMPANY, OrgKind.CHARITY
UNION, PUBLIC, COUNCIL, PLAIN = OrgKind.TRADE_UNION, OrgKind.PUBLIC_BODY, OrgKind.COUNCIL, OrgKind.ORGANISATION


class Org(NamedTuple):
    name: str
    kind: OrgKind


class Post(NamedTuple):
    title: str
    org: Org | None


def org(name: str, kind: OrgKind = PLAIN) -> Org:
    return Org(name, kind)


def post(title: str, of: Org | None = None) -> Post:
    return Post(title, of)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


ORG_CASES: list[tuple[str, list[Org]]] = [
    ("a grant to Riverside Academy for a new roof", [org("Riverside Academy", SCHOOL)]),
    ("pupils of St Mary's Primary School", [org("St Mary's Primary School", SCHOOL)]),
    ("places at Hollerton Nursery", [org("Hollerton Nursery", SCHOOL)]),
    ("the contract with Grundy Farms Ltd was renewed", [org("Grundy Farms Ltd", COMPANY)]),
    ("a donation from the Felpersham Foundation", [org("Felpersham Foundation", CHARITY)]),
    ("the Borsetshire Food Bank Charity", [org("Borsetshire Food Bank Charity", CHARITY)]),
    ("representatives of Unison and the GMB", [org("Unison", UNION), org("GMB", UNION)]),
    ("a letter from Ofsted", [org("Ofsted", PUBLIC)]),
    ("advice from the Environment Agency", [org("Environment Agency", PUBLIC)]),
    ("Borsetshire Police attended", [org("Borsetshire Police", PUBLIC)]),
    ("NHS Borsetshire", [org("NHS Borsetshire", PUBLIC)]),
    ("a response from Loamshire County Council", [org("Loamshire County Council", COUNCIL)]),
    ("Hollerton Town Council", [org("Hollerton Town Council", COUNCIL)]),
    ("the Ambridge Cricket Club", [org("Ambridge Cricket Club")]),
    ("the Chair of the Ambridge Cricket Club", [org("Ambridge Cricket Club")]),
    # words that alone name no organisation
    ("the Advisory Board met twice", []),
    ("the Joint Strategic Partnership Board", []),
    (
        "guidance from the Department for Education",
        [org("Department for Education", PUBLIC)],
    ),
    (
        "a joint letter from Ambridge Parish Council and Riverside Academy",
        [org("Ambridge Parish Council", COUNCIL), org("Riverside Academy", SCHOOL)],
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), ORG_CASES)
def test_organisations(snippet: str, expected: list[Org]) -> None:
    found = find_organisations(snippet)
    assert [Org(o.name, o.kind) for o in found] == expected
    for ref in found:
        assert ref.span.text(snippet) == ref.name


KIND_CASES: list[tuple[str, OrgKind]] = [
    ("Felpersham City Council", COUNCIL),
    ("Royal Borough of Borchester", COUNCIL),
    ("Riverside Sixth Form", SCHOOL),
    ("Borchester Football Club", COMPANY),
    ("Ambridge Charitable Trust", CHARITY),
    ("National Farmers Union", UNION),
    ("Borsetshire Clinical Commissioning Group", PUBLIC),
    ("Sport England", PUBLIC),
    ("Ambridge Cricket Club", PLAIN),
]


@pytest.mark.parametrize(("name", "kind"), KIND_CASES)
def test_org_kind(name: str, kind: OrgKind) -> None:
    assert org_kind(name) is kind


POST_CASES: list[tuple[str, list[Post]]] = [
    ("The Director of Finance reported", [post("Director of Finance")]),
    ("the Director for Adult Services", [post("Director for Adult Services")]),
    ("the Head of Planning", [post("Head of Planning")]),
    ("the Town Clerk read the notice", [post("Town Clerk")]),
    ("the Monitoring Officer advised", [post("Monitoring Officer")]),
    ("the Responsible Financial Officer", [post("Responsible Financial Officer")]),
    ("the Clerk", [post("Clerk")]),
    ("the Leader of the Council", [post("Leader of the Council")]),
    ("the Cabinet Member for Housing", [post("Cabinet Member for Housing")]),
    ("Assistant City Mayor - Education", [post("Assistant City Mayor - Education")]),
    ("the Chair of Riverside Academy", [post("Chair", org("Riverside Academy", SCHOOL))]),
    ("the Treasurer of the Ambridge Cricket Club", [post("Treasurer", org("Ambridge Cricket Club"))]),
    # a post must say which post it is; chairing a committee is a membership, not a post
    ("the Strategic Director", []),
    ("the Chair thanked members", []),
    ("the Chair of the Planning Committee", []),
]


@pytest.mark.parametrize(("snippet", "expected"), POST_CASES)
def test_posts(snippet: str, expected: list[Post]) -> None:
    found = find_posts(snippet)
    assert [Post(p.title, Org(p.org.name, p.org.kind) if p.org else None) for p in found] == expected
    for ref in found:
        assert ref.span.text(snippet).startswith(ref.title.split()[0])


HOLDING_CASES: list[tuple[str, list[tuple[str, Post]]]] = [
    (
        "Councillor Okafor, Cabinet Member for Housing, presented the report.",
        [("Councillor Okafor", post("Cabinet Member for Housing"))],
    ),
    (
        "The Cabinet Member for Housing, Councillor Okafor, presented the report.",
        [("Councillor Okafor", post("Cabinet Member for Housing"))],
    ),
    ("Mrs Jane Turnbull, the Town Clerk, read the letter.", [("Mrs Jane Turnbull", post("Town Clerk"))]),
    (
        "Dr Ana Lindqvist, Director of Public Health, reported.",
        [("Dr Ana Lindqvist", post("Director of Public Health"))],
    ),
    (
        "Mr Sam Ortiz, Chair of the Felpersham Foundation, spoke.",
        [("Mr Sam Ortiz", post("Chair", org("Felpersham Foundation", CHARITY)))],
    ),
    ("Councillor Moss, Councillor Abara and Councillor Reyes attended.", []),
    ("Councillor Moss thanked the Town Clerk.", []),
]


@pytest.mark.parametrize(("snippet", "expected"), HOLDING_CASES)
def test_post_holdings(snippet: str, expected: list[tuple[str, Post]]) -> None:
    found = read_holdings(snippet)
    held = [
        (h.holder.surface, Post(h.post.title, Org(h.post.org.name, h.post.org.kind) if h.post.org else None))
        for h in found
    ]
    assert held == expected
    for fact in found:
        evidence = fact.evidence.text(snippet)
        assert fact.holder.surface in evidence
        assert fact.post.title.split()[0] in evidence


COMMITTEE_CASES: list[tuple[str, bool]] = [
    ("Planning Committee", True),
    ("Licensing Sub-Committee", True),
    ("Children and Families Scrutiny Panel", True),
    ("Cabinet", True),
    ("Riverside Academy", False),
    ("Felpersham Foundation", False),
    ("Committee Rooms Trust", False),
]


@pytest.mark.parametrize(("name", "expected"), COMMITTEE_CASES)
def test_is_committee_name(name: str, expected: bool) -> None:
    assert is_committee_name(name) is expected
