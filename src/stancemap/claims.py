"""Numeric claims: quantities an article reports as facts ("About 98,000 Russian citizens
crossed into Kazakhstan between 21 September and Tuesday, according to the interior ministry"),
each with its value, unit, hedge, what is counted, the period, the as-of date and who gives it.

Claims about the same quantity share a ``group``: the same kind of thing counted (people,
troops, tonnes of grain ...), of the same origin, doing the same act (arriving, leaving, being
mobilised ...) at the same place, over the same kind of period (since a date, on one day, in
total) and in the same unit. Lexicons live in ``data/quantities.yaml``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Span, Token

from . import spans
from .dates import find_dates
from .figures import Figure, Lexicon, figure_text, figures, lexicon
from .kb import KnowledgeBase
from .models import Actor, Claim, Mention

SPEECH = {"say", "tell", "report", "announce", "state", "add", "note", "estimate", "calculate",
          "count", "confirm", "put", "record", "show", "cite", "quote", "tally", "register"}
MOTION_ACTS = {"arrive", "leave", "deport", "evacuate"}
SENDING = {"send", "export", "pledge", "deport"}
PLACE_PREPS = {"into", "in", "to", "from", "at", "across", "inside", "for"}
SAME_PERIOD = re.compile(r"\b(?:over|during|in|for) (?:the|that) same (?:period|time|days?|week)"
                         r"|\bover that period\b", re.I)
SINCE = re.compile(r"\b(since|from|between|starting|after)\s+(?:early\s+|late\s+|mid-)?$", re.I)
PRECISION = {10: "day", 7: "month", 4: "year"}
DESCRIPTIVE_BELOW = 10
INSTITUTIONS = {"ministry", "service", "government", "office", "agency", "committee", "bank",
                "police", "authority", "administration", "department", "presidency",
                "spokesman", "spokeswoman", "spokesperson", "minister", "official", "cabinet"}
STATE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}


@dataclass(slots=True)
class SentenceView:
    """A parsed sentence of a document with its offset and resolved mentions."""

    sent: Span
    base: int  # offset of the sentence's paragraph in the document text
    start: int
    end: int
    mentions: list[Mention]


def extract_claims(doc_id: str, views: list[SentenceView], published: str | None,
                   kb: KnowledgeBase) -> list[Claim]:
    """Every numeric claim of one document, in text order."""
    lex = lexicon()
    states = kb.actors
    focus = _focus_state(views, kb)
    base = date.fromisoformat(published) if published and len(published) == 10 else None
    out: list[Claim] = []
    previous: Claim | None = None
    for view in views:
        if not any(t.like_num for t in spans.tokens(view.sent)):
            continue
        dates = find_dates(spans.text(view.sent), base)
        taken = {t.i for d in dates for t in view.sent.char_span(
            d.start, d.end, alignment_mode="expand") or ()}
        for fig in figures(view.sent, lex, taken):
            claim = _claim(doc_id, view, fig, dates, published, previous, focus, states, lex)
            if claim:
                out.append(claim)
                previous = claim
    return out


def _focus_state(views: list[SentenceView], kb: KnowledgeBase) -> str | None:
    """The state a document is about ("the country"): the one named most by its name, capital
    or institutions; demonyms ("Russian arrivals") do not count."""
    counts: Counter[str] = Counter()
    for v in views:
        for m in v.mentions:
            if m.actor.type != "state" or not m.actor.country:
                continue
            kinds = {e.kind for e in kb.lookup(m.text) if e.actor == m.actor.id}
            if kinds & {"name", "capital", "seat"} or m.actor.sector in STATE_SECTORS:
                counts[m.actor.country] += 1
    return counts.most_common(1)[0][0] if counts else None


def _counted(fig: Figure, lex: Lexicon) -> Token | None:
    """The noun the figure counts: "98,000 [citizens]", "arrivals ... 100,000", "about
    11,000 [departed]" after "7,000 Russians arrived"."""
    anchor = fig.tokens[-1]
    head = anchor.head
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN",
                                                                                   "PROPN"):
        if _unit_noun(head, lex):
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    return next((c for c in prep.children if c.dep_ == "pobj"), head)
            return _subject_of(head) or head
        return head
    if anchor.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
        return head
    if anchor.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):  # "rose to 100,000"
        return _subject_of(head.head)
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and anchor.head.dep_ == "conj":
        verb = anchor.head.head  # "7,000 Russians arrived and about 11,000 departed"
        subj = _subject_of(verb)
        return subj if subj is not None and subj.i != anchor.i else None
    if fig.unit is not None:  # "gas worth $7 billion": the nearest noun above the figure
        for above in anchor.ancestors:
            if above.pos_ in ("NOUN", "PROPN") and not _unit_noun(above, lex):
                return above
            if above.pos_ in ("VERB", "AUX"):
                obj = next((c for c in above.children if c.dep_ in ("dobj", "nsubj",
                                                                     "nsubjpass")
                            and c.pos_ == "NOUN" and c.i != anchor.i), None)
                return obj
    return None


