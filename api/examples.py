"""The worked analyst queries the SPARQL editor offers, kept as graph/sparql/examples/*.rq.

Each file opens with a `# title` line and a `# why` line, so a query and what it is for are written and
reviewed together, and the files run as they are with `councilgraph query @file.rq`."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from graph.queries import load_query

__all__ = ["Example", "load_examples"]

_FOLDER = "examples"


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    why: str
    query: str


def _header(line: str, name: str, what: str) -> str:
    if not line.startswith("#") or not line.lstrip("# ").strip():
        raise ValueError(f"example {name!r} must open with a `# {what}` comment line")
    return line.lstrip("#").strip()


def _example(name: str) -> Example:
    query = load_query(f"{_FOLDER}/{name}")
    first, second, *_ = [*query.splitlines(), "", ""]
    return Example(name, _header(first, name, "title"), _header(second, name, "why"), query)


def load_examples() -> tuple[Example, ...]:
    """Every worked query, in file-name order (the names are numbered to set the order the editor lists)."""
    folder = resources.files("graph") / "sparql" / _FOLDER
    names = sorted(entry.name.removesuffix(".rq") for entry in folder.iterdir() if entry.name.endswith(".rq"))
    return tuple(_example(name) for name in names)
