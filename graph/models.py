"""Typed models passed between the pipeline stages; each stage takes one and returns the next."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "AgendaItem",
    "AttendanceFact",
    "AttendanceStatus",
    "BodyRef",
    "Capacity",
    "Clause",
    "DecisionFact",
    "DeclarationFact",
    "EntityForm",
    "EntityKind",
    "EntityRecord",
    "Extraction",
    "IdentityJudgement",
    "InterestKind",
    "ItemFact",
    "MeetingFacts",
    "MembershipChange",
    "MembershipFact",
    "Minutes",
    "OrgKind",
    "OrgRef",
    "PersonRef",
    "PostHoldingFact",
    "PostRef",
    "QuestionFact",
    "ResolutionBlock",
    "ResolvedDocument",
    "RosterBlock",
    "RosterLine",
    "SourceDocument",
    "Span",
    "ref_key",
]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Model):
    """Half-open character range in a document's normalised text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    def text(self, source: str) -> str:
        return source[self.start : self.end]


class SourceDocument(Model):
    """A minutes document after reading. `text` is the normalised text every span points into, with the
    source's own characters, so quotes are exact; `folded` is the same text with quotes, dashes and bullets
    folded one character for one, so patterns see one spelling and spans stay valid in both."""

    path: str
    name: str
    sha256: str
    encoding: str
    text: str
    folded: str


# ---------------------------------------------------------------- segmentation


class RosterLine(Model):
    """One line of an attendance list, with the block heading it sits under."""

    span: Span


class RosterBlock(Model):
    """An attendance list such as `PRESENT:` or `In Attendance:` and the lines under it."""

    heading: str
    heading_span: Span
    lines: list[RosterLine]


class Clause(Model):
    """One numbered or lettered resolution clause (or the whole resolution when unnumbered)."""

    label: str | None
    span: Span


class ResolutionBlock(Model):
    """Text under a RESOLVED / AGREED marker, split into its clauses."""

    marker_span: Span
    clauses: list[Clause]


class AgendaItem(Model):
    """A numbered (or unnumbered) minute: its title and body, with any resolutions inside it."""

    number: str | None
    title: str
    title_span: Span
    body: Span
    resolutions: list[ResolutionBlock]
    parent: str | None = None


class Minutes(Model):
    """A document cut into its header, attendance lists and agenda items."""

    document: SourceDocument
    header: Span
    rosters: list[RosterBlock]
    items: list[AgendaItem]


# ---------------------------------------------------------------- extraction


class EntityKind(StrEnum):
    COUNCIL = "council"
    BODY = "body"
    ORGANISATION = "organisation"
    PERSON = "person"
    POST = "post"


class OrgKind(StrEnum):
    ORGANISATION = "organisation"
    COUNCIL = "council"
    SCHOOL = "school"
    PUBLIC_BODY = "public-body"
    COMPANY = "company"
    CHARITY = "charity"
    TRADE_UNION = "trade-union"


class PersonRef(Model):
    """A person as written: name parts, never an IRI; `resolve` decides who it is."""

    surface: str
    span: Span
    titles: tuple[str, ...] = ()
    given: str | None = None
    initials: str = ""
    family: str
    councillor: bool = False


class OrgRef(Model):
    """An organisation named in the text, typed where its name tells."""

    name: str
    span: Span
    kind: OrgKind = OrgKind.ORGANISATION


class BodyRef(Model):
    """A committee or other body of the council, as named."""

    name: str
    span: Span


