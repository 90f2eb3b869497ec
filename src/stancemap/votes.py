"""Who cast a vote when the voters are named outside the voting clause: "Armenia, Georgia and
Moldova were among the 40 states that abstained", "Moldova was one of 35 countries that
voted against", "Laos, one of the few delegations that backed it, ...", "Mongolia joined 30
other countries in abstaining". The act belongs to the named members of the counted group,
each of them, not to the group noun the relative pronoun stands for."""

from __future__ import annotations

from spacy.tokens import Token

from . import syntax

RELATIVE = {"that", "which", "who"}
COUNTED = {"among", "of"}  # "among the 35 countries that", "one of the states that"
PARTITIVE = {"one", "two", "three", "four", "five", "several", "some", "many", "most", "few",
             "each", "both", "all", "none"}


def _group_of(rel_clause: Token) -> Token | None:
    """The counted group a relative clause with a relative-pronoun subject describes."""
    if rel_clause.dep_ != "relcl" or rel_clause.head.i == rel_clause.i:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE for c in rel_clause.children):
        return None
    group = rel_clause.head
    if group.dep_ != "pobj" or group.head.lower_ not in COUNTED:
        return None
    return group


def members(tok: Token) -> list[Token]:
    """The named members whose act a relative clause or an "in V-ing" phrase reports, or
    nothing when the act's subject is its own."""
    joined = joined_in(tok)
    if joined is not None:
        return syntax.subjects(joined)
    group = _group_of(tok)
    if group is None:
        return []
    prep = group.head
    holder = prep.head
    if prep.lower_ == "of" and holder.lower_ not in PARTITIVE and holder.pos_ != "NUM":
        return []  # "the resolution of the states that ...": not a member count
    if holder.dep_ == "appos" and holder.head.i != holder.i:
        return syntax.coordinated(holder.head)  # "Moldova, one of the states that ..."
    if holder.dep_ == "attr" or holder.pos_ in ("AUX", "VERB"):
        verb = holder.head if holder.dep_ == "attr" else holder
        return syntax.subjects(verb)  # "X was one of the states that", "X were among"
    if holder.pos_ == "PROPN":
        return syntax.coordinated(holder)  # "Laos, among the states that abstained"
    return []


def joined_in(tok: Token) -> Token | None:
    """"Mongolia joined 30 other countries in abstaining": the joining verb of a gerund
    that is the joiner's own act."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() == "join" and verb.pos_ == "VERB" else None


def joins_others(tok: Token, heads: set[int]) -> bool:
    """Whether a "join" verb only introduces its subject's own act ("joined the other
    members in voting against"), so that joining is not an act of its own."""
    return tok.lemma_.lower() == "join" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pcomp" and g.i in heads for g in c.children) for c in tok.children)