def _unit_noun(tok: Token, lex: Lexicon) -> bool:
    """"tonnes", "cubic metres", "dollars": a noun that is a unit of measure."""
    mods = [c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")
            and c.i < tok.i]
    lemma = tok.lemma_.lower()
    return lemma in lex.units or tok.lower_ in lex.units or (
        bool(mods) and f"{mods[-1]} {lemma}" in lex.units)


def _subject_of(tok: Token) -> Token | None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _act(noun: Token, fig: Figure, lex: Lexicon) -> tuple[str | None, Token | None]:
    """What the counted things do (an act class or a verb lemma) and the token carrying it."""
    lemma = noun.lemma_.lower()
    if lemma in lex.acts:
        return lex.acts[lemma], noun
    anchor = fig.tokens[-1]
    own = anchor.dep_ in ("nsubj", "nsubjpass", "dobj")  # "about 11,000 departed"
    carrier = anchor if own else noun
    for _ in range(3):  # "15.5 billion cubic metres of [gas]": the measure's verb
        if carrier.dep_ in ("pobj", "prep") or carrier.head.lemma_.lower() in lex.units:
            carrier = carrier.head
    verb = carrier.head
    while verb.dep_ in ("conj", "xcomp") and verb.pos_ not in ("VERB",):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in SPEECH:
        return None, None
    for c in verb.children:
        if c.dep_ in ("prt", "prep"):  # "call up", "leave for"
            key = f"{verb.lemma_.lower()} {c.lower_}"
            if key in lex.acts:
                return lex.acts[key], verb
    act = lex.acts.get(verb.lemma_.lower(), verb.lemma_.lower())
    if act not in MOTION_ACTS and noun.dep_ in ("nsubj", "nsubjpass"):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            act = f"{act} {obj.lemma_.lower()}"
    return act, verb


def _actor_in(tokens: list[Token], view: SentenceView, kind: str | None = None
              ) -> Actor | None:
    offsets = {view.base + t.idx for t in tokens}
    for m in view.mentions:
        if any(m.start <= o < m.end for o in offsets) and (kind is None or m.actor.type == kind):
            return m.actor
    return None


def _place(carrier: Token | None, view: SentenceView, focus: str | None, origin: str | None
           ) -> str | None:
    if carrier is None:
        return None
    spots = [c for c in carrier.children if c.dep_ == "dobj"]
    for prep in carrier.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in PLACE_PREPS:
            spots += [c for c in prep.children if c.dep_ == "pobj"]
    for spot in spots:
        phrase = [spot, *(c for c in spot.children if c.dep_ in ("compound", "amod", "poss"))]
        actor = _actor_in(phrase if spot.dep_ == "dobj" else list(spot.subtree), view)
        if actor is not None and actor.country and actor.country != origin:
            return actor.country
        if spot.lemma_ == "country" and focus and focus != origin:
            return focus
    return None


