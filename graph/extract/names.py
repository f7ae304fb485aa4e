"""People's names: honorifics, initials, compound surnames; never a person made from a post or a phrase."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph import patterns as P
from graph.models import PersonRef, Span

__all__ = ["canonical_title", "find_titled_people", "parse_name", "person_at"]

_TITLE_FORMS = {
    "councillor": "Councillor",
    "councillors": "Councillor",
    "councilor": "Councillor",
    "councilors": "Councillor",
    "cllr": "Councillor",
    "cllrs": "Councillor",
    "cr": "Councillor",
    "crs": "Councillor",
    "clr": "Councillor",
    "county councillor": "Councillor",
    "city councillor": "Councillor",
    "alderman": "Alderman",
    "alderwoman": "Alderwoman",
    "mayor": "Mayor",
    "deputy mayor": "Deputy Mayor",
    "mr": "Mr",
    "mrs": "Mrs",
    "ms": "Ms",
    "miss": "Miss",
    "mx": "Mx",
    "dr": "Dr",
    "prof": "Professor",
    "professor": "Professor",
    "sir": "Sir",
    "dame": "Dame",
    "lord": "Lord",
    "lady": "Lady",
    "rev": "Reverend",
    "revd": "Reverend",
    "reverend": "Reverend",
    "canon": "Canon",
    "father": "Father",
    "rabbi": "Rabbi",
    "imam": "Imam",
    "baroness": "Baroness",
    "baron": "Baron",
    "hon": "Honourable",
    "council member": "Council Member",
    "council members": "Council Member",
    "councilmember": "Council Member",
    "councilmembers": "Council Member",
    "council woman": "Council Member",
    "councilwoman": "Council Member",
    "council man": "Council Member",
    "councilman": "Council Member",
    "alderperson": "Alderman",
    "alderpersons": "Alderman",
    "selectman": "Selectman",
    "selectwoman": "Selectman",
}
_COUNCILLOR_TITLES = frozenset(
    {"Councillor", "Council Member", "Alderman", "Alderwoman", "Mayor", "Deputy Mayor", "Selectman"}
)
_SURNAME_PARTICLES = frozenset(
    {
        "singh",
        "kaur",
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "bin",
        "binti",
        "al",
        "el",
        "ter",
        "st",
    }
)

NOT_A_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "chair",
        "chairman",
        "chairwoman",
        "vice",
        "deputy",
        "council",
        "councils",
        "committee",
        "commission",
        "board",
        "panel",
        "cabinet",
        "city",
        "county",
        "district",
        "borough",
        "town",
        "parish",
        "officer",
        "officers",
        "director",
        "manager",
        "executive",
        "mayor",
        "member",
        "members",
        "team",
        "service",
        "services",
        "department",
        "school",
        "schools",
        "college",
        "academy",
        "trust",
        "group",
        "forum",
        "partnership",
        "report",
        "minutes",
        "meeting",
        "item",
        "items",
        "agenda",
        "government",
        "office",
        "ofsted",
        "nhs",
        "police",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "present",
        "apologies",
        "attendance",
        "absence",
        "also",
        "in",
        "attendance",
        "noted",
        "resolved",
        "agreed",
        "questions",
        "question",
        "representations",
        "statements",
        "case",
        "update",
        "leicester",
        "england",
        "britain",
        "uk",
        "local",
        "national",
        "social",
        "care",
        "education",
        "children",
        "young",
        "people",
        "health",
        "public",
        "youth",
        "scrutiny",
        "annual",
        "general",
        "planning",
        "finance",
        "lead",
        "support",
        "clerk",
        "secretary",
        "head",
        "chief",
        "strategic",
        "assistant",
        "representative",
        "representatives",
        "union",
        "unions",
        "unison",
        "governor",
        "governors",
        "standing",
        "invitees",
        "voting",
        "non",
        "co-opted",
        "substitute",
        "substitutes",
        "welcome",
        "thanks",
        "thank",
        "all",
        "any",
        "other",
        "business",
        "hall",
        "centre",
        "room",
        "street",
        "road",
        "house",
    ]
)
"""Words that end a name when met: a post, a body, a month, a verb-like word, a place-holder."""


def canonical_title(raw: str) -> str:
    """ "Cllr." and "Councillors" are both "Councillor"; unknown forms keep their spelling."""
    key = re.sub(r"[.\s]+", " ", raw.strip().lower()).strip()
    return _TITLE_FORMS.get(key, raw.strip().rstrip("."))


_HONORIFIC_WORD = re.compile(rf"\b{P.HONORIFIC}(?![A-Za-z])")


def _split_titles(raw: str) -> tuple[str, ...]:
    """ "Mrs." is Mrs, not Mr: each honorific must end where a word ends."""
    return tuple(canonical_title(t) for t in _HONORIFIC_WORD.findall(raw))


_CALENDAR_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _trim_name_words(words: list[str]) -> list[str]:
    """Drop trailing words that are not names ("Councillor Moore Chair" keeps "Moore"); a first word such as
    "March" or "May" after an honorific is a surname, not a month."""
    kept: list[str] = []
    for index, word in enumerate(words):
        lowered = word.lower().strip(".")
        is_initial = re.fullmatch(r"[A-Z]\.?", word) is not None
        if lowered in NOT_A_NAME and not is_initial and not (index == 0 and lowered in _CALENDAR_WORDS):
            break
        kept.append(word)
    return kept


def parse_name(
    name: str, titles: tuple[str, ...] = (), suffix: str | None = None, *, span: Span, surface: str
) -> PersonRef | None:
    """Split a name into initials, given name and family name; None when no family name remains."""
    words = _trim_name_words(name.replace("\n", " ").split())
    if not words:
        return None
    initials = ""
    while words and re.fullmatch(r"[A-Z]\.?|(?:[A-Z]\.){2,}", words[0]) and len(words) > 1:
        initials += words.pop(0).replace(".", "")
    glued = re.match(r"^((?:[A-Z]\.)+)([A-Z][a-z].*)$", words[0]) if words else None
    if glued:
        initials += glued.group(1).replace(".", "")
        words[0] = glued.group(2)
    if not words or re.fullmatch(r"[A-Z]\.?", words[-1]):
        return None
    family_words = [words.pop()]
    while words and words[-1].lower() in _SURNAME_PARTICLES:
        family_words.insert(0, words.pop())
    given = " ".join(words) or None
    if given and not initials:
        initials = "".join(w[0] for w in given.split())
    family = " ".join(family_words)
    if family.isupper() and len(family) > 3:
        family = family.title()
    councillor = bool(set(titles) & _COUNCILLOR_TITLES) or (suffix or "").upper() == "CC"
    return PersonRef(
        surface=surface,
        span=span,
        titles=titles,
        given=given,
        initials=initials,
        family=family,
        councillor=councillor,
    )


def person_at(text: str, start: int, end: int, base: int = 0) -> PersonRef | None:
    """Read one person from text[start:end] (a roster cell, a list element): titled or plain."""
    chunk = text[start:end]
    stripped = chunk.strip(" \t\n,.;:-()")
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip(" \t\n,.;:-()"))
    titled = P.PERSON_TITLED.match(stripped)
    if titled:
        return _from_match(titled, base + start + lead)
    plain = P.PERSON_PLAIN.match(stripped)
    if plain and P.ORGANISATION.fullmatch(plain.group("name")):
        return None
    plain_words = plain.group("name").split() if plain else []
    if plain and len(_trim_name_words(plain_words)) < len(plain_words):
        return None
    if plain and len(plain_words) >= 2 and not _ORG_AHEAD.match(stripped, plain.end("name")):
        surface = plain.group(0)
        offset = base + start + lead
        return parse_name(
            plain.group("name"),
            (),
            plain.group("suffix"),
            span=Span(start=offset, end=offset + len(surface)),
            surface=surface,
        )
    return None


_ORG_AHEAD = re.compile(rf"(?:[ \t]+[A-Z][\w'-]*){{0,3}}[ \t]+{P.ORG_SUFFIX}\b")


_OF_SOMETHING = re.compile(r"[ \t]+of[ \t]+[A-Z]")


def _from_match(match: re.Match[str], offset: int) -> PersonRef | None:
    """A titled match as a person, unless it names an organisation ("the Alderman Smith Charity Trust"), a
    document ("the Councillor Code of Conduct"), or is a possessive ("Dr Okafor's team" is Dr Okafor)."""
    words = match.group("name").replace("\n", " ").split()
    if _ORG_AHEAD.match(match.string, match.end("name")) or _OF_SOMETHING.match(match.string, match.end("name")):
        return None
    if any(re.fullmatch(P.ORG_SUFFIX, w) for w in words[1:]):
        return None
    titles = _split_titles(match.group("titles"))
    name_words = _trim_name_words(words)
    if name_words and name_words[-1].endswith("'s"):
        name_words[-1] = name_words[-1][:-2]
    if not name_words:
        return None
    name = " ".join(name_words)
    name_end = match.start("name") + _prefix_length(match.group("name"), name_words)
    suffix = match.group("suffix") if len(name_words) == len(match.group("name").split()) else None
    end = match.end("suffix") if suffix else name_end
    surface = match.string[match.start() : end]
    span = Span(start=offset + match.start(), end=offset + end)
    return parse_name(name, titles, suffix, span=span, surface=surface.replace("\n", " "))


def _prefix_length(text: str, words: list[str]) -> int:
    """Length of the part of text that holds the first len(words) words."""
    position = 0
    for word in words:
        position = text.index(word, position) + len(word)
    return position


def find_titled_people(text: str, start: int = 0, end: int | None = None) -> Iterator[PersonRef]:
    """Every person with an honorific in text[start:end], with spans into the whole text."""
    stop = len(text) if end is None else end
    for match in P.PERSON_TITLED.finditer(text, start, stop):
        person = _from_match(match, 0)
        if person is not None:
            yield person
