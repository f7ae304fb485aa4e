"""The embedded Oxigraph store on disk: one named graph per document, one graph of shared entities.

Every write of a document is a single SPARQL update, which Oxigraph applies as one transaction: the
document graph and the descriptions of the entities it touches change together or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.describe import DERIVED_PREDICATES, describe
from graph.errors import StoreError
from graph.models import EntityKind, EntityRecord
from graph.queries import load_query
from graph.store import DocumentRecord, DumpFormat, QueryResult, StoreStats
from graph.vocab import CG, FOAF, ORG, PREFIXES, RDF, SKOS

__all__ = ["OxigraphStore"]

_FORMATS: dict[DumpFormat, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_KIND_BY_TYPE = {
    str(FOAF.Person): EntityKind.PERSON,
    str(ORG.Post): EntityKind.POST,
    str(CG.Committee): EntityKind.BODY,
    str(CG.Council): EntityKind.COUNCIL,
}
_DERIVED = {str(p) for p in DERIVED_PREDICATES}
_REFERS_TO = ox.NamedNode(str(CG.refersTo))
_SURFACE_FORM = ox.NamedNode(str(CG.surfaceForm))
_HIDDEN_LABEL = str(SKOS.hiddenLabel)


def _term(node: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as an Oxigraph term."""
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        datatype = node.datatype or URIRef("http://www.w3.org/2001/XMLSchema#string")
        return ox.Literal(str(node), datatype=ox.NamedNode(str(datatype)))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    raise StoreError(f"cannot store term {node!r}")


def _rdflib(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise StoreError(f"unexpected term {term!r}")


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.Triple):
        raise StoreError(f"unexpected quoted triple {term}")
    return term.value


def _text(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term.value
    return str(term)


def _insert(graph: str, lines: list[str]) -> str:
    body = " .\n".join(lines)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{body} .\n}} }}"


