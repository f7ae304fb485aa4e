"""A synthetic store of N meetings, written by councilgraph's own resolve → build → store stages.

    python bench/synthetic.py --meetings 10000 --seed 1

Each synthetic meeting is a short minutes text plus the Extraction that the extract stage would read from
it, with every span pointing into that text; people are read from their spans by the extractor's own name
parser and organisations typed by its own rules. From there the document goes through `resolve`, `build`
and `OxigraphStore.replace_document` exactly as ingest does (SHACL validation is skipped for speed), so
IRIs, the entities graph, hidden labels, provenance and evidence are those real minutes would give.

The world is fictional but proportioned like a county's minutes: four councils, fifteen committees each
plus full council meetings, two hundred councillors per council with surnames shared inside and across
councils, officers named by their posts, two thousand outside organisations (schools, companies, charities,
public bodies, unions) of which a few are mentioned often, meetings dated 2015-2025. Everything is drawn
from RNGs seeded by the options, so the same options give the same store, byte for byte on export. Built
stores are cached under bench/out/, keyed by the options and the code that decides the layout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.build import build
from graph.extract.mentions import is_committee_name, org_kind
from graph.extract.names import person_at
from graph.identity import IriMinter, name_key
from graph.models import (
    AgendaItem,
    AttendanceFact,
    AttendanceStatus,
    BodyRef,
    Capacity,
    Clause,
    DecisionFact,
    DeclarationFact,
    Extraction,
    InterestKind,
    ItemFact,
    MeetingFacts,
    MembershipChange,
    MembershipFact,
    Minutes,
    OrgKind,
    OrgRef,
    PersonRef,
    PostHoldingFact,
    PostRef,
    ResolutionBlock,
    RosterBlock,
    RosterLine,
    SourceDocument,
    Span,
)
from graph.resolve import resolve
from graph.settings import PROJECT_ROOT, Settings
from graph.store.oxigraph import OxigraphStore

__all__ = ["OUT", "BuiltStore", "SyntheticOptions", "build_store", "cached_store", "document_name", "extraction"]

OUT = PROJECT_ROOT / "bench" / "out"
_LAYOUT_CODE = (
    "bench/synthetic.py",
    "graph/__init__.py",
    "graph/build.py",
    "graph/describe.py",
    "graph/extract/mentions.py",
    "graph/extract/names.py",
    "graph/identity.py",
    "graph/resolve.py",
    "graph/store/oxigraph.py",
    "graph/vocab.py",
)
_FIRST_DAY = dt.date(2015, 1, 1)
_LAST_DAY = dt.date(2025, 12, 31)


def _words(block: str) -> tuple[str, ...]:
    return tuple(block.split())


_COUNCILS = (
    ("Northfield City Council", "Northfield"),
    ("Westshire County Council", "Westbury"),
    ("Eastmoor Borough Council", "Eastmoor"),
    ("Southdale District Council", "Southdale"),
)
_COMMITTEES = (
    "Planning and Development Control Committee",
    "Licensing Committee",
    "Audit and Governance Committee",
    "Cabinet",
    "Children and Families Overview and Scrutiny Committee",
    "Adults and Communities Overview and Scrutiny Committee",
    "Health Overview and Scrutiny Committee",
    "Highways and Transport Overview and Scrutiny Committee",
    "Environment and Climate Emergency Scrutiny Commission",
    "Corporate Parenting Board",
    "Health and Wellbeing Board",
    "Pension Fund Committee",
    "Employment Committee",
    "Standards Committee",
    "Housing Scrutiny Commission",
)
_FAMILIES = _words(
    """
    Patel Smith Jones Williams Brown Taylor Davies Evans Wilson Thomas Johnson Roberts Walker Wright
    Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Clark
    Turner Hill Scott Cooper Morris Ward Moore King Watson Baker Harrison Morgan Young Allen
    Mitchell Anderson Kelly Bell Khan Hussain Ahmed Singh Kaur Shah Begum Ali Chauhan Mistry
    Parmar Solanki Gill Sandhu Bains Okafor Mensah Ndlovu Kowalski Nowak Murphy O'Brien Byrne Ryan
    Doyle Fryer Page Barnes March Sharma Joshi Rahman Chowdhury Akhtar Fletcher Marsh Bennett Carter
    Phillips Collins Cook Bailey Parker Russell Griffiths Lloyd Price Pearson Dixon Knight Hunt Mills
    Palmer Holmes Rogers Stevens Gibson Fisher Ellis Shaw Lawrence Webb Grant Dunn
