"""Cut a document into its header, attendance lists, agenda items and resolutions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph import patterns as P
from graph.models import AgendaItem, Clause, Minutes, ResolutionBlock, RosterBlock, RosterLine, SourceDocument, Span

__all__ = ["segment", "wraps_into"]

_TERMINAL = (".", ";", ":", "!", "?")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class _Heading:
    line: int
    number: str
    title: _Line
    weight: float


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    position = 0
    for raw in text.split("\n"):
        out.append(_Line(position, position + len(raw), raw))
        position += len(raw) + 1
    return out


def _number_parts(number: str) -> tuple[int, ...]:
    """An item number as the numbers in it: "24/031" is (24, 31), "ES/012/2024" is (12, 2024), "25a" is (25, 1)."""
    parts: list[int] = []
    for digits, letter in re.findall(r"(\d+)([a-z]?)", number, re.I):
        parts.append(int(digits))
        if letter:
            parts.append(ord(letter.lower()) - 96)
    return tuple(parts)


def _step(before: str, after: str) -> int:
    """How far `after` follows `before` in the part where they first differ; 0 or less when it does not follow.
    "TC/24/045" to "TC/24/046" is 1, "1/04/24" to "2/04/24" is 1, "5.2" to "6" is 1."""
    a, b = _number_parts(before), _number_parts(after)
    for x, y in zip(a, b, strict=False):
        if x != y:
            return y - x
    return 1 if len(b) > len(a) else 0


def _title_weight(title: str) -> float:
    """How much a line reads like an item title rather than a sentence or a numbered clause."""
    words = title.split()
    if re.match(r"(?i)that\b|to\b", title) or title[:1].islower():
        return 0.0
    letters = [c for c in title if c.isalpha()]
    weight = 1.0
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        weight += 2.0
    if len(words) <= 14:
        weight += 1.0
    if len(words) > 30:
        weight -= 1.5
    return max(weight, 0.0)


def _next_content(lines: list[_Line], index: int) -> int | None:
    for j in range(index + 1, min(index + 4, len(lines))):
        if not lines[j].blank:
            return j
    return None


def _heading_candidates(lines: list[_Line]) -> list[_Heading]:
    found: list[_Heading] = []
    for i, line in enumerate(lines):
        alone = P.ITEM_NUMBER_ALONE.match(line.text)
        if alone:
            j = _next_content(lines, i)
            if j is not None and len(lines[j].text.strip()) < 200 and not P.ITEM_NUMBER_ALONE.match(lines[j].text):
                weight = _title_weight(lines[j].text.strip())
                if weight:
                    found.append(_Heading(i, alone.group("num"), lines[j], weight + 2.0))
            continue
        heading = P.ITEM_HEADING.match(line.text)
        if heading:
            weight = _title_weight(heading.group("title"))
            if weight:
                offset = line.start + heading.start("title")
                title = _Line(offset, line.end, heading.group("title"))
                found.append(_Heading(i, heading.group("num"), title, weight))
    return found


def _best_chain(candidates: list[_Heading]) -> list[_Heading]:
    """The heaviest run of headings whose numbers rise in small steps: agenda items, not numbered clauses."""
    best: list[float] = []
    back: list[int | None] = []
    for j, cand in enumerate(candidates):
        score, parent = cand.weight, None
        for i in range(j):
            step = _step(candidates[i].number, cand.number)
            if 0 < step <= 6:
                total = best[i] + cand.weight - (step - 1) * 0.5
                if total > score:
                    score, parent = total, i
        best.append(score)
        back.append(parent)
    if not best:
        return []
    index: int | None = max(range(len(best)), key=lambda k: (best[k], -k))
    chain: list[_Heading] = []
    while index is not None:
        chain.append(candidates[index])
        index = back[index]
    chain.reverse()
    return chain if len(chain) >= 2 or (chain and chain[0].weight >= 3) else []


def _paragraphs(text: str, base: int) -> list[Span]:
    """Paragraphs of a body, joined back where a page break split a sentence."""
    spans: list[Span] = []
    for match in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):
        start, end = base + match.start(), base + match.end()
        stripped = match.group().rstrip(" |")
        end = base + match.start() + len(stripped)
        previous = text[spans[-1].start - base : spans[-1].end - base] if spans else ""
        if (
            spans
            and not previous.rstrip().endswith(_TERMINAL)
            and not P.CLAUSE_LABEL.match(match.group())
            and not P.RESOLUTION_MARKER.match(match.group())
        ):
            spans[-1] = Span(start=spans[-1].start, end=end)
        else:
            spans.append(Span(start=start, end=end))
    return spans


def _labelled_units(chunk: str, base: int) -> list[Span]:
    """Split a paragraph where a line opens with a clause label, so "1. ...\n2. ..." gives two units."""
    cuts = [0] + [
        m.start() + 1
        for m in re.finditer(r"\n", chunk)
        if P.CLAUSE_LABEL.match(chunk[m.start() + 1 :]) or P.THAT_CLAUSE.match(chunk[m.start() + 1 :])
    ]
    units: list[Span] = []
    for k, cut in enumerate(cuts):
        end = cuts[k + 1] - 1 if k + 1 < len(cuts) else len(chunk)
        piece = chunk[cut:end].rstrip()
        if piece.strip():
            units.append(Span(start=base + cut, end=base + cut + len(piece)))
    return units


def _clauses_in(text: str, base: int) -> list[Clause]:
    """The clauses after a resolution marker: its labelled clauses (after a stem such as "That Council:"),
    or else its first sentence group; the resolution's number, mover, seconder and result are not clauses."""
    units = [
        unit
        for para in _paragraphs(text, base)
        for unit in _labelled_units(text[para.start - base : para.end - base], para.start)
        if not P.MOTION_FORMALITIES.fullmatch(text[unit.start - base : unit.end - base])
    ]
    units = [_without_formalities(text, base, unit) for unit in units]
    units = [unit for unit in units if unit.end > unit.start]
    if not units:
        return []
    first = text[units[0].start - base : units[0].end - base]
    that_clauses = _that_clauses(text, base, units)
    if len(that_clauses) > 1:
        return that_clauses
    short_stem = len(first.split()) <= 4 and not first.rstrip().endswith(".")
    stem = (first.rstrip().endswith((":", ":-")) or short_stem) and not P.REASONS_STEM.search(first)
    labelled_start = 0 if _is_labelled(first) else 1 if stem else None
    if (
        labelled_start is None
        or labelled_start >= len(units)
        or not _is_labelled(text[units[labelled_start].start - base : units[labelled_start].end - base])
    ):
        return [Clause(label=None, span=_with_reasons(text, base, units))]
    clauses: list[Clause] = []
    for unit in units[labelled_start:]:
        chunk = text[unit.start - base : unit.end - base]
        if not _is_labelled(chunk):
            break
        clauses.extend(_split_inline(chunk, unit.start))
    return clauses


