"""Acting on a court's order or warrant, and acts done "instead of" another.

- "would carry out the warrant", "enforced the ICC warrant", "executed the arrest warrant",
  "acted on the warrant" carry an order out (for it); "ignored the warrant", "disregarded
  the court's order" are against it. The object names what is carried out, so "execute" is
  no killing here.
- "received him instead of arresting him", "hosted him rather than detaining him": the act
  after "instead of" is the one not done; the main verb carries it, refused.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import spans, syntax
from .offagenda import negated_entry
from .predicates import Entry, Predicate

ORDERS = {"warrant", "order", "ruling", "judgment", "judgement", "verdict", "decision",
          "summons", "request"}
CARRY_OUT = {"execute", "enforce", "implement", "honour", "honor", "respect", "fulfil",
             "fulfill", "serve", "apply", "obey", "heed", "observe", "uphold", "act",
             "comply", "follow", "carry", "exercise"}
DEFY = {"ignore", "disregard", "defy", "flout", "dismiss", "violate", "breach", "snub",
        "reject"}
ON_PREPS = {"on", "with", "out", "upon"}  # "act on", "comply with", "carry out"


def _order_object(verb: Token) -> Token | None:
    """The order a verb acts on: its object ("executed the warrant") or the object of its
    particle or preposition ("acted on the warrant", "carried out the warrant")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ORDERS:
            return c
        if c.dep_ == "prep" and c.lower_ in ON_PREPS:
            for g in c.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in ORDERS:
                    return g
    return None


def _instead(tok: Token) -> Token | None:
    """The verb that is done instead of ``tok`` ("received him instead of arresting him",
    "welcomed him rather than detaining him")."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ not in ("of", "than"):
        return None
    marked = any(c.lower_ in ("instead", "rather") for c in prep.children)
    main = prep.head
    if main.lower_ in ("instead", "rather"):
        main, marked = main.head, True
    return main if marked and main.pos_ in ("VERB", "AUX") and main.i != tok.i else None


def carried_out(sent: Span, preds: list[Predicate]) -> list[Predicate]:
    """The predicates with acts on an order read as carrying it out (or defying it), and acts
    done instead of another read as refusing that other act."""
    at = {p.head.i: p for p in preds}
    acts: dict[int, Predicate] = {}
    drop: set[int] = set()
    for verb in spans.tokens(sent):
        if verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        order = _order_object(verb) if lemma in CARRY_OUT | DEFY else None
        if order is not None:
            sign = -1 if lemma in DEFY else 1
            event = "COOPERATE" if sign > 0 else "REJECT"
            entry = Entry("(acts on an order)", "MWE", event, sign, "REJECT",
                          {"agent": "nsubj", "theme": "complement"}, True)
            acts[verb.i] = Predicate(verb, entry, frozenset({verb.i}))
            drop.add(order.i)
            continue
        main = _instead(verb)
        own = at.get(verb.i)
        if main is not None and own is not None and own.entry.polarity and \
                syntax.negations(verb) % 2 == 0 and main.i not in acts:
            acts[main.i] = Predicate(main, negated_entry(own.entry), frozenset({main.i}))
            drop.add(verb.i)
    if not acts:
        return preds
    kept = [p for p in preds if p.head.i not in acts and p.head.i not in drop]
    return sorted([*kept, *acts.values()], key=lambda p: p.head.i)