"""
)
_GIVEN = _words(
    """
    Amir Anita Ben Carol Deepak Diane Edward Fatima Gareth Gurpreet Helen Ian Imran Jane
    Jaswinder Kate Kevin Leon Lynn Manjula Mark Nasreen Neil Olivia Paul Priya Rachel Ravi
    Ruth Sally Sanjay Simon Susan Tom Usha Vijay Wendy Yasmin Zoe Alan Bridget Colin
    Dawn Elaine Frank Grace Harjit
"""
)
_PLACE_HEADS = _words(
    """
    Ash Beck Brook Church Clay Elm Fern Glen Hazel Holm Kings Lark Long Mill
    Moor Oak Pen Red Rose Sand Stan Stone Thorn Wil Wood Yew Bar Black
    Brad Cal Dun Far
"""
)
_PLACE_TAILS = _words("by field ford ham ley ton well wick worth dale gate hurst")
_ORG_PATTERNS = (
    ("{place} Primary School", "a governor"),
    ("{place} Academy", "a governor"),
    ("{place} High School", "a governor"),
    ("{place} Homes Limited", "a director"),
    ("{family} Construction Ltd", "a director"),
    ("{place} Developments Ltd", "a shareholder"),
    ("{place} Community Foundation", "a trustee"),
    ("{place} Food Bank", "a volunteer"),
    ("{place} Community Trust", "a trustee"),
    ("{place} Youth Charity", "a trustee"),
    ("{place} Sports Association", "a member"),
    ("{place} Housing Association", "a board member"),
    ("{place} Police Authority", "a member"),
    ("{place} Hospitals NHS Trust", "a non-executive director"),
)
_UNIONS = (("UNISON", "a member"), ("GMB", "a member"), ("Unite", "a member"), ("NEU", "a member"))
_POSTS = (
    "Chief Executive",
    "Director of Finance",
    "Monitoring Officer",
    "Director of Children's Services",
    "Director of Adult Social Care",
    "Director of Public Health",
    "Head of Planning",
    "Head of Legal Services",
    "Director of Environment and Transport",
    "Democratic Services Officer",
)
_TOPICS = (
    "Budget Monitoring Report",
    "Revenue Budget and Capital Programme",
    "Work Programme",
    "Performance Report",
    "Home to School Transport Policy",
    "Local Plan Update",
    "Air Quality Action Plan",
    "Corporate Risk Register",
    "Treasury Management Strategy",
    "Annual Governance Statement",
    "Special Educational Needs Provision",
    "Adult Social Care Charging Policy",
)
_ORG_TITLES = (
    "Funding Agreement with {org}",
    "Annual Report of {org}",
    "Proposed Partnership with {org}",
    "Contract Award to {org}",
    "Community Grant to {org}",
)
_RESOLUTIONS = (
    "That the report be noted.",
    "That the recommendations in the report be approved.",
    "That the {post} be asked to report back to a future meeting.",
    "That the comments of the Committee be forwarded to the Cabinet.",
    "That authority be delegated to the {post} to finalise the arrangements.",
    "That a task group be established to review the matter.",
)
_INTERESTS = (
    ("a disclosable pecuniary interest", InterestKind.DISCLOSABLE_PECUNIARY),
    ("an other registrable interest", InterestKind.OTHER_REGISTRABLE),
    ("a personal interest", InterestKind.PERSONAL),
    ("an interest", None),
)


@dataclass(frozen=True)
class SyntheticOptions:
    """What decides a synthetic store; equal options give equal stores."""

    meetings: int = 10_000
    seed: int = 1
    councillors_per_council: int = 200
    organisations: int = 2_000

    def key(self) -> str:
        """The cache folder's name: the options, and a digest of the code that decides the graph's layout, so a
        change to how documents are built or stored is never served from a stale cache."""
        digest = hashlib.sha256()
        for name in _LAYOUT_CODE:
            digest.update((PROJECT_ROOT / name).read_bytes())
        return (
            f"synthetic-m{self.meetings}-s{self.seed}-c{self.councillors_per_council}-o{self.organisations}"
            f"-{digest.hexdigest()[:12]}"
        )


@dataclass(frozen=True)
class Councillor:
    given: str
    family: str
    interests: tuple[int, ...]

    @property
    def full(self) -> str:
        return f"Councillor {self.given[0]}. {self.family}"

    @property
    def short(self) -> str:
        return f"Councillor {self.family}"


@dataclass(frozen=True)
class Organisation:
    name: str
    role: str


@dataclass(frozen=True)
class Body:
    council: int
    name: str


@dataclass(frozen=True)
class World:
    """The fixed cast every meeting draws from."""

    options: SyntheticOptions
    councillors: tuple[tuple[Councillor, ...], ...]
    officers: tuple[tuple[str, ...], ...]
    organisations: tuple[Organisation, ...]
    local: tuple[tuple[int, ...], ...]
    bodies: tuple[Body, ...]


@dataclass(frozen=True)
class BuiltStore:
    path: Path
    meetings: int
    quads: int
    build_s: float
    size_bytes: int


def _organisations(rng: random.Random, count: int) -> tuple[Organisation, ...]:
    """Distinct outside organisations: none named like a committee, none keyed alike, no councils."""
    places = [head + tail for head in _PLACE_HEADS for tail in _PLACE_TAILS]
    found: dict[str, Organisation] = {name_key(n): Organisation(n, r) for n, r in _UNIONS}
    while len(found) < count:
        pattern, role = rng.choice(_ORG_PATTERNS)
        name = pattern.format(place=rng.choice(places), family=rng.choice(_FAMILIES))
        if not is_committee_name(name) and org_kind(name) is not OrgKind.COUNCIL:
            found.setdefault(name_key(name), Organisation(name, role))
    return tuple(sorted(found.values(), key=lambda o: o.name))


def _reads_as_person(surface: str, family: str) -> bool:
    person = person_at(surface, 0, len(surface))
    return person is not None and person.family == family


def _families() -> tuple[str, ...]:
    """The surnames the name parser reads as surnames in every form the minutes use ("Hall" is taken for a
    building, "March" for a month), so the text always reads back as the facts written for it."""
    forms = ("Councillor A. {}", "Councillor {}", "Jane {}")
    return tuple(f for f in _FAMILIES if all(_reads_as_person(form.format(f), f) for form in forms))


def _world(options: SyntheticOptions) -> World:
    rng = random.Random(f"{options.seed}:world")
    families = _families()
    organisations = _organisations(rng, options.organisations)
    shuffled = list(range(len(organisations)))
    rng.shuffle(shuffled)
    local = tuple(tuple(shuffled[c :: len(_COUNCILS)]) for c in range(len(_COUNCILS)))
    councillors = tuple(
        tuple(
            Councillor(
                given=rng.choice(_GIVEN),
                family=rng.choice(families),
                interests=tuple(rng.sample(local[c], rng.randint(1, 3))),
            )
            for _ in range(options.councillors_per_council)
        )
        for c in range(len(_COUNCILS))
    )
    officers = tuple(
        tuple(f"{rng.choice(_GIVEN)} {rng.choice(families)}" for _ in _POSTS) for _ in range(len(_COUNCILS))
    )
    bodies = tuple(Body(c, name) for c in range(len(_COUNCILS)) for name in (*_COMMITTEES, "Full Council"))
    return World(options, councillors, officers, organisations, local, bodies)


def _schedule(world: World) -> list[tuple[dt.date, Body]]:
    """Every meeting's date and body, in date order: bodies share the meetings evenly, on weekdays, one a day
    at most, since a body's meeting IRI is minted from its date."""
    rng = random.Random(f"{world.options.seed}:schedule")
    every = (_FIRST_DAY + dt.timedelta(days=d) for d in range((_LAST_DAY - _FIRST_DAY).days + 1))
    days = [day for day in every if day.weekday() < 5]
    count = len(world.bodies)
    meetings: list[tuple[dt.date, Body]] = []
    for index, body in enumerate(world.bodies):
        share = world.options.meetings // count + (1 if index < world.options.meetings % count else 0)
        meetings.extend((day, body) for day in rng.sample(days, share))
    return sorted(meetings, key=lambda m: (m[0], m[1].council, m[1].name))