class PostRef(Model):
    """An office named by its title ("the Director of Finance"); `org` None means the council."""

    title: str
    span: Span
    org: OrgRef | None = None


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    IN_ATTENDANCE = "in-attendance"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class Capacity(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice-chair"
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    CO_OPTED = "co-opted"
    STANDING_INVITEE = "standing-invitee"


class InterestKind(StrEnum):
    DISCLOSABLE_PECUNIARY = "disclosable-pecuniary"
    OTHER_REGISTRABLE = "other-registrable"
    PERSONAL = "personal"
    PREJUDICIAL = "prejudicial"
    OTHER = "other"


class MembershipChange(StrEnum):
    JOINS = "joins"
    LEAVES = "leaves"
    APPOINTED = "appointed"


class MeetingFacts(Model):
    """What the header says about the meeting; None where the text does not say."""

    council: str | None = None
    council_span: Span | None = None
    body: BodyRef | None = None
    former_body_names: list[BodyRef] = []
    date: dt.date | None = None
    date_span: Span | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    end_span: Span | None = None
    venue: str | None = None
    venue_span: Span | None = None


class AttendanceFact(Model):
    """One reading of someone's attendance; `inferred` when only their part in the business shows it."""

    person: PersonRef
    status: AttendanceStatus
    capacities: tuple[Capacity, ...] = ()
    evidence: Span
    inferred: bool = False


class ItemFact(Model):
    """An agenda item and the organisations and people its text mentions."""

    number: str | None
    title: str
    span: Span
    mentions: list[OrgRef] = []


class DecisionFact(Model):
    item_index: int
    text: str
    ordinal: int | None
    label: str | None
    evidence: Span


class DeclarationFact(Model):
    declarant: PersonRef
    text: str
    subjects: list[OrgRef] = []
    kind: InterestKind | None = None
    item_index: int | None = None
    item_number: str | None = None
    withdrew: bool = False
    evidence: Span


class MembershipFact(Model):
    person: PersonRef
    body: BodyRef | None
    role: Capacity
    change: MembershipChange | None
    begins: dt.date | None = None
    ends: dt.date | None = None
    term: str | None = None
    evidence: Span


class PostHoldingFact(Model):
    post: PostRef
    holder: PersonRef
    evidence: Span


class QuestionFact(Model):
    asker: PersonRef
    answered_by: PostRef | None
    item_index: int | None
    evidence: Span


class Extraction(Model):
    """Everything read from one document, as references; identity is decided later."""

    minutes: Minutes
    meeting: MeetingFacts
    attendance: list[AttendanceFact] = []
    items: list[ItemFact] = []
    decisions: list[DecisionFact] = []
    declarations: list[DeclarationFact] = []
    memberships: list[MembershipFact] = []
    posts: list[PostRef] = []
    holdings: list[PostHoldingFact] = []
    questions: list[QuestionFact] = []
    people: list[PersonRef] = []
    organisations: list[OrgRef] = []
    bodies: list[BodyRef] = []
    affiliations: list[tuple[PersonRef, OrgRef]] = []


# ---------------------------------------------------------------- resolution


class IdentityJudgement(Model):
    """Why two surface forms were taken as one entity, or kept apart."""

    left: str
    right: str
    same: bool
    rule: str


class EntityForm(Model):
    """A surface form an entity was read from, with the text span that shows it."""

    surface: str
    span: Span


class ResolvedDocument(Model):
    """An extraction plus the IRI each reference resolves to, keyed by `ref_key`, and the forms of each entity."""

    extraction: Extraction
    doc_iri: str
    council_iri: str | None
    body_iri: str | None
    meeting_iri: str
    iris: dict[str, str]
    kinds: dict[str, EntityKind]
    forms: dict[str, list[EntityForm]]
    fixed: dict[str, list[tuple[str, str]]]
    judgements: list[IdentityJudgement] = []


class EntityRecord(Model):
    """A shared entity as one document mentions it: fixed facts (types, parent organisation) and surface forms."""

    iri: str
    kind: EntityKind
    fixed: list[tuple[str, str, str]]
    forms: list[str]


def ref_key(ref: PersonRef | OrgRef | BodyRef | PostRef) -> str:
    """The key a reference is resolved under: its kind and where it stands in the text."""
    return f"{type(ref).__name__}:{ref.span.start}:{ref.span.end}"
