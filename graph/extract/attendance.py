"""Who was at the meeting, in what capacity, and who sent apologies: from lists and from prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph import patterns as P
from graph.extract.mentions import find_organisations, post_at
from graph.extract.names import find_titled_people, person_at
from graph.extract.sentences import sentences
from graph.models import (
    AttendanceFact,
    AttendanceStatus,
    Capacity,
    Minutes,
    OrgRef,
    PersonRef,
    PostHoldingFact,
    RosterBlock,
    Span,
)
from graph.segment import wraps_into

__all__ = ["RosterReading", "read_attendance", "status_for_heading"]

_PLURAL_TITLE = re.compile(
    r"[ \t]*(?:(?:County|City|District|Borough|Town|Parish)[ \t]+)?"
    r"(?:Councillors|Cllrs\.?|Crs\.?|Councilors|Council[ \t]?Members)[ \t]*:?[ \t]+",
    re.I,
)
_CAPACITY_LABEL = re.compile(r"[ \t]*(?P<label>[A-Z][A-Za-z -]{2,30}?)[ \t]*:[ \t]*(?=\S)")
_CELL_SPLIT = re.compile(r"\t+|[ \t]{3,}")
_ATTENDANCE_ITEM = re.compile(
    r"^(?:(?:also[ \t]+)?in[ \t]+attendance|(?:members[ \t]+)?present|apologies(?:[ \t]+for[ \t]+absence)?)$", re.I
)


@dataclass(frozen=True)
class RosterReading:
    """What the attendance lists and sentences say: attendances, post holdings, affiliations."""

    attendance: list[AttendanceFact]
    holdings: list[PostHoldingFact]
    affiliations: list[tuple[PersonRef, OrgRef]]


def status_for_heading(heading: str) -> tuple[AttendanceStatus, tuple[Capacity, ...]]:
    """The status and capacity a list heading gives everyone under it."""
    flat = re.sub(r"[^a-z]", "", heading.lower())
    if flat.startswith(("apolog", "regrets")):
        return AttendanceStatus.APOLOGIES, ()
    if flat.startswith("absent") or "notpresent" in flat:
        return AttendanceStatus.ABSENT, ()
    if flat.startswith("coopted"):
        return AttendanceStatus.PRESENT, (Capacity.CO_OPTED,)
    if flat.startswith("standinginvitee"):
        return AttendanceStatus.IN_ATTENDANCE, (Capacity.STANDING_INVITEE,)
    if flat.startswith("substitute"):
        return AttendanceStatus.PRESENT, (Capacity.SUBSTITUTE,)
    if "attendance" in flat or "public" in flat or flat.startswith(("also", "officer", "other", "staff")):
        return AttendanceStatus.IN_ATTENDANCE, ()
    return AttendanceStatus.PRESENT, ()


def _capacity(text: str) -> tuple[Capacity, ...]:
    lowered = text.lower()
    if re.search(r"\b(?:vice|deputy)[ \t-]*chair", lowered):
        return (Capacity.VICE_CHAIR,)
    if re.search(r"\bchair(?:man|woman|person)?\b|\bin the chair\b|\bpresiding\b", lowered):
        return (Capacity.CHAIR,)
    if "substitut" in lowered or re.match(r"\(?\s*(?:for|in place of|replacing)\b", lowered):
        return (Capacity.SUBSTITUTE,)
    if re.search(r"co-?opted", lowered):
        return (Capacity.CO_OPTED,)
    return ()


def _stood_in_for(text: str, start: int, person: PersonRef) -> bool:
    """The member a substitute replaced is named in the list but was not there."""
    return bool(P.STANDING_IN_FOR.search(text[max(start, person.span.start - 30) : person.span.start]))


def _people_in_cell(text: str, start: int, end: int) -> list[tuple[PersonRef, int]]:
    """People in one cell of a list, each with where the text after their name begins."""
    cell = text[start:end]
    plural = _PLURAL_TITLE.match(cell)
    if plural:
        return _plural_list(text, start + plural.end(), end)
    titled = [p for p in find_titled_people(text, start, end) if not _stood_in_for(text, start, p)]
    found: list[tuple[PersonRef, int]] = []
    if titled:
        for index, person in enumerate(titled):
            stop = titled[index + 1].span.start if index + 1 < len(titled) else end
            plural_title = _PLURAL_TITLE.match(text, person.span.start)
            if plural_title:
                found.extend(_plural_list(text, plural_title.end(), stop))
            else:
                found.append((person, person.span.end))
        return found
    position = start
    for piece in [*P.NAME_LIST_SPLIT.finditer(cell), None]:
        piece_end = start + piece.start() if piece else end
        plain = person_at(text, position, piece_end)
        if plain is None:
            break
        found.append((plain, plain.span.end))
        position = start + piece.end() if piece else end
        if piece and cell[piece.start() : piece.end()].strip() == ",":
            after = cell[piece.end() :]
            if not P.PERSON_PLAIN.match(after) or post_at(text, start + piece.end(), end):
                break
    return found


def _plural_list(text: str, start: int, end: int) -> list[tuple[PersonRef, int]]:
    """ "Councillors Smith, A Jones and Brown": each name takes the shared title."""
    found: list[tuple[PersonRef, int]] = []
    position = start
    for piece in [*P.NAME_LIST_SPLIT.finditer(text, start, end), None]:
        piece_end = piece.start() if piece else end
        chunk = text[position:piece_end]
        lead = len(chunk) - len(chunk.lstrip())
        surface = "Councillor " + chunk.strip().rstrip(".")
        person = person_at(surface, 0, len(surface))
        if person is not None:
            name_length = len(person.surface) - len("Councillor ")
            span = Span(start=position + lead, end=position + lead + name_length)
            found.append(
                (person.model_copy(update={"span": span, "surface": surface[: len(person.surface)]}), span.end)
            )
        position = piece.end() if piece else end
    return found


def _descriptor(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words after a name that say what the person is ("- Parent Governor Representative", ", Director of X")."""
    match = re.match(r"[ \t]*(?:,|-|\(|:)[ \t]*", text[start:end])
    if not match:
        return None
    return start + match.end(), end


