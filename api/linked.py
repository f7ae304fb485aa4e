"""Linked-data publication: every IRI the graph mints dereferences here, as a page for browsers or as RDF by
content negotiation; the ontology and shapes are served at their own IRIs; `/dump` streams the whole dataset
gzipped; `/.well-known/void` describes the dataset in VoID and DCAT.

A resource is loaded once and its representation chosen at the last step from one table of media types."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.reader import GraphReader
from api.results import negotiate
from graph.settings import Settings
from graph.vocab import CG, PREFIXES

__all__ = ["RDF_TYPES", "linked_data_router"]

HTML = "text/html"
RDF_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_DUMP_FORMATS: dict[str, tuple[ox.RdfFormat, str, str]] = {
    "nquads": (ox.RdfFormat.N_QUADS, "application/n-quads", "nq"),
    "trig": (ox.RdfFormat.TRIG, "application/trig", "trig"),
}
_DUMP_CHUNK = 20_000
SHAPES_NS = "https://w3id.org/councilgraph/shapes#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
_PUBLICATION_PREFIXES = {**PREFIXES, "void": VOID, "dcat": DCAT, "sh": "http://www.w3.org/ns/shacl#"}

HtmlRenderer = Callable[[Request, str], Response]


def _path_of(namespace: str) -> str:
    """The path at which a namespace IRI is served here: its path without the trailing '#' or '/'."""
    return urlsplit(namespace).path.rstrip("/") or "/"


def _serialised(triples: list[ox.Triple], media_type: str) -> Response:
    body = ox.serialize(triples, format=RDF_TYPES[media_type], prefixes=_PUBLICATION_PREFIXES) or b""
    return Response(content=body, media_type=media_type, headers={"Vary": "Accept"})


def _turtle_files(folder: Path) -> list[ox.Triple]:
    """Every triple of the Turtle files in `folder`, in a stable order."""
    triples: set[ox.Triple] = set()
    for path in sorted(folder.glob("*.ttl")):
        triples.update(ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path)))
    return sorted(triples, key=str)


def _gzipped(chunks: Iterator[bytes]) -> Iterator[bytes]:
    compressor = zlib.compressobj(wbits=31)
    for chunk in chunks:
        if compressed := compressor.compress(chunk):
            yield compressed
    yield compressor.flush()


def _dump_chunks(store: ox.Store, rdf_format: ox.RdfFormat) -> Iterator[bytes]:
    """The whole store serialised a slice of quads at a time, so memory stays flat however large it grows."""
    quads = store.quads_for_pattern(None, None, None, None)
    while chunk := list(islice(quads, _DUMP_CHUNK)):
        yield ox.serialize(chunk, format=rdf_format, prefixes=PREFIXES) or b""


def _prefixed(iri: str) -> str:
    """A class IRI as a fragment-safe prefixed name ("foaf-Person"), unique among the classes the graph uses."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}-{iri[len(namespace):]}"
    return quote(iri, safe="")


@dataclass(frozen=True)
class _Dataset:
    """What the dataset description needs to know that the store does not."""

    root: str
    base_iri: str
    licence: str


