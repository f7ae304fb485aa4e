"""SPARQL lives in .rq files named by the question they answer; this module loads them."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["load_query"]


@cache
def load_query(name: str) -> str:
    """The text of graph/sparql/NAME.rq; an unknown name fails with the names that exist."""
    folder = resources.files("graph") / "sparql"
    path = folder / f"{name}.rq"
    if not path.is_file():
        known = sorted(p.name.removesuffix(".rq") for p in folder.iterdir() if p.name.endswith(".rq"))
        raise KeyError(f"no query named {name!r}; known queries: {', '.join(known)}")
    return path.read_text(encoding="utf-8")