def _that_clauses(text: str, base: int, units: list[Span]) -> list[Clause]:
    """ "THAT Council award the tender; and" / "THAT the Warden be authorised ...": one decision each."""
    clauses: list[Clause] = []
    for unit in units:
        if not P.THAT_CLAUSE.match(text[unit.start - base : unit.end - base]):
            break
        clauses.append(Clause(label=None, span=unit))
    return clauses


def _with_reasons(text: str, base: int, units: list[Span]) -> Span:
    """One resolution; where it ends "for the following reasons:", its listed reasons belong to it."""
    first = units[0]
    if not P.REASONS_STEM.search(text[first.start - base : first.end - base]):
        return first
    end = first.end
    for unit in units[1:]:
        if not _is_labelled(text[unit.start - base : unit.end - base]):
            break
        end = unit.end
    return Span(start=first.start, end=end)


def _is_labelled(chunk: str) -> bool:
    inline = list(P.INLINE_CLAUSE_LABEL.finditer(chunk))
    return bool(P.CLAUSE_LABEL.match(chunk)) or (len(inline) >= 2 and inline[0].start() < 3)


def _without_formalities(text: str, base: int, unit: Span) -> Span:
    """Drop "Moved: ..." / "CARRIED" lines at the edges of a unit."""
    chunk = text[unit.start - base : unit.end - base]
    lines = chunk.split("\n")
    start, end = 0, len(lines)
    while start < end and P.MOTION_FORMALITIES.fullmatch(lines[start]):
        start += 1
    while end > start and P.MOTION_FORMALITIES.fullmatch(lines[end - 1]):
        end -= 1
    head = sum(len(line) + 1 for line in lines[:start])
    kept = "\n".join(lines[start:end]).rstrip()
    return Span(start=unit.start + head, end=unit.start + head + len(kept))


