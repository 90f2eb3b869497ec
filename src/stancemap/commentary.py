"""Commentary: what a person who speaks for no state (an analyst, an academic, a person with
no official title) says, argues, warns or expects states will do is that person's statement
on no issue, not the states' acts. Covers the clauses they frame ("X argued that Kazakhstan
would ...", "X warned that ...") and the quotation they go on with in the next sentences."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from . import spans
from .acts import _commentator, _statement_id
from .doccontext import DocContext
from .models import Actor, Mention, Statement
from .predicates import Predicate

OPENING = {'"', "“"}
CLOSING = {'"', "”"}


def framing(pred: Predicate, at: dict[int, Mention]) -> bool:
    """A commentator's predicate with a clause for its object ("Ivanov warned that ...",
    "Ivanov expects that ..."): it frames that clause as speech does."""
    tok = pred.head
    if not any(c.dep_ == "ccomp" for c in tok.children):
        return False
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and subj[0].i in at and _commentator(at[subj[0].i].actor)


def statement(doc_id: str, sent: Span, span: tuple[int, int], actor: Actor,
              day: str | None, tok: Token, modality: str = "asserted") -> Statement:
    """The commentator's statement: no issue, no stance."""
    return Statement(id=_statement_id(doc_id, span, actor.id, "STATEMENT", None, tok.i),
                     doc=doc_id, sentence=spans.text(sent), start=span[0], end=span[1],
                     actor=actor, event_type="STATEMENT", date=day, modality=modality,
                     confidence=0.6)


_QUOTES = re.compile("[" + re.escape("".join(sorted(OPENING | CLOSING))) + "]")


def quotation(text: str, inside: bool) -> tuple[bool, bool]:
    """(whether the whole sentence is quoted, whether a quotation is still open after it),
    given whether one was open before it."""
    if not _QUOTES.search(text):  # most sentences: no quotation mark at all
        return inside or not any(ch.isalpha() for ch in text), inside
    whole = True
    for ch in text:
        if ch in OPENING and not inside:
            inside = True
        elif ch in CLOSING and inside:
            inside = False
        elif ch.isalpha() and not inside:
            whole = False
    return whole, inside


def continued(doc_id: str, sent: Span, span: tuple[int, int], ctx: DocContext,
              out: list[Statement]) -> list[Statement]:
    """A sentence wholly inside a quotation the sentence before attributed to a
    commentator ('"...," said X, an analyst. "The minister was careful to ..."'): the
    commentator's, whatever states it names. Updates what the context knows of quotes."""
    text = spans.text(sent)
    whole, ctx.quote_open = quotation(text, ctx.quote_open)
    speaker = ctx.quoted
    ctx.quoted = None
    commented = [s for s in out if s.event_type == "STATEMENT" and s.issue is None and
                 _commentator(s.actor) and any(ch in text for ch in OPENING | CLOSING)]
    if commented:
        ctx.quoted = commented[0].actor  # the attributed quotation's speaker
        return out
    if not whole or speaker is None:
        return out
    ctx.quoted = speaker
    if not out:
        return out
    return [statement(doc_id, sent, span, speaker, out[0].date, sent.root,
                      out[0].modality)]

