"""Linking across documents: positions, events, conflicting accounts and numeric
discrepancies, rebuilt from every stored statement and claim."""

from __future__ import annotations

from dataclasses import dataclass

from .discrepancies import Corpus, find_conflicts
from .events import build_events
from .kb import KnowledgeBase
from .models import Actor, Discrepancy, Position
from .numbers import numeric_discrepancies
from .positions import PERIOD_DAYS, Evidence, build_positions, parse_day
from .store import SQLStore

CONTESTED_CAP = 0.6


@dataclass(slots=True)
class LinkReport:
    positions: int = 0
    events: int = 0
    discrepancies: int = 0
    claims: int = 0


def position_holder(actor: Actor, kb: KnowledgeBase) -> Actor | None:
    """Whose position a statement bears on: a state for its ministries and officials, an
    organisation or group for itself; analysts hold no positions."""
    if actor.type == "state" and actor.country in kb.actors:
        return kb.actors[actor.country]
    if actor.type in ("organization", "group") and not actor.id.startswith("generic:"):
        return actor
    return None


def participant(actor: Actor, kb: KnowledgeBase) -> Actor | None:
    """Who takes part in an event: the state an official or ministry serves, an organisation,
    or a person serving no state; unnamed generic actors take no part."""
    if actor.id.startswith("generic:"):
        return None
    if actor.country and actor.country in kb.actors:
        return kb.actors[actor.country]
    return actor


def link(store: SQLStore, kb: KnowledgeBase) -> LinkReport:
    """Rebuild positions, events and discrepancies over the whole store."""
    published: dict[str, str | None] = {}
    statements = []
    evidence = []
    for statement, day in store.iter_statements():
        statements.append(statement)
        published[statement.id] = day
        holder = position_holder(statement.actor, kb)
        if holder and statement.issue and statement.stance:
            evidence.append(Evidence(statement, holder, day))
    positions = build_positions(evidence)
    names = {a.id: a.name for a in (*store.actors().values(), *kb.actors.values())}
    events = build_events(statements, lambda a: participant(a, kb), names)
    corpus = Corpus(participant=lambda a: participant(a, kb),
                    issues={i.id: i for i in store.issues()},
                    publishers=store.publishers(), watch=frozenset(store.watch()))
    found = find_conflicts(statements, events, corpus)
    found += numeric_discrepancies(store.iter_claims(), corpus.watch)
    contest(positions, found)
    store.ensure_actors(p.actor for p in positions)
    store.ensure_actors(a for e in events for a in e.actors)
    store.ensure_actors(a for d in found for a in d.actors)
    store.replace_positions(positions)
    store.replace_events(events)
    store.replace_discrepancies(sorted(found, key=lambda d: (-d.score, d.id)))
    return LinkReport(len(positions), len(events), len(found), store.count("claims"))


def contest(positions: list[Position], found: list[Discrepancy]) -> None:
    """Positions whose evidence conflicts across accounts: the timeline marks the disputed
    date, the evidence keeps both sides, and the stance becomes ``contested`` when the dispute
    falls in the current period."""
    index = {(p.actor.id, p.issue): p for p in positions}
    for d in found:
        if d.kind != "conflicting_accounts" or not d.issue or not d.actors:
            continue
        position = index.get((d.actors[0].id, d.issue))
        if position is None:
            continue
        for sid in d.statements:
            if sid not in position.evidence:
                position.evidence.append(sid)
        position.docs = list(dict.fromkeys([*position.docs, *d.docs]))
        position.timeline.append({"date": d.date, "stance": "contested",
                                  "statement": d.statements[-1], "discrepancy": d.id})
        position.timeline.sort(key=lambda t: (t["date"] is None, t["date"] or ""))
        day, latest = parse_day(d.date), parse_day(position.as_of)
        if day is None or latest is None or (latest - day).days <= PERIOD_DAYS:
            position.stance = "contested"
            position.confidence = min(position.confidence, CONTESTED_CAP)
