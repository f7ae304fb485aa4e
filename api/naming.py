"""How the service names what it shows: pages for the IRIs it mints, and labels for vocabulary terms."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from api.models import EntityKind, Link, Provenance
from api.reader import Row
from graph.identity import referenced_iri
from graph.vocab import CG, FOAF, ORG

__all__ = ["Namer", "load_term_labels"]

_KINDS: list[tuple[str, EntityKind]] = [
    (str(CG.Council), "council"),
    (str(CG.Committee), "body"),
    (str(FOAF.Person), "person"),
    (str(ORG.Post), "post"),
    (str(CG.Meeting), "meeting"),
    (str(CG.Decision), "decision"),
    (str(ORG.Organization), "organisation"),
]


def load_term_labels(ontology_dir: Path) -> dict[str, str]:
    """The English label of every term the ontology labels, so roles and statuses read as words."""
    ontology = Graph()
    for path in sorted(ontology_dir.glob("*.ttl")):
        ontology.parse(path, format="turtle")
    return {
        str(term): str(label)
        for term, label in ontology.subject_objects(RDFS.label)
        if isinstance(term, URIRef) and getattr(label, "language", None) in (None, "en")
    }


@dataclass(frozen=True)
class Namer:
    """Maps IRIs under the base IRI to page paths on this service, and terms to their labels."""

    base_iri: str
    term_labels: dict[str, str]

    @property
    def base_path(self) -> str:
        """The path part of the base IRI: where the linked-data pages are served."""
        return urlsplit(self.base_iri).path or "/"

    def page(self, iri: str) -> str | None:
        if not iri.startswith(self.base_iri):
            return None
        return self.base_path + iri[len(self.base_iri) :]

    def iri(self, reference: str) -> str:
        """An IRI from a full IRI or from its part below the base ("person/x/y")."""
        return referenced_iri(reference, self.base_iri)

    def link(self, iri: str, label: str | None = None) -> Link:
        return Link(iri=iri, label=label or self.term(iri), page=self.page(iri))

    def term(self, iri: str) -> str:
        """A vocabulary term's label, or the last part of an IRI when the ontology has none."""
        if iri in self.term_labels:
            return self.term_labels[iri]
        return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    @staticmethod
    def kind(types: list[str]) -> EntityKind:
        for type_iri, kind in _KINDS:
            if type_iri in types:
                return kind
        return "other"

    @staticmethod
    def provenance(row: Row) -> Provenance:
        """The provenance of a fact from the ?doc ?source ?quote ?from ?to columns of its row."""
        return Provenance(
            document=row["doc"],
            source=row.get("source", ""),
            quote=row.get("quote"),
            start=int(row["from"]) if "from" in row else None,
            end=int(row["to"]) if "to" in row else None,
        )
