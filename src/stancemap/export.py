"""Export the store as the contract's JSONL files (one JSON object per line each)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import StancemapError
from .matrix import coverage_rows
from .store import SQLStore
from .store.base import DOC_COLUMNS

FILES = ("documents", "mentions", "statements", "positions", "discrepancies", "events",
         "claims")


def export(store: SQLStore, out: Path, fmt: str = "jsonl") -> dict[str, int]:
    """Write every contract file into ``out`` (created if needed); return row counts."""
    if fmt != "jsonl":
        raise StancemapError(f"unknown export format {fmt!r} (supported: jsonl)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StancemapError(f"cannot create {out}: {exc.strerror}") from exc
    rows = Rows(store)
    counts = {}
    for name in FILES:
        counts[name] = _write(out / f"{name}.jsonl", getattr(rows, name))
    counts["coverage"] = _write(out / "coverage.jsonl", lambda: iter(coverage_rows(store)))
    return counts


def _write(path: Path, records: Callable[[], Iterator[dict[str, Any]]]) -> int:
    """Write atomically: a reader never sees a half-written file."""
    tmp = path.with_suffix(".jsonl.tmp")
    n = 0
    with tmp.open("w", encoding="utf-8") as handle:
        for record in records():
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n


@dataclass(frozen=True, slots=True)
class Page:
    """Which rows to read: SQL conditions on the table's own columns, and a slice."""

    where: tuple[str, ...] = ()
    params: tuple[Any, ...] = ()
    limit: int | None = None
    offset: int = 0

    def sql(self, select: str, order: str) -> str:
        cond = f" WHERE {' AND '.join(self.where)}" if self.where else ""
        page = f" LIMIT {int(self.limit)} OFFSET {int(self.offset)}" if self.limit else ""
        return f"{select}{cond} ORDER BY {order}{page}"


ALL = Page()


class Rows:
    """The contract's records, streamed from the store (all of them, or a ``Page``).

    The one row mapping for the export files, the HTTP API and the report."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self.actors = store.actors()

    def actor(self, actor_id: str | None) -> dict[str, Any] | None:
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.to_dict() if actor else None

    def _rows(self, select: str, order: str, page: Page) -> Iterator[tuple[Any, ...]]:
        return self.store.iter_rows(page.sql(select, order), page.params)

    def documents(self, page: Page = ALL) -> Iterator[dict[str, Any]]:
        if page == ALL:
            for doc in self.store.iter_documents():
                yield doc.to_dict()
            return
        for row in self._rows(f"SELECT {', '.join(DOC_COLUMNS)} FROM documents", "id", page):
            yield self.store._doc(row).to_dict()

    def mentions(self, page: Page = ALL) -> Iterator[dict[str, Any]]:
        sql = "SELECT doc, start_char, end_char, text, actor, method FROM mentions"
        for doc, start, end, text, actor, method in self._rows(
                sql, "doc, start_char, end_char", page):
            yield {"doc": doc, "start": start, "end": end, "text": text,
                   "actor": self.actor(actor), "method": method}

    def statements(self, page: Page = ALL) -> Iterator[dict[str, Any]]:
        sql = ("SELECT id, doc, sentence, start_char, end_char, actor, target, event_type, issue, "
               "stance, date, reported_by, modality, confidence FROM statements")
        for r in self._rows(sql, "doc, start_char, id", page):
            yield {"id": r[0], "doc": r[1], "sentence": r[2], "start": r[3], "end": r[4],
                   "actor": self.actor(r[5]), "target": self.actor(r[6]), "event_type": r[7],
                   "issue": r[8], "stance": r[9], "date": r[10], "reported_by": self.actor(r[11]),
                   "modality": r[12], "confidence": r[13]}

    def positions(self, page: Page = ALL) -> Iterator[dict[str, Any]]:
        sql = ("SELECT actor, issue, stance, as_of, confidence, evidence, docs, timeline "
               "FROM positions")
        for r in self._rows(sql, "actor, issue", page):
            yield {"actor": self.actor(r[0]), "issue": r[1], "stance": r[2], "as_of": r[3],
                   "confidence": r[4], "evidence": json.loads(r[5]), "docs": json.loads(r[6]),
                   "timeline": json.loads(r[7])}

    def discrepancies(self, page: Page = ALL) -> Iterator[dict[str, Any]]:
        sql = ("SELECT id, kind, summary, statements, docs, actors, date, issue, claims, sides, "
               "score FROM discrepancies")
        for r in self._rows(sql, "score DESC, id", page):
            yield {"id": r[0], "kind": r[1], "summary": r[2], "statements": json.loads(r[3]),
                   "docs": json.loads(r[4]), "actors": [self.actor(a) for a in json.loads(r[5])],
                   "date": r[6], "issue": r[7], "claims": json.loads(r[8]),
                   "sides": json.loads(r[9]), "score": r[10]}

    def events(self, page: Page = ALL) -> Iterator[dict[str, Any]]:
        sql = "SELECT id, event_type, date, actors, statements, docs, kind, label FROM events"
        for r in self._rows(sql, "date, id", page):
            yield {"id": r[0], "event_type": r[1], "date": r[2],
                   "actors": [self.actor(a) for a in json.loads(r[3])],
                   "statements": json.loads(r[4]), "docs": json.loads(r[5]), "kind": r[6],
                   "label": r[7]}

    def claims(self, page: Page = ALL) -> Iterator[dict[str, Any]]:
        sql = ("SELECT id, doc, sentence, subject, value, unit, as_of, source, grp, start_char, "
               "end_char, qualifier, since, period, figure FROM claims")
        for r in self._rows(sql, "doc, start_char, id", page):
            yield {"id": r[0], "doc": r[1], "sentence": r[2], "subject": r[3], "value": r[4],
                   "unit": r[5], "as_of": r[6], "source": self.actor(r[7]), "group": r[8],
                   "start": r[9], "end": r[10], "qualifier": r[11], "since": r[12],
                   "period": r[13], "figure": r[14]}
