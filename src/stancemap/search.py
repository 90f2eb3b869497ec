"""Full-text search over documents and statements: SQLite FTS5 (migration 002), kept in step
with the store by rebuilding the index whenever its tables have changed; a plain substring
match where FTS5 is not available."""

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