class OxigraphStore:
    """A GraphStore on pyoxigraph; `path` None gives an in-memory store (tests, benchmarks)."""

    def __init__(self, path: Path | None, entities_graph: str) -> None:
        try:
            self._store = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {error}") from error
        self._entities = ox.NamedNode(entities_graph)

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store itself, for readers that run named queries on it (the relationship network)."""
        return self._store

    def _entities_of(self, doc: ox.NamedNode) -> set[str]:
        return {_value(q.object) for q in self._store.quads_for_pattern(None, _REFERS_TO, None, doc)}

    def _forms_in(self, entity: str, graph: ox.NamedNode) -> set[str]:
        """The surface forms one graph holds for an entity."""
        return {
            _value(q.object)
            for ref in self._store.quads_for_pattern(None, _REFERS_TO, ox.NamedNode(entity), graph)
            for q in self._store.quads_for_pattern(ref.subject, _SURFACE_FORM, None, graph)
        }

    def _used_elsewhere(self, entity: str, form: str, doc: ox.NamedNode) -> bool:
        """Whether a document other than `doc` still reads `entity` as `form`; stops at the first one found, so
        the cost does not grow with the number of documents that mention the entity."""
        target = ox.NamedNode(entity)
        for quad in self._store.quads_for_pattern(None, _SURFACE_FORM, ox.Literal(form), None):
            graph = quad.graph_name
            if graph == doc or graph == self._entities or not isinstance(graph, ox.NamedNode):
                continue
            if next(iter(self._store.quads_for_pattern(quad.subject, _REFERS_TO, target, graph)), None) is not None:
                return True
        return False

    def _remaining_forms(
        self, entity: str, doc: ox.NamedNode, stored: set[str], record: EntityRecord | None
    ) -> list[str]:
        """The entity's forms once this document's new forms replace its old ones."""
        new = set(record.forms) if record else set()
        dropped = {form for form in self._forms_in(entity, doc) - new if not self._used_elsewhere(entity, form, doc)}
        return sorted((stored - dropped) | new)

    def _stored_description(
        self, entity: str
    ) -> list[tuple[str, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]]:
        return [
            (q.predicate.value, q.object)
            for q in self._store.quads_for_pattern(ox.NamedNode(entity), None, None, self._entities)
        ]

    def _entity_triples(self, entity: str, doc: ox.NamedNode, record: EntityRecord | None) -> list[str]:
        """The entity's description once this document's forms replace its old ones; empty when none remain."""
        stored = self._stored_description(entity)
        stored_forms = {_value(o) for p, o in stored if p == _HIDDEN_LABEL}
        forms = self._remaining_forms(entity, doc, stored_forms, record)
        if not forms:
            return []
        subject = ox.NamedNode(entity)
        fixed: set[str] = {str(ox.Triple(subject, ox.NamedNode(p), o)) for p, o in stored if p not in _DERIVED}
        if record is not None:
            fixed |= {str(ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o))) for s, p, o in record.fixed}
            kind = record.kind
        else:
            types = {o.value for p, o in stored if p == str(RDF.type) and isinstance(o, ox.NamedNode)}
            kind = next((_KIND_BY_TYPE[t] for t in sorted(types) if t in _KIND_BY_TYPE), EntityKind.ORGANISATION)
        derived = {str(ox.Triple(_term(s), _term(p), _term(o))) for s, p, o in describe(entity, kind, forms)}  # type: ignore[arg-type]
        return sorted(fixed | derived)

    def replace_document(
        self, doc_iri: str, triples: Iterable[tuple[Node, Node, Node]], entities: list[EntityRecord]
    ) -> None:
        """Swap in a document's graph and refresh every entity it mentions, now or before, in one update."""
        doc = ox.NamedNode(doc_iri)
        records = {record.iri: record for record in entities}
        affected = sorted(self._entities_of(doc) | set(records))
        lines = sorted(str(ox.Triple(_term(s), _term(p), _term(o))) for s, p, o in triples)  # type: ignore[arg-type]
        operations = [f"DROP SILENT GRAPH {doc}"]
        if lines:
            operations.append(_insert(str(doc), lines))
        insert: list[str] = []
        for entity in affected:
            operations.append(f"DELETE WHERE {{ GRAPH {self._entities} {{ <{entity}> ?p ?o }} }}")
            insert.extend(self._entity_triples(entity, doc, records.get(entity)))
        if insert:
            operations.append(_insert(str(self._entities), insert))
        try:
            self._store.update(" ;\n".join(operations))
        except (OSError, SyntaxError) as error:
            raise StoreError(f"cannot write {doc_iri}: {error}") from error

    def remove_document(self, doc_iri: str) -> bool:
        doc = ox.NamedNode(doc_iri)
        if not self._store.contains_named_graph(doc):
            return False
        self.replace_document(doc_iri, [], [])
        return True

    def documents(self) -> list[DocumentRecord]:
        solutions = self._store.query(load_query("documents"))
        assert isinstance(solutions, ox.QuerySolutions)
        return [
            DocumentRecord(
                iri=row["doc"].value,
                source=row["source"].value,
                sha256=row["sha256"].value,
                triples=int(row["triples"].value),
            )
            for row in solutions
        ]

    def document_triples(self, doc_iri: str) -> list[tuple[Node, Node, Node]]:
        """A document's graph plus the stored descriptions of the entities it mentions: what validation needs."""
        doc = ox.NamedNode(doc_iri)
        quads = list(self._store.quads_for_pattern(None, None, None, doc))
        for entity in sorted(self._entities_of(doc)):
            quads.extend(self._store.quads_for_pattern(ox.NamedNode(entity), None, None, self._entities))
        return [(_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)) for q in quads]

    def query(self, sparql: str) -> QueryResult:
        """Run a query over the union of all graphs, so analysts need no GRAPH clause."""
        result = self._store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(kind="ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = [[_text(row[name]) for name in names] for row in result]
            return QueryResult(kind="select", variables=names, rows=rows)
        return QueryResult(
            kind="graph", ntriples=(result.serialize(format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        )

    def dump(self, output: Path, fmt: DumpFormat) -> None:
        """Write the dataset; N-Quads lines are sorted so equal stores give byte-identical files."""
        if fmt == "nquads":
            data = self._store.dump(format=ox.RdfFormat.N_QUADS)
            lines = sorted(set((data or b"").decode("utf-8").splitlines()))
            output.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
        elif fmt == "turtle":
            union = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            assert isinstance(union, ox.QueryTriples)
            graph = ox.Store()
            graph.extend(ox.Quad(t.subject, t.predicate, t.object) for t in union)
            graph.dump(str(output), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
        else:
            self._store.dump(str(output), format=_FORMATS[fmt], prefixes=PREFIXES)

    def stats(self) -> StoreStats:
        solutions = self._store.query(load_query("class_counts"), use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        classes = {row["class"].value: int(row["count"].value) for row in solutions}
        entities = len(
            {q.subject for q in self._store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None, self._entities)}
        )
        return StoreStats(
            documents=len(list(self._store.named_graphs()))
            - (1 if self._store.contains_named_graph(self._entities) else 0),
            quads=len(self._store),
            entities=entities,
            classes=classes,
        )

    def flush(self) -> None:
        self._store.flush()
