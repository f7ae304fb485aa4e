"""Golden tests on minutes in layouts other than the sample data: a parish council, a county cabinet, a
planning committee, a Scottish committee, and Australian, New Zealand and United States councils.

Each expectation is what a reader of the minutes would say; the fixtures are invented, not real minutes."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph.extract import extract
from graph.identity import IriMinter
from graph.models import AttendanceStatus, Capacity, Extraction
from graph.pipeline import process
from graph.read import read
from graph.segment import segment
from graph.settings import Settings
from graph.validate import load_shapes

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


@dataclass(frozen=True)
class Expected:
    council: str | None
    body: str | None
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    decisions: dict[str | None, int]
    present: set[str]
    apologies: set[str] = field(default_factory=set)
    absent: set[str] = field(default_factory=set)
    chair: str | None = None
    vice_chair: str | None = None
    declarations: set[tuple[str, str | None, bool]] = field(default_factory=set)


CASES: dict[str, Expected] = {
    "parish.txt": Expected(
        council="Ambridge Parish Council",
        body="Ambridge Parish Council",
        date=dt.date(2024, 3, 12),
        start=dt.time(19, 30),
        end=dt.time(21, 5),
        decisions={"24/033": 1, "24/035": 2, "24/036": 1, "24/037": 1},
        present={"Archer", "Pargetter", "Snell", "Grundy", "Horrobin", "Aldridge", "Perks"},
        apologies={"Tucker", "Carter"},
        chair="Archer",
        vice_chair="Pargetter",
        declarations={("Grundy", "Ambridge Village Hall Trust", True)},
    ),
    "county.txt": Expected(
        council=None,
        body="Cabinet",
        date=dt.date(2024, 5, 15),
        start=dt.time(10, 0),
        end=dt.time(11, 45),
        decisions={"3": 1, "4": 2, "5": 1},
        present={"Taylor", "Harris", "Monk", "Rogerson", "Rich", "Frost", "Kennally", "Trethowan"},
        apologies={"Alvey"},
        chair="Taylor",
        vice_chair="Harris",
        declarations={("Rogerson", "Truro College", True)},
    ),
    "planning.txt": Expected(
        council=None,
        body="Planning Committee",
        date=dt.date(2024, 1, 10),
        start=dt.time(19, 0),
        end=dt.time(21, 40),
        decisions={"44": 1, "46": 1, "47": 1, "48": 1},
        present={"Smith", "Jones", "Brown", "Green", "White", "Black", "Doe", "Lee"},
        apologies={"Grey", "Blue"},
        chair="Smith",
        vice_chair="Jones",
        declarations={("Brown", None, False), ("Green", "Green Farm Ltd", True)},
    ),
    "scot.txt": Expected(
        council="Aberdeenshire Council",
        body="Infrastructure Services Committee",
        date=dt.date(2024, 3, 7),
        start=dt.time(10, 0),
        end=None,
        decisions={"2": 1, "3": 2, "4": 1, "5": 1},
        present={"Cox", "McKail", "Forsyth", "Carr", "Findlater", "Aitchison", "McKeown", "Will", "Ross"},
        apologies={"Dickinson"},
        chair="Cox",
        vice_chair="McKail",
        declarations={("Findlater", "Banff Harbour Trust", True)},
    ),
    "aus.txt": Expected(
        council="Wollondilly Shire Council",
        body="Ordinary Council Meeting",
        date=dt.date(2024, 2, 20),
        start=dt.time(18, 30),
        end=dt.time(20, 12),
        decisions={"3": 1, "5.2": 2},
        present={"Gould", "Briggs", "Brandstater", "Rogers", "Banasik", "Taylor"},
        apologies={"Hannan"},
        declarations={("Brandstater", "Picton Quarries Pty Ltd", True)},
    ),
    "nz.txt": Expected(
        council="Hamilton City Council",
        body="Finance Committee",
        date=dt.date(2024, 2, 22),
        start=dt.time(9, 30),
        end=dt.time(11, 2),
        decisions={"1": 1, "3": 1, "4": 2},
        present={"van der Oosten", "Naidoo-Rauf", "Southgate", "O'Leary", "Hamilton", "Wilson", "Vervoort", "Bryant"},
        apologies={"Hutt"},
        chair="van der Oosten",
        vice_chair="Naidoo-Rauf",
        declarations={("O'Leary", "Waikato Regional Theatre Trust", True)},
    ),
    "us.txt": Expected(
        council="City of Springfield",
        body="City Council Regular Meeting",
        date=dt.date(2024, 1, 9),
        start=dt.time(19, 0),
        end=dt.time(20, 42),
        decisions={"CONSENT AGENDA": 1, "PUBLIC HEARING - ZONING AMENDMENT": 1},
        present={"Quimby", "Lovejoy", "Flanders", "Nahasapeemapetilon"},
        absent={"Krabappel"},
        declarations={("Nahasapeemapetilon", None, True)},
    ),
}


def _extraction(name: str) -> Extraction:
    return extract(segment(read(LAYOUTS / name)))


def _by_status(extraction: Extraction) -> dict[AttendanceStatus, set[str]]:
    found: dict[AttendanceStatus, set[str]] = {status: set() for status in AttendanceStatus}
    for fact in extraction.attendance:
        found[fact.status].add(fact.person.family)
    return found


@pytest.mark.parametrize("name", sorted(CASES))
def test_meeting_header(name: str) -> None:
    expected, meeting = CASES[name], _extraction(name).meeting
    assert meeting.council == expected.council
    assert meeting.body is not None and meeting.body.name.lower() == (expected.body or "").lower()
    assert (meeting.date, meeting.start, meeting.end) == (expected.date, expected.start, expected.end)


@pytest.mark.parametrize("name", sorted(CASES))
def test_decisions_per_item(name: str) -> None:
    extraction = _extraction(name)
    counts = Counter(
        extraction.items[d.item_index].number or extraction.items[d.item_index].title for d in extraction.decisions
    )
    assert dict(counts) == CASES[name].decisions


@pytest.mark.parametrize("name", sorted(CASES))
def test_attendance(name: str) -> None:
    expected, found = CASES[name], _by_status(_extraction(name))
    attended = found[AttendanceStatus.PRESENT] | found[AttendanceStatus.IN_ATTENDANCE]
    assert attended == expected.present
    assert found[AttendanceStatus.APOLOGIES] == expected.apologies
    assert found[AttendanceStatus.ABSENT] == expected.absent


@pytest.mark.parametrize("name", sorted(CASES))
def test_chairs(name: str) -> None:
    extraction = _extraction(name)
    chairs = {f.person.family for f in extraction.attendance if Capacity.CHAIR in f.capacities}
    vice_chairs = {f.person.family for f in extraction.attendance if Capacity.VICE_CHAIR in f.capacities}
    expected = CASES[name]
    assert chairs == ({expected.chair} if expected.chair else set())
    assert vice_chairs == ({expected.vice_chair} if expected.vice_chair else set())


@pytest.mark.parametrize("name", sorted(CASES))
def test_declarations(name: str) -> None:
    found = {
        (d.declarant.family, d.subjects[0].name if d.subjects else None, d.withdrew)
        for d in _extraction(name).declarations
    }
    assert found == CASES[name].declarations


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_layout_gives_a_valid_graph(name: str) -> None:
    settings = Settings()
    processed = process(LAYOUTS / name, IriMinter(settings.base_iri), load_shapes(settings.shapes_dir))
    assert processed.report.conforms
    assert len(processed.graph.graph) > 100
