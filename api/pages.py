"""Pages for people: the home page with the size of the graph, the SPARQL editor with worked queries, and the
conflicts-of-interest page.

Pages are rendered on the server from api/templates; their scripts and styles are served from api/static,
where `make assets` copies CodeMirror and cytoscape.js from npm, so a page loads nothing from another site and
the service works offline. Every page response forbids other origins by its Content-Security-Policy, which keeps
it so."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.examples import load_examples
from api.reader import GraphReader
from graph.network.models import FindingKind
from graph.settings import Settings
from graph.vocab import PREFIXES

__all__ = ["STATIC_DIR", "TEMPLATES_DIR", "page_templates", "pages_router"]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"

_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
_COUNT_LABELS = {
    "documents": "minutes documents",
    "meetings": "meetings",
    "bodies": "councils and committees",
    "people": "people",
    "organisations": "other organisations",
    "decisions": "decisions",
    "declarations": "declarations of interest",
}
_FINDING_KINDS = {
    FindingKind.DECLARED_AND_TOOK_PART: "Declared and took part",
    FindingKind.POSSIBLE_UNDECLARED_INTEREST: "Possible undeclared interest",
    FindingKind.LINK_TO_DECISION_MAKER: "Link to a decision-maker",
}
_CONFLICT_FILTERS = ("person", "organisation", "body", "since", "kind")
_FINDINGS_PAGE = 20


def page_templates() -> Jinja2Templates:
    """The templates every page extends from base.html; autoescaped, so text from minutes is shown, never run."""
    return Jinja2Templates(directory=TEMPLATES_DIR)


def _counts(reader: GraphReader) -> list[tuple[str, int]]:
    """The home page's summary: (label, count) in reading order, from one query over the store."""
    (row,) = reader.rows("dataset_counts")
    return [(label, int(row[name])) for name, label in _COUNT_LABELS.items()]


def _editor_config(settings: Settings) -> dict[str, Any]:
    """What the editor's script needs to show IRIs: local ones link to their page, the rest shortened by prefix."""
    return {
        "endpoint": "/sparql",
        "baseIri": settings.base_iri,
        "basePath": urlsplit(settings.base_iri).path or "/",
        "prefixes": PREFIXES,
    }


def _conflicts_config(settings: Settings) -> dict[str, Any]:
    """What the conflicts page's script needs: how IRIs map to pages here, the words for each finding kind, and
    how many findings one page lists."""
    return {
        "baseIri": settings.base_iri,
        "basePath": urlsplit(settings.base_iri).path or "/",
        "kinds": {str(kind): label for kind, label in _FINDING_KINDS.items()},
        "pageSize": _FINDINGS_PAGE,
    }


def pages_router(settings: Settings, templates: Jinja2Templates, reader: GraphReader) -> APIRouter:
    """The home page, the SPARQL editor and the conflicts page; `reader` is the app's one read-only view of the
    store. The conflicts page is a frame its script fills from /api/conflicts, /api/network and /api/brokers;
    the server only echoes the filters into the form, so the query string alone says what a shared link shows."""
    examples = load_examples()
    config = _editor_config(settings)
    conflicts_config = _conflicts_config(settings)
    example_data = [asdict(example) for example in examples]
    headers = {"Content-Security-Policy": _CSP}
    router = APIRouter(include_in_schema=False)

    @router.get("/", response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        context = {"counts": _counts(reader), "examples": examples[:4]}
        return templates.TemplateResponse(request, "home.html", context, headers=headers)

    @router.get("/query", response_class=HTMLResponse)
    def editor(request: Request, query: str | None = None) -> HTMLResponse:
        context = {"query": query, "examples": examples, "example_data": example_data, "config": config}
        return templates.TemplateResponse(request, "query.html", context, headers=headers)

    @router.get("/conflicts", response_class=HTMLResponse)
    def conflicts(request: Request) -> HTMLResponse:
        filters = {name: request.query_params.get(name, "") for name in _CONFLICT_FILTERS}
        context = {"filters": filters, "kinds": conflicts_config["kinds"], "config": conflicts_config}
        return templates.TemplateResponse(request, "conflicts.html", context, headers=headers)

    return router