def _split_inline(chunk: str, base: int) -> list[Clause]:
    """A paragraph that starts with a label may hold further labels inline: "(a) That ... (b) That ..."."""
    head = P.CLAUSE_LABEL.match(chunk)
    starts: list[tuple[int, int, str]] = []
    if head:
        label = head.group("p") or head.group("d") or ""
        starts.append((0, head.end(), label))
    for match in P.INLINE_CLAUSE_LABEL.finditer(chunk):
        if head and match.start() < head.end():
            continue
        starts.append((match.start(), match.end(), match.group("label").strip("()")))
    if not head and starts and starts[0][0] > 2:
        return []
    clauses: list[Clause] = []
    for k, (_, body_start, label) in enumerate(starts):
        body_end = starts[k + 1][0] if k + 1 < len(starts) else len(chunk)
        piece = chunk[body_start:body_end].rstrip()
        if piece:
            clauses.append(Clause(label=label, span=Span(start=base + body_start, end=base + body_start + len(piece))))
    return clauses


def _motions(text: str, body: Span) -> list[ResolutionBlock]:
    """ "Motion by X, seconded by Y, to approve Z. Motion carried": the motion's words are the decision."""
    blocks: list[ResolutionBlock] = []
    for motion in P.MOTION_CARRIED.finditer(text, body.start, body.end):
        clause = Clause(label=None, span=Span(start=motion.start("what"), end=motion.end("what")))
        blocks.append(ResolutionBlock(marker_span=Span(start=motion.start(), end=motion.end()), clauses=[clause]))
    return blocks


def _resolutions(text: str, body: Span) -> list[ResolutionBlock]:
    return _resolution_blocks(text, body) + _motions(text, body)


def _resolution_blocks(text: str, body: Span) -> list[ResolutionBlock]:
    chunk = text[body.start : body.end]
    markers = [m for m in P.RESOLUTION_MARKER.finditer(chunk) if _marker_opens(chunk, m)]
    if any(not m.group().strip().lower().startswith("decision") for m in markers):
        markers = [m for m in markers if not m.group().strip().lower().startswith("decision")]
    blocks: list[ResolutionBlock] = []
    for k, marker in enumerate(markers):
        end = markers[k + 1].start() if k + 1 < len(markers) else len(chunk)
        if P.MOTION_FAILED.search(chunk, marker.end(), end):
            continue
        segment_start = body.start + marker.end()
        clauses = _clauses_in(text[segment_start : body.start + end], segment_start)
        if clauses:
            marker_span = Span(start=body.start + marker.start(), end=body.start + marker.end())
            blocks.append(ResolutionBlock(marker_span=marker_span, clauses=clauses))
    return blocks


def _marker_opens(chunk: str, marker: re.Match[str]) -> bool:
    """A marker counts where it opens a line or follows "Minutes:" or a sentence end, not mid-sentence."""
    before = chunk[: marker.start()].rstrip(" \t")
    if not before or before.endswith(("\n", ":", ".", "|", "/")):
        return True
    return bool(re.search(r"(?i)\bit was\s*$", before)) and before[-30:].count("\n") == 0


