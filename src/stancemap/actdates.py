"""Dates of acts that the sentence alone does not give, or gives wrongly:

- a date that modifies what an act is *about* is that thing's date, not the act's: "has not
  commented on Friday's strike", "called the 16 March referendum illegal" (but taking part
  in an event happens on its day: "skipped the vote of 2 March");
- silence in reaction to something ("offered no reaction", "has not commented") holds at
  publication unless the sentence dates it; it does not take the previous sentence's day;
- reported content in the present ("X does not recognise Y, he added") is dated by its past
  speech verb, which continues the day of the sentence before;
- "three days after Astana's": counted from the last dated act of the actor named;
- "before the vote", "at the summit": the day the text gave for that event;
- a sentence's own date for what follows ("a day earlier") comes from its main clause, not
  from its relative clauses ("Uzbekistan, whose delegation skipped the vote of 2 March, ...").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from . import spans, syntax
from .agents import DocContext
from .dates import act_date, find_dates
from .models import Mention, Statement
from .predicates import Entry

PARTICIPATION = {"vote", "part", "participate", "skip", "absent", "attend", "boycott", "miss",
                 "sit", "abstain", "abstention", "host", "hold", "join", "sign", "cast",
                 "chair", "open", "convene", "meet", "visit"}
TIME_NOUNS = {"day", "morning", "evening", "afternoon", "night", "week", "weekend", "month",
              "year", "date", "time", "session"}
REACTIONS = {"comment", "reaction", "react", "response", "respond", "statement", "remark",
             "say", "word", "reply"}
EVENT_NOUNS = {"vote": "vote", "voting": "vote", "ballot": "vote", "adopt": "vote",
               "summit": "summit", "meeting": "meeting", "meet": "meeting", "talks": "talks",
               "ceremony": "ceremony", "session": "session", "debate": "debate",
               "forum": "forum", "conference": "conference"}
AROUND = {"before", "after", "during", "at", "ahead"}


def after_publication(day: str, published: str | None) -> bool:
    """A day worked out from context cannot be later than the report."""
    return bool(published) and len(day) == 10 and len(published or "") == 10 and \
        day > (published or "")


def _participates(entry: Entry) -> bool:
    return any(w in PARTICIPATION for w in entry.lemma.split())


def _date_tokens(sent: Span, start: int, end: int) -> list[Token]:
    return [t for t in spans.tokens(sent) if start <= t.idx - sent.start_char < end]


def about_dates_blanked(sent: Span, tok: Token, entry: Entry, text: str,
                        published: str | None) -> str:
    """``text`` (the act's scoped sentence) with the dates that modify a noun the act is
    about blanked out ("Friday's strike", "the 30 September ceremony", "the vote of 2
    March"), unless the act is taking part in that event."""
    if _participates(entry):
        return text
    objects = {t.i for t in syntax.object_tokens(tok)}
    if not objects:
        return text
    return noun_dates_blanked(sent, text, published, objects - {tok.i})


def noun_dates_blanked(sent: Span, text: str, published: str | None,
                       within: set[int] | None = None) -> str:
    """``text`` with the dates that name a thing rather than an act blanked out: "Friday's
    strike", "the 30 September ceremony", "the vote of 2 March" (among the tokens
    ``within``, if given)."""
    base = date.fromisoformat(published) if published and len(published) == 10 else None
    for d in find_dates(text, base):
        inside = [t for t in _date_tokens(sent, d.start, d.end) if t.pos_ != "ADP"]
        ids = {t.i for t in inside}
        if not inside or within is not None and not ids <= within:
            continue
        top = next((t for t in inside if t.head.i not in ids), inside[0])
        owner = top.head
        if top.dep_ == "pobj" and owner.lower_ == "of":
            owner = owner.head  # "the vote of 2 March"
        elif top.dep_ not in ("poss", "compound", "nmod", "nummod", "amod"):
            continue
        if owner.pos_ in ("NOUN", "PROPN") and owner.lemma_.lower() not in TIME_NOUNS and \
                (within is None or owner.i in within):
            text = text[:d.start] + " " * (d.end - d.start) + text[d.end:]
    return text


DOCUMENTS = {"it", "statement", "readout", "communique", "text", "report", "transcript",
             "account", "release", "message", "note", "speech", "address", "letter"}


def silence_at_publication(entry: Entry, event: str, tok: Token) -> bool:
    """"Offered no reaction", "has not commented", "said nothing": a silence that lasts
    until the report, not a day's omission in a speech ("made no mention of") or in a
    document ("It did not say what position ...": the document's day)."""
    return event == "NO_COMMENT" and any(w in REACTIONS for w in entry.lemma.split()) and \
        not any(s.lemma_.lower() in DOCUMENTS for s in syntax.subjects(tok))


def speech_past(frame: Token | None) -> bool:
    """Reported content under a past-tense speech verb ("..., he added")."""
    return frame is not None and (frame.tag_ == "VBD" or any(
        c.dep_ == "aux" and c.tag_ == "VBD" for c in frame.children))


def in_background(tok: Token) -> bool:
    """Whether an act sits in a relative clause or a "while"/"although" clause: background
    to the sentence's main act, whose date the text goes on with."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl") and node.tag_ != "VBG" or node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in BACKGROUND for c in node.children):
            return True
        node = node.head
    return False


BACKGROUND = {"while", "whereas", "although", "though", "because", "since", "until"}


def _background(sent: Span) -> list[tuple[Token, Token]]:
    """The first and last tokens of each "while"/"although"/"since" clause."""
    return [(t.left_edge, t.right_edge) for t in spans.tokens(sent) if t.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in BACKGROUND for c in t.children)]


def main_clause_text(sent: Span, scopes: tuple[tuple[int, int, int, int], ...]) -> str:
    """The sentence with its relative clauses and background clauses ("..., while trade
    exceeded $700m last year") blanked: the text of its own date."""
    text = spans.text(sent)
    root = sent.root.i
    for left, right, a, b in [*scopes, *((x.i, y.i, x.idx - sent.start_char, y.idx + len(y)
                                          - sent.start_char) for x, y in _background(sent))]:
        if not left <= root <= right:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


_ANCHOR = re.compile(r"\b(a|one|two|three|four|five|six|\d+)\s+(day|week)s?\s+"
                     r"(after|before)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)['’]s?\b"
                     r"(?!\s+[a-z])")
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def anchored(sent: Span, actor_of: dict[int, str], dated: dict[str, str]) -> str | None:
    """"Bishkek's reply came two days after Astana's": a day counted from the last dated
    act of the actor the possessive names (``actor_of``: token index -> actor key;
    ``dated``: actor key -> day of its last dated act)."""
    text = spans.text(sent)
    for m in _ANCHOR.finditer(text):
        named = [i for t in _date_tokens(sent, m.start(4), m.end(4)) if (i := t.i) in actor_of]
        if not named or actor_of[named[0]] not in dated:
            continue
        day = dated[actor_of[named[0]]]
        if len(day) != 10:
            continue
        count = _COUNT.get(m.group(1).lower()) or int(m.group(1))
        days = count * (7 if m.group(2) == "week" else 1)
        sign = 1 if m.group(3) == "after" else -1
        return (date.fromisoformat(day) + timedelta(days=sign * days)).isoformat()
    return None


def events_dated(sent: Span, text: str, published: str | None) -> dict[str, str]:
    """Events the sentence dates: "the assembly voted on 27 March", "the summit of 14
    October" -> {"vote": ..., "summit": ...} (full days only)."""
    base = date.fromisoformat(published) if published and len(published) == 10 else None
    out: dict[str, str] = {}
    for d in find_dates(text, base):
        if len(d.value) != 10 or d.kind not in ("dmy", "mdy", "iso"):
            continue
        inside = _date_tokens(sent, d.start, d.end)
        if not inside:
            continue
        ids = {t.i for t in inside}
        node = next((t for t in inside if t.head.i not in ids), inside[0]).head
        for _ in range(3):
            key = EVENT_NOUNS.get(node.lemma_.lower())
            if key:
                out.setdefault(key, d.value)
                break
            if node.pos_ not in ("ADP",) or node.head.i == node.i:
                break
            node = node.head
    return out


def around_event(tok: Token, events: dict[str, str]) -> str | None:
    """"Speaking before the vote", "at the summit": the day of the event named, when the
    text dated it. Looked for on the act, the speech that frames it and its participle."""
    nodes = [tok, *(c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG")]
    for node in nodes:
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in AROUND:
                for g in c.children:
                    key = EVENT_NOUNS.get(g.lemma_.lower())
                    if g.dep_ == "pobj" and key in events and any(
                            x.lower_ in ("the", "that", "this") for x in g.children):
                        return events[key]
    return None


def sentence_date(sent: Span, out: list[Statement], at: dict[int, Mention], ctx: DocContext
                  ) -> tuple[str | None, str]:
    """The date a sentence gives the text for what follows, and how it was found (as
    ``act_date``); records the events it dates and its actors' dated acts."""
    from .acts import _scopes

    text = spans.text(sent)
    ctx.events.update(events_dated(sent, text, ctx.published))
    for s in out:
        if s.date and len(s.date) == 10 and s.reported_by is None:
            ctx.dated[s.actor.country or s.actor.id] = s.date
    day = anchored(sent, {i: m.actor.country or m.actor.id for i, m in at.items()}, ctx.dated)
    if day and not after_publication(day, ctx.published):
        return day, "explicit"
    main = main_clause_text(sent, spans.memo(sent, "scopes", _scopes))
    return act_date(noun_dates_blanked(sent, main, ctx.published), ctx.published, ctx.last_date)


def act_day(day: str | None, entry: Entry, event: str, frame: Token | None, tok: Token,
            ctx: DocContext) -> str | None:
    """The date of an act with the date its own words give (``day``, or None): silence at
    publication; reported words in the present at their past speech's day; a present
    state at publication; a past act with no date of its own continues the sentence
    before."""
    if day and not after_publication(day, ctx.published):
        return day
    if silence_at_publication(entry, event, tok):
        return ctx.published
    if speech_past(frame):
        return ctx.previous_date or ctx.published
    return ctx.published if syntax.present(tok) else ctx.previous_date