def _source(view: SentenceView, previous: Claim | None, focus: Actor | None,
            figure: Token) -> Actor | None:
    """Who gives the figure: "according to X", "X said/told/estimated" (a speech verb that
    governs the figure, not one in a relative clause), a pronoun's antecedent (the previous
    figure's source), "the country's ministry" (the state the document is about)."""
    for tok in spans.tokens(view.sent):
        if tok.lower_ == "according":
            for to in tok.children:
                pobj = [c for c in to.children if c.dep_ == "pobj"]
                if pobj:
                    return _giver(list(pobj[0].subtree), view, focus)
    inside = {t.i for t in figure.subtree} | {figure.i}
    for tok in spans.tokens(view.sent):
        if tok.lemma_ not in SPEECH or tok.pos_ != "VERB" or tok.dep_ in ("relcl", "acl",
                                                                          "advcl"):
            continue
        for subj in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.i in inside or any(t.i in inside for t in subj.subtree):
                continue
            if subj.pos_ == "PRON":
                return previous.source if previous else None
            found = _giver(list(subj.subtree), view, focus)
            if found is not None:
                return found
    return None


def _giver(tokens: list[Token], view: SentenceView, focus: Actor | None) -> Actor | None:
    if focus is not None and any(t.lemma_ == "country" and t.dep_ == "poss" for t in tokens):
        return focus  # "the country's migration service": the state the article is about
    found = _best_actor(tokens, view)
    if found is None and focus is not None and tokens and _official(tokens):
        return focus  # "the defence ministry said": the article's state, by default
    return found


def _official(tokens: list[Token]) -> bool:
    head = next((t for t in tokens if t.head.i == t.i or t.head not in tokens), tokens[0])
    return head.lemma_.lower() in INSTITUTIONS and any(
        t.lower_ == "the" for t in tokens if t.head.i == head.i)


def _best_actor(tokens: list[Token], view: SentenceView) -> Actor | None:
    """The most specific actor named in a phrase: a person, then a ministry, then a state."""
    offsets = {view.base + t.idx for t in tokens}
    found = [m.actor for m in view.mentions if any(m.start <= o < m.end for o in offsets)]
    rank = {"person": 0, "organization": 2, "group": 3}
    found.sort(key=lambda a: rank.get(a.type, 1 if a.sector else 2))
    return found[0] if found else None


def _dates(view: SentenceView, fig: Figure, dates: tuple[Any, ...], verb: Token | None
           ) -> tuple[str | None, str | None, str | None]:
    """(since, on, as_of): the period's start, the day of a one-day flow, the latest date."""
    text = spans.text(view.sent)
    since = on = as_of = None
    for d in dates:
        span = view.sent.char_span(d.start, d.end, alignment_mode="expand")
        if SINCE.search(text[max(0, d.start - 24) : d.start]) or (
                span is not None and _in_since_clause(span.root)):
            since = since or d.value
            continue
        if span is not None and _aside(span.root, fig.tokens[-1]):
            continue  # "the pipeline, launched in 2019, ...": a date of something else
        if verb is not None and span is not None and _attached(span.root, verb):
            on = d.value
        as_of = max(as_of or d.value, d.value)
    return since, on, as_of


def _in_since_clause(tok: Token) -> bool:
    """"Since Putin ordered mobilisation on September 21, ...": the date opens a period."""
    for up in tok.ancestors:
        if up.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since"
                                       for c in up.children):
            return True
        if up.dep_ in ("ROOT", "ccomp"):
            return False
    return False


def _aside(tok: Token, figure: Token) -> bool:
    """Whether a date sits in a relative or participial clause that does not hold the
    figure."""
    for up in [tok, *tok.ancestors]:
        if up.dep_ in ("relcl", "acl"):
            return not (up.left_edge.i <= figure.i <= up.right_edge.i)
    return False


def _attached(tok: Token, verb: Token) -> bool:
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i == verb.i:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("conj", "aux"):
            return tok.i == verb.i or verb.head.i == tok.i and verb.dep_ == "conj"
    return False


