"""Evaluative acts: naming or judging something with an evaluative complement.

"called the invasion unacceptable", "described the referendums as a farce", "termed the
annexation null and void", "branded the vote a sham" are statements AGAINST what they name;
"called the referendums legitimate", "called the vote the will of the people" are statements
FOR it. "noted the illegitimacy of the restrictions" (a noun of (il)legitimacy with "of X")
is the same judgement of X. The naming verb becomes one act whose polarity is the
complement's, on the object named; the complement's own words (its adjective, the noun of
the act named) are parts of that act, not acts of their own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import spans
from .predicates import Entry, Predicate

NAMING = {"call", "describe", "term", "brand", "label", "characterize", "characterise",
          "qualify", "deem", "declare", "consider", "regard", "dub", "view", "see", "pronounce",
          "denounce", "dismiss"}
AS_ONLY = {"describe", "characterize", "characterise", "qualify", "regard", "view", "see",
           "denounce", "dismiss", "brand", "label"}  # "saw the vote as ...", not "saw the vote"
NEGATIVE = {"unacceptable", "inadmissible", "illegal", "unlawful", "illegitimate", "invalid",
            "void", "null", "farce", "sham", "travesty", "mockery", "mistake", "error",
            "blunder", "violation", "breach", "crime", "unjustified", "unjustifiable",
            "unfounded", "groundless", "baseless", "absurd", "outrageous", "provocation",
            "provocative", "wrong", "fake", "fraud", "fraudulent", "unconstitutional",
            "meaningless", "worthless", "irrelevant", "charade", "illegality",
            "illegitimacy", "invalidity", "unacceptability", "inadmissibility",
            "unlawfulness", "aggression", "disgrace", "shameful", "catastrophe", "disaster",
            "tragedy", "counterproductive", "unilateral", "arbitrary", "discriminatory",
            "hostile", "blackmail", "pressure", "interference", "nonsense", "unhelpful",
            "destabilising", "destabilizing", "dangerous", "reckless", "irresponsible"}
POSITIVE = {"legitimate", "legal", "lawful", "valid", "justified", "justifiable", "necessary",
            "legitimacy", "legality", "validity", "lawfulness", "fair", "correct", "right",
            "reasonable", "understandable", "free", "democratic", "transparent",
            "historic", "just", "appropriate", "proportionate", "acceptable", "binding",
            "will", "choice", "wish", "wishes", "expression", "success", "achievement",
            "step", "contribution"}
# Nouns of (il)legitimacy whose "of X" names what is judged: "noted the illegitimacy of X".
JUDGED_NOUNS = {"illegitimacy", "illegality", "invalidity", "unacceptability",
                "inadmissibility", "unlawfulness", "groundlessness", "futility", "absurdity",
                "legitimacy", "legality", "validity", "lawfulness", "necessity", "justness",
                "counterproductiveness", "senselessness"}
EVALUATION = "(evaluation)"
JUDGE_EVENTS = {"ACCUSE", "REJECT"}


def _sign(word: Token) -> int:
    """+1, -1 or 0: how a complement word judges what it is said of."""
    forms = {word.lemma_.lower(), word.lower_}
    if forms & NEGATIVE:
        return -1
    if forms & POSITIVE:
        return 1
    return 0


def _negated(word: Token) -> bool:
    return any(c.dep_ in ("neg", "preconj") and c.lower_ in ("not", "never", "hardly", "neither",
                                                          "n't")
               for c in word.children)  # "not legitimate", "neither legal nor legitimate"


def polarity(head: Token, preds: dict[int, Predicate]) -> int:
    """How a complement (its head word, else the lexicon's entry for it, else its first
    modifier that judges) evaluates what it is said of: "unacceptable", "a mistake", "a
    gross violation", "the will of the people", "not legitimate"."""
    sign = _sign(head)
    if not sign and head.i in preds and preds[head.i].entry.polarity:
        entry = preds[head.i].entry
        if entry.event_type in (*JUDGE_EVENTS, "SUPPORT", "AGREE", "ACCUSE", "ASSAULT",
                                "COERCE", "THREATEN"):
            sign = entry.polarity
    if not sign:
        for c in head.children:
            if c.dep_ in ("amod", "conj", "compound") and (sign := _sign(c)):
                break
    if not sign:
        conj = next((c for c in head.children if c.dep_ == "conj"), None)
        sign = polarity(conj, preds) if conj is not None else 0
    return -sign if sign and _negated(head) else sign


