"""Each kind of finding on a small hand-built network, and the networks that must give no finding."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.network.findings import Conflicts, find_conflicts
from graph.network.models import Finding, FindingKind
from tests.network_scenarios import APOLOGIES, CHAIR, Scenario

A = FindingKind.DECLARED_AND_TOOK_PART
B = FindingKind.POSSIBLE_UNDECLARED_INTEREST
C = FindingKind.LINK_TO_DECISION_MAKER


@pytest.fixture
def world() -> Scenario:
    return Scenario()


def _summary(findings: list[Finding]) -> list[tuple[FindingKind, str, str, str | None, bool | None]]:
    return [(f.kind, f.person.label, f.organisation.label, f.meeting.date, f.withdrew) for f in findings]


def test_declared_and_took_part_when_an_item_mentions_the_organisation(world: Scenario) -> None:
    ames, school = world.person("Councillor Ames"), world.organisation("Hillside Academy")
    meeting = world.meeting(world.body("Schools Committee"), "2024-03-01")
    world.attended(ames, meeting)
    world.declared(ames, school, meeting)
    world.item(meeting, "5", "School transport", mentions=(school,))
    found = find_conflicts(world.projection())
    assert _summary(found) == [(A, "Councillor Ames", "Hillside Academy", "2024-03-01", False)]
    assert [i.label for i in found[0].items] == ["School transport"]
    assert "do not record that they withdrew" in found[0].explanation
    assert [step.says for step in found[0].evidence] == [
        "Councillor Ames declared an interest in Hillside Academy",
        "Councillor Ames attended the Schools Committee meeting of 1 March 2024",
        "item 5 “School transport” at the Schools Committee meeting of 1 March 2024 mentions Hillside Academy",
    ]
    assert all(step.quote and step.document for step in found[0].evidence)


def test_withdrawing_is_reported_and_ranked_last(world: Scenario) -> None:
    ames, bell = world.person("Councillor Ames"), world.person("Councillor Bell")
    school = world.organisation("Hillside Academy")
    meeting = world.meeting(world.body("Schools Committee"), "2024-03-01")
    world.declared(ames, school, meeting, withdrew=True)
    world.declared(bell, school, meeting)
    world.item(meeting, "5", "School transport", mentions=(school,))
    found = find_conflicts(world.projection())
    assert [(f.person.label, f.withdrew) for f in found] == [("Councillor Bell", False), ("Councillor Ames", True)]
    assert "record that they withdrew" in found[1].explanation


def test_a_declaration_naming_the_item_counts_though_the_item_never_names_the_organisation(world: Scenario) -> None:
    ames, firm = world.person("Councillor Ames"), world.organisation("Acme Paving Ltd")
    meeting = world.meeting(world.body("Highways Committee"), "2024-03-01")
    item = world.item(meeting, "7", "Resurfacing contract")
    world.declared(ames, firm, meeting, item=item)
    assert _summary(find_conflicts(world.projection())) == [
        (A, "Councillor Ames", "Acme Paving Ltd", "2024-03-01", False)
    ]


def test_a_declaration_with_no_business_touching_it_is_no_finding(world: Scenario) -> None:
    ames, school = world.person("Councillor Ames"), world.organisation("Hillside Academy")
    meeting = world.meeting(world.body("Schools Committee"), "2024-03-01")
    world.attended(ames, meeting)
    world.declared(ames, school, meeting)
    world.item(meeting, "5", "Budget", mentions=(world.organisation("Acme Paving Ltd"),))
    assert find_conflicts(world.projection()) == []


def _declared_then_attended(world: Scenario, later: str, status: str | None = None) -> tuple[str, str, str]:
    ames, school = world.person("Councillor Ames"), world.organisation("Hillside Academy")
    committee = world.body("Schools Committee")
    first = world.meeting(committee, "2024-01-10")
    world.declared(ames, school, first)
    second = world.meeting(committee, later)
    world.attended(ames, second, **({"status": status} if status else {}))
    world.item(second, "3", "Hillside Academy expansion", mentions=(school,))
    return ames, school, second


def test_a_link_declared_elsewhere_and_no_declaration_there_is_a_possible_undeclared_interest(
    world: Scenario,
) -> None:
    _declared_then_attended(world, "2024-06-01")
    found = find_conflicts(world.projection())
    assert _summary(found) == [(B, "Councillor Ames", "Hillside Academy", "2024-06-01", None)]
    assert "no declaration" in found[0].explanation
    assert "declared an interest in Hillside Academy at the Schools Committee meeting of 10 January 2024" in (
        found[0].explanation
    )


def test_declaring_again_at_the_meeting_makes_it_declared_not_undeclared(world: Scenario) -> None:
    ames, school, second = _declared_then_attended(world, "2024-06-01")
    world.declared(ames, school, second)
    assert [f.kind for f in find_conflicts(world.projection())] == [A]


def test_a_link_recorded_years_from_the_meeting_is_no_finding(world: Scenario) -> None:
    _declared_then_attended(world, "2029-06-01")
    assert find_conflicts(world.projection()) == []


def test_sending_apologies_is_not_taking_part(world: Scenario) -> None:
    _declared_then_attended(world, "2024-06-01", status=APOLOGIES)
    assert find_conflicts(world.projection()) == []


def test_a_post_in_the_organisation_is_a_link(world: Scenario) -> None:
    ames, trust = world.person("Councillor Ames"), world.organisation("Riverside Trust")
    meeting = world.meeting(world.body("Health Board"), "2024-05-05")
    world.holds(ames, world.post("Trustee of Riverside Trust", trust), meeting)
    world.attended(ames, meeting)
    world.item(meeting, "4", "Riverside Trust grant", mentions=(trust,))
    found = find_conflicts(world.projection())
    assert _summary(found) == [(B, "Councillor Ames", "Riverside Trust", "2024-05-05", None)]
    assert "holds the post of Trustee of Riverside Trust at Riverside Trust" in found[0].explanation


def test_a_post_in_the_council_itself_is_no_outside_interest(world: Scenario) -> None:
    officer, council = world.person("Jo Clerk"), world.council("Shire County Council")
    meeting = world.meeting(world.body("Cabinet"), "2024-05-05")
    world.holds(officer, world.post("Director of Finance", council), meeting)
    world.attended(officer, meeting)
    world.item(meeting, "4", "Council budget", mentions=(council,))
    assert find_conflicts(world.projection()) == []


def _chair_absent_from_a_decision(world: Scenario, decided: bool = True) -> tuple[str, str]:
    ames, firm = world.person("Councillor Ames"), world.organisation("Acme Paving Ltd")
    committee = world.body("Highways Committee")
    first = world.meeting(committee, "2024-01-10")
    world.member(ames, committee, first, role=CHAIR)
    world.attended(ames, first)
    world.declared(ames, firm, first)
    second = world.meeting(committee, "2024-02-20")
    world.attended(ames, second, status=APOLOGIES)
    item = world.item(second, "6", "Paving contract award", mentions=(firm,))
    if decided:
        world.decision(item, "That the contract be awarded to Acme Paving Ltd.")
    return ames, second


def test_a_linked_chair_of_the_deciding_body_is_a_link_to_a_decision_maker(world: Scenario) -> None:
    _chair_absent_from_a_decision(world)
    found = find_conflicts(world.projection())
    assert _summary(found) == [(C, "Councillor Ames", "Acme Paving Ltd", "2024-02-20", None)]
    assert found[0].explanation.startswith("Councillor Ames chaired Highways Committee, which decided on item 6")
    assert [d.label for d in found[0].decisions] == ["That the contract be awarded to Acme Paving Ltd."]


def test_business_without_a_decision_is_no_link_to_a_decision_maker(world: Scenario) -> None:
    _chair_absent_from_a_decision(world, decided=False)
    assert find_conflicts(world.projection()) == []


def test_one_finding_per_person_organisation_and_meeting_the_strongest_kind(world: Scenario) -> None:
    ames, second = _chair_absent_from_a_decision(world)
    world.attended(ames, second)
    found = find_conflicts(world.projection())
    assert [(f.kind, f.meeting.date) for f in found] == [(B, "2024-02-20")]


def test_findings_are_reproducible_and_ranked(world: Scenario) -> None:
    _chair_absent_from_a_decision(world)
    ames, bell = world.person("Councillor Ames"), world.person("Councillor Bell")
    school = world.organisation("Hillside Academy")
    meeting = world.meeting(world.body("Schools Committee"), "2023-03-01")
    world.declared(bell, school, meeting)
    world.declared(ames, school, meeting, withdrew=True)
    world.item(meeting, "2", "Hillside Academy", mentions=(school,))
    found = find_conflicts(world.projection())
    assert [(f.kind, f.person.label, f.withdrew) for f in found] == [
        (A, "Councillor Bell", False),
        (C, "Councillor Ames", None),
        (A, "Councillor Ames", True),
    ]
    assert find_conflicts(world.projection()) == found


def test_findings_are_selected_by_person_organisation_body_date_and_kind(world: Scenario) -> None:
    ames, _ = _chair_absent_from_a_decision(world)
    conflicts = Conflicts.of(world.projection())
    (only,) = conflicts.findings(conflicts.cases)
    body = only.body.iri if only.body else None
    assert conflicts.select(person=ames) == conflicts.cases
    assert conflicts.select(person="urn:person:nobody") == []
    assert conflicts.select(organisation=only.organisation.iri, body=body) == conflicts.cases
    assert conflicts.select(body="urn:body:elsewhere") == []
    assert conflicts.select(since=dt.date(2024, 2, 20), kind=C) == conflicts.cases
    assert conflicts.select(since=dt.date(2024, 2, 21)) == []
    assert conflicts.select(kind=A) == []


def test_an_entity_of_unknown_kind_is_no_organisation(world: Scenario) -> None:
    ames = world.person("Councillor Ames")
    meeting = world.meeting(world.body("Schools Committee"), "2024-03-01")
    world.declared(ames, "urn:untyped:thing", meeting)
    world.item(meeting, "5", "School transport", mentions=("urn:untyped:thing",))
    assert find_conflicts(world.projection()) == []
