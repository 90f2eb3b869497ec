"""Who a newly met official works for: "Kazakh official Timur Suleimenov", "Timur Suleimenov,
the deputy head of Kazakhstan's presidential administration". A person the knowledge base
does not know takes the state of an institution or role named right before the name or in an
apposition to it, and stands for that state's government."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from . import spans
from .models import Actor, Mention

NEW_PERSON_METHODS = {"ner", "propn"}
NOT_OFFICIALS = {"analyst", "expert", "researcher", "scholar", "professor", "journalist",
                 "commentator", "economist", "fellow", "lecturer", "correspondent", "editor",
                 "blogger", "activist", "lawyer", "student", "observer", "critic", "author",
                 "writer", "historian", "specialist", "consultant", "director"}


def affiliate(mentions: list[Mention], sent: Span, base: int, people: dict[str, Actor]
              ) -> list[Mention]:
    """The mentions, with unaffiliated new people given the state their title names (and
    remembered so in ``people``, the document's own people)."""
    out = []
    for m in mentions:
        if m.actor.type == "person" and m.actor.country is None and \
                m.method in NEW_PERSON_METHODS:
            country = _title_country(m, mentions) or \
                _apposition_country(m, sent, base, mentions)
            if country:
                person = Actor(m.actor.id, m.actor.name, "person", country, "GOV")
                people[person.id] = person
                m = replace(m, actor=person)
        out.append(m)
    return out


def _token_at(sent: Span, base: int, offset: int) -> Token | None:
    for tok in spans.tokens(sent):
        if base + tok.idx == offset:
            return tok
    return None


def _country_at(tokens: list[Token], base: int, mentions: list[Mention],
                self_: Mention) -> str | None:
    offsets = {base + t.idx for t in tokens}
    for m in mentions:
        if m is not self_ and m.actor.country and m.actor.type in ("state", "person") and \
                any(m.start <= o < m.end for o in offsets):
            if m.actor.type == "person" and not m.actor.sector:
                continue
            return m.actor.country
    return None


def _title_country(m: Mention, mentions: list[Mention]) -> str | None:
    """"Kazakh official Timur Suleimenov": an institution mention ending right before."""
    for other in mentions:
        if other is not m and other.actor.country and other.actor.sector and \
                other.actor.type == "state" and 0 <= m.start - other.end <= 1:
            return other.actor.country
    return None


def _apposition_country(m: Mention, sent: Span, base: int, mentions: list[Mention]
                        ) -> str | None:
    """"Timur Suleimenov, the deputy head of Kazakhstan's presidential administration"."""
    first = _token_at(sent, base, m.start)
    if first is None:
        return None
    head = first
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    for appos in (c for c in head.children if c.dep_ == "appos"):
        if appos.lemma_.lower() in NOT_OFFICIALS:
            continue  # "an analyst at Kazakhstan's Institute ...": speaks for no state
        country = _country_at(list(appos.subtree), base, mentions, m)
        if country:
            return country
    return None
