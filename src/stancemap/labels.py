"""Refusing a condemnatory label: "did not call what happened in Crimea an annexation",
"would not use the word 'occupation'", "annexation was too heavy a word". Declining the
word that condemns an act accepts the act's own framing: a statement for it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import exposure, offagenda, spans, syntax, warrants
from .evaluations import evaluations
from .predicates import Entry, Predicate

LABELS = {"annexation", "annex", "occupation", "occupy", "aggression", "invasion", "war",
          "genocide", "seizure", "crime", "sham", "illegal", "illegitimate", "aggressor",
          "occupier", "terrorism", "massacre"}
NAMING = {"call", "describe", "term", "label", "characterize", "characterise", "use", "brand",
          "qualify", "define", "consider", "regard"}
WORDS = {"word", "term", "label", "description", "characterization", "characterisation",
         "expression", "name"}
EXCESSIVE = {"heavy", "strong", "harsh", "tough", "loaded", "extreme", "big", "far"}
REFUSED = Entry("(refused label)", "MWE", "STATEMENT", 1, stance_words=True)


def _labels_in(tokens: list[Token]) -> bool:
    return any(t.lemma_.lower() in LABELS or t.lower_ in LABELS for t in tokens)


def _too_strong(word: Token) -> bool:
    """"too heavy a word", "too strong a term"."""
    return any(a.lemma_.lower() in EXCESSIVE and any(c.lower_ == "too" for c in a.children)
               for a in [*word.children, *word.head.children] if a.pos_ == "ADJ")


def _host(tok: Token) -> Token:
    node = tok
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return node


def refusals(sent: Span) -> list[Token]:
    """Verbs of the sentence that refuse a condemnatory label."""
    out: list[Token] = []
    for t in spans.tokens(sent):
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in NAMING and syntax.negations(t) % 2 == 1 and \
                _labels_in(syntax.object_tokens(t)):
            out.append(t)  # "did not call it an annexation", "would not use the word"
        elif t.pos_ == "NOUN" and lemma in WORDS and _too_strong(t):
            host = _host(t)
            region = list(host.subtree)
            if _labels_in(region) or any(
                    _labels_in(list(c.subtree)) for c in host.children
                    if c.dep_ in syntax.SUBJECTS):
                out.append(host)  # "annexation was too heavy a word"
    return out


def relabel(sent: Span, preds: list[Predicate]) -> list[Predicate]:
    """The sentence's predicates with each label-refusing verb read as a statement for the
    act the label would condemn; each naming verb with an evaluative complement as a
    judgement of what it names; acts ruled out by a copula ("not on the agenda") refused;
    acts done to stay clear of sanctions as keeping to them; acts on a warrant or order as
    carrying it out (or not)."""
    hosts = {t.i: t for t in refusals(sent)}
    preds = evaluations(sent, preds, set(hosts))  # "called the vote a sham"
    preds = offagenda.refused_acts(sent, preds)  # "recognition is not on the agenda"
    preds = exposure.compliance(sent, preds)  # "to avoid secondary sanctions"
    preds = warrants.carried_out(sent, preds)  # "did not act on the warrant"
    if not hosts:
        return preds
    kept = [p for p in preds if p.head.i not in hosts]
    extra = [Predicate(h, REFUSED, frozenset({h.i})) for h in hosts.values()]
    return sorted([*kept, *extra], key=lambda p: p.head.i)
