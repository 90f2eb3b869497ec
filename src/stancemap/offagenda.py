"""Refusal by copula: "recognising the republics is not on the agenda", "recognition is out
of the question", "joining the sanctions is off the table", "there can be no question of
recognising them", "this question is not on the agenda" (of a "whether" asked just before).

The act named as the copula's subject (or the "of" of "no question") is refused: its
predicate is read with its negated sense, unless the negation already counts it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import spans, syntax
from .predicates import Entry, Predicate
from .stance import themes

PLACES = {"agenda", "table", "card", "cards"}  # "on the agenda", "not on the cards"
OFF = {("out", "question"), ("off", "table"), ("off", "agenda")}
COPULAS = {"be", "stand", "remain", "stay"}  # "is not standing on the agenda"
QUESTION_NOUNS = {"question", "issue", "matter", "topic", "subject"}
# The copula itself as the act, for what the sentence asks about ("whether X would
# recognise ..., this question is not on the agenda") or rules out ("no question of X").
RULED_OUT = Entry("(ruled out)", "MWE", "STATEMENT", -1, None,
                  {"agent": "nsubj", "theme": "attr"}, True)
RULED_OUT_ANSWER = Entry("(ruled out)", "MWE", "STATEMENT", -1, None,
                         {"agent": "nsubj", "theme": "complement"}, True)
RULED_OUT_SUBJECT = Entry("(ruled out)", "MWE", "STATEMENT", -1, None,
                          {"agent": "nsubj", "theme": "nsubj"}, True)


def _refused(be: Token) -> bool:
    """Whether a copula's predicate refuses its subject: "is not on the agenda", "is out of
    the question", "is off the table" (but "is not out of the question": it is possible)."""
    negs = sum(1 for c in be.children if c.dep_ == "neg" or c.lower_ == "never")
    off = on = False
    for c in be.children:
        if c.dep_ not in ("prep", "advmod"):
            continue
        words = {(c.lower_, g.lemma_.lower()) for g in c.subtree}
        off = off or bool(words & OFF)
        on = on or (c.lower_ == "on" and any(g.lemma_.lower() in PLACES for g in c.subtree))
        negs += sum(1 for g in c.subtree if g.dep_ == "neg" and g.head.i == c.i)
    if off:
        return negs % 2 == 0
    return on and negs % 2 == 1


def _no_question(be: Token) -> list[Token]:
    """"there can be no question of recognising X": the act after "of"."""
    if not any(c.dep_ == "expl" for c in be.children):
        return []
    out = []
    for attr in (c for c in be.children if c.dep_ == "attr" and c.lemma_.lower() == "question"):
        if any(d.dep_ == "det" and d.lower_ == "no" for d in attr.children):
            out += [g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ in ("pobj", "pcomp")]
    return sorted(out, key=lambda p: p.head.i)


def _subject_acts(be: Token, sent: Span) -> list[Token]:
    """Heads of the acts a refusing copula's subject names: the subject itself ("recognition
    ...", "recognising ..."), or, for "this question", the "whether" clause asked before."""
    subjects = [c for c in be.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
    out = [s for s in subjects if s.lemma_.lower() not in QUESTION_NOUNS and
           s.pos_ in ("NOUN", "VERB")]
    if any(s.lemma_.lower() in QUESTION_NOUNS or s.lower_ in ("this", "that", "it")
           for s in subjects):
        asked = [t for t in sent if t.i < be.i and any(
            c.dep_ == "mark" and c.lower_ == "whether" for c in t.children)]
        out += asked + [c for t in asked for c in t.subtree if c.dep_ == "conj" and
                        c.pos_ == "VERB"]  # "whether X will follow Y and recognise Z"
    return sorted(out, key=lambda p: p.head.i)


def negated_entry(entry: Entry) -> Entry:
    """The entry read as refused: "recognise" -> REJECT of what it names; an act that
    carries an issue out ("joining the sanctions") is for it, so refusing it is against."""
    polarity = 1 if entry.event_type in themes().enacts else entry.polarity
    return Entry(entry.lemma, entry.pos, entry.negated_event_type or "REJECT",
                 -polarity, None, entry.roles, entry.stance_words, entry.modality)


def refused_acts(sent: Span, preds: list[Predicate]) -> list[Predicate]:
    """The predicates with each act refused by an off-agenda copula read as refused."""
    targets: set[int] = set()
    out: list[Predicate] = []
    for be in spans.tokens(sent):
        if be.lemma_.lower() not in COPULAS:
            continue
        if _refused(be):
            targets |= {t.i for t in _subject_acts(be, sent)}
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in QUESTION_NOUNS
                   for c in be.children):  # "this question is not on the agenda"
                speech = be.head if be.dep_ in ("ccomp", "parataxis") and \
                    be.head.pos_ == "VERB" else None
                answer = Predicate(speech, RULED_OUT_ANSWER, frozenset({speech.i})) if \
                    speech is not None else Predicate(be, RULED_OUT_SUBJECT, frozenset({be.i}))
                preds = [p for p in preds if p.head.i != answer.head.i]
                out.append(answer)
        if inner := _no_question(be):
            targets |= {t.i for t in inner}
            out.append(Predicate(be, RULED_OUT, frozenset({be.i})))
    if not targets:
        return preds
    for p in preds:
        if p.head.i in targets and p.entry.polarity and \
                syntax.negations(p.head, p.tokens) % 2 == 0:
            p = Predicate(p.head, negated_entry(p.entry), p.tokens)
        out.append(p)
    return sorted(out, key=lambda p: p.head.i)
