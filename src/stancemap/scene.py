"""Where an unnamed body acts, and whose it is: "In Tashkent, the foreign ministry said",
"Bishkek, where the presidential office said", "Western governments have announced"
(other states' governments, not the one the sentence names). Helpers of ``agents.py``."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from . import syntax
from .kb import METONYM_KINDS, KnowledgeBase
from .models import Actor, Mention

PLACE_PREPS = {"in", "at"}
STATE_KINDS = METONYM_KINDS | {"name", "short"}
# qualifiers that make a plural body other states' ("Western governments", "foreign
# diplomats", "other capitals"), not those of the state the sentence names
OTHERS = {"western", "european", "foreign", "other", "many", "several", "some", "most",
          "international", "arab", "african", "asian", "american", "nato", "g7", "allied",
          "partner", "donor", "neighbouring", "neighboring", "various", "numerous"}


def place_state(tok: Token, at: dict[int, Mention], kb: KnowledgeBase) -> str | None:
    """The state a clause is set in, for its unnamed subject: a fronted "in <capital or
    state>" ("In Nur-Sultan, the foreign ministry has ...") or the place a "where" clause
    describes ("Bishkek, where the presidential office said ...")."""
    verb = tok.head
    if verb.i == tok.i:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and c.i < tok.i:
            for g in c.children:
                if g.dep_ == "pobj":
                    found = _state_named(g, at, kb)
                    if found:
                        return found
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        return _state_named(verb.head, at, kb)
    return None


def place_states(tok: Token, at: dict[int, Mention], kb: KnowledgeBase) -> list[str]:
    """Every state a clause is set in by a fronted coordinated "in <capital> and <capital>"
    ("In Baku and Yerevan, officials did not answer"; "In Astana and Bishkek they declined
    to comment"): the places the unnamed plural subject stands for."""
    verb = tok.head
    if verb.i == tok.i:
        return []
    first = tok.sent[0]  # the sentence's opening "In X and Y", wherever the parser hung it
    for c in [*verb.children, *([first] if first.dep_ in ("prep", "ROOT") else [])]:
        if c.dep_ in ("prep", "ROOT") and c.lower_ in PLACE_PREPS and c.i < tok.i:
            for g in c.children:
                if g.dep_ == "pobj":
                    found = [_state_named(x, at, kb) for x in syntax.coordinated(g)]
                    if found and all(found):
                        return list(dict.fromkeys(f for f in found if f))
    return []


def _state_named(tok: Token, at: dict[int, Mention], kb: KnowledgeBase) -> str | None:
    """The state a place name stands for: a state or its capital (mentioned, or dropped by
    the resolver as a mere place)."""
    if tok.i in at:
        actor = at[tok.i].actor
        return actor.country if actor.type == "state" and actor.country else None
    if tok.pos_ != "PROPN":
        return None
    words = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t.i == tok.i]
    text = tok.doc[min(t.i for t in words): max(t.i for t in words) + 1].text
    for entry in kb.lookup(text):
        actor = kb.actors.get(entry.actor)
        if actor is not None and actor.type == "state" and entry.kind in STATE_KINDS and \
                actor.country:
            return actor.country
    return None


def others(tok: Token, named: Collection[int]) -> bool:
    """A plural body qualified as other states' ("Western governments", "foreign
    diplomats", "European capitals"): not the government of a state the sentence names."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "det") and c.i not in named and (
                c.lower_ in OTHERS or c.pos_ == "ADJ" and c.text[:1].isupper()):
            return True
    return False


def local(i: int, tok: Token) -> bool:
    """Whether the word at ``i`` (a state named after an unnamed body) sets the scene of
    the body's clause ("police detained protesters in Kazakhstan") rather than being
    part of another phrase ("sanctions on Russian banks")."""
    node = tok.doc[i]
    targets = {tok.i, tok.head.i}
    for _ in range(6):
        if node.i in targets:
            return True
        if node.head.i == node.i:
            return False
        if node.i != i and node.pos_ == "NOUN":
            return False
        node = node.head
    return False


def generic_actor(kb: KnowledgeBase, sector: str) -> Actor:
    """A sector of no particular state ("Western governments", "police")."""
    actor_id = f"generic:{sector.lower()}"
    if actor_id not in kb.actors:
        name = kb.sectors.get(sector, sector.lower()).capitalize()
        kb.add_actor(Actor(actor_id, name, "group", None, sector), "kb")
    return kb.actors[actor_id]
