"""Where accounts disagree about the same event or the same actor's position.

- ``conflicting_accounts``: a third party says an actor took a stance (the Kremlin's readout:
  the Kyrgyz president backed the operation) while the actor's own account of the same event
  says otherwise or does not say so; or the actor denies what others report it did; or, within
  two weeks, the actor's own explicit stance contradicts what others report.
- ``omitted_topic``: both sides' accounts of one call or meeting exist, and one side's
  mentions an issue the other's leaves out.
Numeric disagreements are in ``numbers.py``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from .models import Actor, Discrepancy, Event, Issue, Statement
from .positions import parse_day

EXPLICIT = ("support", "oppose")
OWN_MODALITIES = ("asserted", "informal")
BILATERAL = ("call", "meeting", "visit")
DENIED = "(denied)"  # the bucket of an actor's denials, whatever their issue
SHARED_WORDS = 3  # content words a denial and a report must share to be about one thing
FUNCTION_WORDS = {"that", "this", "with", "from", "have", "been", "were", "would", "their",
                  "they", "which", "about", "after", "before", "said", "says", "reported",
                  "report", "reports", "denied", "denies", "deny", "there", "what", "when",
                  "will", "also", "into", "than", "them", "over", "such", "some", "other",
                  "ministry", "foreign", "media", "official", "officials", "monday", "tuesday",
                  "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month"}
WINDOW = timedelta(days=14)
ACT_WORDS = {"AGREE": "agreed", "CONSULT": "held talks", "SUPPORT": "gave its support",
             "CONCEDE": "made a concession", "COOPERATE": "cooperated", "AID": "gave aid",
             "RETREAT": "pulled back", "REQUEST": "made a request", "ACCUSE": "made an accusation",
             "REJECT": "refused", "THREATEN": "made a threat", "PROTEST": "protested",
             "SANCTION": "imposed sanctions", "MOBILIZE": "mobilised", "COERCE": "used coercion",
             "ASSAULT": "used force", "STATEMENT": "made a statement"}
STANCE_WORDS = {"support": "supported", "oppose": "opposed", "neutral": "took a neutral line on",
                "no_comment": "made no comment on"}


@dataclass(frozen=True, slots=True)
class Corpus:
    """What discrepancy finding reads besides the statements."""

    participant: Callable[[Actor], Actor | None]
    issues: dict[str, Issue]
    publishers: dict[str, str]  # doc id -> publisher (or title)
    watch: frozenset[str]


def find_conflicts(statements: list[Statement], events: list[Event], corpus: Corpus
                   ) -> list[Discrepancy]:
    """Every conflicting account, once per pair of sides."""
    by_id = {s.id: s for s in statements}
    found: dict[str, Discrepancy] = {}
    for event in events:
        reports = [by_id[i] for i in event.statements if i in by_id]
        for d in _event_conflicts(event, reports, corpus):
            found.setdefault(d.id, d)
    for d in _denials_and_contradictions(statements, corpus):
        found.setdefault(d.id, d)
    return list(found.values())


def _side(st: Statement, corpus: Corpus) -> str | None:
    """Whose account a statement is: the reporter's, else the actor's own."""
    who = corpus.participant(st.reported_by) if st.reported_by else None
    if who is None:
        who = corpus.participant(st.actor)
    return who.id if who else None


def _holder(st: Statement, corpus: Corpus) -> str | None:
    who = corpus.participant(st.actor)
    return who.id if who else None


def _third_party(st: Statement, corpus: Corpus) -> bool:
    side, holder = _side(st, corpus), _holder(st, corpus)
    return side is not None and holder is not None and side != holder


def _own(st: Statement, corpus: Corpus) -> bool:
    return not _third_party(st, corpus) and st.modality in OWN_MODALITIES


def _event_conflicts(event: Event, reports: list[Statement], corpus: Corpus
                     ) -> list[Discrepancy]:
    out = []
    covered: set[tuple[str, str]] = set()
    claims: dict[tuple[str, str, str | None, str], list[Statement]] = {}
    for claim in reports:  # one dispute per side, actor, issue and claimed stance
        holder = _holder(claim, corpus)
        if _third_party(claim, corpus) and claim.issue and claim.stance in EXPLICIT and holder:
            key = (holder, claim.issue, _side(claim, corpus), claim.stance or "")
            claims.setdefault(key, []).append(claim)
    for (holder, issue, _, stance), group in claims.items():
        docs = {c.doc for c in group}
        own = [s for s in reports if _holder(s, corpus) == holder and _own(s, corpus) and (
            s.doc not in docs or s.issue == issue and s.stance not in (None, stance))]
        # (within one article, only an explicit contrast: "its own account did not mention
        # the war" against the Kremlin's claim)
        if not own or any(s.issue == issue and s.stance == stance for s in own):
            continue
        said = [s for s in own if s.issue == issue and s.stance]
        covered.add((holder, issue))
        out.append(_conflict(group[0], said or own[:2], corpus, event, silent=not said,
                             more=group[1:]))
    out += _omissions(event, reports, corpus, covered)
    return out


def _omissions(event: Event, reports: list[Statement], corpus: Corpus,
               covered: set[tuple[str, str]]) -> list[Discrepancy]:
    """One side's readout raises an issue the other side's readout of the event leaves out."""
    if event.kind not in BILATERAL:
        return []
    # the parties: those whose own account reports the contact (a state named as a topic,
    # "discussed the situation in Ukraine", is not a party)
    people = {h for st in reports if st.event_type == "CONSULT" and _own(st, corpus)
              and (h := _holder(st, corpus)) is not None}
    if len(people) < 2:
        return []
    sides: dict[str, list[Statement]] = {}
    for st in reports:
        side = _side(st, corpus)
        if side in people and _holder(st, corpus) in people:
            sides.setdefault(side, []).append(st)
    out = []
    for side, mine in sides.items():
        for issue_id in dict.fromkeys(s.issue for s in mine if s.issue):
            issue = corpus.issues.get(issue_id)
            for other, theirs in sides.items():
                if other == side or (other, issue_id) in covered or (side, issue_id) in covered:
                    continue
                if issue is None or any(s.issue == issue_id or _mentions(s, issue)
                                        for s in theirs):
                    continue
                if {d.doc for d in theirs} & {d.doc for d in mine}:
                    continue  # one article, not two accounts
                raised = next(s for s in mine if s.issue == issue_id)
                out.append(_omission(raised, theirs, side, other, issue, event, corpus))
    return out


def _mentions(st: Statement, issue: Issue) -> bool:
    text = st.sentence.lower()
    return any(k.lower() in text for k in issue.keywords if len(k) > 3)


def _denials_and_contradictions(statements: list[Statement], corpus: Corpus
                                ) -> list[Discrepancy]:
    """Others report X did something and X denies it; or X's own stance at the time differs
    from what others report."""
    claims: dict[str, list[Statement]] = {}
    answers: dict[tuple[str, str | None], list[Statement]] = {}  # (holder, issue or DENIED)
    for st in statements:
        if st.modality == "denied":
            denier = _side(st, corpus)  # "the ministry denied that Russia had asked it"
            if denier is not None:
                answers.setdefault((denier, DENIED), []).append(st)
            continue
        holder = _holder(st, corpus)
        if holder is None:
            continue
        if _third_party(st, corpus) or st.modality == "reported":
            claims.setdefault(holder, []).append(st)
        elif _own(st, corpus) and st.stance in EXPLICIT and st.issue:
            answers.setdefault((holder, st.issue), []).append(st)
    out = []
    for holder, reported in claims.items():
        for claim in reported:
            mine_all = [*answers.get((holder, DENIED), []),
                        *(answers.get((holder, claim.issue), []) if claim.issue else [])]
            for mine in mine_all:
                if mine.doc != claim.doc and _close(claim, mine) and _clash(claim, mine):
                    out.append(_conflict(claim, [mine], corpus, None, silent=False))
    return out


def _clash(claim: Statement, mine: Statement) -> bool:
    if mine.modality == "denied":
        return bool((claim.issue and claim.issue == mine.issue)
                    or (claim.event_type == mine.event_type and claim.event_type != "STATEMENT")
                    or (claim.target and mine.target and claim.target.id == mine.target.id)
                    or len(_content(claim.sentence) & _content(mine.sentence)) >= SHARED_WORDS)
    return bool(claim.issue and claim.issue == mine.issue and claim.stance in EXPLICIT
                and mine.stance in EXPLICIT and mine.stance != claim.stance)


@lru_cache(maxsize=4096)
def _content(sentence: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]{4,}", sentence.lower())) - FUNCTION_WORDS


def _close(a: Statement, b: Statement) -> bool:
    da, db = parse_day(a.date), parse_day(b.date)
    return da is not None and db is not None and abs(da - db) <= WINDOW


def _name(actor_id: str | None, actors: dict[str, Actor]) -> str:
    return actors[actor_id].name if actor_id in actors else (actor_id or "someone")


def _quote(st: Statement, corpus: Corpus) -> dict[str, object]:
    return {"statement": st.id, "doc": st.doc, "publisher": corpus.publishers.get(st.doc),
            "quote": st.sentence.strip(), "start": st.start, "end": st.end, "date": st.date,
            "stance": st.stance, "modality": st.modality}


def _conflict(claim: Statement, own: list[Statement], corpus: Corpus, event: Event | None,
              silent: bool, more: list[Statement] | None = None) -> Discrepancy:
    actors = _actors([claim, *own], corpus)
    holder, side = _holder(claim, corpus), _side(claim, corpus)
    who, claimant = _name(holder, actors), _name(side, actors)
    reporter = claim.reported_by
    if reporter is not None and reporter.sector not in (None, "GOV"):
        claimant = reporter.name  # "Russia media", not "Russia"
    issue = corpus.issues.get(claim.issue or "")
    topic = f'"{issue.title}"' if issue else ""
    when = f" on {claim.date}" if claim.date else ""
    src = corpus.publishers.get(claim.doc, claim.doc)
    first = own[0]
    own_src = corpus.publishers.get(first.doc, first.doc)
    occasion = f"of the {event.kind}" if event and event.kind in ("call", "meeting", "visit",
                                                                   "summit") else ""
    if first.modality == "denied":
        rest = f"{who} denies it ({own_src})"
    elif silent:
        rest = f"{who}'s own account {occasion} ({own_src}) says no such thing".replace("  ", " ")
    else:
        rest = f"{who} itself ({own_src}) {STANCE_WORDS.get(first.stance or '', 'said otherwise')}"
        rest += " it" if first.stance in STANCE_WORDS else ""
    did = (f"{STANCE_WORDS[claim.stance]} {topic}" if claim.stance in STANCE_WORDS and topic
           else ACT_WORDS.get(claim.event_type, "acted") + (f" on {topic}" if topic else ""))
    summary = f"{claimant}'s account ({src}) says {who} {did}{when}; {rest}."
    more = more or []
    ids = [claim.id, *(s.id for s in more), *(s.id for s in own)]
    score = 2.0 + (1.0 if holder in corpus.watch else 0.0) + (0.5 if event else 0.0)
    return Discrepancy(id=_id("conflicting_accounts", ids), kind="conflicting_accounts",
                       summary=summary, date=claim.date or first.date, statements=ids,
                       docs=list(dict.fromkeys([claim.doc, *(s.doc for s in more),
                                                *(s.doc for s in own)])),
                       actors=list(actors.values()), issue=claim.issue,
                       sides=[*({"says": claimant, **_quote(c, corpus)}
                                for c in [claim, *more]),
                              *({"says": who, **_quote(s, corpus)} for s in own)],
                       score=score)


def _omission(raised: Statement, theirs: list[Statement], side: str, other: str,
              issue: Issue, event: Event, corpus: Corpus) -> Discrepancy:
    actors = _actors([raised, *theirs], corpus)
    a, b = _name(side, actors), _name(other, actors)
    summary = (f"{a}'s account of the {event.kind} on {event.date} "
               f"({corpus.publishers.get(raised.doc, raised.doc)}) raises \"{issue.title}\"; "
               f"{b}'s account ({corpus.publishers.get(theirs[0].doc, theirs[0].doc)}) "
               f"does not mention it.")
    ids = [raised.id, *(s.id for s in theirs[:3])]
    score = 1.0 + (0.5 if {side, other} & corpus.watch else 0.0)
    return Discrepancy(id=_id("omitted_topic", ids), kind="omitted_topic", summary=summary,
                       date=event.date, statements=ids,
                       docs=list(dict.fromkeys([raised.doc, *(s.doc for s in theirs)])),
                       actors=list(actors.values()), issue=issue.id,
                       sides=[{"says": a, **_quote(raised, corpus)},
                              *({"says": b, **_quote(s, corpus)} for s in theirs[:3])],
                       score=score)


def _actors(statements: Iterable[Statement], corpus: Corpus) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for st in statements:
        for a in (st.actor, st.reported_by):
            holder = corpus.participant(a) if a is not None else None
            if holder is not None:
                out.setdefault(holder.id, holder)
    return out


def _id(kind: str, ids: Iterable[str]) -> str:
    return "d-" + hashlib.sha1(repr((kind, sorted(ids))).encode()).hexdigest()[:12]