def _post_first(
    text: str, start: int, end: int, status: AttendanceStatus, capacities: tuple[Capacity, ...], reading: RosterReading
) -> bool:
    """ "Chief Executive Officer - Ben Taylor, Director Infrastructure - Peter Malouf": posts named first."""
    found = False
    position = start
    for piece in [*re.finditer(r"[ \t]*[,;][ \t]*", text[start:end]), None]:
        piece_end = start + piece.start() if piece else end
        post = post_at(
            text, position + len(text[position:piece_end]) - len(text[position:piece_end].lstrip()), piece_end
        )
        joint = re.match(r"[ \t]*(?:-|:|,|\()[ \t]*", text[post.span.end : piece_end]) if post else None
        person = person_at(text, post.span.end + joint.end(), piece_end) if post and joint else None
        if post is not None and person is not None:
            reading.attendance.append(
                AttendanceFact(
                    person=person,
                    status=status,
                    capacities=capacities,
                    evidence=Span(start=post.span.start, end=person.span.end),
                )
            )
            reading.holdings.append(
                PostHoldingFact(post=post, holder=person, evidence=Span(start=post.span.start, end=person.span.end))
            )
            found = True
        position = start + piece.end() if piece else end
    return found


def _read_cell(
    text: str, start: int, end: int, status: AttendanceStatus, capacities: tuple[Capacity, ...], reading: RosterReading
) -> None:
    label = _CAPACITY_LABEL.match(text, start, end)
    if label and not P.PERSON_TITLED.match(label.group("label")):
        capacities = capacities + tuple(c for c in _capacity(label.group("label")) if c not in capacities)
        start = label.end()
    if _post_first(text, start, end, status, capacities, reading):
        return
    people = _people_in_cell(text, start, end)
    for index, (person, after) in enumerate(people):
        stop = people[index + 1][0].span.start if index + 1 < len(people) else end
        tail = text[after:stop]
        caps = capacities + tuple(c for c in _capacity(_parenthesised(tail)) if c not in capacities)
        reading.attendance.append(
            AttendanceFact(
                person=person,
                status=status,
                capacities=caps,
                evidence=Span(start=person.span.start, end=max(after, _trimmed_end(text, after, stop))),
            )
        )
        descriptor = _descriptor(text, after, stop)
        if descriptor:
            _read_descriptor(text, descriptor, person, reading)


