"""Statements and claims built by hand, for the linking tests (no parsing involved)."""

from __future__ import annotations

from stancemap.kb import KnowledgeBase
from stancemap.models import Actor, Claim, Statement


def statement(kb: KnowledgeBase, sid: str, doc: str, actor: str, event_type: str = "CONSULT",
              sentence: str = "", target: str | None = None, issue: str | None = None,
              stance: str | None = None, date: str | None = "2022-02-26",
              reported_by: str | None = None, modality: str = "asserted") -> Statement:
    def a(actor_id: str | None) -> Actor | None:
        if not actor_id:
            return None
        if actor_id in kb.actors:
            return kb.actors[actor_id]
        return kb.sector_actor(actor_id[:3], actor_id[3:])  # "KGZGOV"

    found = a(actor)
    assert found is not None
    start = 100 * int("".join(c for c in sid if c.isdigit()) or 0)  # one sentence per id
    return Statement(id=sid, doc=doc, sentence=sentence or f"{actor} acted.", start=start,
                     end=start + 10,
                     actor=found, event_type=event_type, target=a(target), issue=issue,
                     stance=stance, date=date, reported_by=a(reported_by), modality=modality,
                     confidence=0.8)


def claim(cid: str, doc: str, value: float, as_of: str, group: str = "g1",
          qualifier: str | None = None, period: str = "since", source: Actor | None = None
          ) -> Claim:
    return Claim(id=cid, doc=doc, sentence=f"{value} people arrived.", subject="people arriving",
                 value=value, unit="people", as_of=as_of, source=source, group=group,
                 qualifier=qualifier, since="2022-09-21" if period == "since" else None,
                 period=period)
