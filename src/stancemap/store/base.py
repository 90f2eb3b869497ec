"""The storage layer: one SQL store that the pipeline talks to, whatever the database.

Backends subclass ``SQLStore`` and supply a DB-API connection and a placeholder style;
the SQL here is portable between SQLite and PostgreSQL. Schema changes are numbered
files in ``migrations/`` applied in order and recorded in ``schema_version``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from ..models import (
    Actor,
    Alias,
    Claim,
    Document,
    Issue,
    Mention,
    Position,
    Role,
    Sentence,
    Statement,
)
from .links import LinkTables

DOC_COLUMNS = ("id", "uri", "title", "published", "publisher", "author", "language", "chars",
               "duplicate_of", "text")


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def migrations(dialect: str = "sqlite") -> list[tuple[int, str]]:
    """(version, sql) of every bundled migration for ``dialect``, in order.

    A file whose leading comment lines include ``-- dialect: NAME[, NAME]`` applies to those
    dialects only (e.g. SQLite's FTS5 index, and PostgreSQL's own search index under the
    same version number); every other file applies to all."""
    folder = resources.files("stancemap.store") / "migrations"
    found: dict[int, str] = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if not item.name.endswith(".sql"):
            continue
        sql = item.read_text(encoding="utf-8")
        only = _dialects(sql)
        if only is not None and dialect not in only:
            continue
        version = int(item.name.split("_", 1)[0])
        if version in found:
            raise ValueError(f"two {dialect} migrations numbered {version}")
        found[version] = sql
    return sorted(found.items())


def _dialects(sql: str) -> set[str] | None:
    """The dialects a migration's header names (None: it names none, so it suits all)."""
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        key, _, value = line[2:].partition(":")
        if key.strip().lower() == "dialect":
            return {d.strip().lower() for d in value.split(",") if d.strip()}
    return None


