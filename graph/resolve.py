"""Decide who and what each reference is: one IRI per real person, body, post, organisation and council.

Identity keys are built from the document alone (council, family name, councillor or first initial), so the
same documents give the same IRIs in any order; merges inside a document are recorded as judgements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from graph import patterns as P
from graph.extract.meeting import same_body_name
from graph.extract.mentions import is_committee_name
from graph.identity import IriMinter, name_key, slug
from graph.models import (
    BodyRef,
    EntityForm,
    EntityKind,
    Extraction,
    IdentityJudgement,
    OrgKind,
    OrgRef,
    PersonRef,
    PostRef,
    ResolvedDocument,
    Span,
    ref_key,
)
from graph.vocab import CG, FOAF, ORG, RDF

__all__ = ["resolve"]

_ORG_TYPES: dict[OrgKind, tuple[str, ...]] = {
    OrgKind.ORGANISATION: (str(ORG.Organization),),
    OrgKind.COUNCIL: (str(CG.Council), str(ORG.FormalOrganization), str(ORG.Organization)),
    OrgKind.SCHOOL: (str(CG.School), str(ORG.Organization)),
    OrgKind.PUBLIC_BODY: (str(CG.PublicBody), str(ORG.Organization)),
    OrgKind.COMPANY: (str(CG.Company), str(ORG.Organization)),
    OrgKind.CHARITY: (str(CG.Charity), str(ORG.Organization)),
    OrgKind.TRADE_UNION: (str(CG.TradeUnion), str(ORG.Organization)),
}
_COMMITTEE_TYPES = (str(CG.Committee), str(ORG.OrganizationalUnit), str(ORG.Organization))


@dataclass
class _Registry:
    """Collects IRIs, kinds, fixed facts and surface forms while references are resolved."""

    iris: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, EntityKind] = field(default_factory=dict)
    forms: dict[str, list[EntityForm]] = field(default_factory=lambda: defaultdict(list))
    fixed: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))

    def add(
        self,
        key: str | None,
        iri: str,
        kind: EntityKind,
        surface: str,
        span: Span | None,
        types: tuple[str, ...],
        relations: tuple[tuple[str, str], ...] = (),
    ) -> str:
        if key is not None:
            self.iris[key] = iri
        self.kinds[iri] = kind
        if span is not None:
            form = EntityForm(surface=" ".join(surface.split()), span=span)
            if form.surface not in {f.surface for f in self.forms[iri]}:
                self.forms[iri].append(form)
        self.fixed[iri].update((str(RDF.type), t) for t in types)
        self.fixed[iri].update(relations)
        return iri


def _people(extraction: Extraction) -> Iterator[PersonRef]:
    yield from (a.person for a in extraction.attendance)
    yield from (d.declarant for d in extraction.declarations)
    yield from (m.person for m in extraction.memberships)
    yield from (h.holder for h in extraction.holdings)
    yield from (q.asker for q in extraction.questions)
    yield from (p for p, _ in extraction.affiliations)
    yield from extraction.people


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _clusters(refs: list[PersonRef]) -> list[list[PersonRef]]:
    """Group one family name's references: initials must agree; a bare name ("Councillor Moore", "Mr Patel")
    joins the one cluster of the same standing (councillor or not), so a member of the public who asks a
    question is not merged with the councillor who shares the surname."""
    ordered = sorted(refs, key=lambda r: (-len(r.initials), r.span.start))
    clusters: list[list[PersonRef]] = []
    for ref in ordered:
        if ref.initials:
            home = next((c for c in clusters if _compatible(c[0].initials, ref.initials)), None)
        else:
            alike = [c for c in clusters if any(r.councillor for r in c) == ref.councillor]
            home = alike[0] if len(alike) == 1 else None
        if home is None:
            clusters.append([ref])
        else:
            home.append(ref)
    return clusters


def _person_qualifier(cluster: list[PersonRef], clusters: list[list[PersonRef]]) -> str:
    initials = max((r.initials for r in cluster), key=len)
    councillor = any(r.councillor for r in cluster)
    councillor_clusters = sum(1 for c in clusters if any(r.councillor for r in c))
    if councillor and councillor_clusters == 1:
        return "cllr"
    if councillor:
        return f"cllr-{initials[:1].lower()}"
    return initials[:1].lower()


def _resolve_people(
    extraction: Extraction,
    council_key: str,
    minter: IriMinter,
    registry: _Registry,
    judgements: list[IdentityJudgement],
) -> None:
    by_family: dict[str, list[PersonRef]] = defaultdict(list)
    seen: set[str] = set()
    for ref in _people(extraction):
        if ref_key(ref) not in seen:
            seen.add(ref_key(ref))
            by_family[name_key(ref.family)].append(ref)
    for family in sorted(by_family):
        clusters = _clusters(by_family[family])
        for cluster in clusters:
            iri = minter.person(council_key, cluster[0].family, _person_qualifier(cluster, clusters))
            for ref in cluster:
                registry.add(ref_key(ref), iri, EntityKind.PERSON, ref.surface, ref.span, (str(FOAF.Person),))
            judgements.extend(_merge_judgements(cluster))
        judgements.extend(_split_judgements(clusters))


def _merge_judgements(cluster: list[PersonRef]) -> list[IdentityJudgement]:
    surfaces = sorted({r.surface for r in cluster})
    return [
        IdentityJudgement(
            left=surfaces[0], right=other, same=True, rule="same family name and compatible initials in one document"
        )
        for other in surfaces[1:]
    ]


def _split_judgements(clusters: list[list[PersonRef]]) -> list[IdentityJudgement]:
    heads = sorted(min(r.surface for r in c) for c in clusters)
    return [
        IdentityJudgement(left=heads[0], right=other, same=False, rule="same family name, different initials")
        for other in heads[1:]
    ]


def _is_whole_council(body: str, council: str | None) -> bool:
    """ "Full Council", "Ordinary Council Meeting" or the council's own name: the meeting is of the council itself."""
    return bool(P.FULL_COUNCIL.match(body.strip())) or (council is not None and name_key(body) == name_key(council))


