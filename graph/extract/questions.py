"""Public questions: who asked, and which post answered."""

from __future__ import annotations

from graph import patterns as P
from graph.extract.mentions import find_posts
from graph.extract.names import find_titled_people
from graph.models import Minutes, PostRef, QuestionFact, Span

__all__ = ["read_questions"]


def _answerer(text: str, start: int, end: int) -> PostRef | None:
    """The post just before "responded", or just after "responses were given by"."""
    for answer in P.ANSWERED.finditer(text, start, end):
        before = [p for p in find_posts(text, max(start, answer.start() - 160), answer.start())]
        if before and text[before[-1].span.end : answer.start()].strip() == "":
            return before[-1]
        after = find_posts(text, answer.end(), min(end, answer.end() + 160))
        if after and text[answer.end() : after[0].span.start].strip(" :").lower() in {"", "the"}:
            return after[0]
    return None


def read_questions(minutes: Minutes) -> list[QuestionFact]:
    """One question fact per person asking in an item: supplementary questions are the same exchange."""
    text = minutes.document.folded
    facts: list[QuestionFact] = []
    for index, item in enumerate(minutes.items):
        if "question" not in item.title.lower():
            continue
        seen: set[str] = set()
        answerer = _answerer(text, item.body.start, item.body.end)
        for marker in [
            *P.QUESTION_ASKED.finditer(text, item.body.start, item.body.end),
            *P.QUESTION_BY.finditer(text, item.body.start, item.body.end),
        ]:
            if marker.re is P.QUESTION_BY:
                people = list(find_titled_people(text, marker.end(), min(item.body.end, marker.end() + 80)))[:1]
            else:
                people = list(find_titled_people(text, max(item.body.start, marker.start() - 80), marker.start()))[-1:]
            for person in people:
                if person.family in seen:
                    continue
                seen.add(person.family)
                evidence = Span(start=min(person.span.start, marker.start()), end=max(person.span.end, marker.end()))
                facts.append(QuestionFact(asker=person, answered_by=answerer, item_index=index, evidence=evidence))
    return facts
