"""Conflict-of-interest findings, neighbourhoods and brokers over HTTP, read from the relationship network.

The server brings the saved network up to date when it starts (reading only documents ingested since it was
last saved), computes every finding once, and answers each request from memory: the store does not change
while it serves."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.models import Page
from api.naming import Namer
from graph.network.explore import LinkGraph, brokers, find_paths, link_graph, neighbourhood
from graph.network.export import EXPORT_FORMATS, export
from graph.network.findings import Conflicts
from graph.network.models import Broker, Finding, FindingKind, Neighbourhood, Paths
from graph.network.projection import NodeKind, Projection, network_path, refresh
from graph.network.report import NotFound, entity_named

__all__ = ["NetworkService", "network_router"]

Named = Annotated[str | None, Query(description='An IRI, its part below the base IRI, or words of the name ("Moore").')]


@dataclass
class NetworkService:
    """The network of one store with its findings, held in memory for the life of the server."""

    network: Projection
    conflicts: Conflicts = field(init=False)
    links: LinkGraph = field(init=False)

    def __post_init__(self) -> None:
        self.conflicts = Conflicts.of(self.network)
        self.links = link_graph(self.network)
        # Held for the life of the server: out of the cyclic collector's sight, so its collections stay short.
        gc.freeze()

    @classmethod
    def open(cls, store: ox.Store, store_path: Path) -> NetworkService:
        network, _ = refresh(store, network_path(store_path))
        return cls(network)

    def paths(self, source: str, target: str, max_hops: int, limit: int, frontier_cap: int) -> Paths:
        return find_paths(self.network, self.links, source, target, max_hops, limit, frontier_cap)


def network_router(service: NetworkService, namer: Namer) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["conflicts of interest"])

    def entity(name: str | None, *kinds: NodeKind) -> str | None:
        """The entity a filter names; a name that fits no entity, or several, is a 404 that says which."""
        if not name:
            return None
        try:
            return entity_named(service.network, name, kinds, namer.base_iri)
        except NotFound as error:
            raise HTTPException(status_code=404, detail=str(error)) from error

    @router.get("/conflicts", summary="Where people with a recorded link to an organisation took part in its business")
    async def conflicts(
        person: Named = None,
        organisation: Named = None,
        body: Named = None,
        since: Annotated[dt.date | None, Query(description="Meetings on or after this date, YYYY-MM-DD.")] = None,
        kind: FindingKind | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Page[Finding]:
        found = service.conflicts.select(
            entity(person, NodeKind.PERSON),
            entity(organisation, NodeKind.ORGANISATION),
            entity(body, NodeKind.BODY, NodeKind.COUNCIL),
            since,
            kind,
        )
        page = service.conflicts.findings(found[offset : offset + limit])
        return Page[Finding](total=len(found), limit=limit, offset=offset, items=page)

    @router.get("/brokers", summary="The people whose recorded links reach the most organisations")
    async def most_connected(limit: Annotated[int, Query(ge=1, le=500)] = 20) -> list[Broker]:
        return brokers(service.network, limit)

    @router.get(
        "/network/{reference:path}",
        summary="The entities within k links of an entity, as JSON, GraphML or GEXF",
        response_model=Neighbourhood,
        responses={200: {"content": {media: {} for media in EXPORT_FORMATS.values()}}},
    )
    async def around(
        reference: str,
        hops: Annotated[int, Query(ge=1, le=4)] = 2,
        format: Literal["json", "graphml", "gexf"] = "json",
    ) -> Neighbourhood | Response:
        centre = namer.iri(reference)
        if centre not in service.network.graph:
            raise HTTPException(status_code=404, detail=f"the network has no such entity: {reference}")
        found = await run_in_threadpool(neighbourhood, service.network, centre, hops)
        if format == "json":
            return found
        name = centre.rstrip("/").rsplit("/", 1)[-1] or "network"
        return Response(
            content=export(found, format),
            media_type=EXPORT_FORMATS[format],
            headers={"Content-Disposition": f'attachment; filename="{name}-{hops}-hops.{format}"'},
        )

    return router
