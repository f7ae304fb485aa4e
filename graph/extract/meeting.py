"""The meeting itself: council, body, date, times and venue, read from the header and closing lines."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from graph import patterns as P
from graph.models import BodyRef, MeetingFacts, Minutes, Span

__all__ = ["extract_meeting", "parse_date", "parse_time", "same_body_name"]

_MONTH_NUMBERS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
_HALL_KINDS = (
    ("county hall", "County"),
    ("city hall", "City"),
    ("guildhall", "City"),
    ("district council offices", "District"),
    ("borough council offices", "Borough"),
)
_GENERIC_WORDS = frozenset({"the", "council", "and", "of", "committee", "commission", "meeting", "minutes"})


def parse_date(match: re.Match[str]) -> dt.date | None:
    """A DATE match as a date; None for impossible dates such as 31 February."""
    try:
        if match.group("iso"):
            return dt.date.fromisoformat(match.group("iso"))
        if match.group("n3"):
            first, second = int(match.group("n1")), int(match.group("n2"))
            day, month = (first, second) if second <= 12 else (second, first)
            return dt.date(int(match.group("n3")), month, day)
        month_name = (match.group("month") or match.group("month2"))[:3].lower()
        day_text = match.group("day") or match.group("day2")
        return dt.date(int(match.group("year") or match.group("year2")), _MONTH_NUMBERS[month_name], int(day_text))
    except (ValueError, KeyError):
        return None


def parse_time(text: str) -> dt.time | None:
    """The first clock time in text: "5:30 pm" is 17:30, "20:02" is 20:02, "noon" is 12:00."""
    match = P.TIME.search(text)
    if not match:
        return None
    if match.group("noon"):
        return dt.time(12, 0)
    if match.group("hour24") is not None:
        return dt.time(int(match.group("hour24")), int(match.group("minute24")))
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    pm = match.group("ampm").lower().startswith("p")
    if hour > 12:
        return dt.time(hour, minute)
    if pm and hour < 12:
        hour += 12
    if not pm and hour == 12:
        hour = 0
    return dt.time(hour, minute)


_SMALL = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an"})


def header_view(text: str) -> str:
    """Upper-case header lines in title case, same length, so "WOLLONDILLY SHIRE COUNCIL" reads as a name."""

    def recase(line: re.Match[str]) -> str:
        letters = [c for c in line.group() if c.isalpha()]
        if len(letters) < 4 or sum(c.isupper() for c in letters) / len(letters) < 0.8:
            return line.group()
        return re.sub(
            r"[A-Za-z']+",
            lambda w: (
                w.group().lower() if w.group().lower() in _SMALL and w.start() else w.group()[0] + w.group()[1:].lower()
            ),
            line.group(),
        )

    return re.sub(r"(?m)^[^\n]+$", recase, text)


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,.;:-")


def _body(text: str, header: Span) -> BodyRef | None:
    chunk = header_view(text[header.start : header.end])
    for pattern in (P.BODY_HEADER, P.BODY_MEETING_HEADER, P.BODY_HELD_HEADER, P.BODY_DATE_TITLE):
        match = pattern.search(chunk)
        if match and P.BODY_WORD.search(match.group("body")):
            body = match.group("body")
            council = P.COUNCIL_NAME.match(body)
            skip = council.end() if council and P.BODY_WORD.search(body[council.end() :]) else 0
            name = _clean(body[skip:])
            start = header.start + match.start("body") + skip + (len(body[skip:]) - len(body[skip:].lstrip()))
            return BodyRef(name=name, span=Span(start=start, end=start + len(name)))
    raw = text[header.start : header.end]
    lines = list(re.finditer(r"(?m)^[ \t]*(?P<line>[A-Z][A-Z ,'&()-]{8,150}?)[ \t]*$", raw))
    committees = [m for m in lines if not P.COUNCIL_NAME.fullmatch(chunk[m.start("line") : m.end("line")])]
    for line in committees or lines:
        name = re.sub(
            r"(?i)^minutes[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?|[ \t]+minutes$",
            "",
            chunk[line.start("line") : line.end("line")],
        )
        if P.BODY_WORD.search(name) and name.strip():
            offset = line.group("line").find(name) if name in chunk[line.start("line") : line.end("line")] else 0
            start = header.start + line.start("line") + max(offset, 0)
            return BodyRef(name=_clean(name), span=Span(start=start, end=start + len(name)))
    return None


def _explicit_council(text: str, header: Span) -> tuple[str, Span] | None:
    view = header_view(text[header.start : header.end])
    for match in P.COUNCIL_NAME.finditer(view):
        name = _clean(match.group("name"))
        if not P.FULL_COUNCIL.match(name) and not re.match(r"(?i)(?:the|minutes|meeting)\b", name):
            return name, Span(start=header.start + match.start("name"), end=header.start + match.end("name"))
    return None


def _inferred_council(text: str, venue: str | None, venue_span: Span | None) -> tuple[str, Span] | None:
    """With no council named, combine the kind of hall (County Hall, City Hall) with the place the
    e-mail domain, postal address or text points to: "Leicestershire County Council". The evidence is the
    venue, or else the first mention of the place."""
    kind = next((label for hall, label in _HALL_KINDS if venue and hall in venue.lower()), None)
    kind = kind or _kind_from_phrases(text)
    place = _place(text, venue)
    if not place or not kind:
        return None
    name = f"{place} {kind} Council"
    if venue_span is not None:
        return name, venue_span
    first = re.search(rf"\b{re.escape(place)}\b", text)
    return name, Span(start=first.start(), end=first.end()) if first else Span(start=0, end=0)


def _kind_from_phrases(text: str) -> str | None:
    counts = Counter(
        m.group(1).title()
        for m in re.finditer(r"\bthe (county|city|district|borough|parish|town) council\b", text, re.I)
    )
    return counts.most_common(1)[0][0] if counts else None


def _place(text: str, venue: str | None) -> str | None:
    words = Counter(re.findall(r"\b[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?\b", text))
    for domain in (m.group("domain") for m in P.EMAIL_DOMAIN.finditer(text)):
        label = domain.split(".")[0].lower()
        if words.get(label.title()):
            return label.title()
        matching = [
            (count, len(w), w)
            for w, count in words.items()
            if len(label) >= 3
            and w.lower().startswith(label[:3])
            and w.lower()[:1] == label[:1]
            and _letters_in_order(label, w.lower())
        ]
        if matching:
            return str(max(matching)[2])
    if venue:
        town = re.search(r",[ \t]*([A-Z][a-z]+)[ \t]*,?[ \t]*[A-Z]{1,2}\d", venue)
        if town:
            return town.group(1)
    shires = [(count, w) for w, count in words.items() if w.endswith("shire") and count >= 2]
    return max(shires)[1] if shires else None


def _letters_in_order(abbreviation: str, word: str) -> bool:
    """ "leics" abbreviates "leicestershire": its letters appear in order."""
    position = 0
    for letter in abbreviation:
        position = word.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def same_body_name(left: str, right: str) -> bool:
    """Two names of one body differ in a word or two ("... Schools Scrutiny Commission" was renamed
    "... Education Scrutiny Commission"): same kind word, most words shared."""
    a = {w for w in re.findall(r"[a-z]+", left.lower()) if w not in {"the", "and", "of"}}
    b = {w for w in re.findall(r"[a-z]+", right.lower()) if w not in {"the", "and", "of"}}
    kind_a = P.BODY_WORD.findall(left.lower())
    kind_b = P.BODY_WORD.findall(right.lower())
    if not a or not b or not kind_a or not kind_b or kind_a[-1] != kind_b[-1]:
        return False
    return len(a & b) / len(a | b) >= 0.5


def _former_names(minutes: Minutes, body: BodyRef | None) -> list[BodyRef]:
    """The body whose previous minutes are confirmed is this body; a different name there is a former name."""
    if body is None:
        return []
    text = minutes.document.folded
    found: list[BodyRef] = []
    for item in minutes.items:
        if "minutes" not in item.title.lower():
            continue
        for match in P.PREVIOUS_MINUTES_BODY.finditer(text, item.body.start, item.body.end):
            name = _clean(match.group("body"))
            if _normal(name) != _normal(body.name) and same_body_name(name, body.name):
                found.append(BodyRef(name=name, span=Span(start=match.start("body"), end=match.end("body"))))
    return found


def _normal(name: str) -> str:
    return " ".join(
        w for w in re.findall(r"[a-z]+", name.lower()) if w not in _GENERIC_WORDS - {"committee", "commission"}
    )


def _end_time(text: str) -> tuple[dt.time, Span] | None:
    matches = list(P.END_TIME.finditer(text))
    for match in reversed(matches):
        group = next(g for g in ("time", "time2", "time3", "time4", "time5") if match.group(g) is not None)
        parsed = parse_time(match.group(group))
        if parsed:
            return parsed, Span(start=match.start(), end=match.end(group))
    return None


def _end_of_range(head: str) -> tuple[dt.time, Span] | None:
    """The end of an hours range in the header, where both ends read as times."""
    for match in P.TIME_RANGE.finditer(head):
        start, end = parse_time(match.group("from")), parse_time(match.group("to"))
        if start is not None and end is not None and re.search(r"[.:]|[ap]\.?\s?m", match.group("to"), re.I):
            return end, Span(start=match.start("to"), end=match.end("to"))
    return None


def extract_meeting(minutes: Minutes) -> MeetingFacts:
    """Read the header for council, body, date, start and venue; the closing lines for the end time."""
    text = minutes.document.folded
    header = minutes.header
    head = text[header.start : header.end]
    date_match = P.DATE.search(head)
    meeting_date = parse_date(date_match) if date_match else None
    start = None
    if date_match:
        after = head[date_match.end() : date_match.end() + 40].split("\n")[0]
        start = parse_time(after)
    opening = text[: max(header.end, 1500)]
    if start is None:
        explicit = P.START_TIME.search(opening)
        if explicit:
            start = parse_time(explicit.group("time") or explicit.group("time2") or "")
    venue_match = P.VENUE.search(header_view(head)) or P.VENUE.search(header_view(opening))
    venue, venue_span = None, None
    if venue_match:
        group = next(g for g in ("venue", "venue2", "venue3") if venue_match.group(g))
        venue_span = Span(start=venue_match.start(group), end=venue_match.end(group))
        venue = _clean(venue_span.text(text))
    council = _explicit_council(text, header) or _inferred_council(text, venue, venue_span)
    body = _body(text, header)
    end = _end_time(text) or _end_of_range(head)
    return MeetingFacts(
        council=council[0] if council else None,
        council_span=council[1] if council else None,
        body=body,
        former_body_names=_former_names(minutes, body),
        date=meeting_date,
        date_span=Span(start=header.start + date_match.start(), end=header.start + date_match.end())
        if date_match
        else None,
        start=start,
        end=end[0] if end else None,
        end_span=end[1] if end else None,
        venue=venue,
        venue_span=venue_span,
    )