def _parenthesised(tail: str) -> str:
    """A capacity right after a name, and only a short one: "(Vice-Chair)", not "(Chair of the Forum)"."""
    found = P.CAPACITY_IN_PARENS.match(tail.lstrip(" \t,"))
    if not found:
        return ""
    if re.search(r"(?i)substitut|^\(\s*(?:for|in place of|replacing)\b", found.group(0)):
        return "(substitute)"
    if len(found.group(0).split()) > 4 or re.search(r"(?i)\b(?:of|for)\b", found.group(0)):
        return ""
    return found.group(0)


def _trimmed_end(text: str, start: int, end: int) -> int:
    return start + len(text[start:end].rstrip(" \t\n,;."))


def _read_descriptor(text: str, span: tuple[int, int], person: PersonRef, reading: RosterReading) -> None:
    start, end = span
    post = post_at(text, start, end)
    if post is not None:
        reading.holdings.append(
            PostHoldingFact(post=post, holder=person, evidence=Span(start=person.span.start, end=post.span.end))
        )
        return
    for org in find_organisations(text, start, end)[:1]:
        reading.affiliations.append((person, org))


def _logical_lines(text: str, block: RosterBlock) -> tuple[str, list[tuple[int, int]]]:
    """The block's lines with wrapped ones joined; the returned view of the text has those line breaks as spaces,
    so offsets stay those of the document."""
    joined: list[tuple[int, int]] = []
    for line in block.lines:
        previous = text[joined[-1][0] : joined[-1][1]] if joined else ""
        adjacent = bool(joined) and line.span.start == joined[-1][1] + 1
        if adjacent and wraps_into(previous.rsplit("\n", 1)[-1], line.span.text(text)):
            joined[-1] = (joined[-1][0], line.span.end)
        else:
            joined.append((line.span.start, line.span.end))
    view = list(text)
    for start, end in joined:
        for index in range(start, end):
            if view[index] == "\n":
                view[index] = " "
    return "".join(view), joined


_PROSE_VERB = re.compile(r"\b(?:were|was|welcomed|received|noted|sent|gave|thanked|reported|introduced)\b", re.I)
_STATUS_WORDS = {
    "present": AttendanceStatus.PRESENT,
    "attended": AttendanceStatus.PRESENT,
    "in attendance": AttendanceStatus.IN_ATTENDANCE,
    "apologies": AttendanceStatus.APOLOGIES,
    "apology": AttendanceStatus.APOLOGIES,
    "regrets": AttendanceStatus.APOLOGIES,
    "absent": AttendanceStatus.ABSENT,
}
_STATUS_CELL = re.compile(r"(?i)^(present|apologies|apology|absent|in attendance|attended|regrets)$")


def _table_row(
    text: str,
    cells: list[tuple[int, int]],
    status: AttendanceStatus,
    capacities: tuple[Capacity, ...],
    reading: RosterReading,
) -> bool:
    """A row of an attendance table: a person, then cells for role, post or status ("Cllr X | Chair | Present")."""
    people = _people_in_cell(text, *cells[0])
    if len(people) != 1 or any(find_titled_people(text, start, end) for start, end in cells[1:]):
        return False
    person, _ = people[0]
    for start, end in cells[1:]:
        cell = text[start:end].strip()
        said = _STATUS_CELL.match(cell)
        if said:
            status = _STATUS_WORDS[said.group(1).lower()]
        capacities = capacities + tuple(
            c for c in _capacity(cell if len(cell.split()) <= 2 else _parenthesised(cell)) if c not in capacities
        )
        post = post_at(text, start + len(text[start:end]) - len(text[start:end].lstrip()), end)
        if post is not None:
            reading.holdings.append(
                PostHoldingFact(post=post, holder=person, evidence=Span(start=cells[0][0], end=end))
            )
    reading.attendance.append(
        AttendanceFact(
            person=person, status=status, capacities=capacities, evidence=Span(start=cells[0][0], end=cells[-1][1])
        )
    )
    return True


