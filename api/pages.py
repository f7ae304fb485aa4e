"""Pages for people: the home page with the size of the graph, and the SPARQL editor with worked queries.

Pages are rendered on the server from api/templates; their scripts and styles are served from api/static,
where `make assets` copies CodeMirror from npm, so a page loads nothing from another site and the service
works offline. Every page response forbids other origins by its Content-Security-Policy, which keeps it so."""

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


def pages_router(settings: Settings, templates: Jinja2Templates, reader: GraphReader) -> APIRouter:
    """The home page and the SPARQL editor; `reader` is the app's one read-only view of the store."""
    examples = load_examples()
    config = _editor_config(settings)
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

    return router
