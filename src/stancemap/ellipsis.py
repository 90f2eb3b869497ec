"""Elided clauses that repeat an act for other actors: "Kazakhstan abstained, as did
neighbouring Kyrgyzstan and Tajikistan", "Uzbekistan did not vote, and neither did
Turkmenistan", "..., and so did Kazakhstan", "Neither has Turkmenistan." (after a sentence
with the act). The echoed act is the antecedent's own: same event, issue, stance and
modality; the clause's own date, if it has one ("as had Kyrgyzstan in 2014")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from . import spans
from .acts import _statement_id
from .agents import Agents, DocContext
from .dates import act_date
from .models import Actor, Mention, Statement
from .syntax import echoes


def _actors(node: Token, at: dict[int, Mention], agents: Agents, ctx: DocContext,
            when: str | None) -> list[Actor]:
    """The actors named in an elided clause, outside its prepositional phrases."""
    framed = {t.i for c in node.children if c.dep_ == "prep" for t in c.subtree}
    tokens = [t for t in node.subtree if t.i in at and t.i not in framed]
    return agents.actors(tokens, at, ctx, when)


def repeated(sent: Span, span: tuple[int, int], acts: Sequence[tuple[Token, list[Statement]]],
             at: dict[int, Mention], ctx: DocContext, agents: Agents) -> list[Statement]:
    """The statements the elided clauses of a sentence (at ``span``) repeat for their own
    actors; ``acts`` are this sentence's act heads with their statements."""
    out: list[Statement] = []
    for node, head in echoes(sent):
        inside = {t.i for t in node.subtree}
        if head is None:
            source = list(ctx.last_statements) if not acts else []
        else:
            scope = {t.i for t in head.subtree} - inside
            source = [s for tok, found in acts if tok.i == head.i for s in found] or [
                s for tok, found in acts if tok.i in scope and tok.i < node.i
                for s in found]  # "X abstained, as did Y": the act echoed, not its clauses
        if not source:
            continue
        text = "".join(t.text_with_ws for t in node.subtree)
        day, how = act_date(text, ctx.published)
        own = day if how == "explicit" else None
        done = {s.actor.id for s in source}
        for actor in _actors(node, at, agents, ctx, own or source[0].date or ctx.published):
            if actor.id in done:
                continue
            done.add(actor.id)
            for s in source:
                key = _statement_id(s.doc, span, actor.id, s.event_type, s.issue, node.i)
                if s.actor.id != source[0].actor.id or any(o.id == key for o in out):
                    continue  # one actor's act is the pattern, once per event and issue
                out.append(replace(
                    s, actor=actor, date=own or s.date, sentence=spans.text(sent), start=span[0],
                    end=span[1], id=key))
    return out
