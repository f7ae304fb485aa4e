"""Findings for people and programs: an entity named the way a reader would name it, and findings as CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from graph.identity import is_iri, referenced_iri
from graph.network.models import Finding
from graph.network.projection import NodeKind, Projection

__all__ = ["NotFound", "entity_named", "findings_csv"]


class NotFound(LookupError):
    """No entity, or more than one, answers to a name; the message says which."""


def entity_named(network: Projection, name: str, kinds: Iterable[NodeKind], base_iri: str) -> str:
    """The IRI of the one entity of `kinds` that `name` names: a full IRI, its part below the base IRI
    ("person/x/y"), or words of its label ("Moore")."""
    wanted = set(kinds)
    if is_iri(name) or "/" in name:
        iri = referenced_iri(name, base_iri)
        if iri in network.graph and network.node(iri).kind in wanted:
            return iri
        raise NotFound(f"the network has no {' or '.join(sorted(wanted))} {name}")
    words = name.casefold().split()
    found = sorted(
        (info.label, iri)
        for iri, info in network.graph.nodes(data="info")
        if info is not None and info.kind in wanted and all(w in info.label.casefold() for w in words)
    )
    if len(found) == 1:
        only: str = found[0][1]
        return only
    if not found:
        raise NotFound(f"no {' or '.join(sorted(wanted))} is named {name!r}")
    options = "; ".join(f"{label} <{iri}>" for label, iri in found[:10])
    raise NotFound(f"{name!r} names {len(found)} entities, give one of: {options}")


_COLUMNS = (
    "kind",
    "person",
    "person_iri",
    "organisation",
    "organisation_iri",
    "date",
    "meeting",
    "meeting_iri",
    "items",
    "withdrew",
    "explanation",
    "quotes",
    "sources",
)


def findings_csv(findings: Iterable[Finding]) -> str:
    """One row per finding; a finding's items, quotes and sources each one per line of their cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_COLUMNS)
    for f in findings:
        writer.writerow(
            [
                f.kind.value,
                f.person.label,
                f.person.iri,
                f.organisation.label,
                f.organisation.iri,
                f.meeting.date or "",
                f.meeting.label,
                f.meeting.iri,
                "\n".join(i.label for i in f.items),
                "" if f.withdrew is None else str(f.withdrew).lower(),
                f.explanation,
                "\n".join(e.quote or "" for e in f.evidence),
                "\n".join(dict.fromkeys(e.source for e in f.evidence if e.source)),
            ]
        )
    return buffer.getvalue()
