"""The ontology defines exactly the cg: terms the code writes, and the shapes cover every class."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from graph import vocab
from graph.settings import PROJECT_ROOT
from graph.validate import load_shapes, validate

ONTOLOGY = PROJECT_ROOT / "ontology" / "councilgraph.ttl"
SHAPES_DIR = PROJECT_ROOT / "shapes"

CONTRACT_CLASSES = (
    vocab.ORG.Organization,
    vocab.ORG.Post,
    vocab.ORG.Role,
    vocab.ORG.Membership,
    vocab.FOAF.Person,
    vocab.TIME.Interval,
)

VOCAB_TERMS = [
    *((name, OWL.Class) for name in vocab.CG_CLASSES),
    *((name, None) for name in vocab.CG_PROPERTIES),
    *((name, OWL.NamedIndividual) for name in vocab.CG_INDIVIDUALS),
]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(SHAPES_DIR)


def _english(graph: Graph, term: URIRef, predicate: URIRef) -> list[Literal]:
    return [o for o in graph.objects(term, predicate) if isinstance(o, Literal) and o.language == "en"]


def test_ontology_header(ontology: Graph) -> None:
    (header,) = ontology.subjects(RDF.type, OWL.Ontology)
    for predicate in (vocab.DCTERMS.title, OWL.versionInfo, vocab.DCTERMS.license):
        assert ontology.value(header, predicate) is not None, predicate


@pytest.mark.parametrize(("name", "kind"), VOCAB_TERMS, ids=[name for name, _ in VOCAB_TERMS])
def test_every_vocab_term_is_defined(ontology: Graph, name: str, kind: URIRef | None) -> None:
    term = vocab.CG[name]
    types = set(ontology.objects(term, RDF.type))
    if kind is None:
        assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{name} is not declared a property"
        assert ontology.value(term, RDFS.domain) is not None, f"{name} has no rdfs:domain"
        assert ontology.value(term, RDFS.range) is not None, f"{name} has no rdfs:range"
    else:
        assert kind in types, f"{name} is not declared {kind}"
    assert _english(ontology, term, RDFS.label), f"{name} has no English rdfs:label"
    assert _english(ontology, term, RDFS.comment), f"{name} has no English rdfs:comment"


def test_ontology_declares_no_cg_term_outside_vocab(ontology: Graph) -> None:
    known = {vocab.CG[name] for name in (*vocab.CG_CLASSES, *vocab.CG_PROPERTIES, *vocab.CG_INDIVIDUALS)}
    declared = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(vocab.CG))}
    assert declared - known == set()


def test_individuals_have_the_kind_the_shapes_expect(ontology: Graph) -> None:
    def typed(names: tuple[str, ...], kind: URIRef) -> bool:
        return all((vocab.CG[name], RDF.type, kind) in ontology for name in names)

    assert typed(("Present", "InAttendance", "Apologies", "Absent"), vocab.CG.AttendanceStatus)
    assert typed(("Chair", "ViceChair", "Member", "Substitute", "CoOptedMember", "StandingInvitee"), vocab.ORG.Role)
    assert typed(("Joins", "Leaves", "Appointed"), vocab.SKOS.Concept)
    assert (vocab.CG.councilgraph, RDF.type, vocab.PROV.SoftwareAgent) in ontology


@pytest.mark.parametrize(
    "cls", [vocab.CG[name] for name in vocab.CG_CLASSES] + list(CONTRACT_CLASSES), ids=lambda c: str(c)
)
def test_every_class_has_a_shape(shapes: Graph, cls: URIRef) -> None:
    assert (None, SH.targetClass, cls) in shapes


def test_every_constraint_has_a_message(shapes: Graph) -> None:
    """Members of sh:or / sh:xone lists are covered by the message of the shape that holds the list."""
    property_shapes = set(shapes.objects(None, SH.property)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    plain = {RDF.type, SH.targetClass, SH.property, SH.message}
    constrained_nodes = {s for s in shapes.subjects(RDF.type, SH.NodeShape) if set(shapes.predicates(s)) - plain}
    assert [s for s in property_shapes | constrained_nodes if shapes.value(s, SH.message) is None] == []


def test_load_shapes_refuses_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_shapes(tmp_path)


def test_ontology_itself_conforms(ontology: Graph, shapes: Graph) -> None:
    report = validate(ontology, shapes)
    assert report.conforms, report.violations
    assert report.warnings == []
