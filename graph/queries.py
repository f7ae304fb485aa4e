"""SPARQL lives in .rq files named by the question they answer; this module loads them and binds their inputs.

A query's inputs are written in its text as `VALUES ?name { UNDEF }`: valid SPARQL that matches anything,
so every file runs as it stands in any SPARQL editor, and `bind` replaces the UNDEF with the caller's terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources

import pyoxigraph as ox

from graph.vocab import PREFIXES

__all__ = ["Row", "Term", "bind", "load_query", "select"]

Term = ox.NamedNode | ox.Literal
Row = dict[str, str]


@cache
def load_query(name: str) -> str:
    """The text of graph/sparql/NAME.rq (NAME may name a subfolder); an unknown name lists those that exist."""
    folder = resources.files("graph") / "sparql"
    path = folder.joinpath(*f"{name}.rq".split("/"))
    if not path.is_file():
        known = sorted(p.name.removesuffix(".rq") for p in folder.iterdir() if p.name.endswith(".rq"))
        raise KeyError(f"no query named {name!r}; known queries: {', '.join(known)}")
    return path.read_text(encoding="utf-8")


def bind(query: str, values: Mapping[str, Term | Iterable[Term] | None]) -> str:
    """`query` with each `VALUES ?name { UNDEF }` given the terms of `values[name]`; None leaves it open."""
    for name, given in values.items():
        if given is None:
            continue
        terms = [given] if isinstance(given, (ox.NamedNode, ox.Literal)) else list(given)
        found = re.search(r"VALUES \?" + re.escape(name) + r" \{ UNDEF \}", query)
        if found is None:
            raise KeyError(f"the query has no input ?{name}")
        clause = f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}"
        query = query[: found.start()] + clause + query[found.end() :]
    return query


def select(
    store: ox.Store,
    name: str,
    values: Mapping[str, Term | Iterable[Term] | None] | None = None,
    named_graphs: Iterable[str] | None = None,
) -> list[Row]:
    """The solutions of the named query, each as {variable: lexical value}. The default graph is the union of the
    store's graphs; `named_graphs` limits what GRAPH ?g ranges over to those graphs, as FROM NAMED does, which
    is how a query reads a few documents of a large store without visiting the others."""
    query = bind(load_query(name), values or {})
    if named_graphs is None:
        solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    else:
        graphs: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(graph) for graph in named_graphs]
        solutions = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True, named_graphs=graphs)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [variable.value for variable in solutions.variables]
    return [{name: term.value for name in names if (term := solution[name]) is not None} for solution in solutions]