def _table_items(doc: SourceDocument, lines: list[_Line]) -> list[AgendaItem]:
    """A minutes table exported as text: one row per item, rows split by lines holding a single pipe."""
    rows: list[tuple[int, int]] = []
    start: int | None = None
    for line in lines:
        if P.TABLE_ROW_BREAK.match(line.text) or P.TABLE_RULE.match(line.text):
            if start is not None and start < line.start:
                rows.append((start, line.start))
            start = line.end + 1
    if start is not None and start < len(doc.folded):
        rows.append((start, len(doc.folded)))
    items: list[AgendaItem] = []
    for row_start, row_end in rows:
        row = doc.folded[row_start:row_end]
        if not row.strip(" \n|"):
            continue
        title = P.TABLE_ROW_TITLE.match(row)
        if re.match(r"\s*Minutes:", row):
            title = re.match(r"\s*(?P<title>Minutes)", row)
        if not title:
            continue
        title_span = Span(start=row_start + title.start("title"), end=row_start + title.end("title"))
        body = Span(start=row_start, end=row_start + len(row.rstrip(" \n|")))
        items.append(
            AgendaItem(
                number=None,
                title=title.group("title").strip(),
                title_span=title_span,
                body=body,
                resolutions=_resolutions(doc.folded, body),
            )
        )
    return items


def _capital_headings(lines: list[_Line]) -> list[_Heading]:
    """Unnumbered minutes ("CALL TO ORDER", "CONSENT AGENDA"): short upper-case lines standing alone."""
    found: list[_Heading] = []
    dated = next((i for i, line in enumerate(lines) if P.DATE.search(line.text)), -1)
    for i, line in enumerate(lines):
        stripped = line.text.strip().rstrip(":")
        letters = [c for c in stripped if c.isalpha()]
        standalone = i == 0 or lines[i - 1].blank or (i + 1 < len(lines) and lines[i + 1].blank)
        roster = P.ROSTER_HEADING.match(stripped)
        if (
            i > dated
            and len(letters) >= 4
            and all(c.isupper() for c in letters)
            and len(stripped.split()) <= 12
            and standalone
            and not (roster and not roster.group("rest").strip())
            and not P.RESOLUTION_MARKER.match(stripped)
        ):
            offset = line.start + line.text.find(stripped)
            found.append(_Heading(i, "", _Line(offset, offset + len(stripped), stripped), 1.0))
    return found