def _council(extraction: Extraction, minter: IriMinter, registry: _Registry) -> tuple[str | None, str]:
    """The council and the key that scopes its people and bodies; with no council known, the scope is the
    document, so people and committees of unknown councils are never merged across documents."""
    meeting = extraction.meeting
    if meeting.council is None:
        return None, f"document-{slug(extraction.minutes.document.name)}"
    iri = minter.council(meeting.council)
    registry.add(None, iri, EntityKind.COUNCIL, meeting.council, meeting.council_span, _ORG_TYPES[OrgKind.COUNCIL])
    return iri, name_key(meeting.council)


def _body_iri(
    ref: BodyRef,
    meeting_body: BodyRef | None,
    council_iri: str | None,
    council_key: str,
    minter: IriMinter,
    registry: _Registry,
    meeting_body_iri: str | None,
) -> str:
    """A committee named in the text is the meeting's body when its name is that body's name or a tail of it."""
    if (
        meeting_body is not None
        and meeting_body_iri is not None
        and (same_body_name(ref.name, meeting_body.name) or name_key(meeting_body.name).endswith(name_key(ref.name)))
    ):
        return registry.add(ref_key(ref), meeting_body_iri, EntityKind.BODY, ref.name, ref.span, _COMMITTEE_TYPES)
    relations = ((str(ORG.subOrganizationOf), council_iri),) if council_iri else ()
    return registry.add(
        ref_key(ref),
        minter.body(council_key, ref.name),
        EntityKind.BODY,
        ref.name,
        ref.span,
        _COMMITTEE_TYPES,
        relations,
    )