def document_name(index: int) -> str:
    return f"synthetic-{index:05d}.txt"


class _Text:
    """Minutes text written piece by piece; each piece's span is where it landed."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    @property
    def position(self) -> int:
        return self._length

    def add(self, piece: str) -> Span:
        start = self._length
        self._parts.append(piece)
        self._length += len(piece)
        return Span(start=start, end=self._length)

    def line(self, piece: str = "") -> Span:
        span = self.add(piece)
        self.add("\n")
        return span

    def person(self, surface: str) -> PersonRef:
        """A name written here and read back by the extractor's own name parser."""
        span = self.add(surface)
        person = person_at(surface, 0, len(surface), base=span.start)
        if person is None:
            raise ValueError(f"the name parser does not read {surface!r} as a person")
        return person

    def org(self, organisation: Organisation) -> OrgRef:
        span = self.add(organisation.name)
        return OrgRef(name=organisation.name, span=span, kind=org_kind(organisation.name))

    def value(self) -> str:
        return "".join(self._parts)


def _roster(world: World, body: Body, year: int) -> tuple[Councillor, ...]:
    """A body's members for one municipal year (May to May), chair first and vice-chair second; full council
    meetings draw theirs afresh each time."""
    rng = random.Random(f"{world.options.seed}:roster:{body.council}:{body.name}:{year}")
    return tuple(rng.sample(world.councillors[body.council], 10))


