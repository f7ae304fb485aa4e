"""Small hand-built networks for the network's tests: a few people, organisations and meetings, each link
recorded in the document of the meeting it was read from, with a quote."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from graph.network.projection import DocumentLinks, Evidence, Link, NodeInfo, NodeKind, Projection, Relation
from graph.vocab import CG

PRESENT = str(CG.Present)
APOLOGIES = str(CG.Apologies)
CHAIR = str(CG.Chair)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


@dataclass
class Scenario:
    entities: dict[str, NodeInfo] = field(default_factory=dict)
    entity_links: list[Link] = field(default_factory=list)
    links: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    nodes: dict[str, dict[str, NodeInfo]] = field(default_factory=lambda: defaultdict(dict))
    counter: int = 0

    def _entity(self, kind: NodeKind, name: str) -> str:
        iri = f"urn:{kind.value}:{_slug(name)}"
        self.entities[iri] = NodeInfo(kind=kind, label=name)
        return iri

    def person(self, name: str) -> str:
        return self._entity(NodeKind.PERSON, name)

    def organisation(self, name: str) -> str:
        return self._entity(NodeKind.ORGANISATION, name)

    def council(self, name: str) -> str:
        return self._entity(NodeKind.COUNCIL, name)

    def body(self, name: str) -> str:
        return self._entity(NodeKind.BODY, name)

    def post(self, name: str, organisation: str) -> str:
        iri = self._entity(NodeKind.POST, name)
        self.entity_links.append(Link(iri, Relation.POST_IN, organisation, iri))
        return iri

    def meeting(self, body: str, date: str) -> str:
        iri = f"{body}/meeting/{date}"
        self.nodes[iri][iri] = NodeInfo(kind=NodeKind.MEETING, label=f"{self.entities[body].label}, {date}", date=date)
        self.links[iri].append(Link(iri, Relation.ORGANISED_BY, body, iri))
        return iri

    def _statement(self, meeting: str) -> str:
        self.counter += 1
        return f"{meeting}/statement/{self.counter}"

    def item(self, meeting: str, number: str, title: str, mentions: tuple[str, ...] = ()) -> str:
        iri = f"{meeting}/item/{number}"
        self.nodes[meeting][iri] = NodeInfo(kind=NodeKind.ITEM, label=title, number=number)
        self.links[meeting].append(Link(iri, Relation.ITEM_AT, meeting, iri))
        self.links[meeting] += [Link(iri, Relation.MENTIONS, org, iri) for org in mentions]
        return iri

    def decision(self, item: str, text: str) -> str:
        meeting = item.rsplit("/item/", 1)[0]
        iri = f"{item}/decision"
        self.nodes[meeting][iri] = NodeInfo(kind=NodeKind.DECISION, label=text)
        self.links[meeting].append(Link(iri, Relation.DECISION_ON, item, iri))
        return iri

    def attended(self, person: str, meeting: str, status: str = PRESENT) -> str:
        statement = self._statement(meeting)
        self.links[meeting].append(Link(person, Relation.ATTENDED, meeting, statement, status=status))
        return statement

    def declared(
        self, person: str, organisation: str, meeting: str, withdrew: bool = False, item: str | None = None
    ) -> str:
        statement = self._statement(meeting)
        self.links[meeting] += [
            Link(person, Relation.DECLARED, organisation, statement, withdrew=withdrew),
            Link(person, Relation.DECLARED_AT, meeting, statement, withdrew=withdrew),
        ]
        if item:
            self.links[meeting].append(Link(person, Relation.DECLARED_ON_ITEM, item, statement, withdrew=withdrew))
        return statement

    def holds(self, person: str, post: str, recorded_at: str) -> str:
        statement = self._statement(recorded_at)
        self.links[recorded_at].append(Link(person, Relation.HOLDS, post, statement))
        return statement

    def member(self, person: str, body: str, recorded_at: str, role: str | None = None) -> str:
        statement = self._statement(recorded_at)
        self.links[recorded_at].append(Link(person, Relation.MEMBER_OF, body, statement, role=role))
        return statement

    def projection(self) -> Projection:
        network = Projection()
        parts = {
            f"{meeting}#minutes": DocumentLinks(
                sha256=meeting,
                source=f"{_slug(meeting)}.txt",
                links=tuple(links),
                nodes=self.nodes[meeting],
                evidence={
                    k.statement: Evidence(k.statement, f"{meeting}#minutes", f"quote of {k.statement}", 0, 10)
                    for k in links
                },
            )
            for meeting, links in self.links.items()
        }
        network.update(parts, [])
        network.set_entities(dict(self.entities), tuple(self.entity_links))
        return network