def _org_iri(
    ref: OrgRef,
    council_iri: str | None,
    council_key: str,
    minter: IriMinter,
    registry: _Registry,
    meeting_body: BodyRef | None,
    meeting_body_iri: str | None,
) -> str:
    if is_committee_name(ref.name):
        body = BodyRef(name=ref.name, span=ref.span)
        iri = _body_iri(body, meeting_body, council_iri, council_key, minter, registry, meeting_body_iri)
        registry.iris[ref_key(ref)] = iri
        return iri
    if ref.kind is OrgKind.COUNCIL:
        return registry.add(
            ref_key(ref), minter.council(ref.name), EntityKind.COUNCIL, ref.name, ref.span, _ORG_TYPES[OrgKind.COUNCIL]
        )
    return registry.add(
        ref_key(ref), minter.organisation(ref.name), EntityKind.ORGANISATION, ref.name, ref.span, _ORG_TYPES[ref.kind]
    )


def _posts(extraction: Extraction) -> Iterator[PostRef]:
    yield from extraction.posts
    yield from (h.post for h in extraction.holdings)
    yield from (q.answered_by for q in extraction.questions if q.answered_by is not None)


def _orgs(extraction: Extraction) -> Iterator[OrgRef]:
    yield from extraction.organisations
    yield from (o for item in extraction.items for o in item.mentions)
    yield from (o for d in extraction.declarations for o in d.subjects)
    yield from (o for _, o in extraction.affiliations)


def resolve(extraction: Extraction, minter: IriMinter) -> ResolvedDocument:
    """Mint an IRI for every reference in the extraction and record the forms each entity was read from."""
    registry = _Registry()
    judgements: list[IdentityJudgement] = []
    doc_iri = minter.document(extraction.minutes.document.name)
    council_iri, council_key = _council(extraction, minter, registry)
    meeting = extraction.meeting
    body_iri = None
    if meeting.body is not None and council_iri is not None and _is_whole_council(meeting.body.name, meeting.council):
        body_iri = registry.add(
            ref_key(meeting.body), council_iri, EntityKind.COUNCIL, meeting.body.name, None, _ORG_TYPES[OrgKind.COUNCIL]
        )
    elif meeting.body is not None:
        relations = ((str(ORG.subOrganizationOf), council_iri),) if council_iri else ()
        body_iri = registry.add(
            ref_key(meeting.body),
            minter.body(council_key, meeting.body.name),
            EntityKind.BODY,
            meeting.body.name,
            meeting.body.span,
            _COMMITTEE_TYPES,
            relations,
        )
        for former in meeting.former_body_names:
            registry.add(ref_key(former), body_iri, EntityKind.BODY, former.name, former.span, _COMMITTEE_TYPES)
    for body in extraction.bodies:
        _body_iri(body, meeting.body, council_iri, council_key, minter, registry, body_iri)
    for org in _orgs(extraction):
        _org_iri(org, council_iri, council_key, minter, registry, meeting.body, body_iri)
    for post in _posts(extraction):
        org_iri = (
            _org_iri(post.org, council_iri, council_key, minter, registry, meeting.body, body_iri)
            if post.org
            else council_iri
        )
        if org_iri is None:
            continue
        registry.add(
            ref_key(post),
            minter.post(org_iri, post.title),
            EntityKind.POST,
            post.title,
            post.span,
            (str(ORG.Post),),
            ((str(ORG.postIn), org_iri),),
        )
    _resolve_people(extraction, council_key, minter, registry, judgements)
    meeting_iri = (
        minter.meeting(body_iri, meeting.date.isoformat()) if body_iri and meeting.date else f"{doc_iri}/meeting"
    )
    return ResolvedDocument(
        extraction=extraction,
        doc_iri=doc_iri,
        council_iri=council_iri,
        body_iri=body_iri,
        meeting_iri=meeting_iri,
        iris=registry.iris,
        kinds=registry.kinds,
        forms={iri: list(forms) for iri, forms in registry.forms.items()},
        fixed={iri: sorted(facts) for iri, facts in registry.fixed.items()},
        judgements=judgements,
    )
