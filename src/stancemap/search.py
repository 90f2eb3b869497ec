"""Full-text search over documents and statements: SQLite FTS5 (migration 002), kept in step
with the store by rebuilding the index whenever its tables have changed; on PostgreSQL its
own full-text search over GIN-indexed tsvectors (migration 002 for that dialect); a plain
substring match where neither is available (and on PostgreSQL when it finds nothing)."""

from __future__ import annotations

import re
from typing import Any

from .store import SQLStore

STAMP_SQL = ("SELECT (SELECT COUNT(*) || ':' || IFNULL(MAX(rowid), 0) || ':' || "
             "IFNULL(MAX(ingested_at), '') || ':' || IFNULL(MAX(analyzed_at), '') || ':' || "
             "COUNT(analyzed_at) FROM documents) || '/' || "
             "(SELECT COUNT(*) || ':' || IFNULL(MAX(rowid), 0) || ':' || IFNULL(MIN(rowid), 0) "
             "FROM statements)")
SNIPPET_WORDS = 16


def fts_query(q: str) -> str:
    """User words as an FTS5 query: every word must occur, the last one as a prefix;
    quoted so that FTS5 syntax in the input is never interpreted."""
    words = re.findall(r"\w+", q)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def sync_index(store: SQLStore) -> bool:
    """Rebuild the FTS index if documents or statements changed since it was built;
    False if this database has no FTS5 index."""
    try:
        stamp = str(store.scalar(STAMP_SQL))
        if store.get_meta("fts_stamp") != stamp:
            with store.transaction():
                store.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
                store.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")
                store.set_meta("fts_stamp", stamp)
        return True
    except Exception:  # no FTS5 in this SQLite build, or another backend
        store.conn.rollback()
        return False


def search(store: SQLStore, q: str, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
    """{"documents": [{id, title, publisher, published, snippet}], "statements":
    [{id, doc, snippet}]}; snippets mark matches with U+E000/U+E001 (escape, then style)."""
    match = fts_query(q)
    if not match:
        return {"documents": [], "statements": []}
    if getattr(store, "dialect", "sqlite") == "postgresql":
        found = _pg(store, q, limit)
        return found if found["documents"] or found["statements"] else \
            _substring(store, q.strip(), limit)
    if sync_index(store):
        try:
            return _fts(store, match, limit)
        except Exception:
            store.conn.rollback()
    return _substring(store, q.strip(), limit)


def _fts(store: SQLStore, match: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    docs = store.query(
        "SELECT d.id, d.title, d.publisher, d.published, "
        f"snippet(documents_fts, 1, '\ue000', '\ue001', '…', {SNIPPET_WORDS}) "
        "FROM documents_fts f JOIN documents d ON d.rowid = f.rowid "
        f"WHERE documents_fts MATCH ? ORDER BY rank LIMIT {int(limit)}", (match,))
    statements = store.query(
        "SELECT s.id, s.doc, "
        f"snippet(statements_fts, 0, '\ue000', '\ue001', '…', {SNIPPET_WORDS}) "
        "FROM statements_fts f JOIN statements s ON s.rowid = f.rowid "
        f"WHERE statements_fts MATCH ? ORDER BY rank LIMIT {int(limit)}", (match,))
    return _shape(docs, statements)


# PostgreSQL: the expressions must match the indexes of migrations/002_search_postgresql.sql.
PG_DOC_VECTOR = "to_tsvector('simple', COALESCE(title, '') || ' ' || text)"
PG_STATEMENT_VECTOR = "to_tsvector('simple', sentence)"
PG_HEADLINE = (f"StartSel=\ue000, StopSel=\ue001, MaxWords={SNIPPET_WORDS}, "
               f"MinWords={SNIPPET_WORDS // 2}, ShortWord=0, MaxFragments=1")


def pg_query(q: str) -> str:
    """User words as a tsquery: every word must occur, the last one as a prefix; each word
    quoted so that tsquery syntax in the input is never interpreted."""
    words = [f"'{w}'" for w in re.findall(r"\w+", q)]
    if words:
        words[-1] += ":*"
    return " & ".join(words)


def _pg(store: SQLStore, q: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    query = pg_query(q)
    docs = _pg_hits(store, query, limit, "documents", "id, title, publisher, published",
                    "text", PG_DOC_VECTOR)
    statements = _pg_hits(store, query, limit, "statements", "id, doc", "sentence",
                          PG_STATEMENT_VECTOR)
    return _shape([(*r[:4], _ellipsis(r[4], r[5])) for r in docs],
                  [(*r[:2], _ellipsis(r[2], r[3])) for r in statements])


def _pg_hits(store: SQLStore, query: str, limit: int, table: str, columns: str, text: str,
             vector: str) -> list[tuple[Any, ...]]:
    """The best-ranked rows of ``table`` matching a tsquery: ``columns``, the headline of
    ``text`` and ``text`` itself."""
    tsq = "to_tsquery('simple', ?)"
    return store.query(
        f"SELECT {columns}, ts_headline('simple', {text}, {tsq}, ?), {text} "
        f"FROM (SELECT {columns}, {text}, ts_rank({vector}, {tsq}) "
        f"AS score FROM {table} WHERE {vector} @@ {tsq} "
        f"ORDER BY score DESC, id LIMIT {int(limit)}) hits ORDER BY score DESC, id",
        (query, PG_HEADLINE, query, query))


def _ellipsis(headline: str, text: str) -> str:
    """Mark a headline cut from a longer text with '…' where it was cut, as FTS5 does."""
    plain = headline.replace("\ue000", "").replace("\ue001", "").strip()
    whole = text.strip()
    head = "" if not plain or whole.startswith(plain[:40]) else "…"
    tail = "" if not plain or whole.endswith(plain[-40:]) else "…"
    return head + headline.strip() + tail


def _substring(store: SQLStore, q: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    docs = store.query(
        "SELECT id, title, publisher, published, text FROM documents "
        "WHERE text LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\' "
        f"ORDER BY published DESC, id LIMIT {int(limit)}", (like, like))
    statements = store.query(
        "SELECT id, doc, sentence FROM statements WHERE sentence LIKE ? ESCAPE '\\' "
        f"ORDER BY doc, start_char LIMIT {int(limit)}", (like,))
    return _shape([(*r[:4], _mark(r[4], q)) for r in docs],
                  [(*r[:2], _mark(r[2], q)) for r in statements])


def _mark(text: str, q: str) -> str:
    i = text.lower().find(q.lower())
    if i < 0:
        return text[:160]
    start = max(0, i - 80)
    return ("…" if start else "") + text[start:i] + "\ue000" + text[i: i + len(q)] + \
        "\ue001" + text[i + len(q): i + len(q) + 80] + "…"


def _shape(docs: list[tuple[Any, ...]], statements: list[tuple[Any, ...]]
           ) -> dict[str, list[dict[str, Any]]]:
    return {
        "documents": [dict(zip(("id", "title", "publisher", "published", "snippet"), r,
                               strict=True)) for r in docs],
        "statements": [dict(zip(("id", "doc", "snippet"), r, strict=True))
                       for r in statements],
    }