def _claim(doc_id: str, view: SentenceView, fig: Figure, dates: tuple[Any, ...],
           published: str | None, previous: Claim | None, focus: str | None,
           states: dict[str, Actor], lex: Lexicon) -> Claim | None:
    noun = _counted(fig, lex)
    if noun is None and fig.unit is None:
        return None
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma in lex.skip or (noun is not None and noun.ent_type_ in ("DATE", "TIME")):
        return None
    if fig.unit is None and lemma not in lex.kinds and fig.value < DESCRIPTIVE_BELOW:
        return None  # "the two leaders", "five Central Asian states": description, not data
    origin_actor = _origin(noun, view) if noun is not None else None
    origin = origin_actor.country if origin_actor else None
    kind = lex.kinds.get(lemma) or ("people" if origin_actor is not None
                                    and noun is not None and noun.pos_ == "PROPN" else None)
    act, carrier = _act(noun, fig, lex) if noun is not None else (None, None)
    if origin is None and act in SENDING and carrier is not None:
        sender = _subject_of(carrier)  # "Uzbekistan sent 28 tonnes of aid"
        found = _actor_in([sender], view) if sender is not None else None
        origin = found.country if found is not None else None
    place = _place(carrier, view, focus, origin)
    if place is None and act in ("arrive", "leave") and focus != origin:
        place = focus  # "7,000 Russians arrived": in the country the article is about
    since, on, as_of = _dates(view, fig, dates, carrier)
    if SAME_PERIOD.search(spans.text(view.sent)) and previous is not None:
        since, as_of = since or previous.since, as_of or previous.as_of
    period = "since" if since else PRECISION.get(len(on or ""), "total")
    unit = fig.unit or kind or (_phrase(noun) if noun is not None else "count")
    what = kind or (_phrase(noun) if noun is not None else "")
    key = (unit, what, origin, act, place, period, since)
    subject = _subject(what, origin, act, place, period, since, states)
    group = "q-" + hashlib.sha1(repr(key).encode()).hexdigest()[:10]
    first = fig.tokens[0]
    cid = hashlib.sha1(f"{doc_id}:{view.base + first.idx}".encode()).hexdigest()[:16]
    return Claim(id=f"c-{cid}", doc=doc_id, sentence=spans.text(view.sent).strip(), subject=subject,
                 value=fig.value, unit=unit, as_of=as_of or published,
                 source=_source(view, previous, states.get(focus or ""), fig.tokens[-1]),
                 group=group, start=view.start, end=view.end,
                 qualifier=fig.qualifier, since=since, period=period,
                 text=figure_text(fig, noun))


def _origin(noun: Token, view: SentenceView) -> Actor | None:
    """The state the counted people come from: "Russian citizens", "Russians"."""
    mods = [noun] + [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    actor = _actor_in(mods, view)
    return actor if actor is not None and actor.type == "state" else None


def _phrase(noun: Token) -> str:
    mods = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    return " ".join([m.lemma_.lower() for m in mods] + [noun.lemma_.lower()])


ACT_WORDS = {"arrive": ("arriving", "in"), "leave": ("leaving", ""),
             "deport": ("deported", "from"), "mobilise": ("mobilised", "in"),
             "kill": ("killed", "in"), "injure": ("injured", "in"), "detain": ("detained", "in"),
             "send": ("sent", "to"), "export": ("exported", "to"),
             "import": ("imported", "from"), "pledge": ("pledged", "to"),
             "evacuate": ("evacuated", "from"), "obtain": ("obtaining", "in")}


def _subject(what: str, origin: str | None, act: str | None, place: str | None,
             period: str, since: str | None, states: dict[str, Actor]) -> str:
    """A readable name for the quantity: "people from Russia arriving in Kazakhstan since
    2022-09-21"."""
    def name(code: str) -> str:
        return states[code].name if code in states else code

    parts = [what or "figure"]
    if origin:
        parts.append(f"from {name(origin)}")
    verb, prep = ACT_WORDS.get(act or "", (act, "in"))
    if verb:
        parts.append(verb)
    if place:
        parts += [prep, name(place)] if prep else [name(place)]
    if period == "since" and since:
        parts.append(f"since {since}")
    elif period in ("day", "month", "year"):
        parts.append(f"(per {period})")
    return " ".join(parts)
