"""The relationship API's response models: one per view, every fact with the provenance it was read from."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

__all__ = [
    "Attendance",
    "BodyView",
    "Decision",
    "Declaration",
    "EntityHeader",
    "EntityKind",
    "Item",
    "Link",
    "MeetingSummary",
    "MeetingView",
    "Membership",
    "OrganisationView",
    "Page",
    "PathStep",
    "PathsView",
    "PersonLink",
    "PersonView",
    "PostHeld",
    "Provenance",
    "Question",
    "SearchHit",
]

EntityKind = Literal["person", "organisation", "body", "council", "post", "meeting", "decision", "other"]
T = TypeVar("T")


class Link(BaseModel):
    """Another node of the graph, by IRI, with its label and the path of its page on this service."""

    iri: str
    label: str
    page: str | None = Field(default=None, description="Path of the node's page here, when the IRI is ours.")


class Provenance(BaseModel):
    """Where a fact was read: the document, its source file, and the exact quote with its offsets."""

    document: str
    source: str
    quote: str | None = None
    start: int | None = Field(default=None, description="Offset of the quote in the document's normalised text.")
    end: int | None = None


class Page(BaseModel, Generic[T]):
    """One page of a longer list: `total` counts every match, `items` holds those from `offset`."""

    total: int
    limit: int
    offset: int
    items: list[T]


class SearchHit(BaseModel):
    iri: str
    label: str
    kind: EntityKind
    matched: str = Field(description="The name that matched: a label, a former name or a form the minutes used.")
    page: str | None = None


class MeetingSummary(BaseModel):
    meeting: Link
    date: str | None = None
    body: Link | None = None


class Attendance(BaseModel):
    statement: str
    person: Link
    meeting: MeetingSummary
    status: str
    capacities: list[str]
    provenance: Provenance


class PostHeld(BaseModel):
    statement: str | None
    post: Link
    organisation: Link | None
    holder: Link | None
    date: str | None
    provenance: Provenance | None


class Membership(BaseModel):
    statement: str
    member: Link
    organisation: Link
    role: str
    change: str | None
    began: str | None
    ended: str | None
    period: str | None = Field(description="How the minutes put the period, e.g. 'for the municipal year'.")
    provenance: Provenance


class Declaration(BaseModel):
    statement: str
    person: Link
    organisations: list[Link]
    text: str
    kind: str | None
    withdrew: bool
    item: Link | None
    meeting: MeetingSummary
    provenance: Provenance


class Decision(BaseModel):
    statement: str
    text: str
    ordinal: int | None
    clause: str | None
    item: Link | None
    item_number: str | None
    meeting: MeetingSummary
    provenance: Provenance


class Item(BaseModel):
    statement: str
    number: str | None
    title: str
    mentions: list[Link]
    meeting: MeetingSummary
    provenance: Provenance


class Question(BaseModel):
    statement: str
    meeting: MeetingSummary
    answered_by: Link | None
    provenance: Provenance


class PersonLink(BaseModel):
    """How a person is linked to an organisation: by a declaration, a post, or a membership."""

    person: Link
    relation: str
    statement: str
    provenance: Provenance | None


class EntityHeader(BaseModel):
    iri: str
    label: str
    kind: EntityKind
    types: list[str]
    names: list[str] = Field(description="Every name and surface form the entity was read as.")
    former_names: list[str] = []
    titles: list[str] = []
    part_of: Link | None = None


class PersonView(EntityHeader):
    posts: Page[PostHeld]
    memberships: Page[Membership]
    attended: Page[Attendance]
    declarations: Page[Declaration]
    questions: Page[Question]


class OrganisationView(EntityHeader):
    people: Page[PersonLink]
    posts: Page[PostHeld]
    items: Page[Item]
    decisions: Page[Decision]
    declarations: Page[Declaration]


class BodyView(EntityHeader):
    bodies: Page[Link] = Field(description="Committees and other bodies under a council.")
    meetings: Page[MeetingSummary]
    members: Page[Membership]
    chairs: Page[Attendance]
    decisions: Page[Decision]


class MeetingView(BaseModel):
    iri: str
    label: str
    kind: EntityKind = "meeting"
    date: str | None
    end: str | None
    location: str | None
    body: Link | None
    document: Link
    attendance: Page[Attendance]
    items: Page[Item]
    decisions: Page[Decision]
    declarations: Page[Declaration]


class PathStep(BaseModel):
    """One edge of a path: `source` `relation` `target`, read from `statement`."""

    source: Link
    relation: str
    target: Link
    statement: str
    provenance: Provenance | None


class PathsView(BaseModel):
    source: Link
    target: Link
    max_hops: int
    complete: bool = Field(
        description="False when the search stopped because its frontier grew too large: longer paths may exist."
    )
    paths: list[list[PathStep]]
