"""The one place IRIs are minted: from canonical key parts, so the same input always gives the same IRI."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

__all__ = ["IriMinter", "is_iri", "name_key", "referenced_iri", "slug"]

_DROP_WORDS = frozenset({"the"})


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Children's Services" is "childrens-services"."""
    flat = unicodedata.normalize("NFKD", text)
    flat = "".join(c for c in flat if not unicodedata.combining(c)).lower()
    flat = flat.replace("&", " and ").replace("'", "").replace("\u2019", "")
    words = [w for w in re.split(r"[^a-z0-9]+", flat) if w and w not in _DROP_WORDS]
    return "-".join(words) or "unnamed"


def name_key(text: str) -> str:
    """The key that makes two spellings of one name equal: case, punctuation, "for"/"of" and a leading "the"."""
    return slug(re.sub(r"(?i)\bfor\b", "of", text))


def is_iri(text: str) -> bool:
    return text.startswith(("http://", "https://", "urn:"))


def referenced_iri(reference: str, base_iri: str) -> str:
    """The IRI a reference names: a full IRI, or its part below the base IRI ("person/x/y"), as the API, the
    pages and the command line all accept them."""
    return reference if is_iri(reference) else base_iri + reference.lstrip("/")


class IriMinter:
    """Builds every IRI under one base; each method names the key parts that decide identity."""

    def __init__(self, base: str) -> None:
        self.base = base

    def _iri(self, *parts: str) -> str:
        return self.base + "/".join(quote(p, safe="-._~") for p in parts)

    def document(self, name: str) -> str:
        return self._iri("document", slug(name))

    def entities_graph(self) -> str:
        return self._iri("graph", "entities")

    def agent(self, version: str) -> str:
        return self._iri("agent", "councilgraph", version)

    def council(self, name: str) -> str:
        return self._iri("council", name_key(name))

    def body(self, council_key: str, name: str) -> str:
        return self._iri("body", council_key, name_key(name))

    def organisation(self, name: str) -> str:
        return self._iri("organisation", name_key(name))

    def person(self, council_key: str, family: str, qualifier: str) -> str:
        """One person per council, family name and qualifier ("cllr" for a councillor, else a first initial)."""
        return self._iri("person", council_key, f"{name_key(family)}-{qualifier}" if qualifier else name_key(family))

    def post(self, org_iri: str, title: str) -> str:
        org_key = org_iri[len(self.base) :].replace("/", "~")
        return self._iri("post", org_key, name_key(title))

    def meeting(self, body_iri: str, date: str) -> str:
        body_key = body_iri[len(self.base) :].replace("/", "~")
        return self._iri("meeting", body_key, date)

    @staticmethod
    def statement(doc_iri: str, kind: str, index: int) -> str:
        return f"{doc_iri}/{kind}/{index}"
