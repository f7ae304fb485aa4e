"""Regressions, each with the minutes snippet that once went wrong, inline."""

from __future__ import annotations

from graph.extract import extract
from graph.models import AttendanceStatus, Capacity, Extraction
from graph.read import read_bytes
from graph.segment import segment


def _extract(text: str) -> Extraction:
    return extract(segment(read_bytes(text.encode("utf-8"), "snippet.txt")))


def _attendance(extraction: Extraction) -> dict[str, tuple[AttendanceStatus, set[Capacity]]]:
    return {f.person.family: (f.status, set(f.capacities)) for f in extraction.attendance if not f.inferred}


def test_a_substitute_is_present_and_the_member_replaced_is_not() -> None:
    found = _attendance(
        _extract(
            "PLANNING COMMITTEE\nMinutes of the meeting held on 3 March 2024 at 7pm.\n"
            "Members of the Committee present: Councillor A Brown (Chair), Councillor C Dee (substituting for "
            "Councillor E Eff), Councillor G Gee\n\n1. Minutes\nRESOLVED: That the minutes be approved.\n"
        )
    )
    assert found == {
        "Brown": (AttendanceStatus.PRESENT, {Capacity.CHAIR}),
        "Dee": (AttendanceStatus.PRESENT, {Capacity.SUBSTITUTE}),
        "Gee": (AttendanceStatus.PRESENT, set()),
    }


def test_a_long_parenthesis_after_a_name_is_not_a_capacity() -> None:
    found = _attendance(
        _extract(
            "Present: Councillor A Brown (Chair of the Allotments Forum), Councillor B Cole\n\n"
            "1. Minutes\nRESOLVED: That the minutes be approved.\n"
        )
    )
    assert found["Brown"] == (AttendanceStatus.PRESENT, set())


def test_mrs_is_not_mr() -> None:
    extraction = _extract("PRESENT\n\nMrs. A. Wright CC\tMr. B. Stone CC\n\n1. Minutes\n\nRESOLVED: noted.\n")
    titles = {f.person.family: f.person.titles for f in extraction.attendance}
    assert titles == {"Wright": ("Mrs",), "Stone": ("Mr",)}


def test_a_month_after_an_honorific_is_a_surname() -> None:
    extraction = _extract(
        "1. Declarations of Interest\n\nCouncillor March declared an interest in item 3 as a governor of "
        "Hillside Academy.\n\n2. Minutes\n\nRESOLVED: That the minutes be approved.\n"
    )
    assert [d.declarant.family for d in extraction.declarations] == ["March"]


def test_declaring_a_meeting_open_is_no_declaration_of_interest() -> None:
    extraction = _extract("1. Opening\n\nCouncillor Hale declared the meeting open at 7pm.\n\n2. Close\n\nNone.\n")
    assert extraction.declarations == []


def test_reasons_for_refusal_are_one_decision() -> None:
    extraction = _extract(
        "5 Land at Mill Lane\n\nRESOLVED: That planning permission be refused for the following reasons:\n"
        "(a) the design is poor; and\n(b) the access is unsafe.\n\n6 Close\n\nThe meeting closed at 9pm.\n"
    )
    assert len(extraction.decisions) == 1
    assert "access is unsafe" in extraction.decisions[0].text


def test_a_stem_then_numbered_clauses_are_separate_decisions() -> None:
    extraction = _extract(
        "5.2 QUARRY PROPOSAL\n\nRESOLUTION 13/2024\nMoved: Cr Ames\nSeconded: Cr Bell\nThat Council:\n"
        "1. Notes the report.\n2. Objects to the proposal.\nCARRIED\n\n5.3 CLOSE\n\nNothing.\n"
    )
    assert [d.text for d in extraction.decisions] == ["Notes the report.", "Objects to the proposal."]


def test_the_next_meeting_date_is_not_the_meeting_date() -> None:
    extraction = _extract(
        "Venue: Council Chamber, Town Hall\n\n1. Date of next meeting\n\nThe next meeting will be held on "
        "6 June 2023 at 2pm.\n\n2. Close\n\nNothing.\n"
    )
    assert extraction.meeting.date is None


def test_a_declared_organisation_is_not_business_of_the_declarations_item() -> None:
    extraction = _extract(
        "1. Declarations of Interest\n\nCouncillor Ames declared an interest as a governor of Hillside Academy.\n\n"
        "2. School Places\n\nThe report on places at Hillside Academy was noted.\n\nRESOLVED: noted.\n"
    )
    mentions = {item.title: [org.name for org in item.mentions] for item in extraction.items}
    assert mentions == {"Declarations of Interest": [], "School Places": ["Hillside Academy"]}