def _complement(verb: Token) -> tuple[Token | None, Token | None]:
    """(the thing named, the evaluative complement) of a naming verb, if it has both."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    comp: Token | None = None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            comp = next((g for g in c.children if g.dep_ in ("pobj", "amod", "acomp",
                                                              "advmod", "npadvmod")), None)
        elif lemma not in AS_ONLY and c.dep_ in ("oprd", "acomp") or (
                lemma not in AS_ONLY and c.dep_ in ("xcomp", "ccomp") and
                c.pos_ in ("ADJ", "NOUN")):
            comp = c
            if not objects:
                objects = [g for g in c.children if g.dep_ in ("nsubj",)]
        if comp is not None:
            break
    if comp is None and lemma not in AS_ONLY:
        dobjs = [c for c in verb.children if c.dep_ == "dobj"]
        if len(dobjs) >= 2:  # "branded the referendums a sham"
            objects, comp = dobjs[:1], dobjs[-1]
        elif len(dobjs) == 1 and _sign(dobjs[0]) and any(
                c.dep_ == "compound" for c in dobjs[0].children):
            comp = dobjs[0]  # "termed the annexation null and void" (a compound parse)
            objects = [c for c in dobjs[0].children if c.dep_ == "compound"]
    if comp is None or not objects:
        return None, None
    return objects[0], comp


def _judged_noun(verb: Token) -> Token | None:
    """"noted the illegitimacy of X": the noun of (il)legitimacy with its "of"."""
    for c in verb.children:
        noun = c if c.dep_ == "dobj" else next(
            (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and \
            c.lower_ in ("to", "on", "at") else None
        if noun is not None and noun.lemma_.lower() in JUDGED_NOUNS and any(
                g.dep_ == "prep" and g.lower_ == "of" for g in noun.children):
            return noun
    return None


def evaluations(sent: Span, preds: list[Predicate], skip: set[int] = frozenset()  # type: ignore[assignment]
                ) -> list[Predicate]:
    """The sentence's predicates with each naming verb that has an evaluative complement
    read as one act of the complement's polarity on the thing named."""
    at = {p.head.i: p for p in preds}
    out = list(preds)
    for verb in spans.tokens(sent):
        if verb.pos_ not in ("VERB", "AUX") or verb.i in skip:
            continue
        own = at.get(verb.i)
        if own is not None and own.entry.polarity > 0:
            continue  # "recognised the legitimacy of": the verb's own act
        lemma = verb.lemma_.lower()
        thing = comp = None
        if lemma in NAMING:
            thing, comp = _complement(verb)
        if comp is None and (own is None or own.entry.polarity == 0):
            comp = _judged_noun(verb)
            thing = next((g for c in comp.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None) if comp else None
        if comp is None or thing is None:
            continue
        sign = polarity(comp, at)
        if not sign:
            continue
        inner = {t.i for t in comp.subtree} | {thing.i}
        event = own.entry.event_type if own is not None and sign < 0 and \
            own.entry.event_type in JUDGE_EVENTS else "STATEMENT"
        named = at.get(comp.i)
        if sign > 0 and named is not None and named.entry.polarity > 0 and \
                named.entry.event_type in ("SUPPORT", "AGREE"):
            continue  # "as a free expression of the will of": that act already says it
        top = next(a for a in [comp, *comp.ancestors] if a.head.i == verb.i)
        dep = thing.dep_ if thing.head.i == verb.i else (
            f"pobj:{top.lower_}" if top.dep_ == "prep" else "complement" if top.dep_ in (
                "ccomp", "xcomp") else top.dep_)  # (not read as speech: its object side)
        roles = {"agent": "nsubj", "theme": dep}
        entry = Entry(EVALUATION, "MWE", event, sign, None, roles, True)
        out = [p for p in out if p.head.i != verb.i and p.head.i not in inner]
        out.append(Predicate(verb, entry, frozenset({verb.i, *(
            t.i for t in comp.subtree if t.i not in {x.i for x in thing.subtree})})))
    return sorted(out, key=lambda p: p.head.i)
