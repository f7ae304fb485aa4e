"""Linked-data publication over HTTP: dereferencing by content negotiation, the ontology and shapes at their
IRIs, the gzipped dump and the VoID description, against a real server on the seed minutes."""

from __future__ import annotations

import gzip

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

BASE = "https://w3id.org/councilgraph/id/"
MOORE = "person/leicester-city-council/moore-cllr"
CG = Namespace("https://w3id.org/councilgraph/ns#")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")
FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


def _rdf(url: str, accept: str = "text/turtle") -> Graph:
    response = httpx.get(url, headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(accept)
    return Graph().parse(data=response.content, format=FORMATS[accept])


def _select(root: str, query: str) -> list[dict[str, str]]:
    answer = httpx.get(f"{root}/sparql", params={"query": query}, timeout=30).json()
    return [{k: v["value"] for k, v in row.items()} for row in answer["results"]["bindings"]]


def test_an_iri_gives_the_same_description_in_every_rdf_format(seed_server: str) -> None:
    url = f"{seed_server}/councilgraph/id/{MOORE}"
    graphs = [_rdf(url, accept) for accept in FORMATS]
    assert (URIRef(BASE + MOORE), RDFS.label, Literal("Councillor Moore")) in graphs[0]
    assert all(isomorphic(graphs[0], other) for other in graphs[1:])


def test_every_iri_the_graph_mints_dereferences(seed_server: str) -> None:
    minted = _select(
        seed_server, f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{BASE}")) }} ORDER BY ?s'
    )
    assert len(minted) > 100
    with httpx.Client(headers={"Accept": "application/n-triples"}, timeout=30) as client:
        for row in minted:
            response = client.get(f"{seed_server}/councilgraph/id/{row['s'].removeprefix(BASE)}")
            assert response.status_code == 200, row["s"]
            assert f"<{row['s']}>" in response.text


def test_answers_vary_by_accept(seed_server: str) -> None:
    response = httpx.get(f"{seed_server}/councilgraph/id/{MOORE}", headers={"Accept": "text/turtle"})
    assert response.headers["vary"] == "Accept"


def test_an_iri_the_graph_does_not_hold_is_not_found(seed_server: str) -> None:
    response = httpx.get(f"{seed_server}/councilgraph/id/person/nobody", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert "nothing about" in response.json()["detail"]


def test_the_ontology_and_shapes_are_served_at_their_iris(seed_server: str) -> None:
    ontology = _rdf(f"{seed_server}/councilgraph/ns")
    shapes = _rdf(f"{seed_server}/councilgraph/shapes", "application/n-triples")
    assert (CG.Meeting, RDF.type, OWL.Class) in ontology
    assert (None, RDF.type, SH.NodeShape) in shapes


@pytest.mark.parametrize(("form", "rdflib_format"), [("nquads", "nquads"), ("trig", "trig")])
def test_the_dump_holds_every_quad_of_the_store(seed_server: str, form: str, rdflib_format: str) -> None:
    response = httpx.get(f"{seed_server}/dump", params={"format": form}, timeout=60)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/gzip"
    dataset = Dataset()
    dataset.parse(data=gzip.decompress(response.content), format=rdflib_format)
    (count,) = _select(seed_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert sum(1 for _ in dataset.quads((None, None, None, None))) == int(count["n"])
    documents = _select(seed_server, "SELECT ?d WHERE { ?d a cg:MinutesDocument }")
    assert {URIRef(row["d"]) for row in documents} <= {g.identifier for g in dataset.graphs()}


def test_the_void_description_counts_the_data_and_points_to_the_endpoint_and_dumps(seed_server: str) -> None:
    void = _rdf(f"{seed_server}/.well-known/void")
    (dataset,) = void.subjects(RDF.type, VOID.Dataset)
    (count,) = _select(seed_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(void.value(dataset, VOID.triples)) == int(count["n"])
    meetings = next(p for p in void.objects(dataset, VOID.classPartition) if void.value(p, VOID["class"]) == CG.Meeting)
    assert int(void.value(meetings, VOID.entities)) == 5
    endpoint = str(void.value(dataset, VOID.sparqlEndpoint))
    assert httpx.get(endpoint, params={"query": "ASK { ?m a cg:Meeting }"}).json()["boolean"] is True
    for dump in void.objects(dataset, VOID.dataDump):
        assert httpx.get(str(dump), timeout=60).status_code == 200
    assert len(list(void.objects(dataset, URIRef("http://purl.org/dc/terms/source")))) == 5
