"""Numeric discrepancies: figures for the same quantity (one claims group) that differ beyond
what rounding, hedges and growth over time explain.

Each figure is read as a range: its hedge ("about" ±10%, "more than" up to +25% ...) or, for a
bare round figure, half its last significant digit (at most 10%). Two figures from different
documents for the same period (as-of dates at most a day apart) whose ranges do not overlap
disagree; so does a cumulative count ("since 21 September") that a later report puts lower
than an earlier one.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from datetime import timedelta
from itertools import combinations

from .figures import lexicon
from .models import Claim, Discrepancy
from .positions import parse_day

SAME_PERIOD = timedelta(days=1)
ROUNDING_CAP = 0.10


def bounds(claim: Claim) -> tuple[float, float]:
    """The range of true values a figure allows."""
    value = claim.value
    hedge = lexicon().hedges.get(claim.qualifier or "")
    if hedge:
        return value * hedge[0], value * hedge[1]
    slack = min(_half_last_digit(value), ROUNDING_CAP * abs(value))
    return value - slack, value + slack


def _half_last_digit(value: float) -> float:
    if value <= 0 or value != int(value):
        return 0.0
    n, place = int(value), 1
    while n % 10 == 0 and n:
        n //= 10
        place *= 10
    return place / 2 if place > 1 else 0.0


def figure(claim: Claim) -> str:
    """"more than 100,000", "about 98,000 tonne"."""
    value = f"{claim.value:,.0f}" if claim.value == int(claim.value) else f"{claim.value:,}"
    hedge = f"{claim.qualifier} " if claim.qualifier else ""
    unit = "" if claim.unit in ("people", "count") else f" {claim.unit}"
    return f"{hedge}{value}{unit}"


def numeric_discrepancies(claims: Iterable[tuple[Claim, str | None]], watch: frozenset[str]
                          ) -> list[Discrepancy]:
    """Compare figures within each group of claims about one quantity."""
    groups: dict[str, list[tuple[Claim, str | None]]] = {}
    for item in claims:
        groups.setdefault(item[0].group or item[0].id, []).append(item)
    out: list[Discrepancy] = []
    for group in groups.values():
        if len({c.doc for c, _ in group}) > 1:
            out += _compare(group, watch)
    return _one_per_pair(out)


def _one_per_pair(found: list[Discrepancy]) -> list[Discrepancy]:
    """Two articles that disagree on a figure often do so in the headline and the body too:
    keep the most specific disagreement (a count since a date, then per day, then totals)."""
    rank = {"since": 0, "day": 1, "month": 2, "year": 3, "total": 4}
    found.sort(key=lambda d: (rank.get(str(d.sides[0].get("period")), 5), -d.score))
    kept: dict[tuple[frozenset[str], str], Discrepancy] = {}
    for d in found:
        kept.setdefault((frozenset(d.docs), str(d.sides[0].get("unit"))), d)
    return list(kept.values())


def _compare(group: list[tuple[Claim, str | None]], watch: frozenset[str]) -> list[Discrepancy]:
    out = []
    seen: set[frozenset[str]] = set()
    ordered = sorted(group, key=lambda c: (c[0].as_of or ""))
    read = [(parse_day(c.as_of), bounds(c)) for c, _ in ordered]  # once per claim
    for ((a, pa), (da, (lo_a, hi_a))), ((b, pb), (db, (lo_b, hi_b))) in combinations(
            zip(ordered, read, strict=True), 2):
        if a.doc == b.doc or frozenset((a.doc, b.doc)) in seen:
            continue
        if da is None or db is None:
            continue
        if abs(db - da) <= SAME_PERIOD and (hi_a < lo_b or hi_b < lo_a):
            why = "for the same date" if da == db else "within a day of each other"
        elif a.period == "since" and db - da > SAME_PERIOD and hi_b < lo_a:
            why = "although the count is cumulative, the later figure is lower"
        else:
            continue
        seen.add(frozenset((a.doc, b.doc)))
        out.append(_discrepancy(a, pa, b, pb, why, watch))
    return out


def _discrepancy(a: Claim, pa: str | None, b: Claim, pb: str | None, why: str,
                 watch: frozenset[str]) -> Discrepancy:
    def who(c: Claim, publisher: str | None) -> str:
        source = c.source.name if c.source else "an unnamed source"
        return f"{source} ({publisher})" if publisher else source

    summary = (f"Figures for {a.subject} differ {why}: {who(a, pa)} gives {figure(a)} "
               f"as of {a.as_of}, {who(b, pb)} gives {figure(b)} as of {b.as_of}.")
    ratio = max(a.value, b.value) / max(min(a.value, b.value), 1e-9)
    actors = {c.source.id: c.source for c in (a, b) if c.source}
    score = 1.0 + min(1.0, math.log(ratio, 2)) + (0.5 if set(actors) & watch else 0.0)
    ids = sorted([a.id, b.id])
    digest = hashlib.sha1(repr(("numeric", ids)).encode()).hexdigest()[:12]
    sides = [{"says": c.source.name if c.source else "unnamed source", "claim": c.id,
              "period": c.period, "unit": c.unit, "doc": c.doc, "publisher": p,
              "quote": c.sentence.strip(), "start": c.start, "end": c.end, "value": c.value,
              "figure": figure(c), "as_of": c.as_of} for c, p in ((a, pa), (b, pb))]
    return Discrepancy(id=f"d-{digest}", kind="numeric", summary=summary, date=b.as_of,
                       statements=[], docs=list(dict.fromkeys([a.doc, b.doc])),
                       actors=list(actors.values()), claims=ids, sides=sides, score=score)
