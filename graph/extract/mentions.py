"""Organisations and posts named in the text, typed and cleaned of the words around them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph import patterns as P
from graph.models import OrgKind, OrgRef, PostRef, Span

__all__ = ["find_organisations", "find_posts", "org_kind", "organisation_in", "post_at"]

_KIND_RULES: tuple[tuple[re.Pattern[str], OrgKind], ...] = (
    (
        re.compile(
            r"\b(?:City|County|District|Borough|Town|Parish|Community|Metropolitan|Shire|Municipal|Village)"
            r"(?:[ \t]+Borough)?[ \t]+Council$|^(?:Royal|London)[ \t]+Borough[ \t]+of\b"
        ),
        OrgKind.COUNCIL,
    ),
    (re.compile(r"\b(?:School|Academy|College|Nursery|Infant|Junior|Sixth[ \t]+Form)\b"), OrgKind.SCHOOL),
    (re.compile(r"\b(?:Ltd|Limited|plc|PLC|LLP|Inc|CIC|Company|Corporation|Football[ \t]+Club)\b"), OrgKind.COMPANY),
    (re.compile(r"\b(?:Charity|Charitable|Foundation)\b"), OrgKind.CHARITY),
    (re.compile(r"\b(?:Unions?|UNISON|Unison|Unite|GMB|NEU|NASUWT|NAHT|RCN)$"), OrgKind.TRADE_UNION),
    (
        re.compile(
            r"^(?:Ofsted|OFSTED|Home Office|DfE|NHS\b.*)$|\b(?:Department|Agency|Ombudsman|Police|Constabulary|"
            r"Authority|Ministry|Clinical Commissioning Group)\b|\b(?:England|Scotland|Wales)$"
        ),
        OrgKind.PUBLIC_BODY,
    ),
)
_COMMITTEE = re.compile(r"\b(?:Committee|Sub-Committee|Scrutiny[ \t]+(?:Commission|Panel|Board)|Cabinet|Panel)$")
_SINGLE_WORD_POSTS = frozenset({"Clerk", "Treasurer", "Mayor", "Leader", "Secretary", "Ombudsman", "Registrar"})
_WEAK_MODIFIERS = frozenset(
    {
        "Strategic",
        "Joint",
        "Assistant",
        "Interim",
        "Acting",
        "Deputy",
        "Senior",
        "Independent",
        "Divisional",
        "Service",
        "Corporate",
        "Executive",
        "Programme",
        "Project",
        "Lead",
        "Head",
    }
)
_CHAIR_HEADS = frozenset({"Chair", "Chairman", "Chairwoman", "Chairperson"})
_BARE_HEADS_NEEDING_OBJECT = frozenset(
    {
        "Chair",
        "Chairman",
        "Chairwoman",
        "Chairperson",
        "Governor",
        "Lead",
        "Head",
        "Commissioner",
        "Inspector",
        "Adviser",
        "Advisor",
    }
)


def org_kind(name: str) -> OrgKind:
    """What kind of organisation a name says it is; plain organisation where it says nothing."""
    for pattern, kind in _KIND_RULES:
        if pattern.search(name):
            return kind
    return OrgKind.ORGANISATION


def is_committee_name(name: str) -> bool:
    """A name of a council's own committee or panel rather than of an outside organisation."""
    return bool(_COMMITTEE.search(name))


def _distinctive(name: str) -> bool:
    words = [w.strip("'.,").lower() for w in re.split(r"[ \t]+", name)]
    return any(w and w not in P.ORG_GENERIC_WORDS and not w.isdigit() for w in words)


def _clean(name: str) -> tuple[str, int]:
    """Strip leading noise; return the name and how many characters were dropped from its start."""
    noise = P.ORG_LEADING_NOISE.match(name)
    dropped = noise.end() if noise else 0
    return name[dropped:].strip(), dropped


