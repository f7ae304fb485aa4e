"""SHACL validation of one document's graph, in memory."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel
from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import SH

__all__ = ["ValidationReport", "load_shapes", "validate"]


class ValidationReport(BaseModel):
    conforms: bool
    violations: list[str]
    warnings: list[str]


def load_shapes(shapes_dir: Path) -> Graph:
    shapes = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


def validate(data: Graph, shapes: Graph) -> ValidationReport:
    _, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    violations: list[str] = []
    warnings: list[str] = []
    for result in report.subjects(SH.resultSeverity, None):
        severity = report.value(result, SH.resultSeverity)
        text = f"{report.value(result, SH.focusNode)} {report.value(result, SH.resultPath)}: {report.value(result, SH.resultMessage)}"
        (violations if severity == SH.Violation else warnings).append(text)
    return ValidationReport(conforms=not violations, violations=sorted(violations), warnings=sorted(warnings))
