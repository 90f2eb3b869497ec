"""Who a newly met official works for: "Kazakh official Timur Suleimenov", "Timur Suleimenov,
the deputy head of Kazakhstan's presidential administration". A person the knowledge base
does not know takes the state of an institution or role named right before the name or in an
apposition to it, and stands for that state's government."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from . import spans
from .models import Actor, Mention
from .names import NAME_TITLES

NEW_PERSON_METHODS = {"ner", "propn"}
NOT_OFFICIALS = {"analyst", "expert", "researcher", "scholar", "professor", "journalist",
                 "commentator", "economist", "fellow", "lecturer", "correspondent", "editor",
                 "blogger", "activist", "lawyer", "student", "observer", "critic", "author",
                 "writer", "historian", "specialist", "consultant", "director"}


OFFICIAL_TITLES = {"minister", "ministry", "deputy", "head", "spokesman", "spokeswoman",
                   "spokesperson", "adviser", "advisor", "aide", "ambassador", "envoy",
                   "diplomat", "official", "secretary", "administration", "presidential",
                   "presidency", "president", "premier", "chairman", "representative", "consul",
                   "press", "government", "cabinet", "office", "chief", "undersecretary"}
NON_STATE_BODIES = {"institute", "university", "college", "school", "foundation", "think",
                    "tank", "company", "firm", "corporation", "newspaper", "magazine", "party",
                    "fund", "centre", "center", "museum", "club", "bank", "association",
                    "council", "network", "programme", "program", "initiative", "opposition"}


def affiliate(mentions: list[Mention], sent: Span, base: int, people: dict[str, Actor],
              home: str | None = None) -> list[Mention]:
    """The mentions, with unaffiliated new people given the state their title names (and
    remembered so in ``people``, the document's own people); a title naming a state body
    but no state ("the deputy head of the presidential administration") takes ``home``,
    the state the text is about."""
    out = []
    for m in mentions:
        if m.actor.type == "person" and m.actor.country is None and \
                m.method in NEW_PERSON_METHODS:
            country = _title_country(m, mentions) or \
                _apposition_country(m, sent, base, mentions) or \
                _titled(m, sent, base, mentions, home)
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


LEADERS = {"head", "lead", "run", "chair", "direct"}  # "X, who heads the press service"


def _titled(m: Mention, sent: Span, base: int, mentions: list[Mention], home: str | None
            ) -> str | None:
    """A title around the name that is an official's, not adjacent to it: "Turkmenistan's
    deputy foreign minister Batyr Amanov", "Deputy Foreign Minister A B", "Dilnoza Azimova,
    the deputy head of the presidential administration", "X, who heads the press service"
    (a state body and no state named: ``home``, the state the text is about)."""
    inside = [t for t in spans.tokens(sent) if m.start <= base + t.idx < m.end]
    if not inside:
        return None
    head = inside[-1]
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    first = next((t for t in inside if t.lower_ not in NAME_TITLES), inside[0])
    name = {t.i for t in inside if t.i >= first.i}
    groups = [[t for t in head.subtree if t.i < first.i]]  # titles before the name
    if head.dep_ == "appos" and head.head.lemma_.lower() in OFFICIAL_TITLES:
        groups.append(list(head.head.subtree))  # "the deputy foreign minister, Batyr Amanov"
    groups += [list(c.subtree) for c in head.children if c.dep_ == "appos" or
               c.dep_ == "relcl" and c.lemma_.lower() in LEADERS]
    for group in groups:
        words = [t for t in group if t.i not in name and t.i not in
                 {x.i for c in t.children if c.dep_ == "relcl" and c.head.i != head.i
                  for x in c.subtree}]
        lemmas = {t.lemma_.lower() for t in words}
        if lemmas & (NOT_OFFICIALS | NON_STATE_BODIES | {"former", "ex"}) or \
                not lemmas & OFFICIAL_TITLES:
            continue
        offsets = [base + t.idx for t in words]
        named = [o for o in mentions if o is not m and any(o.start <= x < o.end
                                                            for x in offsets)]
        states = [o.actor.country for o in named if o.actor.type == "state"
                  and o.actor.country]
        if states:
            return states[0]
        if not named and home:
            return home
    return None
