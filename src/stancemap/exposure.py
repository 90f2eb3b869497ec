"""Acts that keep to sanctions because the actor could be hit by them, and acts on
sanctioned parties.

- "suspended transfers so as not to fall under secondary sanctions", "closed the accounts to
  avoid secondary sanctions", "halted payments for fear of secondary sanctions": the
  sanctions are what would hit the actor, not an act of its own; the act they are the
  purpose of complies with them (a statement for the sanctions).
- "closed the accounts of sanctioned firms", "froze the assets of sanctioned banks": a
  restrictive act on a sanctioned party carries the sanctions out; "kept supplying
  sanctioned firms" helps get around them.
- "operated a system to track goods imported for re-export": an instrument to check trade
  keeps to the sanctions the sentence names.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import spans
from .predicates import Entry, Predicate

SANCTION_NOUNS = {"sanction", "sanctions", "restriction", "penalty", "penalties", "listing"}
EXPOSURE_VERBS = {"avoid", "escape", "evade", "dodge", "risk", "incur", "face", "fear",
                  "prevent", "suffer", "attract", "trigger"}
EXPOSURE_PREP_VERBS = {("fall", "under"), ("come", "under"), ("fall", "foul"),
                       ("be", "under"), ("get", "under"), ("end", "under")}
EXPOSURE_NOUNS = {"fear", "risk", "threat", "danger", "prospect", "possibility"}
RESTRICTIVE = {"close", "freeze", "block", "suspend", "halt", "stop", "cut", "refuse", "deny",
               "reject", "ban", "bar", "terminate", "end", "restrict", "limit", "seize",
               "cancel", "drop", "sever", "shut", "expel", "exclude", "blacklist", "curb",
               "tighten", "screen", "track", "monitor", "check", "inspect", "detain"}
HELPING = {"supply", "serve", "finance", "fund", "help", "assist", "sell", "ship",
           "export", "process", "open", "insure", "service", "host"}
INSTRUCTING = {"tell", "order", "instruct", "ask", "urge", "require", "oblige", "direct",
               "advise", "recommend", "warn"}
COMPLY = "(keeps to sanctions)"
SETS_UP = {"operate", "introduce", "launch", "set", "create", "establish", "run", "adopt",
           "deploy", "build", "develop", "use", "roll"}
INSTRUMENTS = {"system", "mechanism", "register", "registry", "database", "platform",
               "procedure", "regime", "portal", "tool", "scheme"}
CHECKS = {"track", "monitor", "trace", "check", "control", "screen", "verify", "flag",
          "prevent", "curb", "stop", "block", "catch"}
TRADE = {"good", "goods", "export", "re", "exports", "import", "imports", "consignment",
         "shipment", "cargo", "component", "transaction", "payment", "transfer", "trade"}


def _sanction_noun(t: Token) -> bool:
    return t.pos_ == "NOUN" and t.lemma_.lower() in SANCTION_NOUNS


def _exposure_host(noun: Token) -> Token | None:
    """The verb or noun of being hit by the sanctions a noun names ("avoid", "fall under",
    "fear of"), if the noun is its object."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in EXPOSURE_VERBS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        up = head.head
        if (up.lemma_.lower(), head.lower_) in EXPOSURE_PREP_VERBS:
            return up
        if head.lower_ == "of" and up.lemma_.lower() in EXPOSURE_NOUNS:
            return up
    return None


def _purpose_of(host: Token) -> Token | None:
    """The act a purpose or motive belongs to: "[suspended X] so as not to fall under",
    "[closed X] to avoid", "[halted X] for fear of", "[stop X] in order not to fall"."""
    node = host
    for _ in range(4):
        if node.dep_ in ("advcl", "xcomp", "npadvmod") and node.head.pos_ in ("VERB", "AUX"):
            return node.head
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and \
                node.head.head.pos_ in ("VERB", "AUX"):
            return node.head.head  # "for fear of", "in order (not) to"
        if node.dep_ in ("acl", "pobj", "prep") and node.head.i != node.i:
            node = node.head
            continue
        return None
    return None


def _entry(event: str, sign: int = 1) -> Entry:
    return Entry(COMPLY, "MWE", event, sign, None, {"agent": "nsubj", "theme": "complement"},
                 True)


def _sanctioned_object(verb: Token) -> bool:
    """Whether a verb's object is a sanctioned party ("the accounts of sanctioned firms")."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "prep", "dative"):
            continue
        for t in c.subtree:
            if t.lower_ == "sanctioned" and t.dep_ in ("amod", "compound") and \
                    t.head.pos_ in ("NOUN", "PROPN"):
                return True
    return False


def _controls_trade(verb: Token) -> bool:
    """"operated a system to track goods imported for re-export", "introduced a mechanism to
    monitor re-exports": an instrument set up to check trade (export controls)."""
    if verb.lemma_.lower() not in SETS_UP:
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj" and
                c.lemma_.lower() in INSTRUMENTS):
        for purpose in [*(c for c in verb.children if c.dep_ in ("xcomp", "advcl")),
                        *(c for c in obj.children if c.dep_ in ("relcl", "acl"))]:
            if purpose.lemma_.lower() in CHECKS and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children) and any(
                    t.lemma_.lower() in TRADE for t in purpose.subtree):
                return True
    return False


def compliance(sent: Span, preds: list[Predicate]) -> list[Predicate]:
    """The predicates with the sanctions that would hit an actor dropped, and the act done to
    avoid them (or done to a sanctioned party) read as keeping to (or getting around) the
    sanctions."""
    toks = spans.tokens(sent)
    words = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    if words.isdisjoint(SANCTION_NOUNS) and "sanctioned" not in words and (
            words.isdisjoint(INSTRUMENTS) or words.isdisjoint(SETS_UP)):
        return preds  # no sanctions, sanctioned party or trade-checking instrument named
    at = {p.head.i: p for p in preds}
    drop: set[int] = set()
    acts: dict[int, Predicate] = {}
    for noun in toks:
        if not _sanction_noun(noun):
            continue
        host = _exposure_host(noun)
        main = _purpose_of(host) if host is not None else None
        if main is None:
            continue
        drop |= {noun.i, host.i}
        if main.dep_ == "xcomp" and main.head.lemma_.lower() in INSTRUCTING:
            main = main.head  # "told lenders to stop payments so as not to ...": the order
        own = at.get(main.i)
        inside = own is not None and noun.i in {t.i for c in main.children
                                                if c.dep_ == "prep" for t in c.subtree}
        event = own.entry.event_type if inside and own is not None else "STATEMENT"
        acts[main.i] = Predicate(main, _entry(event), frozenset({main.i}))
    for verb in toks:
        if verb.pos_ != "VERB" or verb.i in acts or not _sanctioned_object(verb):
            continue
        lemma = verb.lemma_.lower()
        sign = 1 if lemma in RESTRICTIVE else -1 if lemma in HELPING else 0
        if sign:
            acts[verb.i] = Predicate(verb, _entry("STATEMENT", sign), frozenset({verb.i}))
    for verb in toks:
        if verb.pos_ == "VERB" and verb.i not in acts and _controls_trade(verb):
            acts[verb.i] = Predicate(verb, _entry("STATEMENT"), frozenset({verb.i}))
    if not acts:
        return preds
    kept = [p for p in preds if p.head.i not in drop and p.head.i not in acts]
    return sorted([*kept, *acts.values()], key=lambda p: p.head.i)
