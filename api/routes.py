"""The relationship API: JSON views of the graph under /api, every one answered by SPARQL on the store.

An entity's API path mirrors its IRI: `{base}person/x/y` is `/api/person/x/y`; filters take an IRI or its
part below the base IRI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response
from starlette.concurrency import run_in_threadpool

from api.models import (
    BodyView,
    Decision,
    Declaration,
    EntityKind,
    MeetingView,
    OrganisationView,
    Page,
    PathsView,
    PersonView,
    SearchHit,
)
from api.naming import Namer
from api.network import NetworkService
from api.paths import PathFinder
from api.prebuilt import PREBUILT_WINDOW, PrebuiltViews, view_json
from api.relations import Relations, Window
from api.search import SearchIndex

__all__ = ["GraphServices", "relationship_router"]

Limit = Annotated[int, Query(ge=1, le=500, description="Most items in each list.")]
Offset = Annotated[int, Query(ge=0, description="Items of each list to skip.")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="A date, YYYY-MM-DD.")]
Reference = Annotated[str | None, Query(description="An IRI, or its part below the base IRI.")]


@dataclass(frozen=True)
class GraphServices:
    """What the handlers read from: the views, the first page of each stored when the index was built, the
    search index, the path finder and the relationship network over one store."""

    namer: Namer
    relations: Relations
    views: PrebuiltViews
    search: SearchIndex
    paths: PathFinder
    network: NetworkService


def relationship_router(services: GraphServices) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["relationships"])
    namer, relations = services.namer, services.relations

    def iri(reference: str | None) -> str | None:
        return namer.iri(reference) if reference else None

    @router.get("/search", summary="Search people, organisations, bodies and posts by name")
    async def search(
        q: Annotated[str, Query(min_length=1, description="Words of the name; the last may be a prefix.")],
        kind: EntityKind | None = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[SearchHit]:
        return await run_in_threadpool(services.search.search, q, kind, limit, offset)

    @router.get("/decisions", summary="Decisions by body, date range and words of their text")
    async def decisions(
        body: Reference = None,
        since: Day = None,
        until: Day = None,
        q: Annotated[str | None, Query(description="Words the decision's text contains (any form of each).")] = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[Decision]:
        return await run_in_threadpool(
            lambda: relations.decisions(Window(limit, offset), body=iri(body), since=since, until=until, text=q)
        )

    @router.get("/declarations", summary="Declarations of interest by person, organisation, body and date range")
    async def declarations(
        person: Reference = None,
        organisation: Reference = None,
        body: Reference = None,
        since: Day = None,
        until: Day = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[Declaration]:
        return await run_in_threadpool(
            lambda: relations.declarations(
                Window(limit, offset),
                person=iri(person),
                organisation=iri(organisation),
                body=iri(body),
                since=since,
                until=until,
            )
        )

    @router.get("/paths", summary="The shortest relationship paths between two entities, each step explained")
    async def paths(
        source: Annotated[str, Query(alias="from", description="An IRI, or its part below the base IRI.")],
        target: Annotated[str, Query(alias="to", description="An IRI, or its part below the base IRI.")],
        max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
        limit: Annotated[int, Query(ge=1, le=100)] = 10,
    ) -> PathsView:
        return await run_in_threadpool(services.paths.find, namer.iri(source), namer.iri(target), max_hops, limit)

    @router.get(
        "/{reference:path}",
        summary="A person, organisation, body, council or meeting, with every fact linked to it",
        response_model=PersonView | OrganisationView | BodyView | MeetingView,
    )
    async def entity(reference: str, limit: Limit = 20, offset: Offset = 0) -> Response:
        """The stored first page when the default window is asked for (a lookup, answered without a thread),
        otherwise the view described now; both written by `view_json`, so they are the same bytes."""
        iri, window = namer.iri(reference), Window(limit, offset)
        stored = services.views.json(iri) if window == PREBUILT_WINDOW else None
        if stored is not None:
            return Response(content=stored, media_type="application/json")
        view = await run_in_threadpool(relations.view, iri, window)
        if view is None:
            raise HTTPException(status_code=404, detail=f"the graph has no such entity: {reference}")
        return Response(content=view_json(view), media_type="application/json")

    return router
