"""Positions restated by reference: "Nur-Sultan has held this line", "it maintains the same
position", "the same approach would apply to the Donetsk and Luhansk entities" take the
stance of the act they point back to (its issue too, unless they name a new object)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import spans
from .predicates import Entry, Predicate

LINE_NOUNS = {"line", "position", "stance", "approach", "course", "policy", "attitude",
              "view", "posture"}
POINTERS = {"this", "that", "these", "those", "such", "same"}
VERB_DEPS = {"dobj", "nsubj", "nsubjpass"}
RESTATE = Entry("(restated position)", "MWE", "STATEMENT", 0, stance_words=True)


def line_noun(verb: Token) -> Token | None:
    """The anaphoric position noun that is the verb's subject or object ("this line")."""
    for c in verb.children:
        if c.dep_ in VERB_DEPS and c.lemma_.lower() in LINE_NOUNS and any(
                g.dep_ in ("det", "amod") and g.lower_ in POINTERS for g in c.children) and \
                not any(g.dep_ == "prep" and g.lower_ in ("on", "regarding", "towards", "to")
                        for g in c.children):
            return c  # "its position on the referendums" names its own issue: not anaphoric
    return None


def restatements(sent: Span, preds: list[Predicate]) -> list[Predicate]:
    """The sentence's predicates with each verb that restates a position by reference
    ("has held this line") standing as a restatement instead of its lexicon reading."""
    found = {t.i: t for t in spans.tokens(sent)
             if t.pos_ in ("VERB", "AUX") and line_noun(t) is not None}
    if not found:
        return preds
    nouns = {line_noun(v).i for v in found.values()}  # type: ignore[union-attr]
    kept = [p for p in preds if p.head.i not in found and p.head.i not in nouns]
    extra = [Predicate(v, RESTATE, frozenset({v.i, line_noun(v).i}))  # type: ignore[union-attr]
             for v in found.values()]
    return sorted([*kept, *extra], key=lambda p: p.head.i)


def stance_of_sign(sign: int | None) -> str | None:
    return "support" if sign and sign > 0 else "oppose" if sign and sign < 0 else None


def restated(verb: Token, issue: str | None, last_sign: int | None,
             last_stance: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """Issue and stance of a restatement: "the same approach applies to X" carries the
    last act's direction onto X; "held this line" repeats the actor's last stance."""
    noun = line_noun(verb)
    if noun is not None and noun.dep_ != "dobj" and issue is not None:
        return issue, stance_of_sign(last_sign)
    if last_stance is not None:
        return last_stance
    return None, None
