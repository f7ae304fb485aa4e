"""SPARQL result serialisation with a row cap, and the media types the endpoint negotiates.

pyoxigraph serialises a whole result set or nothing; the endpoint must stop at `max_rows`, so solutions
are written here, in the four W3C result formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

__all__ = [
    "BOOLEAN_TYPES",
    "GRAPH_TYPES",
    "SOLUTION_TYPES",
    "negotiate",
    "write_boolean",
    "write_solutions",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = Sequence[Term | None]

SOLUTION_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
)
BOOLEAN_TYPES = SOLUTION_TYPES
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def negotiate(accept: str, offered: Sequence[str]) -> str:
    """The offered media type the Accept header prefers (q-values, then order); the first offer if none fits."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip().lower() for p in part.split(";")]
        quality = 1.0
        for parameter in pieces[1:]:
            if parameter.startswith("q="):
                try:
                    quality = float(parameter[2:])
                except ValueError:
                    quality = 0.0
        if pieces[0] and quality > 0:
            ranked.append((-quality, index, pieces[0]))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return next((o for o in offered if media == "*/*" or o.startswith(media[:-1])), offered[0])
    return offered[0]


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _tsv_term(term: Term | None) -> str:
    return "" if term is None else str(term).replace("\t", "\\t").replace("\n", "\\n")


def _csv_term(term: Term | None) -> str:
    if term is None:
        return ""
    return term.value if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal) else str(term)


def write_solutions(variables: Sequence[str], rows: Sequence[Row], media_type: str) -> bytes:
    """SELECT results in the negotiated format."""
    if media_type in ("text/csv", "text/tab-separated-values"):
        buffer = io.StringIO()
        if media_type == "text/csv":
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(variables)
            writer.writerows([_csv_term(t) for t in row] for row in rows)
        else:
            buffer.write("\t".join(f"?{v}" for v in variables) + "\n")
            buffer.writelines("\t".join(_tsv_term(t) for t in row) + "\n" for row in rows)
        return buffer.getvalue().encode("utf-8")
    if media_type in ("application/sparql-results+xml", "application/xml"):
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        body = "".join(
            "<result>"
            + "".join(
                f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row, strict=True)
                if t is not None
            )
            + "</result>"
            for row in rows
        )
        return (
            '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head>{head}</head><results>{body}</results></sparql>"
        ).encode()
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}}).encode()


def write_boolean(answer: bool, media_type: str) -> bytes:
    """ASK results in the negotiated format."""
    if media_type in ("text/csv", "text/tab-separated-values"):
        return ("true" if answer else "false").encode()
    if media_type in ("application/sparql-results+xml", "application/xml"):
        value = "true" if answer else "false"
        return (
            '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            f"<head/><boolean>{value}</boolean></sparql>"
        ).encode()
    return json.dumps({"head": {}, "boolean": answer}).encode()
