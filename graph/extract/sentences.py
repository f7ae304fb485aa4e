"""Sentence bounds in minutes text, which wraps lines mid-sentence and abbreviates honorifics."""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph import patterns as P
from graph.models import Span

__all__ = ["sentence_around", "sentences"]

_STOP = re.compile(
    r"[.!?](?=[\"')\]]?\s+[\"'(]?[A-Z0-9])|\n[ \t]*\n|\|[ \t]*\n|:[ \t]*\n|\n(?=[ \t]*(?:[-*][ \t]+|\d{1,3}[.)][ \t]+))"
    r"|(?<![,;&(])(?<!\band)(?<!\bfrom)(?<!\bwith)(?<!\bby)\n(?=[ \t]*(?:Councillors?|Cllrs?\.?|Cr|Mr|Mrs|Ms|Dr)\b)"
)


def _boundaries(text: str, start: int, end: int) -> Iterator[int]:
    for match in _STOP.finditer(text, start, end):
        if match.group().startswith(".") and P.ABBREVIATION_BEFORE_STOP.search(
            text[max(start, match.start() - 8) : match.start()]
        ):
            continue
        yield match.end()


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Sentences of text[start:end], stripped of surrounding whitespace."""
    stop = len(text) if end is None else end
    position = start
    for boundary in [*_boundaries(text, start, stop), stop]:
        chunk = text[position:boundary]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            yield Span(start=position + lead, end=position + lead + len(body))
        position = boundary


def sentence_around(spans: list[Span], offset: int) -> int | None:
    """Index of the sentence holding offset."""
    for index, span in enumerate(spans):
        if span.start <= offset < span.end:
            return index
    return None