def _clock(rng: random.Random, start_hour: int) -> tuple[dt.time, dt.time]:
    start = dt.time(start_hour, rng.choice((0, 30)))
    end = dt.time(start_hour + rng.randint(1, 3), rng.choice((0, 15, 30, 45)))
    return start, end


def _spoken(clock: dt.time) -> str:
    return f"{clock.hour % 12 or 12}:{clock.minute:02d} {'am' if clock.hour < 12 else 'pm'}"


def _ambiguous(people: list[Councillor]) -> set[str]:
    families = [p.family for p in people]
    return {f for f in families if families.count(f) > 1}


@dataclass
class _Meeting:
    """One meeting being written: its text, and the facts read from it so far."""

    text: _Text
    body_ref: BodyRef
    attendance: list[AttendanceFact]
    holdings: list[PostHoldingFact]
    posts: list[PostRef]
    items: list[ItemFact]
    segments: list[AgendaItem]
    decisions: list[DecisionFact]
    declarations: list[DeclarationFact]
    memberships: list[MembershipFact]


def _roster_block(
    m: _Meeting, heading: str, people: Sequence[tuple[str, str | None]], status: AttendanceStatus
) -> RosterBlock:
    """A list such as PRESENT: with one line per person; a note after a councillor is a capacity, after an
    officer a post."""
    heading_span = m.text.line(heading)
    lines: list[RosterLine] = []
    for surface, note in people:
        start = m.text.position
        person = m.text.person(surface)
        capacities: tuple[Capacity, ...] = ()
        if note is not None:
            m.text.add(" (")
            if note in ("Chair", "Vice-Chair"):
                m.text.add(note)
                capacities = (Capacity.CHAIR,) if note == "Chair" else (Capacity.VICE_CHAIR,)
            else:
                post = PostRef(title=note, span=m.text.add(note))
                m.posts.append(post)
                m.holdings.append(
                    PostHoldingFact(post=post, holder=person, evidence=Span(start=start, end=post.span.end))
                )
            m.text.add(")")
        line = Span(start=start, end=m.text.position)
        m.text.line()
        lines.append(RosterLine(span=line))
        m.attendance.append(AttendanceFact(person=person, status=status, capacities=capacities, evidence=line))
    return RosterBlock(heading=heading.rstrip(":"), heading_span=heading_span, lines=lines)