class SQLStore(LinkTables):
    """Documents, actors, mentions and the derived tables, over a DB-API connection."""

    placeholder = "?"
    dialect = "sqlite"  # which migrations apply (see ``migrations``)

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._actors: dict[str, Actor] | None = None
        self.migrate()

    # --- plumbing ---------------------------------------------------------------------

    def _q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._q(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.cursor().executemany(self._q(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit on success, roll back on error: a failed step never half-writes."""
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run_script(self, sql: str) -> None:
        """Run statements separated by ";" (comment lines are dropped first)."""
        lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
        for statement in "\n".join(lines).split(";"):
            if statement.strip():
                self.execute(statement)

    def migrate(self) -> None:
        """Apply every bundled migration newer than the stored schema version."""
        self.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        current = self.scalar("SELECT MAX(version) FROM schema_version") or 0
        for version, sql in migrations(self.dialect):
            if version > current:
                with self.transaction():
                    self.run_script(sql)
                    self.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        self.conn.commit()

    @property
    def schema_version(self) -> int:
        return int(self.scalar("SELECT MAX(version) FROM schema_version") or 0)

    # --- meta -------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        return self.scalar("SELECT value FROM meta WHERE key = ?", (key,))

    def set_meta(self, key: str, value: str) -> None:
        self.execute("DELETE FROM meta WHERE key = ?", (key,))
        self.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))

    def count(self, table: str) -> int:
        assert table.isidentifier()
        return int(self.scalar(f"SELECT COUNT(*) FROM {table}"))

    # --- documents --------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE id = ?", (doc_id,)) is not None

    def add_document(self, doc: Document) -> None:
        values = [getattr(doc, c) for c in DOC_COLUMNS]
        cols = ", ".join(DOC_COLUMNS)
        marks = ", ".join("?" for _ in DOC_COLUMNS)
        self.execute(
            f"INSERT INTO documents ({cols}, ingested_at) VALUES ({marks}, ?)", (*values, now())
        )
        self.add_uri(doc.id, doc.uri)

    def add_uri(self, doc_id: str, uri: str) -> None:
        if self.scalar("SELECT 1 FROM document_uris WHERE doc = ? AND uri = ?", (doc_id, uri)):
            return
        self.execute("INSERT INTO document_uris (doc, uri) VALUES (?, ?)", (doc_id, uri))

    def update_document(self, doc_id: str, fields: dict[str, str]) -> None:
        """Set metadata fields and queue the document for analysis again."""
        allowed = {k: v for k, v in fields.items() if k in {"title", "published", "publisher"}}
        if not allowed:
            return
        sets = ", ".join(f"{k} = ?" for k in allowed)
        self.execute(
            f"UPDATE documents SET {sets}, analyzed_at = NULL WHERE id = ?",
            (*allowed.values(), doc_id),
        )

    def get_document(self, doc_id: str) -> Document | None:
        rows = self.query(f"SELECT {', '.join(DOC_COLUMNS)} FROM documents WHERE id = ?", (doc_id,))
        return self._doc(rows[0]) if rows else None

    @staticmethod
    def _doc(row: Sequence[Any]) -> Document:
        d = dict(zip(DOC_COLUMNS, row, strict=True))
        d.pop("chars")
        return Document(**d)

    def iter_documents(self, pending_only: bool = False, batch: int = 200) -> Iterator[Document]:
        """Stream documents by id, ``batch`` rows at a time (never the whole corpus)."""
        where = "WHERE analyzed_at IS NULL" if pending_only else ""
        cols = ", ".join(DOC_COLUMNS)
        last = ""
        while True:
            cond = f"{where} {'AND' if where else 'WHERE'} id > ?"
            rows = self.query(f"SELECT {cols} FROM documents {cond} ORDER BY id LIMIT {batch}",
                              (last,))
            if not rows:
                return
            for row in rows:
                yield self._doc(row)
            last = rows[-1][0]

    def pending_count(self) -> int:
        return int(self.scalar("SELECT COUNT(*) FROM documents WHERE analyzed_at IS NULL"))

    # --- near-duplicate index ----------------------------------------------------------

    def add_signature(self, doc_id: str, signature: bytes, buckets: Sequence[str]) -> None:
        self.execute("INSERT INTO minhashes (doc, signature) VALUES (?, ?)", (doc_id, signature))
        self.executemany(
            "INSERT INTO minhash_bands (band, bucket, doc) VALUES (?, ?, ?)",
            [(i, b, doc_id) for i, b in enumerate(buckets)],
        )

    def candidates(self, buckets: Sequence[str]) -> list[tuple[str, bytes]]:
        """Documents sharing at least one LSH bucket, with their signatures, oldest first."""
        if not buckets:
            return []
        ors = " OR ".join("(band = ? AND bucket = ?)" for _ in buckets)
        params = [x for i, b in enumerate(buckets) for x in (i, b)]
        rows = self.query(
            f"SELECT DISTINCT m.doc, m.signature, d.ingested_at FROM minhash_bands b "
            f"JOIN minhashes m ON m.doc = b.doc JOIN documents d ON d.id = b.doc "
            f"WHERE {ors} ORDER BY d.ingested_at, m.doc",
            params,
        )
        return [(r[0], bytes(r[1])) for r in rows]

    # --- actors -----------------------------------------------------------------------

    def replace_actors(
        self, actors: Iterable[Actor], aliases: Iterable[Alias], roles: Iterable[Role],
        origin: dict[str, str],
    ) -> None:
        """Write the knowledge base: upsert actors, replace their aliases and roles."""
        actors = list(actors)
        existing = {r[0] for r in self.query("SELECT id FROM actors")}
        for a in actors:
            row = (a.name, a.type, a.country, a.sector, origin.get(a.id, "kb"), a.id)
            if a.id in existing:
                self.execute("UPDATE actors SET name = ?, type = ?, country = ?, sector = ?, "
                             "origin = ? WHERE id = ?", row)
            else:
                self.execute("INSERT INTO actors (name, type, country, sector, origin, id) "
                             "VALUES (?, ?, ?, ?, ?, ?)", row)
        ids = [a.id for a in actors]
        self.executemany("DELETE FROM aliases WHERE actor = ?", [(i,) for i in ids])
        self.executemany("DELETE FROM roles WHERE person = ?", [(i,) for i in ids])
        seen: set[tuple[str, str, str]] = set()
        alias_rows = []
        for al in aliases:
            key = (al.actor, al.text, al.kind)
            if key not in seen:
                seen.add(key)
                alias_rows.append((*key, al.valid_from, al.valid_to))
        self.executemany("INSERT INTO aliases (actor, text, kind, valid_from, valid_to) "
                         "VALUES (?, ?, ?, ?, ?)", alias_rows)
        self.executemany(
            "INSERT INTO roles (person, role, country, title, start_date, end_date) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(r.person, r.role, r.country, r.title, r.start, r.end) for r in roles],
        )
        self._actors = None

    def ensure_actors(self, actors: Iterable[Actor], origin: str = "text") -> None:
        """Insert actors discovered in text (not in the knowledge base) if new."""
        known = self.actors()
        for a in actors:
            if a.id not in known:
                self.execute("INSERT INTO actors (id, name, type, country, sector, origin) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             (a.id, a.name, a.type, a.country, a.sector, origin))
                known[a.id] = a

    def actors(self) -> dict[str, Actor]:
        """Every stored actor by id (cached; the knowledge base fits in memory)."""
        if self._actors is None:
            rows = self.query("SELECT id, name, type, country, sector FROM actors")
            self._actors = {r[0]: Actor(*r) for r in rows}
        return self._actors

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.actors().get(actor_id) if actor_id else None

    # --- analysis ---------------------------------------------------------------------

    def save_analysis(self, doc_id: str, sentences: Sequence[Sentence],
                      mentions: Sequence[Mention], statements: Sequence[Statement] = (),
                      claims: Sequence[Claim] = ()) -> None:
        """Replace one document's sentences, mentions, statements and numeric claims; mark
        it analysed."""
        self._save_claims(doc_id, claims)
        self.ensure_actors([m.actor for m in mentions] + [
            a for s in statements for a in (s.actor, s.target, s.reported_by) if a])
        self.execute("DELETE FROM statements WHERE doc = ?", (doc_id,))
        self.executemany(
            "INSERT INTO statements (id, doc, sentence_idx, sentence, start_char, end_char, "
            "actor, target, event_type, issue, stance, date, reported_by, modality, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.id, s.doc, -1, s.sentence, s.start, s.end, s.actor.id,
              s.target.id if s.target else None, s.event_type, s.issue, s.stance, s.date,
              s.reported_by.id if s.reported_by else None, s.modality, s.confidence)
             for s in statements],
        )
        self.execute("DELETE FROM mentions WHERE doc = ?", (doc_id,))
        self.execute("DELETE FROM sentences WHERE doc = ?", (doc_id,))
        self.executemany(
            "INSERT INTO sentences (doc, idx, start_char, end_char) VALUES (?, ?, ?, ?)",
            [(s.doc, s.index, s.start, s.end) for s in sentences],
        )
        self.executemany(
            "INSERT INTO mentions (doc, sentence, start_char, end_char, text, actor, method, "
            "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(m.doc, m.sentence, m.start, m.end, m.text, m.actor.id, m.method, m.confidence)
             for m in mentions],
        )
        self.execute("UPDATE documents SET analyzed_at = ? WHERE id = ?", (now(), doc_id))

    def reset_analysis(self) -> None:
        """Queue every document for analysis again (after the knowledge base changed)."""
        self.execute("UPDATE documents SET analyzed_at = NULL")

    def iter_statements(self) -> Iterator[tuple[Statement, str | None]]:
        """Every stored statement with its document's publication date."""
        sql = ("SELECT s.id, s.doc, s.sentence, s.start_char, s.end_char, s.actor, s.target, "
               "s.event_type, s.issue, s.stance, s.date, s.reported_by, s.modality, "
               "s.confidence, d.published FROM statements s JOIN documents d ON d.id = s.doc "
               "WHERE d.duplicate_of IS NULL ORDER BY s.doc, s.start_char, s.id")
        actors = self.actors()
        for r in self.iter_rows(sql):
            yield Statement(
                id=r[0], doc=r[1], sentence=r[2], start=r[3], end=r[4], actor=actors[r[5]],
                target=actors.get(r[6]) if r[6] else None, event_type=r[7], issue=r[8],
                stance=r[9], date=r[10], reported_by=actors.get(r[11]) if r[11] else None,
                modality=r[12], confidence=r[13]), r[14]

    def replace_positions(self, positions: Iterable[Position]) -> None:
        self.execute("DELETE FROM positions")
        self.executemany(
            "INSERT INTO positions (actor, issue, stance, as_of, confidence, evidence, docs, "
            "timeline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.actor.id, p.issue, p.stance, p.as_of, p.confidence, json.dumps(p.evidence),
              json.dumps(p.docs), json.dumps(p.timeline)) for p in positions],
        )

    def positions(self) -> list[Position]:
        actors = self.actors()
        rows = self.query("SELECT actor, issue, stance, as_of, confidence, evidence, docs, "
                          "timeline FROM positions ORDER BY actor, issue")
        return [Position(actors[r[0]], r[1], r[2], r[3], r[4], json.loads(r[5]),
                         json.loads(r[6]), json.loads(r[7])) for r in rows]

    # --- issues -----------------------------------------------------------------------

    def replace_issues(self, issues: Sequence[Issue], watch: Sequence[str]) -> None:
        """Store the user's issues file (replacing the previous one)."""
        self.execute("DELETE FROM issues")
        self.executemany(
            "INSERT INTO issues (id, title, description, keywords, since) VALUES (?, ?, ?, ?, ?)",
            [(i.id, i.title, i.description, json.dumps(i.keywords), i.since) for i in issues],
        )
        self.set_meta("watch", json.dumps(list(watch)))

    def issues(self) -> list[Issue]:
        rows = self.query("SELECT id, title, description, keywords, since FROM issues ORDER BY id")
        return [Issue(r[0], r[1], r[2] or "", json.loads(r[3]), r[4]) for r in rows]

    def watch(self) -> list[str]:
        return list(json.loads(self.get_meta("watch") or "[]"))

    # --- export -----------------------------------------------------------------------

    def iter_rows(self, sql: str, params: Sequence[Any] = (), batch: int = 500
                  ) -> Iterator[tuple[Any, ...]]:
        cur = self.execute(sql, params)
        while rows := cur.fetchmany(batch):
            yield from rows
