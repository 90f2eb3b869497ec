"""Import PETRARCH/Phoenix (TABARI-style) actor dictionaries.

An entry is a name with underscores for spaces, ``+`` synonym lines, and codes with
optional date restrictions, on the name's line or indented below it::

    VLADIMIR_PUTIN_
    +PUTIN_
        [RUSELI 000101-000506]
        [RUSGOV >000507]

Each entry becomes a knowledge-base person: aliases from the name and synonyms, the
country from the code's first three letters, and one dated role per code.
"""

from __future__ import annotations

import re
from typing import Any

import pycountry

_CODE = re.compile(r"\[\s*~?([A-Z0-9]{3,})\s*([<>]?\d{6})?(?:\s*-\s*(\d{6})?)?\s*\]")


def parse(text: str) -> list[dict[str, Any]]:
    """Entries in the knowledge-base YAML shape, in file order."""
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].rstrip()
        if not line.strip():
            continue
        head = line.strip()
        if not raw[:1].isspace() and not head.startswith(("+", "[")):
            current = _entry(_name(head.split("[", 1)[0]))
            entries.append(current)
        elif head.startswith("+") and current is not None:
            current["aliases"].append(_name(head[1:].split("[", 1)[0]))
        if current is not None:
            for match in _CODE.finditer(head):
                current["roles"].append(_role(*match.groups()))
    for entry in entries:
        countries = [r["country"] for r in entry["roles"] if r["country"]]
        entry["country"] = countries[-1] if countries else None
    return entries


def _entry(name: str) -> dict[str, Any]:
    return {"name": name, "type": "person", "aliases": [name], "roles": []}


def _name(raw: str) -> str:
    words = [w for w in raw.strip().strip("_").split("_") if w]
    return " ".join(w if len(w) <= 3 and "." in w else w.title() for w in words)


def _role(code: str, first: str | None, second: str | None) -> dict[str, Any]:
    start = end = None
    if first and first.startswith("<"):
        end = _date(first[1:])
    elif first and first.startswith(">"):
        start = _date(first[1:])
    else:
        start = _date(first)
        end = _date(second)
    country = code[:3] if pycountry.countries.get(alpha_3=code[:3]) else None
    return {"role": "member", "title": code, "country": country, "start": start, "end": end}


def _date(value: str | None) -> str | None:
    if not value:
        return None
    year = int(value[:2])
    return f"{2000 + year if year < 50 else 1900 + year}-{value[2:4]}-{value[4:6]}"