def _item(m: _Meeting, title: str, mention: Organisation | None = None) -> int:
    """An agenda item heading, the organisation written where `{org}` stands; returns the item's index."""
    number = str(len(m.segments) + 1)
    m.text.add(f"{number}. ")
    start = m.text.position
    mentions: list[OrgRef] = []
    if mention is not None:
        before, after = title.split("{org}")
        m.text.add(before)
        mentions.append(m.text.org(mention))
        m.text.add(after)
        title = f"{before}{mention.name}{after}"
    else:
        m.text.add(title)
    span = Span(start=start, end=m.text.position)
    m.text.line()
    m.items.append(ItemFact(number=number, title=title, span=span, mentions=mentions))
    m.segments.append(AgendaItem(number=number, title=title, title_span=span, body=span, resolutions=[]))
    return len(m.segments) - 1


def _close_item(m: _Meeting, index: int, resolutions: list[ResolutionBlock]) -> None:
    """The item's body runs from its title to here."""
    segment = m.segments[index]
    body = Span(start=segment.title_span.start, end=m.text.position)
    m.segments[index] = segment.model_copy(update={"body": body, "resolutions": resolutions})


def _resolved(m: _Meeting, index: int, clauses: list[str]) -> None:
    """A RESOLVED: block closing item `index`, lettered when it has more than one clause."""
    marker = m.text.line("RESOLVED:")
    written: list[Clause] = []
    for ordinal, clause in enumerate(clauses):
        label = "abcdefgh"[ordinal] if len(clauses) > 1 else None
        if label is not None:
            m.text.add(f"({label}) ")
        span = m.text.line(clause)
        written.append(Clause(label=label, span=span))
        m.decisions.append(
            DecisionFact(
                item_index=index, text=clause, ordinal=ordinal + 1 if label else None, label=label, evidence=span
            )
        )
    _close_item(m, index, [ResolutionBlock(marker_span=marker, clauses=written)])


def _declaration(m: _Meeting, rng: random.Random, surface: str, organisation: Organisation, item: int) -> None:
    """ "Councillor X declared an interest in item N as a trustee of Y.", read as a declaration and, as the
    extractor does, as that councillor's presence."""
    phrase, kind = rng.choice(_INTERESTS)
    withdrew = kind is InterestKind.DISCLOSABLE_PECUNIARY
    start = m.text.position
    declarant = m.text.person(surface)
    m.text.add(" declared ")
    said = m.text.add(f"{phrase} in item {item + 1} as {organisation.role} of ")
    subject = m.text.org(organisation)
    m.text.add(" and left the meeting during its consideration." if withdrew else ".")
    evidence = Span(start=start, end=m.text.position)
    m.text.line()
    m.declarations.append(
        DeclarationFact(
            declarant=declarant,
            text=m.text.value()[said.start : evidence.end],
            subjects=[subject],
            kind=kind,
            item_index=item,
            item_number=str(item + 1),
            withdrew=withdrew,
            evidence=evidence,
        )
    )
    m.attendance.append(
        AttendanceFact(person=declarant, status=AttendanceStatus.PRESENT, evidence=evidence, inferred=True)
    )


def _appointment(m: _Meeting, surface: str, year: int, day: dt.date) -> None:
    """ "Councillor X was appointed Vice-Chair for the 2019/20 municipal year.": a membership with a term."""
    start = m.text.position
    person = m.text.person(surface)
    m.text.add(" was appointed Vice-Chair of the Committee for the ")
    term = m.text.add(f"{year}/{(year + 1) % 100:02d} municipal year")
    m.text.line(".")
    m.memberships.append(
        MembershipFact(
            person=person,
            body=m.body_ref,
            role=Capacity.VICE_CHAIR,
            change=MembershipChange.APPOINTED,
            begins=day,
            term=m.text.value()[term.start : term.end],
            evidence=Span(start=start, end=term.end + 1),
        )
    )


