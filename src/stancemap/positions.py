"""Aggregate statements into positions: one stance per (actor, issue), with evidence and timeline.

The rules, in brief:

- Evidence is the holder's *own* (it said or did it; ``reported_by`` is unset or the holder
  itself), *reported* (someone else claims it, or modality ``reported``) or a *denial* (the holder
  denies the stated stance). Own weighs by modality, reported 0.5, times the statement confidence.
- Later own statements supersede earlier ones: the current stance comes from the holder's own
  evidence within ``PERIOD_DAYS`` of its latest dated own evidence (undated evidence cannot be
  shown superseded, so it counts too). Older evidence stays in the timeline.
- In that period silence (``no_comment``) is outranked by any explicit stance; explicit stances
  of comparable weight that disagree give ``ambiguous``; otherwise the weighted majority wins.
  Silence alone after an earlier neutral stance keeps the neutrality (they do not conflict).
- Claims by others, in the period or later, that disagree with the holder's own stance (or with
  what it denies) give ``contested``. With no own evidence, reported evidence decides, at a
  lowered confidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from stancemap.models import Actor, Position, Statement

PERIOD_DAYS = 180
EXPLICIT = ("support", "oppose", "neutral")
STANCES = (*EXPLICIT, "no_comment")
OWN_WEIGHT = {"asserted": 1.0, "informal": 0.6, "hypothetical": 0.4, "denied": 1.0}
REPORTED_WEIGHT = 0.5
AMBIGUOUS_RATIO = 0.4  # the weaker side must reach 40% of the stronger to make it ambiguous
MIXED_CAP = 0.6  # confidence ceiling for ambiguous and contested positions
REPORTED_ONLY_FACTOR = 0.7  # confidence factor when only others' claims are known
DENIAL_ONLY_FACTOR = 0.5  # confidence factor for "neutral" inferred from denials alone
_DEFAULTS: dict[int, tuple[int, ...]] = {1: (7, 2), 2: (15,), 3: ()}  # year/month mid-points


@dataclass(frozen=True, slots=True)
class Evidence:
    """A statement bearing on ``holder``'s position; ``published`` dates undated statements."""

    statement: Statement
    holder: Actor
    published: str | None


@dataclass(frozen=True, slots=True)
class _Item:
    """Evidence prepared for aggregation: its date, kind (own/reported/denied) and weight."""

    statement: Statement
    date: str | None
    day: date | None
    kind: str
    weight: float
    order: int


