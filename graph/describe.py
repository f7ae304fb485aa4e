"""Describe a shared entity from every surface form it was read from, the same way whatever the order.

Used by `build` for one document and by the store for all documents that mention the entity, so the
entities graph is always what the remaining documents say."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.extract.names import person_at
from graph.identity import name_key
from graph.models import EntityKind, PersonRef
from graph.vocab import FOAF, RDFS, SKOS

__all__ = ["DERIVED_PREDICATES", "describe", "readable", "title_case"]

DERIVED_PREDICATES = (
    RDFS.label,
    SKOS.altLabel,
    SKOS.hiddenLabel,
    FOAF.name,
    FOAF.familyName,
    FOAF.givenName,
    FOAF.title,
)
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "in", "on", "at", "to", "a", "an", "with"})
_KEEP_UPPER = frozenset({"SEND", "NHS", "UK", "CCG", "LLR", "CYPE", "ADCS", "II", "III", "IV"})

Triple = tuple[Node, Node, Node]


def title_case(name: str) -> str:
    """ "CHILDREN, YOUNG PEOPLE AND EDUCATION" reads "Children, Young People and Education"."""
    words = name.split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        bare = re.sub(r"[^A-Za-z]", "", word)
        if bare in _KEEP_UPPER:
            out.append(word)
        elif index and bare.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)


def readable(form: str) -> str:
    """A name as a label: shouted (all-capitals) names in title case, others as written."""
    letters = [c for c in form if c.isalpha()]
    shouting = letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 6
    return title_case(form) if shouting else form


def _best(forms: Iterable[str]) -> str:
    """Most used readable spelling; then one written in mixed case; then "of" over "for"; then shortest."""
    spellings = sorted(forms)
    counts = Counter(readable(f) for f in spellings)
    originals = {readable(f): f for f in spellings}

    def rank(form: str) -> tuple[int, int, int, int, str]:
        mixed = 0 if originals[form] == form else 1
        uses_of = 0 if re.search(r"\bof\b", form) else 1
        return (-counts[form], mixed, uses_of, len(form), form)

    return min(counts, key=rank)


def _labelled(iri: URIRef, forms: list[str], canonical_key: str | None) -> list[Triple]:
    """Label from the forms whose key is the entity's own; other names are alternative labels."""
    own = [f for f in forms if canonical_key is None or name_key(f) == canonical_key] or forms
    label = _best(own)
    triples: list[Triple] = [(iri, RDFS.label, Literal(label))]
    others = sorted({readable(f) for f in forms if name_key(f) != name_key(label)})
    triples.extend((iri, SKOS.altLabel, Literal(o)) for o in others)
    return triples


def _person(iri: URIRef, forms: list[str]) -> list[Triple]:
    parsed = [p for p in (person_at(f, 0, len(f)) for f in sorted(set(forms))) if p is not None]
    if not parsed:
        return [(iri, RDFS.label, Literal(_best(forms)))]
    family = _best(p.family for p in parsed)
    givens = sorted({p.given for p in parsed if p.given}, key=lambda g: (-len(g), g))
    initials = max((p.initials for p in parsed), key=lambda i: (len(i), i))
    titles = sorted(
        {t for p in parsed for t in p.titles} | ({"Councillor"} if any(p.councillor for p in parsed) else set())
    )
    name = _display_name(family, givens[0] if givens else None, initials, titles, parsed)
    triples: list[Triple] = [
        (iri, RDFS.label, Literal(name)),
        (iri, FOAF.name, Literal(name)),
        (iri, FOAF.familyName, Literal(family)),
    ]
    if givens:
        triples.append((iri, FOAF.givenName, Literal(givens[0])))
    triples.extend((iri, FOAF.title, Literal(t)) for t in titles)
    return triples


def _display_name(family: str, given: str | None, initials: str, titles: list[str], parsed: list[PersonRef]) -> str:
    if given:
        return f"{given} {family}"
    if initials:
        return " ".join(f"{i}." for i in initials) + f" {family}"
    if any(p.councillor for p in parsed):
        return f"Councillor {family}"
    return f"{titles[0]} {family}" if titles else family


def describe(iri: str, kind: EntityKind, forms: list[str]) -> list[Triple]:
    """The derived part of an entity's description: labels and names from its distinct surface forms, and each
    form itself as a hidden label, so every spelling it was read from stays searchable and traceable."""
    node = URIRef(iri)
    distinct = sorted(set(forms))
    hidden: list[Triple] = [(node, SKOS.hiddenLabel, Literal(form)) for form in distinct]
    if kind is EntityKind.PERSON:
        return _person(node, distinct) + hidden
    canonical = iri.rstrip("/").rsplit("/", 1)[-1] if kind in (EntityKind.BODY, EntityKind.POST) else None
    return _labelled(node, distinct, canonical) + hidden