def _dataset_description(reader: GraphReader, dataset: _Dataset) -> list[ox.Triple]:
    def node(iri: str) -> ox.NamedNode:
        return ox.NamedNode(iri)

    def literal(value: str | int) -> ox.Literal:
        if isinstance(value, int):
            return ox.Literal(str(value), datatype=node("http://www.w3.org/2001/XMLSchema#integer"))
        return ox.Literal(value)

    me = node(f"{dataset.root}/.well-known/void#dataset")
    endpoint = node(f"{dataset.root}/sparql")
    triples: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = [
        (me, node(f"{PREFIXES['rdf']}type"), node(f"{VOID}Dataset")),
        (me, node(f"{PREFIXES['rdf']}type"), node(f"{DCAT}Dataset")),
        (me, node(f"{PREFIXES['dcterms']}title"), literal("councilgraph: local-government minutes as linked data")),
        (
            me,
            node(f"{PREFIXES['dcterms']}description"),
            literal(
                "People, bodies, meetings, attendance, decisions and declarations of interest read from council "
                "minutes, each fact traced to the quote it was read from."
            ),
        ),
        (me, node(f"{PREFIXES['dcterms']}license"), node(dataset.licence)),
        (me, node(f"{VOID}sparqlEndpoint"), endpoint),
        (me, node(f"{VOID}uriSpace"), literal(dataset.base_iri)),
        (me, node(f"{VOID}vocabulary"), node(str(CG))),
        (me, node(f"{VOID}triples"), literal(len(reader.store))),
    ]
    for name, (_, media_type, _) in _DUMP_FORMATS.items():
        dump = node(f"{dataset.root}/dump?format={name}")
        distribution = node(f"{dataset.root}/.well-known/void#dump-{name}")
        triples += [
            (me, node(f"{VOID}dataDump"), dump),
            (me, node(f"{DCAT}distribution"), distribution),
            (distribution, node(f"{PREFIXES['rdf']}type"), node(f"{DCAT}Distribution")),
            (distribution, node(f"{DCAT}downloadURL"), dump),
            (distribution, node(f"{DCAT}mediaType"), literal(media_type)),
            (distribution, node(f"{DCAT}compressFormat"), literal("application/gzip")),
        ]
    service = node(f"{dataset.root}/.well-known/void#sparql")
    triples += [
        (me, node(f"{DCAT}distribution"), service),
        (service, node(f"{PREFIXES['rdf']}type"), node(f"{DCAT}DataService")),
        (service, node(f"{DCAT}endpointURL"), endpoint),
    ]
    for row in reader.rows("class_counts"):
        partition = node(f"{dataset.root}/.well-known/void#class-{_prefixed(row['class'])}")
        triples += [
            (me, node(f"{VOID}classPartition"), partition),
            (partition, node(f"{VOID}class"), node(row["class"])),
            (partition, node(f"{VOID}entities"), literal(int(row["count"]))),
        ]
    for row in reader.rows("documents"):
        triples.append((me, node(f"{PREFIXES['dcterms']}source"), literal(row["source"])))
    return sorted((ox.Triple(*triple) for triple in triples), key=str)


def linked_data_router(settings: Settings, reader: GraphReader, render_html: HtmlRenderer) -> APIRouter:
    """Routes for the minted IRIs, the ontology and shapes, the dump and the dataset description."""
    router = APIRouter(tags=["linked data"])
    vocabularies = {
        _path_of(str(CG)): settings.ontology_dir,
        _path_of(SHAPES_NS): settings.shapes_dir,
    }

    def media_type(request: Request, html: bool = True) -> str:
        offered = ([HTML] if html else []) + list(RDF_TYPES)
        return negotiate(request.headers.get("accept", "*/*"), offered)

    for path, folder in vocabularies.items():

        @router.get(path, summary=f"The Turtle at {path}, by content negotiation")
        async def vocabulary(request: Request, folder: Path = folder) -> Response:
            chosen = media_type(request, html=False)
            return _serialised(await run_in_threadpool(_turtle_files, folder), chosen)

    @router.get("/dump", summary="The whole dataset, gzipped N-Quads or TriG, streamed")
    async def dump(form: Literal["nquads", "trig"] = Query("nquads", alias="format")) -> StreamingResponse:
        rdf_format, rdf_type, suffix = _DUMP_FORMATS[form]
        return StreamingResponse(
            _gzipped(_dump_chunks(reader.store, rdf_format)),
            media_type="application/gzip",
            headers={
                "Content-Disposition": f'attachment; filename="councilgraph.{suffix}.gz"',
                "X-Councilgraph-Content-Type": rdf_type,
            },
        )

    @router.get("/.well-known/void", summary="A VoID and DCAT description of the dataset")
    async def void(request: Request) -> Response:
        dataset = _Dataset(str(request.base_url).rstrip("/"), settings.base_iri, settings.dataset_licence)
        triples = await run_in_threadpool(_dataset_description, reader, dataset)
        return _serialised(triples, media_type(request, html=False))

    base_path = urlsplit(settings.base_iri).path or "/"

    @router.get(base_path + "{reference:path}", summary="Any IRI the graph mints: a page, or RDF by Accept")
    async def resource(request: Request, reference: str) -> Response:
        iri = settings.base_iri + reference
        chosen = media_type(request)
        if chosen == HTML:
            return await run_in_threadpool(render_html, request, iri)
        triples = await run_in_threadpool(reader.triples_about, iri)
        if not triples:
            raise HTTPException(status_code=404, detail=f"the graph holds nothing about {iri}")
        return _serialised(triples, chosen)

    return router
