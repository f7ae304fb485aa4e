"""The web service: the SPARQL 1.1 Protocol endpoint over the store, built by one factory from settings.

`councilgraph serve` may run several server processes; each builds its app with `app_from_environment`, from
the settings the command exported to the environment."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from api.catalogue import Catalogue
from api.entity_pages import EntityPages
from api.linked import linked_data_router
from api.network import NetworkService, network_router
from api.pages import STATIC_DIR, page_templates, pages_router
from api.paths import PathFinder
from api.prebuilt import PrebuiltViews
from api.reader import GraphReader
from api.relations import Relations
from api.routes import GraphServices, relationship_router
from api.search import SearchIndex
from api.shared_index import index_namer, open_index, shared_index
from api.sparql import QueryFailed, QueryOutcome, QueryRefused, QueryRequest, QueryTimedOut, SparqlService
from graph import __version__
from graph.settings import Settings

__all__ = ["app_from_environment", "create_app", "graph_services"]

_FORM = "application/x-www-form-urlencoded"
_QUERY_BODY = "application/sparql-query"
_UPDATE_BODY = "application/sparql-update"


def _response(outcome: QueryOutcome, max_rows: int) -> Response:
    headers = {"X-Councilgraph-Rows": str(outcome.rows)}
    if outcome.truncated:
        headers["X-Councilgraph-Truncated"] = f"the answer was cut at the row cap of {max_rows}"
    return Response(content=outcome.body, media_type=outcome.media_type, headers=headers)


def graph_services(settings: Settings) -> GraphServices:
    """Open the store read-only, and the index of its names, lists and first pages of views that every server
    process shares: what every relationship handler reads from."""
    reader = GraphReader(settings.store)
    index = open_index(shared_index(settings))
    namer = index_namer(settings)
    network = NetworkService.open(reader.store, settings.store)
    return GraphServices(
        namer=namer,
        relations=Relations(reader, namer, Catalogue(index)),
        views=PrebuiltViews(index),
        search=SearchIndex(index, namer),
        paths=PathFinder(network, namer),
        network=network,
    )


def _query_workers_each(settings: Settings) -> int:
    """The endpoint's query workers are shared out among the server processes, at least one each, so adding
    server processes does not multiply the processes holding the store open."""
    return max(1, settings.query_workers // settings.workers)


def app_from_environment() -> FastAPI:
    """The app of one server process, from the COUNCILGRAPH_ settings in its environment."""
    return create_app(Settings())


def create_app(settings: Settings) -> FastAPI:
    """Build the service for one store; query workers start and stop with the application."""
    service = SparqlService(
        settings.store, _query_workers_each(settings), settings.query_timeout_ms, settings.max_rows
    )
    services = graph_services(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        service.start()
        yield
        service.close()

    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        title="councilgraph",
        version=__version__,
        lifespan=lifespan,
        description="Local-government minutes as a knowledge graph: SPARQL and relationship queries.",
    )

    async def answer(
        request: Request, query: str | None, default_graphs: list[str], named_graphs: list[str]
    ) -> Response:
        if not query:
            return PlainTextResponse("no query: pass a SPARQL query in the `query` parameter", status_code=400)
        accept = request.headers.get("accept", "*/*")
        try:
            outcome = await run_in_threadpool(
                service.run, QueryRequest(query, accept, tuple(default_graphs), tuple(named_graphs))
            )
        except QueryRefused as error:
            return PlainTextResponse(str(error), status_code=403)
        except QueryTimedOut as error:
            return PlainTextResponse(str(error), status_code=503)
        except QueryFailed as error:
            return PlainTextResponse(f"the query could not be answered: {error}", status_code=400)
        return _response(outcome, settings.max_rows)

    @app.get("/sparql", summary="SPARQL 1.1 query by GET", response_class=Response)
    async def sparql_get(
        request: Request,
        query: str | None = None,
        default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
        named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
    ) -> Response:
        return await answer(request, query, default_graph_uri, named_graph_uri)

    @app.post("/sparql", summary="SPARQL 1.1 query by POST (form or application/sparql-query)", response_class=Response)
    async def sparql_post(request: Request) -> Response:
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        default_graphs = request.query_params.getlist("default-graph-uri")
        named_graphs = request.query_params.getlist("named-graph-uri")
        if content_type == _UPDATE_BODY:
            return PlainTextResponse("SPARQL Update is refused: this endpoint is read-only", status_code=403)
        if content_type == _QUERY_BODY:
            query = (await request.body()).decode("utf-8")
        elif content_type == _FORM:
            form = await request.form()
            if "update" in form:
                return PlainTextResponse("SPARQL Update is refused: this endpoint is read-only", status_code=403)
            query = str(form.get("query") or "")
            default_graphs += [str(v) for v in form.getlist("default-graph-uri")]
            named_graphs += [str(v) for v in form.getlist("named-graph-uri")]
        else:
            return PlainTextResponse(
                f"unsupported content type {content_type!r}: use {_FORM} or {_QUERY_BODY}", status_code=415
            )
        return await answer(request, query, default_graphs, named_graphs)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        """Swagger UI from the vendored npm build, so the API docs work offline like every other page."""
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="councilgraph API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.include_router(network_router(services.network, services.namer))
    app.include_router(relationship_router(services))
    pages = EntityPages(services, page_templates())
    app.include_router(linked_data_router(settings, services.relations.reader, pages.render))
    app.include_router(pages.router())
    app.include_router(pages_router(settings, page_templates(), services.relations.reader))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