def _roster(text: str, block: RosterBlock, reading: RosterReading) -> None:
    status, capacities = status_for_heading(block.heading)
    view, lines = _logical_lines(text, block)
    for line_start, line_end in lines:
        cells: list[tuple[int, int]] = []
        position = line_start
        for cell in [*_CELL_SPLIT.finditer(view, line_start, line_end), None]:
            cells.append((position, cell.start() if cell else line_end))
            position = cell.end() if cell else line_end
        if len(cells) > 1 and _table_row(view, cells, status, capacities, reading):
            continue
        for cell_start, cell_end in cells:
            _read_cell(view, cell_start, cell_end, status, capacities, reading)


def _attendance_items(minutes: Minutes, reading: RosterReading) -> None:
    """Table layouts minute attendance as an item: "In Attendance. Minutes: A and B, X representatives"."""
    text = minutes.document.folded
    for item in minutes.items:
        if not _ATTENDANCE_ITEM.match(item.title.strip()):
            continue
        status, capacities = status_for_heading(item.title)
        label = P.MINUTES_LABEL.search(text, item.title_span.end, item.body.end)
        start = label.end() if label else item.title_span.end + 1
        if item.number is None and not _PROSE_VERB.search(text, start, item.body.end):
            _read_cell(text, start, item.body.end, status, capacities, reading)


def _apologies(text: str, reading: RosterReading) -> None:
    for match in P.APOLOGIES_PROSE.finditer(text):
        group = "names" if match.group("names") else "names2"
        _read_cell(text, match.start(group), match.end(group), AttendanceStatus.APOLOGIES, (), reading)
    for sentence in sentences(text):
        sent = P.APOLOGIES_SENT.search(text, sentence.start, sentence.end)
        people = list(find_titled_people(text, sentence.start, sent.start())) if sent else []
        if sent and people:
            reading.attendance.append(
                AttendanceFact(person=people[-1], status=AttendanceStatus.APOLOGIES, evidence=sentence)
            )


def _presence(text: str, reading: RosterReading) -> None:
    """ "Councillors A (Chairman), B and C were present." / "Cllr X was absent.": the sentence is the list."""
    for sentence in sentences(text):
        told = P.PRESENCE_PROSE.search(text, sentence.start, sentence.end)
        if told is None or not list(find_titled_people(text, sentence.start, told.start())):
            continue
        said = told.group("status").lower()
        status = (
            AttendanceStatus.PRESENT
            if said == "present"
            else AttendanceStatus.ABSENT
            if said == "absent"
            else AttendanceStatus.IN_ATTENDANCE
        )
        _read_cell(text, sentence.start, told.start(), status, (), reading)


def _chair_lines(text: str, reading: RosterReading) -> None:
    """ "Mrs B. Seaton CC - in the Chair" on its own line: that person chaired."""
    for line in re.finditer(r"(?m)^[^\n]{3,80}$", text):
        if not P.IN_THE_CHAIR.search(line.group()):
            continue
        people = list(find_titled_people(text, line.start(), line.end()))
        if len(people) == 1:
            reading.attendance.append(
                AttendanceFact(
                    person=people[0],
                    status=AttendanceStatus.PRESENT,
                    capacities=(Capacity.CHAIR,),
                    evidence=Span(start=line.start(), end=line.end()),
                )
            )


def _left_meeting(text: str, reading: RosterReading) -> None:
    """Someone who left the meeting (or would leave early) was there."""
    for sentence in sentences(text):
        if not P.LEFT_MEETING.search(text, sentence.start, sentence.end):
            continue
        people = list(find_titled_people(text, sentence.start, sentence.end))
        if len(people) == 1:
            reading.attendance.append(
                AttendanceFact(person=people[0], status=AttendanceStatus.PRESENT, evidence=sentence)
            )


def read_attendance(minutes: Minutes) -> RosterReading:
    """Attendance lists first, then items that minute attendance, then apologies and chairs in prose."""
    text = minutes.document.folded
    reading = RosterReading(attendance=[], holdings=[], affiliations=[])
    for block in minutes.rosters:
        _roster(text, block, reading)
    _attendance_items(minutes, reading)
    _apologies(text, reading)
    _presence(text, reading)
    _chair_lines(text, reading)
    _left_meeting(text, reading)
    return reading