def _title_headings(lines: list[_Line]) -> list[_Heading]:
    """Unnumbered Title Case headings ("Public Question Time", "Planning"): a short line between blank lines,
    without a full stop, that is no attendance heading and no name."""
    found: list[_Heading] = []
    dated = next((i for i, line in enumerate(lines) if P.DATE.search(line.text)), -1)
    for i, line in enumerate(lines):
        stripped = line.text.strip()
        words = stripped.split()
        alone = (i == 0 or lines[i - 1].blank) and (i + 1 >= len(lines) or lines[i + 1].blank)
        capitalised = sum(1 for w in words if w[:1].isupper()) >= max(1, (len(words) + 1) // 2)
        if (
            i > dated
            and alone
            and 0 < len(words) <= 8
            and stripped[:1].isupper()
            and capitalised
            and not stripped.endswith((".", ",", ";"))
            and not P.ROSTER_HEADING.match(stripped)
            and not P.PERSON_TITLED.match(stripped)
            and not P.RESOLUTION_MARKER.match(stripped)
        ):
            offset = line.start + line.text.find(stripped)
            found.append(_Heading(i, "", _Line(offset, offset + len(stripped), stripped), 1.0))
    return found


def _numbered_items(doc: SourceDocument, lines: list[_Line]) -> list[AgendaItem]:
    chain = _best_chain(_heading_candidates(lines))
    if len(chain) < 2:
        capitals = _capital_headings(lines)
        titled = _title_headings(lines)
        chain = capitals if len(capitals) >= 3 else titled if len(titled) >= 3 else chain
    items: list[AgendaItem] = []
    for k, heading in enumerate(chain):
        end = lines[chain[k + 1].line].start if k + 1 < len(chain) else len(doc.folded)
        body_start = heading.title.end + 1
        items.extend(_split_sub_items(doc, heading, Span(start=min(body_start, end), end=end), lines))
    return [item.model_copy(update={"number": None}) if item.number == "" else item for item in items]


def _split_sub_items(doc: SourceDocument, heading: _Heading, body: Span, lines: list[_Line]) -> list[AgendaItem]:
    """An item such as "25. OFSTED UPDATES" may hold "(i) ..." and "(ii) ..." sub-items with their own minutes."""
    title = heading.title.text.strip().rstrip(".")
    subs = [
        (line, m)
        for line in lines
        if body.start <= line.start < body.end and (m := P.SUB_ITEM_HEADING.match(line.text))
    ]
    main_span = Span(start=heading.title.start, end=heading.title.start + len(heading.title.text.rstrip()))
    if not subs:
        return [
            AgendaItem(
                number=heading.number,
                title=title,
                title_span=main_span,
                body=body,
                resolutions=_resolutions(doc.folded, body),
            )
        ]
    head_body = Span(start=body.start, end=subs[0][0].start)
    items = [
        AgendaItem(
            number=heading.number,
            title=title,
            title_span=main_span,
            body=head_body,
            resolutions=_resolutions(doc.folded, head_body),
        )
    ]
    for k, (line, match) in enumerate(subs):
        sub_end = subs[k + 1][0].start if k + 1 < len(subs) else body.end
        sub_body = Span(start=line.end + 1, end=max(line.end + 1, sub_end))
        items.append(
            AgendaItem(
                number=f"{heading.number} ({match.group('num')})",
                title=match.group("title").strip(),
                title_span=Span(start=line.start + match.start("title"), end=line.start + match.end("title")),
                body=sub_body,
                resolutions=_resolutions(doc.folded, sub_body),
                parent=heading.number,
            )
        )
    return items


def _rosters(doc_text: str, lines: list[_Line], headings: set[int]) -> list[RosterBlock]:
    """Attendance lists: a heading, then name lines until the next heading, a rule or a line of prose."""
    blocks: list[RosterBlock] = []
    current: tuple[str, Span, list[RosterLine]] | None = None
    for line in lines:
        if line.start in headings:
            if current:
                blocks.append(RosterBlock(heading=current[0], heading_span=current[1], lines=current[2]))
            current = None
            continue
        heading = P.ROSTER_HEADING.match(line.text)
        if heading and _is_roster_heading(heading):
            if current:
                blocks.append(RosterBlock(heading=current[0], heading_span=current[1], lines=current[2]))
            span = Span(start=line.start + heading.start("heading"), end=line.start + heading.end("heading"))
            current = (re.sub(r"\s+", "", heading.group("heading")).lower(), span, [])
            rest = heading.group("rest").strip()
            if rest:
                offset = line.start + heading.start("rest")
                current[2].append(RosterLine(span=Span(start=offset, end=offset + len(heading.group("rest").rstrip()))))
            continue
        if current is None:
            continue
        if P.SEPARATOR_LINE.match(line.text):
            blocks.append(RosterBlock(heading=current[0], heading_span=current[1], lines=current[2]))
            current = None
            continue
        if not line.blank and not _names_line(line.text, current[2][-1].span.text(doc_text) if current[2] else ""):
            blocks.append(RosterBlock(heading=current[0], heading_span=current[1], lines=current[2]))
            current = None
        elif not line.blank:
            current[2].append(RosterLine(span=Span(start=line.start, end=line.end)))
    if current:
        blocks.append(RosterBlock(heading=current[0], heading_span=current[1], lines=current[2]))
    return [block for block in blocks if block.lines]


_NAME_FRAGMENT = re.compile(r"[a-z]|[A-Z][\w'-]*[ \t]*[(,]")
_NEW_ENTRY = re.compile(rf"(?:{P.HONORIFIC})\b|[A-Z][\w'-]+[ \t]+[A-Z][\w'-]+[ \t]*[-,(]")


def wraps_into(previous: str, line: str) -> bool:
    """Whether `line` continues `previous` in a list a PDF export wrapped: "(Chair), Catherine" then
    "Leverett-Jones (Vice-Chair), ..."; a line that opens a new entry ("Councillor X", "Jane Doe - ...") does not."""
    before, after = previous.rstrip(), line.strip()
    if not before or "\t" in before or "\t" in after:
        return False
    if re.search(r"(?:[,;&(-]|\band)$", before) or _NAME_FRAGMENT.match(after):
        return True
    return len(before) >= 55 and not before.endswith((".", ")", ":")) and not _NEW_ENTRY.match(after)


def _names_line(text: str, previous: str) -> bool:
    """A line that continues an attendance list: the rest of a wrapped line, or one that starts with a name, a
    title or a post; not a heading and not a sentence about people."""
    stripped = text.strip().lstrip("-* ")
    if wraps_into(previous, text):
        return True
    letters = [c for c in stripped if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and not P.PERSON_TITLED.match(stripped):
        return False
    if re.search(r"\b(?:had|has|have|was|were|is|are|sent|gave|will|would|did|arrived|left|asked|said)\b", stripped):
        return False
    return bool(P.PERSON_TITLED.match(stripped) or P.PERSON_PLAIN.match(stripped) or P.POST.match(stripped))


def _is_roster_heading(match: re.Match[str]) -> bool:
    """A heading stands alone or is followed by a colon, a dash or a table's tab; "Apologies were received ..."
    is prose."""
    rest = match.group("rest")
    if not rest.strip():
        return True
    separator = match.string[match.end("heading") : match.start("rest")]
    return bool(re.search(r"[:\-\t]", separator))


def segment(doc: SourceDocument) -> Minutes:
    """Find items first (table rows or numbered headings), then the attendance lists before them."""
    lines = _lines(doc.folded)
    table_breaks = sum(1 for line in lines if P.TABLE_ROW_BREAK.match(line.text))
    items = _table_items(doc, lines) if table_breaks >= 3 else _numbered_items(doc, lines)
    first_item = items[0].title_span.start if items else _opening_paragraphs(doc.folded)
    if items and items[0].number is not None:
        first_item = _heading_line_start(doc.folded, items[0].title_span.start, items[0].number)
    header_end = first_item
    heading_lines = {doc.folded.rfind("\n", 0, item.title_span.start) + 1 for item in items}
    rosters = _rosters(
        doc.folded,
        lines,
        heading_lines | {_heading_line_start(doc.folded, i.title_span.start, i.number) for i in items if i.number},
    )
    if rosters:
        header_end = min(header_end, rosters[0].heading_span.start)
    return Minutes(document=doc, header=Span(start=0, end=header_end), rosters=rosters, items=items)


def _opening_paragraphs(text: str) -> int:
    """With no items found, the header is the opening: text up to the third blank line, not the whole document,
    so a date in "the next meeting will be on ..." is not the meeting's."""
    blanks = [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
    return blanks[2] if len(blanks) > 2 else len(text)


def _heading_line_start(text: str, title_start: int, number: str) -> int:
    """Where the heading of the first item begins: the number may sit on a line above its title."""
    window_start = max(0, title_start - 40)
    found = text.rfind(number.split(" ")[0], window_start, title_start)
    if found < 0:
        return text.rfind("\n", 0, title_start) + 1
    return text.rfind("\n", 0, found) + 1