def _header(
    text: _Text, council: str, town: str, body: BodyRef, day: dt.date, clock: tuple[dt.time, dt.time]
) -> MeetingFacts:
    """The lines that say which body met, when and where, with the council under them."""
    text.add("Minutes of the meeting of the ")
    body = body.model_copy(update={"span": text.add(body.name)})
    text.add(" held on ")
    date_span = text.add(f"{day:%A}, {day.day} {day:%B %Y}")
    text.line(f" at {_spoken(clock[0])}")
    council_span = text.line(council)
    venue = f"Council Chamber, {town} Town Hall"
    text.add("Venue: ")
    venue_span = text.line(venue)
    return MeetingFacts(
        council=council,
        council_span=council_span,
        body=body,
        date=day,
        date_span=date_span,
        start=clock[0],
        end=clock[1],
        venue=venue,
        venue_span=venue_span,
    )


def extraction(world: World, index: int, day: dt.date, body: Body) -> Extraction:
    """Meeting `index`: its minutes text and everything the extract stage would read from it."""
    rng = random.Random(f"{world.options.seed}:meeting:{index}")
    council, town = _COUNCILS[body.council]
    full_council = body.name == "Full Council"
    clock = _clock(rng, 10 if full_council else rng.choice((10, 14, 17, 18)))
    text = _Text()
    body_ref = BodyRef(name=body.name, span=Span(start=0, end=0))
    facts = _header(text, council, town, body_ref, day, clock)
    header = Span(start=0, end=text.position)
    text.line()
    m = _Meeting(text, facts.body or body_ref, [], [], [], [], [], [], [], [])

    year = day.year if day.month >= 5 else day.year - 1
    members = rng.sample(world.councillors[body.council], 10) if full_council else list(_roster(world, body, year))
    vice = members[1]
    away = set(rng.sample(range(2, len(members)), rng.randint(0, 2)))
    present = [p for i, p in enumerate(members) if i not in away]
    absent = [p for i, p in enumerate(members) if i in away]
    ambiguous = _ambiguous(members)

    def surface(person: Councillor) -> str:
        return person.full if person.family in ambiguous else person.short

    officers = sorted(rng.sample(range(len(_POSTS)), rng.randint(1, 3)))
    notes = ("Chair", "Vice-Chair")
    present_lines = [(p.full, notes[i] if i < len(notes) else None) for i, p in enumerate(present)]
    rosters = [_roster_block(m, "PRESENT:", present_lines, AttendanceStatus.PRESENT)]
    if absent:
        rosters.append(_roster_block(m, "Apologies:", [(p.full, None) for p in absent], AttendanceStatus.APOLOGIES))
    officer_lines = [(world.officers[body.council][o], _POSTS[o]) for o in officers]
    rosters.append(_roster_block(m, "In Attendance:", officer_lines, AttendanceStatus.IN_ATTENDANCE))
    text.line()

    item = _item(m, "Apologies for Absence")
    text.line("Apologies were received from the members listed above." if absent else "There were no apologies.")
    _close_item(m, item, [])
    declared = [(p, rng.choice(p.interests)) for p in rng.sample(present, rng.choice((0, 1, 1, 1, 2, 2)))]
    item = _item(m, "Declarations of Interest")
    text.line("Members were asked to declare any interests in the business of the meeting.")
    for slot, (person, organisation) in enumerate(declared):
        _declaration(m, rng, surface(person), world.organisations[organisation], 3 + slot)
    _close_item(m, item, [])
    item = _item(m, "Minutes of the Previous Meeting")
    if rng.random() < 0.15 and not full_council:
        _appointment(m, surface(vice), year, day)
    _resolved(m, item, ["That the minutes of the previous meeting be confirmed as a correct record."])

    local = world.local[body.council]
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(local))]
    for slot in range(5):
        post = _POSTS[rng.choice(officers)]
        if slot < len(declared):
            item = _item(m, rng.choice(_ORG_TITLES), world.organisations[declared[slot][1]])
        elif rng.random() < 0.5:
            item = _item(m, rng.choice(_ORG_TITLES), world.organisations[rng.choices(local, weights)[0]])
        else:
            item = _item(m, f"{rng.choice(_TOPICS)} {year}/{(year + 1) % 100:02d}")
        text.add("The Committee considered a report of the ")
        m.posts.append(PostRef(title=post, span=text.add(post)))
        text.line(".")
        clauses = rng.sample(_RESOLUTIONS, rng.choice((1, 1, 2)))
        _resolved(m, item, [c.format(post=post) for c in clauses])
    text.line(f"The meeting closed at {_spoken(clock[1])}.")

    for fact in m.attendance:
        for role in (Capacity.CHAIR, Capacity.VICE_CHAIR):
            if role in fact.capacities:
                m.memberships.append(
                    MembershipFact(person=fact.person, body=m.body_ref, role=role, change=None, evidence=fact.evidence)
                )
    value = text.value()
    return Extraction(
        minutes=Minutes(
            document=SourceDocument(
                path=f"synthetic/{document_name(index)}",
                name=document_name(index),
                sha256=hashlib.sha256(value.encode("utf-8")).hexdigest(),
                encoding="utf-8",
                text=value,
                folded=value,
            ),
            header=header,
            rosters=rosters,
            items=m.segments,
        ),
        meeting=facts,
        attendance=m.attendance,
        items=m.items,
        decisions=m.decisions,
        declarations=m.declarations,
        memberships=m.memberships,
        posts=m.posts,
        holdings=m.holdings,
        people=[a.person for a in m.attendance],
        organisations=[o for i in m.items for o in i.mentions] + [s for d in m.declarations for s in d.subjects],
    )


