"""Dates of acts: explicit ("On September 26", "in March 2022", "last June"), relative to the
publication date ("last Monday", "on Saturday", "yesterday", "a day earlier"), each with the
precision the text gives (YYYY, YYYY-MM or YYYY-MM-DD)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import dateparser

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY = "(?:" + "|".join(DAYS) + ")"
_YEAR = r"(?:19|20)\d\d"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?(?:st|nd|rd|th)?\s+({_MON})"
                       rf"(?:,?\s+({_YEAR}))?\b", re.I)),
    ("mdy", re.compile(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?"
                       rf"(?:,?\s+({_YEAR}))?\b", re.I)),
    ("iso", re.compile(rf"\b({_YEAR})-(\d\d)-(\d\d)\b")),
    ("last_month_name", re.compile(rf"\blast\s+({_MON})\b", re.I)),
    ("month_year", re.compile(rf"\b({_MON})\s+(?:of\s+)?({_YEAR})\b", re.I)),
    ("weekday", re.compile(rf"\b(last|this|on|next)?\s*({_DAY})\b", re.I)),
    ("relative_day", re.compile(r"\b(yesterday|today|the day before yesterday)\b", re.I)),
    ("shift", re.compile(r"\b(a|one|two|three|\d+)\s+(day|week)s?\s+(earlier|later|"
                         r"(?:before|after)(?!\s+(?:the|a|an|his|her|its|their)\b|\s+(?-i:[A-Z])))"
                         r"\b|\b(the (?:previous|next|following|same) day|the day before)\b",
                         re.I)),
    ("period", re.compile(r"\b(last|this|earlier this|late last|early last|next)\s+"
                          r"(week|month|year)\b", re.I)),
    ("month", re.compile(rf"\b(?:in|on|since|by|during|until|from|early|late|mid-?)\s+({_MON})"
                         r"(?!\s*\d)\b", re.I)),
    ("year", re.compile(rf"\b({_YEAR})\b")),
]
_FUTURE = re.compile(r"\b(?:scheduled|planned|due|set|slated|expected|will|shall|upcoming|"
                     r"next|to be held)\b[^.;]*$", re.I)  # "scheduled for late May": ahead
_NUMBER = {"a": 1, "one": 1, "two": 2, "three": 3}
_CUE = re.compile(r"^\W*(?:(?:he|she|it|they)\s+(?:also|then|further|later|added)|then|"
                  r"at the same time|in addition|later that day|moreover|furthermore|"
                  r"(?:\w+\s+){0,3}also\b)", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    kind: str  # which pattern found it


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(key))


def _past_year(month: int, day: int, base: date) -> int:
    """The year that puts month/day on or before the base date (news speaks of the past)."""
    return base.year if (month, day) <= (base.month, base.day + 7) else base.year - 1


def _dateparser(text: str, base: date) -> date | None:
    """A relative day ("yesterday", "today", "the day before yesterday"): dateparser reads
    it once, as a shift from a fixed reference day, and the shift applies to any base."""
    shift = _day_shift(text.lower())
    return None if shift is None else base + timedelta(days=shift)


_REFERENCE = date(2001, 6, 15)


def warm_up() -> None:
    """Build dateparser's regexes and locale data now (about 0.3 s), before analysis
    forks its workers, instead of once in each of them."""
    _day_shift("yesterday")


@lru_cache(maxsize=64)
def _day_shift(text: str) -> int | None:
    from datetime import datetime

    settings = {"RELATIVE_BASE": datetime(_REFERENCE.year, _REFERENCE.month, _REFERENCE.day),
                "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return (parsed.date() - _REFERENCE).days if parsed else None


# Every pattern needs one of these; a sentence with none has no date.
_ANY = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year",
                  re.I)
_SHIFT = dict(PATTERNS)["shift"]
INFERRED_KINDS = {"shift", "weekday", "relative_day"}


def find_dates(text: str, base: date | None, previous: str | None = None
               ) -> tuple[DateMention, ...]:
    """Every date expression in ``text``, resolved against ``base`` (publication date) and
    ``previous`` (the last date in the text, for "a day earlier")."""
    found, relative = _without_previous(text, base)
    return _find_dates(text, base, previous) if relative and previous else found


@lru_cache(maxsize=8192)
def _without_previous(text: str, base: date | None) -> tuple[tuple[DateMention, ...], bool]:
    """find_dates without a previous date, and whether the text has a date relative to
    one (only those depend on it)."""
    if not _ANY.search(text):
        return (), False
    return _find_dates(text, base, None), bool(_SHIFT.search(text))


@lru_cache(maxsize=1024)
def _find_dates(text: str, base: date | None, previous: str | None
                ) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = _resolve(kind, m, base, previous)
            if value:
                found.append(DateMention(m.start(), m.end(), value, kind))
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda d: d.start))


def _resolve(kind: str, m: re.Match[str], base: date | None, previous: str | None
             ) -> str | None:
    g = m.groups()
    if kind in MONTH_KINDS and not _capitalised(m):
        return None  # "march", "may": verbs, not months
    if kind in ("dmy", "mdy"):
        day, month, year = (g[0], g[1], g[2]) if kind == "dmy" else (g[1], g[0], g[2])
        mon, d = _month(month), int(day)
        if not 1 <= d <= 31:
            return None
        if year:
            return _iso(int(year), mon, d)
        return _iso(_past_year(mon, d, base), mon, d) if base else None
    if kind == "iso":
        return _iso(int(g[0]), int(g[1]), int(g[2]))
    if kind == "month_year":
        return f"{g[1]}-{_month(g[0]):02d}"
    if kind == "year":
        return g[0]
    if base is None:
        return None
    if kind == "last_month_name":
        mon = _month(g[0])
        return f"{base.year if mon < base.month else base.year - 1}-{mon:02d}"
    if kind == "month":
        mon = _month(g[0])
        ahead = mon > base.month and _FUTURE.search(m.string[max(0, m.start() - 30):m.start()])
        return f"{base.year if mon <= base.month or ahead else base.year - 1}-{mon:02d}"
    if kind == "weekday":
        return _weekday((g[0] or "").lower(), g[1].lower(), base)
    if kind == "relative_day":
        parsed = _dateparser(g[0], base)
        return parsed.isoformat() if parsed else None
    if kind == "shift":
        return _shift(g, previous, base)
    return _period(g[0].lower(), g[1].lower(), base)


MONTH_KINDS = {"dmy", "mdy", "last_month_name", "month_year", "month"}


def _capitalised(m: re.Match[str]) -> bool:
    return any(g and g[:1].isupper() for g in m.groups() if g and g[:1].isalpha()
               and g.lower().rstrip(".")[:3] in {x[:3] for x in MONTHS})


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _weekday(which: str, name: str, base: date) -> str | None:
    if which == "next":
        return None
    back = (base.weekday() - DAYS.index(name)) % 7
    if which == "last" and back == 0:
        back = 7
    return (base - timedelta(days=back)).isoformat()


def _shift(g: tuple[str | None, ...], previous: str | None, base: date) -> str | None:
    if previous is not None and len(previous) != 10:
        return None
    anchor = date.fromisoformat(previous) if previous else base  # nothing dated yet: the report
    if g[3]:
        sign = 1 if ("next" in g[3] or "following" in g[3]) else 0 if "same" in g[3] else -1
        return None if previous is None and sign > 0 else (
            anchor + timedelta(days=sign)).isoformat()
    count = _NUMBER.get((g[0] or "").lower()) or int(g[0] or 1)
    days = count * (7 if (g[1] or "").lower() == "week" else 1)
    sign = -1 if (g[2] or "").lower() in ("earlier", "before") else 1
    if previous is None and sign > 0:
        return None  # "a day later" than the report itself: nothing it could mean
    return (anchor + timedelta(days=sign * days)).isoformat()


def _period(which: str, unit: str, base: date) -> str | None:
    if which == "next":
        return None
    if unit == "year":
        return str(base.year - (1 if "last" in which else 0))
    if unit == "month":
        if "last" in which:
            first = base.replace(day=1) - timedelta(days=1)
            return f"{first.year}-{first.month:02d}"
        return f"{base.year}-{base.month:02d}"
    week = base - timedelta(days=7 if "last" in which else 0)
    return f"{week.year}-{week.month:02d}"


@lru_cache(maxsize=4096)
def act_date(text: str, published: str | None, previous: str | None = None,
             anchor: int | None = None) -> tuple[str | None, str]:
    """The date of the act a sentence reports and how it was found: ``explicit`` (a date
    in the sentence, the one nearest ``anchor`` if given), ``carried`` (the previous
    sentence's date, when the sentence continues it), or ``none``."""
    base = date.fromisoformat(published) if published and len(published) == 10 else None
    mentions = [d for d in find_dates(text, base, previous)
                if not _since(text, d) and not _after_publication(d, base)]
    if mentions:
        if anchor is None:
            return mentions[0].value, "explicit"
        best = min(mentions, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))
        return best.value, "explicit"
    if previous and _CUE.match(text):
        return previous, "carried"
    return None, "none"


def _after_publication(d: DateMention, base: date | None) -> bool:
    """A date worked out from context ("a day later", "on Friday") cannot postdate the
    report (a day's slack for time zones); an explicit date may name a plan."""
    if base is None or len(d.value) != 10 or d.kind not in INFERRED_KINDS:
        return False
    return date.fromisoformat(d.value) > base + timedelta(days=1)


def _since(text: str, d: DateMention) -> bool:
    """"since 2014", "until 2022": a span's edge, not the act's date."""
    before = text[max(0, d.start - 12) : d.start].lower()
    return bool(re.search(r"\b(since|until|till|from|through)\s+(?:early\s+|late\s+)?$", before))