def organisation_in(text: str, start: int, end: int, abbr: str | None = None) -> OrgRef | None:
    """The organisation named by text[start:end], once leading words such as "the Chair of the" are gone."""
    name, dropped = _clean(text[start:end])
    name = re.sub(r"\s+", " ", name).strip(" ,.;:'")
    if not name or not _is_named_org(name) or not (_distinctive(name) or P.ORGANISATION_BY_HEAD.fullmatch(name)):
        return None
    span_start = start + dropped
    full = f"{name} ({abbr})" if abbr else name
    return OrgRef(name=name, span=Span(start=span_start, end=span_start + len(name)), kind=org_kind(full))


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """An organisation match may run names together: "Advisory Board at Millgate School", "DfE and NHS England",
    "X in Leicester and the Safer Leicester Partnership"."""
    position = start
    for match in re.finditer(r"[ \t]+(?:at|and[ \t]+the)[ \t]+(?:the[ \t]+)?|[ \t]+and[ \t]+", text[start:end]):
        left = text[position : start + match.start()]
        right = text[start + match.end() : end]
        left_is_org = P.WELL_KNOWN_ORG.fullmatch(left) or P.ORGANISATION.fullmatch(left)
        if match.group().strip() == "and" and not (left_is_org and P.ORGANISATION.fullmatch(right)):
            continue
        yield position, start + match.start()
        position = start + match.end()
    yield position, end


def _is_named_org(name: str) -> bool:
    return bool(
        P.ORGANISATION.fullmatch(name) or P.ORGANISATION_BY_HEAD.fullmatch(name) or P.WELL_KNOWN_ORG.fullmatch(name)
    )


def find_organisations(text: str, start: int = 0, end: int | None = None) -> list[OrgRef]:
    """Every organisation named in text[start:end], longest names first where two overlap."""
    stop = len(text) if end is None else end
    found: list[OrgRef] = []
    for pattern in (P.ORGANISATION_BY_HEAD, P.ORGANISATION):
        for match in pattern.finditer(text, start, stop):
            for piece_start, piece_end in _pieces(text, match.start("org"), match.end("org")):
                abbr = match.group("abbr") if piece_end == match.end("org") else None
                org = organisation_in(text, piece_start, piece_end, abbr)
                if org and not any(_overlaps(org.span, other.span) for other in found):
                    found.append(org)
    return sorted(found, key=lambda o: o.span.start)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _stands_alone(words: list[str]) -> bool:
    """A post without "of X" must still say which post: "Monitoring Officer" does, "Strategic Director" does not."""
    if len(words) == 1:
        return words[0] in _SINGLE_WORD_POSTS
    if words[-1] in _BARE_HEADS_NEEDING_OBJECT:
        return False
    return not (words[-1] in {"Director", "Officer", "Manager"} and all(w in _WEAK_MODIFIERS for w in words[:-1]))


def post_at(text: str, start: int, end: int) -> PostRef | None:
    """The post named at the very start of text[start:end] (a roster descriptor, a contact line)."""
    match = P.POST.match(text, start, end)
    if not match:
        return None
    return _post_from(text, match)


def _post_from(text: str, match: re.Match[str]) -> PostRef | None:
    title = re.sub(r"\s+", " ", match.group("post")).strip(" ,-")
    words = title.split()
    object_match = re.search(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?P<object>.+)$|[ \t]+-[ \t]+(?P<dash>.+)$", title)
    head_part = title[: object_match.start()] if object_match else title
    head_words = head_part.split()
    if not object_match and not _stands_alone(words):
        return None
    span = Span(start=match.start("post"), end=match.start("post") + len(match.group("post").rstrip(" ,-")))
    if object_match and object_match.group("object"):
        offset = span.start + object_match.start("object")
        org = organisation_in(text, offset, offset + len(object_match.group("object")))
        if org is not None and is_committee_name(org.name):
            return None
        if org is not None:
            return PostRef(title=" ".join(head_words), span=span, org=org)
        if head_words[-1] in _CHAIR_HEADS:
            return None
    return PostRef(title=title, span=span)


def find_posts(text: str, start: int = 0, end: int | None = None) -> list[PostRef]:
    """Every post named in text[start:end]."""
    stop = len(text) if end is None else end
    posts: list[PostRef] = []
    for match in P.POST.finditer(text, start, stop):
        post = _post_from(text, match)
        if post is not None:
            posts.append(post)
    return posts