def _documents(options: SyntheticOptions) -> Iterator[Extraction]:
    world = _world(options)
    for index, (day, body) in enumerate(_schedule(world)):
        yield extraction(world, index, day, body)


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def build_store(path: Path, options: SyntheticOptions, base_iri: str | None = None) -> BuiltStore:
    """Write every synthetic meeting into a new on-disk store at `path`, one document per meeting."""
    minter = IriMinter(base_iri or Settings().base_iri)
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    store = OxigraphStore(path, minter.entities_graph())
    for document in _documents(options):
        graph = build(resolve(document, minter), minter)
        store.replace_document(graph.doc_iri, graph.graph, graph.entities)
    store.flush()
    quads = store.stats().quads
    del store
    # Closing and compacting lets RocksDB drop its write-ahead logs, which otherwise more than double the
    # store's size on disk after ten thousand one-document transactions.
    ox.Store(str(path)).optimize()
    return BuiltStore(path, options.meetings, quads, time.perf_counter() - started, _size(path))


def cached_store(options: SyntheticOptions, root: Path = OUT) -> BuiltStore:
    """The store for these options, built once under `root`; a folder left by an interrupted build is redone."""
    folder = root / options.key()
    marker = folder / "built.json"
    if marker.exists():
        built = json.loads(marker.read_text(encoding="utf-8"))
        return BuiltStore(folder / "store", options.meetings, built["quads"], built["build_s"], built["size_bytes"])
    if folder.exists():
        shutil.rmtree(folder)
    built = build_store(folder / "store", options)
    marker.write_text(
        json.dumps({"quads": built.quads, "build_s": built.build_s, "size_bytes": built.size_bytes}), encoding="utf-8"
    )
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build (or find cached) a synthetic councilgraph store.")
    parser.add_argument("--meetings", type=int, default=SyntheticOptions.meetings, help="how many meetings")
    parser.add_argument("--seed", type=int, default=SyntheticOptions.seed, help="seed of every random choice")
    args = parser.parse_args(argv)
    if args.meetings < 1:
        parser.error("--meetings must be at least 1")
    built = cached_store(SyntheticOptions(meetings=args.meetings, seed=args.seed))
    print(f"store      {built.path}")
    print(f"meetings   {built.meetings}")
    print(f"quads      {built.quads}")
    print(f"size       {built.size_bytes / 2**20:.0f} MiB")
    print(f"build      {built.build_s:.1f} s ({1000 * built.build_s / built.meetings:.1f} ms/meeting)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
