"""One real-world event from many reports: statements that describe the same call, meeting,
visit, vote or declaration, across documents.

Merging is conservative. Statements join when they report the same kind of occasion
(``data/occasions.yaml``: a phone call, a meeting, a summit ...) between the same participants
(states and organisations after resolution, so Japarov and Zhaparov are one) on the same day.
A report dated only to the month joins a day-dated event only when exactly one such event
fits. Within one document, sentences dated to the day of a call or meeting that involve only
its participants are part of it (a readout's later sentences). Votes and summits are
multilateral: everyone voting on one day is one event. Two calls a week apart stay two events.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .models import Actor, Event, Statement
from .yamlio import load_yaml

CONTACT = ("call", "meeting", "visit")  # one kind for merging: readouts name them loosely
MEETING_KINDS = ("contact", "summit")
SILENCE = "NO_COMMENT"  # part of an event's reports ("the readout did not mention ..."),
# never an event of its own
SKIP_MODALITIES = {"hypothetical"}

Participant = Callable[[Actor], Actor | None]


@dataclass(frozen=True, slots=True)
class Occasions:
    patterns: list[tuple[str, re.Pattern[str]]]
    multilateral: frozenset[str]
    any_kind: re.Pattern[str]  # all the patterns in one: most sentences name no occasion

    def kind(self, sentence: str) -> str | None:
        """The kind of occasion a sentence reports, if any."""
        if not self.any_kind.search(sentence):
            return None
        for kind, pattern in self.patterns:
            if pattern.search(sentence):
                return kind
        return None


@lru_cache(maxsize=1)
def occasions() -> Occasions:
    raw = load_yaml((resources.files("stancemap") / "data" / "occasions.yaml").read_text(
        encoding="utf-8"))
    multilateral = frozenset(raw.pop("multilateral", []))
    patterns, every = [], []
    for kind, phrases in raw.items():
        alternatives = [re.escape(p).replace(r"\*", r"\w*") for p in phrases]
        patterns.append((kind, re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)))
        every += alternatives
    return Occasions(patterns, multilateral,
                     re.compile(r"\b(?:" + "|".join(every) + r")\b", re.I))


@lru_cache(maxsize=8192)
def _occasion(sentence: str) -> str | None:
    """The occasion a sentence reports (statements of one sentence share it)."""
    return occasions().kind(sentence)


@dataclass(slots=True)
class _Report:
    statement: Statement
    kind: str
    date: str
    participants: frozenset[str]
    occasion: str | None = None  # call, meeting or visit, as the sentence names it


@dataclass(slots=True)
class _Core:
    kind: str
    date: str
    participants: set[str]
    reports: list[_Report] = field(default_factory=list)


class _Index:
    """Cores by exact key, and by (kind, day or month) for the reports that may join them."""

    def __init__(self) -> None:
        self.cores: dict[tuple[str, str, frozenset[str]], _Core] = {}
        self.by_date: dict[tuple[str, str], list[_Core]] = defaultdict(list)

    def add(self, key: tuple[str, str, frozenset[str]], core: _Core) -> None:
        self.cores[key] = core
        self.by_date[(core.kind, core.date)].append(core)
        if len(core.date) == 10:
            self.by_date[(core.kind, core.date[:7])].append(core)


def build_events(statements: Iterable[Statement], participant: Participant,
                 names: dict[str, str]) -> list[Event]:
    """Group statements into events, most precisely dated reports first."""
    reports = [r for st in statements if (r := _report(st, participant)) is not None]
    reports.sort(key=lambda r: (-len(r.date), -len(r.participants), r.date, r.statement.doc,
                                r.statement.start))
    index = _Index()
    for report in reports:
        _place(report, index)
    _absorb_readouts(index)
    _join_sentences(index)
    return [_event(core, names, participant) for core in index.cores.values()
            if any(r.statement.event_type != SILENCE for r in core.reports)]


def _report(st: Statement, participant: Participant) -> _Report | None:
    if st.modality in SKIP_MODALITIES or not st.date:
        return None
    actor = participant(st.actor)
    if actor is None:
        return None
    people = {actor.id}
    occasion = _occasion(st.sentence)
    kind = occasion or (f"position:{st.issue}" if st.issue else st.event_type)
    target = participant(st.target) if st.target else None
    if target is not None and not kind.startswith("position:"):
        people.add(target.id)  # a declaration is its author's; a call has two sides
    if occasion in CONTACT or (occasion is None and st.event_type == "CONSULT"):
        kind = "contact"  # "spoke by phone", "held talks", "discussed ... with"
    return _Report(st, kind, st.date, frozenset(people), occasion)


def _key(kind: str, date: str, people: frozenset[str]) -> tuple[str, str, frozenset[str]]:
    return (kind, date, frozenset() if kind in occasions().multilateral else people)


def _place(report: _Report, index: _Index) -> None:
    key = _key(report.kind, report.date, report.participants)
    if key in index.cores:
        index.cores[key].reports.append(report)
        return
    fits = [c for c in index.by_date.get((report.kind, report.date), []) if _fits(report, c)]
    if len(fits) == 1:
        fits[0].reports.append(report)
        fits[0].participants |= report.participants
        return
    index.add(key, _Core(report.kind, report.date, set(report.participants), [report]))


def _fits(report: _Report, core: _Core) -> bool:
    """A less precise or one-sided report of an event already formed."""
    loose = report.kind in MEETING_KINDS  # a one-sided mention of a call or meeting
    if report.date == core.date:
        return report.kind in occasions().multilateral or (
            loose and report.participants < core.participants)
    if len(report.date) < len(core.date) and core.date.startswith(report.date):
        return len(report.date) == 7 and (report.kind in occasions().multilateral or (
            report.participants <= core.participants if loose
            else report.participants == core.participants))
    return False


def _absorb_readouts(index: _Index) -> None:
    """A call or meeting takes the other same-day statements of its documents that involve
    only its participants: the rest of a readout."""
    meetings: dict[tuple[str, str], list[_Core]] = defaultdict(list)
    for c in index.cores.values():
        if c.kind in MEETING_KINDS and len(c.participants) > 1:
            for doc in {r.statement.doc for r in c.reports}:
                meetings[(doc, c.date)].append(c)
    for key, core in list(index.cores.items()):
        if core.kind in MEETING_KINDS or core.kind in occasions().multilateral:
            continue
        for report in list(core.reports):
            home = [m for m in meetings.get((report.statement.doc, report.date), [])
                    if report.participants <= m.participants]
            if len(home) == 1:
                home[0].reports.append(report)
                core.reports.remove(report)
        if not core.reports:
            del index.cores[key]


KIND_RANK = {"contact": 0, "summit": 3, "vote": 4}


def _join_sentences(index: _Index) -> None:
    """Statements drawn from one sentence about one day describe one event: their events
    merge into the one of the most telling kind (a call over a declaration over an act)."""
    owner: dict[tuple[str, int, str], tuple[str, str, frozenset[str]]] = {}
    for key, core in list(index.cores.items()):
        if key not in index.cores:
            continue
        for report in core.reports:
            spot = (report.statement.doc, report.statement.start, report.date)
            other = owner.get(spot)
            if other is None or other == key or other not in index.cores:
                owner[spot] = key
                continue
            keep, drop = sorted((other, key), key=lambda k: (
                KIND_RANK.get(k[0], 5 if k[0].startswith("position:") else 6), k))
            index.cores[keep].reports += index.cores[drop].reports
            index.cores[keep].participants |= index.cores[drop].participants
            del index.cores[drop]
            for r in index.cores[keep].reports:
                owner[(r.statement.doc, r.statement.start, r.date)] = keep
            break


def _event(core: _Core, names: dict[str, str], participant: Participant) -> Event:
    statements = list(dict.fromkeys(r.statement.id for r in core.reports))
    docs = list(dict.fromkeys(r.statement.doc for r in core.reports))
    if core.kind in MEETING_KINDS:
        event_type = "CONSULT"
    else:
        event_type = Counter(r.statement.event_type for r in core.reports).most_common(1)[0][0]
    actors: dict[str, Actor] = {}
    for r in core.reports:
        for a in (r.statement.actor, r.statement.target):
            if a is not None and participant(a) is not None:
                holder = participant(a)
                assert holder is not None
                actors.setdefault(holder.id, holder)
                if a.type == "person":
                    actors.setdefault(a.id, a)
    people = sorted(core.participants)
    # each statement is in one event only: its first statement names it, stably
    digest = hashlib.sha1(min(statements).encode()).hexdigest()[:12]
    kind = core.kind.split(":", 1)[0]
    if kind == "contact":
        named = Counter(r.occasion for r in core.reports if r.occasion in CONTACT)
        kind = named.most_common(1)[0][0] if named else "meeting"
    topic = core.kind.split(":", 1)[1] if ":" in core.kind else None
    label = f"{kind}: {', '.join(names.get(p, p) for p in people)}" + (
        f" on {topic}" if topic else "")
    return Event(id=f"e-{digest}", event_type=event_type, date=core.date,
                 actors=list(actors.values()), statements=statements, docs=docs, kind=kind,
                 label=label)
