"""Declarations of interest: who declared, in what, of which kind, for which item, and whether they withdrew."""

from __future__ import annotations

import re

from graph import patterns as P
from graph.extract.mentions import find_organisations
from graph.extract.names import find_titled_people, person_at
from graph.extract.sentences import sentences
from graph.models import AgendaItem, DeclarationFact, InterestKind, Minutes, OrgRef, PersonRef, Span

__all__ = ["read_declarations"]

_KIND_GROUPS = {
    "dpi": InterestKind.DISCLOSABLE_PECUNIARY,
    "reg": InterestKind.OTHER_REGISTRABLE,
    "prej": InterestKind.PREJUDICIAL,
    "pers": InterestKind.PERSONAL,
    "other": InterestKind.OTHER,
    "pec": InterestKind.DISCLOSABLE_PECUNIARY,
}
_ROLE_BEFORE_ORG = re.compile(
    r"\b(?:chair(?:man|woman|person)?|member|governor|trustee|director|employee|employed|volunteer|patron|president|"
    r"treasurer|secretary|owner|shareholder|partner|board|parent)\b[^,;]*$",
    re.I,
)
_INTEREST_WORDS = re.compile(
    r"\b(?:interests?|conflicts?|connections?|member|governor|trustee|director|employed|owner|chair(?:man)?)\b", re.I
)
_PRONOUN_START = re.compile(r"^(?:He|She|They|The[ \t]+(?:Councillor|Member))\b")


def _declarant(text: str, sentence: Span, verb_at: int) -> PersonRef | None:
    titled = [p for p in find_titled_people(text, sentence.start, verb_at)]
    if titled:
        return titled[-1]
    return person_at(text, sentence.start, verb_at)


def _kind(text: str) -> InterestKind | None:
    match = P.INTEREST_KIND.search(text)
    if not match:
        return None
    return next(kind for group, kind in _KIND_GROUPS.items() if match.group(group))


def _item_for(text: str, items: list[AgendaItem]) -> tuple[int | None, str | None]:
    reference = P.ITEM_REFERENCE.search(text)
    if not reference:
        return None, None
    number = reference.group("num")
    for index, item in enumerate(items):
        if item.number is not None and item.number.split(" ")[0] == number:
            return index, number
    return None, number


def _withdrew_in_item(text: str, item: AgendaItem, declarant: PersonRef) -> bool:
    """The item the interest concerns may say the declarant left: "Cllr X left the room for this item"."""
    for sentence in sentences(text, item.body.start, item.body.end):
        chunk = text[sentence.start : sentence.end]
        if declarant.family in chunk and P.WITHDREW.search(chunk):
            return True
    return False


def _separate_interests(text: str, subject: Span, orgs: list[OrgRef]) -> bool:
    """ "Chair of A and a Member of B" are two interests; "Chair of A and involved in work with B" is one."""
    position = subject.start
    for org in orgs:
        if not _ROLE_BEFORE_ORG.search(text[position : org.span.start]):
            return False
        position = org.span.end
    return True


def _declaration_at(text: str, spans: list[Span], index: int, minutes: Minutes, listed: bool) -> list[DeclarationFact]:
    """The declarations one sentence makes: "X declared an interest in ...", or in a declarations item a line
    such as "Councillor X - Item 6 - a personal interest as a governor of Y"."""
    sentence = spans[index]
    chunk = text[sentence.start : sentence.end]
    verb = P.DECLARATION.search(chunk)
    if P.NO_DECLARATIONS.search(chunk):
        return []
    if verb is not None and (listed or _INTEREST_WORDS.search(chunk)):
        declarant = _declarant(text, sentence, sentence.start + verb.start())
        subject = Span(start=sentence.start + verb.end(), end=sentence.end)
    elif listed and re.search(r"(?i)\binterest\b", chunk):
        people = list(find_titled_people(text, sentence.start, sentence.end))
        declarant = people[0] if people and people[0].span.start == sentence.start else None
        subject = Span(start=declarant.span.end, end=sentence.end) if declarant else sentence
    else:
        return []
    if declarant is None:
        return []
    evidence = sentence
    withdrew = bool(P.WITHDREW.search(chunk))
    if not withdrew and index + 1 < len(spans):
        following = spans[index + 1]
        next_text = text[following.start : following.end]
        if (_PRONOUN_START.match(next_text) or declarant.family in next_text) and P.WITHDREW.search(next_text):
            withdrew = True
            evidence = Span(start=sentence.start, end=following.end)
    orgs = find_organisations(text, subject.start, subject.end)
    item_index, item_number = _item_for(chunk, minutes.items)
    if not withdrew and item_index is not None:
        withdrew = _withdrew_in_item(text, minutes.items[item_index], declarant)
    groups = [[org] for org in orgs] if len(orgs) > 1 and _separate_interests(text, subject, orgs) else [orgs]
    return [
        DeclarationFact(
            declarant=declarant,
            text=re.sub(r"\s+", " ", text[subject.start : subject.end]).strip(" -:;,"),
            subjects=group,
            kind=_kind(chunk),
            item_index=item_index,
            item_number=item_number,
            withdrew=withdrew,
            evidence=evidence,
        )
        for group in groups
    ]


def read_declarations(minutes: Minutes) -> list[DeclarationFact]:
    """One fact per interest declared; a declaration naming several roles in several organisations is several."""
    text = minutes.document.folded
    spans = list(sentences(text))
    listed_ranges = [item.body for item in minutes.items if re.search(r"(?i)declaration", item.title)]
    facts: list[DeclarationFact] = []
    for index, sentence in enumerate(spans):
        listed = any(body.start <= sentence.start < body.end for body in listed_ranges)
        facts.extend(_declaration_at(text, spans, index, minutes, listed))
    return facts
