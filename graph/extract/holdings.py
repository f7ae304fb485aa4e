"""Posts and their holders named together in prose: "Councillor X, Cabinet Member for Y" or the reverse."""

from __future__ import annotations

import re

from graph import patterns as P
from graph.extract.mentions import find_posts, post_at
from graph.extract.names import find_titled_people
from graph.models import PostHoldingFact, Span

__all__ = ["read_holdings"]

_AFTER_NAME = re.compile(r"[ \t]*,[ \t]*(?:the[ \t]+)?")
_NAME_NEXT = re.compile(r"[ \t]+(?:" + P.HONORIFIC + r"\b|[A-Z][a-z])")


def read_holdings(text: str) -> list[PostHoldingFact]:
    """Every person-then-post and post-then-person pair joined by a comma."""
    facts: list[PostHoldingFact] = []
    for person in find_titled_people(text):
        joint = _AFTER_NAME.match(text, person.span.end)
        post = post_at(text, joint.end(), min(len(text), joint.end() + 160)) if joint else None
        if post is not None and not _NAME_NEXT.match(text, post.span.end):
            facts.append(
                PostHoldingFact(post=post, holder=person, evidence=Span(start=person.span.start, end=post.span.end))
            )
    for post in find_posts(text):
        joint = P.POST_THEN_PERSON.match(text, post.span.end)
        if joint is None:
            continue
        people = list(find_titled_people(text, joint.end(), min(len(text), joint.end() + 80)))
        if people and people[0].span.start == joint.end():
            facts.append(
                PostHoldingFact(
                    post=post, holder=people[0], evidence=Span(start=post.span.start, end=people[0].span.end)
                )
            )
    return facts
