"""A neighbourhood as a file for Gephi and other network tools: GraphML or GEXF, with labels, kinds and each
link's relation, statement and quote as attributes."""

from __future__ import annotations

import io
from typing import Literal

import networkx as nx

from graph.network.models import Neighbourhood

__all__ = ["EXPORT_FORMATS", "ExportFormat", "export"]

ExportFormat = Literal["graphml", "gexf"]
EXPORT_FORMATS: dict[ExportFormat, str] = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}


def _graph(neighbourhood: Neighbourhood) -> nx.MultiDiGraph:
    """Attributes the formats can hold: strings only, and none left empty."""
    graph = nx.MultiDiGraph()
    for node in neighbourhood.nodes:
        graph.add_node(node.iri, label=node.label, kind=node.kind, **({"date": node.date} if node.date else {}))
    for edge in neighbourhood.edges:
        evidence = edge.evidence
        extra = {"quote": evidence.quote} if evidence and evidence.quote else {}
        if evidence and evidence.document:
            extra["document"] = evidence.document
        graph.add_edge(
            edge.source,
            edge.target,
            key=f"{edge.statement} {edge.relation}",
            label=edge.relation,
            relation=edge.relation,
            statement=edge.statement,
            **extra,
        )
    return graph


def export(neighbourhood: Neighbourhood, fmt: ExportFormat) -> bytes:
    """The neighbourhood written in `fmt`, UTF-8 encoded."""
    graph = _graph(neighbourhood)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8", named_key_ids=True)
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8")
    return buffer.getvalue()
