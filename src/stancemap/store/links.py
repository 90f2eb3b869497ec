"""The cross-document tables: events, discrepancies and numeric claims (a mixin of
``SQLStore``, which provides ``execute``, ``executemany``, ``query``, ``iter_rows`` and
``actors``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..models import Actor, Claim, Discrepancy, Event


class LinkTables:
    """Reading and replacing events, discrepancies and claims."""

    if TYPE_CHECKING:  # provided by SQLStore
        def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
        def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...
        def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...
        def iter_rows(self, sql: str, params: Sequence[Any] = (), batch: int = 500
                      ) -> Iterator[tuple[Any, ...]]: ...
        def actors(self) -> dict[str, Actor]: ...
        def ensure_actors(self, actors: Iterable[Actor], origin: str = "text") -> None: ...

    def iter_claims(self) -> Iterator[tuple[Claim, str | None]]:
        """Every numeric claim of a non-duplicate document, with the document's publisher."""
        sql = ("SELECT c.id, c.doc, c.sentence, c.subject, c.value, c.unit, c.as_of, c.source, "
               "c.grp, c.start_char, c.end_char, c.qualifier, c.since, c.period, c.figure, "
               "d.publisher FROM claims c JOIN documents d ON d.id = c.doc "
               "WHERE d.duplicate_of IS NULL ORDER BY c.grp, c.as_of, c.doc, c.start_char")
        actors = self.actors()
        for r in self.iter_rows(sql):
            yield Claim(r[0], r[1], r[2], r[3], r[4], r[5], r[6], actors.get(r[7] or ""),
                        r[8], r[9], r[10], r[11], r[12], r[13], r[14]), r[15]

    def publishers(self) -> dict[str, str]:
        """Document id -> publisher (or title, or id) for citing a source."""
        rows = self.query("SELECT id, publisher, title FROM documents")
        return {r[0]: r[1] or r[2] or r[0] for r in rows}

    def replace_events(self, events: Iterable[Event]) -> None:
        self.execute("DELETE FROM events")
        self.executemany(
            "INSERT INTO events (id, event_type, date, actors, statements, docs, kind, label) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.event_type, e.date, json.dumps([a.id for a in e.actors]),
              json.dumps(e.statements), json.dumps(e.docs), e.kind, e.label) for e in events],
        )

    def events(self) -> list[Event]:
        actors = self.actors()
        rows = self.query("SELECT id, event_type, date, actors, statements, docs, kind, label "
                          "FROM events ORDER BY date, id")
        return [Event(r[0], r[1], r[2], [actors[a] for a in json.loads(r[3]) if a in actors],
                      json.loads(r[4]), json.loads(r[5]), r[6], r[7]) for r in rows]

    def replace_discrepancies(self, found: Iterable[Discrepancy]) -> None:
        self.execute("DELETE FROM discrepancies")
        self.executemany(
            "INSERT INTO discrepancies (id, kind, summary, date, statements, docs, actors, "
            "issue, claims, sides, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(d.id, d.kind, d.summary, d.date, json.dumps(d.statements), json.dumps(d.docs),
              json.dumps([a.id for a in d.actors]), d.issue, json.dumps(d.claims),
              json.dumps(d.sides, ensure_ascii=False), d.score) for d in found],
        )

    def discrepancies(self) -> list[Discrepancy]:
        """Every discrepancy, most significant first."""
        actors = self.actors()
        rows = self.query("SELECT id, kind, summary, date, statements, docs, actors, issue, "
                          "claims, sides, score FROM discrepancies ORDER BY score DESC, id")
        return [Discrepancy(r[0], r[1], r[2], r[3], json.loads(r[4]), json.loads(r[5]),
                            [actors[a] for a in json.loads(r[6]) if a in actors], r[7],
                            json.loads(r[8]), json.loads(r[9]), r[10]) for r in rows]

    def _save_claims(self, doc_id: str, claims: Sequence[Claim]) -> None:
        self.ensure_actors(c.source for c in claims if c.source)
        self.execute("DELETE FROM claims WHERE doc = ?", (doc_id,))
        self.executemany(
            "INSERT INTO claims (id, doc, sentence, start_char, end_char, subject, value, unit, "
            "as_of, source, grp, qualifier, since, period, figure) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.id, c.doc, c.sentence, c.start, c.end, c.subject, c.value, c.unit, c.as_of,
              c.source.id if c.source else None, c.group, c.qualifier, c.since, c.period,
              c.text) for c in claims],
        )