def parse_day(text: str | None) -> date | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD string as a day (year = mid-year, month = mid-month);
    an invalid part falls back to the coarser precision, nothing usable gives None."""
    nums: list[int] = []
    for part in (text or "").strip()[:10].split("-")[:3]:
        if not part.isdigit():
            break
        nums.append(int(part))
    for n in range(len(nums), 0, -1):
        try:
            return date(*nums[:n], *_DEFAULTS[n])
        except ValueError:
            continue
    return None


def _item(ev: Evidence, order: int) -> _Item:
    st = ev.statement
    day_text = st.date or ev.published
    relayed = st.reported_by is not None and st.reported_by.id != ev.holder.id
    if st.modality == "denied":
        kind, weight = "denied", OWN_WEIGHT["denied"] * (REPORTED_WEIGHT if relayed else 1.0)
    elif relayed or st.modality == "reported":
        kind, weight = "reported", REPORTED_WEIGHT
    else:
        kind, weight = "own", OWN_WEIGHT.get(st.modality, REPORTED_WEIGHT)
    weight *= min(max(st.confidence, 0.0), 1.0)
    return _Item(st, day_text, parse_day(day_text), kind, weight, order)


def _chrono(i: _Item) -> tuple[bool, date, int]:
    return (i.day is None, i.day or date.min, i.order)


def _recent_first(i: _Item) -> tuple[bool, int, int]:
    return (i.day is None, -(i.day.toordinal() if i.day else 0), i.order)


def _period(items: list[_Item]) -> tuple[list[_Item], date | None]:
    """The items of the latest period (plus undated ones) and the day the period starts."""
    days = [i.day for i in items if i.day]
    if not days:
        return items, None
    start = max(days) - timedelta(days=PERIOD_DAYS)
    return [i for i in items if i.day is None or i.day >= start], start


def _tally(items: list[_Item]) -> str | None:
    """Explicit stances by weight (comparable disagreement = ambiguous), else no_comment, else
    neutral when the only evidence is denials."""
    weights: dict[str, float] = {}
    for i in items:
        if i.kind != "denied" and i.statement.stance in EXPLICIT:
            weights[i.statement.stance] = weights.get(i.statement.stance, 0.0) + i.weight
    ranked = sorted(weights.values(), reverse=True)
    if len(ranked) > 1 and ranked[1] >= AMBIGUOUS_RATIO * ranked[0]:
        return "ambiguous"
    if ranked:
        return max(weights, key=lambda s: weights[s])
    if any(i.kind != "denied" for i in items):
        return "no_comment"
    return "neutral" if items else None


def _compatible(a: str, b: str) -> bool:
    """Whether two stances agree; neutrality and silence do not contradict each other."""
    return a == b or {a, b} <= {"neutral", "no_comment"}


def _contested(stance: str, current: list[_Item], claims: list[_Item]) -> bool:
    """Whether others' claims contradict the holder's own current stance or its denials."""
    denied = {i.statement.stance for i in current if i.kind == "denied"}
    for c in claims:
        claimed = c.statement.stance or ""
        if claimed in denied:
            return True
        if stance != "ambiguous" and claimed in EXPLICIT and not _compatible(stance, claimed):
            return True
    return False


def _agrees(item: _Item, stance: str) -> bool | None:
    """True if the item supports ``stance``, False if it contradicts it, None if neither."""
    claimed = item.statement.stance or ""
    if item.kind == "denied":
        return claimed != stance
    if claimed == stance:
        return True
    if claimed == "no_comment" or _compatible(claimed, stance):
        return None
    return False


def _noisy_or(items: Iterable[_Item]) -> float:
    """1 - prod(1 - w) over distinct documents (each document counts with its best weight)."""
    best: dict[str, float] = {}
    for i in items:
        best[i.statement.doc] = max(best.get(i.statement.doc, 0.0), min(i.weight, 1.0))
    miss = 1.0
    for w in best.values():
        miss *= 1.0 - w
    return 1.0 - miss


def _confidence(stance: str, used: list[_Item]) -> float:
    """Grows with the weight and number of agreeing documents, falls with disagreement."""
    if stance in ("ambiguous", "contested"):
        return min(MIXED_CAP, _noisy_or(used))
    votes = [(i, _agrees(i, stance)) for i in used]
    agree = [i for i, v in votes if v]
    w_for = sum(i.weight for i in agree)
    w_against = sum(i.weight for i, v in votes if v is False)
    share = w_for / (w_for + w_against) if w_for + w_against > 0 else 0.0
    return _noisy_or(agree) * share


def _current(items: list[_Item]) -> tuple[str, list[_Item], float]:
    """The current stance, the evidence it rests on, and its confidence."""
    own = [i for i in items if i.kind != "reported"]
    reported = [i for i in items if i.kind == "reported"]
    if not own:
        current, _ = _period(reported)
        stance = _tally(current) or "ambiguous"
        return stance, current, _confidence(stance, current) * REPORTED_ONLY_FACTOR
    current, start = _period(own)
    stance = _tally(current) or "ambiguous"
    if stance == "no_comment":
        earlier = [i for i in own if i not in current and i.kind == "own"
                   and i.statement.stance in EXPLICIT]
        if earlier and max(earlier, key=_chrono).statement.stance == "neutral":
            # silence since a neutral stance keeps it: "abstained, and has said nothing since"
            stance, current = "neutral", [*current, max(earlier, key=_chrono)]
    factor = DENIAL_ONLY_FACTOR if all(i.kind == "denied" for i in current) else 1.0
    claims = [i for i in reported if i.day is None or start is None or i.day >= start]
    if _contested(stance, current, claims):
        stance = "contested"
    used = current + claims
    return stance, used, _confidence(stance, used) * factor


def _position(holder: Actor, issue: str, items: list[_Item]) -> Position:
    stance, used, confidence = _current(items)
    dated = [i for i in used if i.day]
    as_of = max(dated, key=_chrono).date if dated else None
    docs = list(dict.fromkeys(i.statement.doc for i in items))
    timeline: list[dict[str, Any]] = [
        {"date": i.date, "stance": i.statement.stance, "statement": i.statement.id}
        for i in sorted(items, key=_chrono)
    ]
    return Position(
        actor=holder,
        issue=issue,
        stance=stance,
        as_of=as_of,
        confidence=round(min(max(confidence, 0.0), 1.0), 3),
        evidence=[i.statement.id for i in sorted(items, key=_recent_first)],
        docs=docs,
        timeline=timeline,
    )


def build_positions(evidence: Iterable[Evidence]) -> list[Position]:
    """One Position per (holder id, issue), ordered by holder id then issue. Evidence without an
    issue or a known stance is ignored; a statement counts once per (holder, issue)."""
    groups: dict[tuple[str, str], tuple[Actor, list[_Item]]] = {}
    seen: set[tuple[str, str, str]] = set()
    for order, ev in enumerate(evidence):
        st = ev.statement
        if st.issue is None or st.stance not in STANCES:
            continue
        key = (ev.holder.id, st.issue)
        if (*key, st.id) in seen:
            continue
        seen.add((*key, st.id))
        groups.setdefault(key, (ev.holder, []))[1].append(_item(ev, order))
    return [
        _position(holder, issue, items)
        for (_, issue), (holder, items) in sorted(groups.items(), key=lambda kv: kv[0])
    ]


def coverage(
    positions: Sequence[Position], watch: Sequence[Actor], issues: Sequence[str]
) -> list[dict[str, Any]]:
    """One row per (watched actor, issue), in watch then issue order: {"actor": Actor.to_dict(),
    "issue": id, "status": "position"|"no_data", "stance": str|None, "statements": int}."""
    index = {(p.actor.id, p.issue): p for p in positions}
    rows: list[dict[str, Any]] = []
    for actor in watch:
        for issue in issues:
            p = index.get((actor.id, issue))
            rows.append({
                "actor": actor.to_dict(),
                "issue": issue,
                "status": "position" if p else "no_data",
                "stance": p.stance if p else None,
                "statements": len(p.evidence) if p else 0,
            })
    return rows
