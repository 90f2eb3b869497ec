"""Thanks as reported acts: "Putin thanked the Kyrgyz leader for his position of solidarity"
reports that the Kyrgyz side gave its support, as the thanker tells it.

The credited actor's act is SUPPORT (AID for help or assistance), reported by the thanker. Its
issue and stance are the credited actor's stance earlier in the document (the readout restates
it), else the thanker's own (solidarity with the thanker's cause); with neither, the act has no
issue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from . import spans
from .acts import _statement_id
from .agents import Agents, DocContext
from .dates import act_date
from .models import Actor, Mention, Statement

CONFIDENCE = 0.5
THANKING = {"thank", "praise", "commend", "appreciate", "hail", "acknowledge"}
CREDITED_FOR = {"support": "SUPPORT", "solidarity": "SUPPORT", "position": "SUPPORT",
                "understanding": "SUPPORT", "stance": "SUPPORT", "backing": "SUPPORT",
                "help": "AID", "assistance": "AID", "aid": "AID"}


@dataclass(frozen=True, slots=True)
class Credit:
    """One "A thanked B for C": B's act as A tells it."""

    verb: Token
    thanker: Actor
    credited: Actor
    event_type: str
    issue: str | None
    stance: str | None


Resolve = Callable[[list[Token]], list[Actor]]


def credits(sent: Span, ctx: DocContext, resolve: Resolve
            ) -> list[Credit]:
    """Every act of thanks in the sentence whose thanker and credited party are actors."""
    out: list[Credit] = []
    for verb in spans.tokens(sent):
        if verb.lemma_.lower() not in THANKING or verb.pos_ != "VERB":
            continue
        reason = _reason(verb)
        if reason is None:
            continue
        thankers = resolve([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
        credited = resolve([c for c in verb.children if c.dep_ == "dobj"])
        for thanker in thankers[:1]:
            for party in credited:
                if (party.country or party.id) == (thanker.country or thanker.id):
                    continue
                issue, stance = _alignment(party, thanker, ctx)
                out.append(Credit(verb, thanker, party, CREDITED_FOR[reason.lemma_.lower()],
                                  issue, stance))
    return out


def _reason(verb: Token) -> Token | None:
    """The noun of the "for"-phrase: "for his principled position of solidarity"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            found = [t for t in prep.subtree if t.lemma_.lower() in CREDITED_FOR]
            if found:  # not "for his part"
                return found[-1]
    return None


def _alignment(party: Actor, thanker: Actor, ctx: DocContext
               ) -> tuple[str | None, str | None]:
    for who in (party, thanker):
        known = ctx.last_stances.get(who.country or who.id)
        if known is not None and known[1] in ("support", "oppose"):
            return known
    return None, None


def statements(doc_id: str, sent: Span, span: tuple[int, int], at: dict[int, Mention],
               ctx: DocContext, found: list[Statement], agents: Agents) -> list[Statement]:
    """The credited parties' acts, unless the sentence already gave them on that issue."""
    day = act_date(spans.text(sent), ctx.published, ctx.last_date)[0] or ctx.previous_date
    seen = {(s.actor.id, s.issue) for s in found}
    out = []
    for c in credits(sent, ctx, lambda toks: agents.actors(toks, at, ctx, day)):
        if (c.credited.id, c.issue) not in seen:
            out.append(Statement(
                id=_statement_id(doc_id, span, c.credited.id, c.event_type, c.issue, c.verb.i),
                doc=doc_id, sentence=spans.text(sent), start=span[0], end=span[1], actor=c.credited,
                event_type=c.event_type, target=c.thanker, issue=c.issue, stance=c.stance,
                date=day or ctx.published, reported_by=c.thanker, modality="reported",
                confidence=CONFIDENCE))
    return out
