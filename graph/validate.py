"""SHACL validation of one document's graph before it is stored.

Violations reject the document; warnings (a meeting whose date or body the text does not give) are
reported and the document is kept, so the report keeps the two apart.
"""

from pathlib import Path

from pydantic import BaseModel
from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

__all__ = ["ValidationReport", "load_shapes", "validate"]


class ValidationReport(BaseModel):
    """The outcome for one graph; each string names the focus node, the path and the shape's message."""

    conforms: bool
    violations: list[str]
    warnings: list[str]


def load_shapes(shapes_dir: Path) -> Graph:
    """Parse every *.ttl in the folder into one graph, so shapes may be split across files.

    An empty folder is an error rather than an empty graph: with no shapes every document would conform.
    """
    files = sorted(shapes_dir.glob("*.ttl"))
    if not files:
        raise FileNotFoundError(f"no SHACL shapes (*.ttl) in {shapes_dir}")
    shapes = Graph()
    for path in files:
        shapes.parse(path, format="turtle")
    return shapes


def validate(data: Graph, shapes: Graph) -> ValidationReport:
    """Check the in-memory graph against the shapes as it stands.

    No inference: the graph under validation already carries every type the shapes test (the document's
    statements merged with the descriptions of the entities it mentions), and inference would add triples
    the store never holds. Conformance is decided here from the results' severities, not by pyshacl.
    """
    _, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    violations: list[str] = []
    warnings: list[str] = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        line = _describe(results, result, shapes)
        if results.value(result, SH.resultSeverity) == SH.Violation:
            violations.append(line)
        else:
            warnings.append(line)
    return ValidationReport(conforms=not violations, violations=sorted(violations), warnings=sorted(warnings))


def _describe(results: Graph, result: Node, shapes: Graph) -> str:
    """One line per result: `<focus> path: message (value: v)`, prefixed names as the shapes bind them."""
    names = shapes.namespace_manager
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = "; ".join(sorted(str(m) for m in results.objects(result, SH.resultMessage)))
    line = focus.n3(names) if focus is not None else "(no focus node)"
    if path is not None:
        line += f" {path.n3(names)}"
    line += f": {message}"
    if value is not None and value != focus:
        line += f" (value: {value.n3(names)})"
    return line
