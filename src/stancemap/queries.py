"""Read queries for the web UI, the HTTP API and the report (``Stancemap.queries``).

Every record comes in the contract's shape (``export.Rows``); pages add document metadata
and context around the contract fields. No SQL lives in the web layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

from .export import Page, Rows
from .kb import KnowledgeBase
from .link import position_holder
from .matrix import Matrix, build_matrix
from .matrix import _cell as matrix_cell
from .models import Actor, Position
from .positions import Evidence, build_positions
from .search import search
from .store import SQLStore

GROUPS = ("states", "watch", "all")  # matrix rows: watched + states, watched only, everyone
CONTEXT_CHARS = 240


@dataclass(frozen=True, slots=True)
class Filters:
    """Matrix filters: act (or publication) date range, publisher, actor group."""

    since: str | None = None
    until: str | None = None
    publisher: str | None = None
    group: str = "states"

    @property
    def narrows(self) -> bool:
        """True if positions must be rebuilt from a subset of the statements."""
        return bool(self.since or self.until or self.publisher)

    def admits(self, day: str | None, publisher: str | None) -> bool:
        if self.publisher and publisher != self.publisher:
            return False
        if (self.since or self.until) and not day:
            return False
        if self.since and day and day[: len(self.since)] < self.since[: len(day)]:
            return False
        return not (self.until and day and day[: len(self.until)] > self.until[: len(day)])


# API filters: query parameter -> SQL condition on the table's own columns.
_JSON_HAS = "{col} LIKE '%' || ? || '%'"
API_FILTERS: dict[str, dict[str, str]] = {
    "documents": {"publisher": "publisher = ?", "language": "language = ?",
                  "since": "published >= ?", "until": "published <= ?",
                  "duplicate_of": "duplicate_of = ?"},
    "mentions": {"doc": "doc = ?", "actor": "actor = ?", "method": "method = ?"},
    "statements": {"doc": "doc = ?", "actor": "actor = ?", "target": "target = ?",
                   "issue": "issue = ?", "stance": "stance = ?", "event_type": "event_type = ?",
                   "modality": "modality = ?", "since": "date >= ?", "until": "date <= ?"},
    "positions": {"actor": "actor = ?", "issue": "issue = ?", "stance": "stance = ?"},
    "events": {"event_type": "event_type = ?", "since": "date >= ?", "until": "date <= ?",
               "actor": _JSON_HAS.format(col="actors"), "doc": _JSON_HAS.format(col="docs")},
    "discrepancies": {"kind": "kind = ?", "since": "date >= ?", "until": "date <= ?",
                      "actor": _JSON_HAS.format(col="actors"),
                      "doc": _JSON_HAS.format(col="docs")},
    "claims": {"doc": "doc = ?", "group": "grp = ?", "subject": "subject = ?",
               "source": "source = ?"},
    "actors": {"type": "type = ?", "country": "country = ?", "sector": "sector = ?",
               "origin": "origin = ?", "q": "name LIKE '%' || ? || '%'"},
    "issues": {},
}
TABLES = tuple(API_FILTERS)


class _Known:
    """The slice of a knowledge base that ``position_holder`` reads: actors by id."""

    def __init__(self, actors: dict[str, Actor]) -> None:
        self.actors = actors


class Queries:
    """What the dashboard, the API and the report read from one store."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self.rows = Rows(store)

    # --- API tables -------------------------------------------------------------------

    def table(self, name: str, filters: dict[str, str], limit: int, offset: int
              ) -> tuple[list[dict[str, Any]], int]:
        """One page of a table's contract records and the number of rows that match."""
        conds = API_FILTERS[name]
        used = [(conds[k], v) for k, v in filters.items() if k in conds and v not in (None, "")]
        where = tuple(c for c, _ in used)
        params = tuple(v for _, v in used)
        cond = f" WHERE {' AND '.join(where)}" if where else ""
        total = int(self.store.scalar(f"SELECT COUNT(*) FROM {name}{cond}", params))
        page = Page(where, params, limit, offset)
        if name == "actors":
            return self._actors(page), total
        if name == "issues":
            issues = self.issues()
            return issues[offset: offset + limit], len(issues)
        return list(getattr(self.rows, name)(page)), total

    def _actors(self, page: Page) -> list[dict[str, Any]]:
        rows = self.store.query(page.sql("SELECT id FROM actors", "id"), page.params)
        return [self.rows.actors[r[0]].to_dict() for r in rows if r[0] in self.rows.actors]

    def issues(self) -> list[dict[str, Any]]:
        return [{"id": i.id, "title": i.title, "description": i.description,
                 "keywords": i.keywords, "since": i.since} for i in self.store.issues()]

    def issue_titles(self) -> dict[str, str]:
        return {i.id: i.title for i in self.store.issues()}

    def publishers(self) -> list[str]:
        return [r[0] for r in self.store.query(
            "SELECT DISTINCT publisher FROM documents WHERE publisher IS NOT NULL "
            "ORDER BY publisher")]

    # --- positions and the matrix ------------------------------------------------------

    def positions(self, f: Filters = Filters()) -> list[Position]:
        """Stored positions, or positions rebuilt from the statements the filters admit."""
        if not f.narrows:
            return self.store.positions()
        publishers = dict(self.store.query("SELECT id, publisher FROM documents"))
        known = cast(KnowledgeBase, _Known(self.store.actors()))
        evidence = []
        for st, published in self.store.iter_statements():
            holder = position_holder(st.actor, known)
            if holder and st.issue and st.stance and f.admits(
                    st.date or published, publishers.get(st.doc)):
                evidence.append(Evidence(st, holder, published))
        return build_positions(evidence)

    def matrix(self, f: Filters = Filters()) -> Matrix:
        """Actors x issues under the filters; ``group`` picks the rows."""
        if not f.narrows and f.group != "all":
            m = build_matrix(self.store)
        else:
            positions = self.positions(f)
            known = self.store.actors()
            watched = [known[w] for w in self.store.watch() if w in known]
            others = sorted({p.actor for p in positions if p.actor not in watched and (
                f.group == "all" or p.actor.type == "state")}, key=lambda a: a.name)
            m = Matrix([*watched, *others], self.store.issues(),
                       {(p.actor.id, p.issue): matrix_cell(p) for p in positions})
        if f.group == "watch":
            watch = set(self.store.watch())
            m.actors = [a for a in m.actors if a.id in watch]
        return m

    def position(self, actor: str, issue: str, f: Filters = Filters()) -> Position | None:
        return next((p for p in self.positions(f) if p.actor.id == actor and p.issue == issue),
                    None)

    # --- statements with their documents -----------------------------------------------

    def statements(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Statements by id, in the order given, each with ``document`` metadata and the
        text around its sentence (``before``, ``after``)."""
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 400):
            marks = ", ".join("?" for _ in chunk)
            for s in self.rows.statements(Page((f"id IN ({marks})",), tuple(chunk))):
                found[s["id"]] = s
        return self._with_documents([found[i] for i in ids if i in found])

    def statements_where(self, cond: str, params: Sequence[Any], limit: int = 300
                         ) -> list[dict[str, Any]]:
        rows = self.rows.statements(Page((cond,), tuple(params), limit))
        return self._with_documents(list(rows))

    def _with_documents(self, statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
        docs = self.documents_meta({s["doc"] for s in statements}, with_text=True)
        for s in statements:
            doc = docs.get(s["doc"], {})
            text = doc.get("text", "")
            s["document"] = {k: v for k, v in doc.items() if k != "text"}
            s["before"] = _tail(text[max(0, s["start"] - CONTEXT_CHARS): s["start"]])
            s["after"] = _head(text[s["end"]: s["end"] + CONTEXT_CHARS])
        return statements

    def documents_meta(self, ids: Iterable[str], with_text: bool = False
                       ) -> dict[str, dict[str, Any]]:
        """Title, publisher, date, ``uri`` as given and ``url``: its web address, if any."""
        cols = "id, uri, title, published, publisher" + (", text" if with_text else "")
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(sorted(ids), 400):
            marks = ", ".join("?" for _ in chunk)
            for r in self.store.query(f"SELECT {cols} FROM documents WHERE id IN ({marks})",
                                      chunk):
                out[r[0]] = {**dict(zip(cols.split(", "), r, strict=True)),
                             "url": safe_url(r[1])}
            for doc, uri in self.store.query(
                    f"SELECT doc, uri FROM document_uris WHERE doc IN ({marks}) ORDER BY uri",
                    chunk):
                if doc in out and not out[doc]["url"]:
                    out[doc]["url"] = safe_url(uri)
        return out

    def documents_list(self, limit: int = 500) -> list[dict[str, Any]]:
        rows = self.store.query(
            "SELECT id, uri, title, published, publisher, chars, duplicate_of FROM documents "
            f"ORDER BY published DESC, id LIMIT {int(limit)}")
        keys = ("id", "uri", "title", "published", "publisher", "chars", "duplicate_of")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    # --- pages --------------------------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A document with its mentions, statements, claims and highlighted segments."""
        docs = list(self.rows.documents(Page(("id = ?",), (doc_id,))))
        if not docs:
            return None
        doc = docs[0]
        doc["url"] = self.documents_meta([doc_id])[doc_id]["url"]
        one = Page(("doc = ?",), (doc_id,))
        mentions = list(self.rows.mentions(one))
        statements = list(self.rows.statements(one))
        claims = list(self.rows.claims(one))
        return {"document": doc, "mentions": mentions, "statements": statements,
                "claims": claims, "segments": segments(doc["text"], mentions, statements)}

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """An actor's names, roles, positions, statements and the documents naming it."""
        actor = self.store.actor(actor_id)
        if actor is None:
            return None
        aliases = self.store.query("SELECT text, kind, valid_from, valid_to FROM aliases "
                                   "WHERE actor = ? ORDER BY kind, text", (actor_id,))
        roles = self.store.query("SELECT title, country, start_date, end_date FROM roles "
                                 "WHERE person = ? ORDER BY start_date", (actor_id,))
        if actor.type == "state" and actor.sector is None:  # a state speaks through its sectors
            cond, params = ("(actor = ? OR actor IN (SELECT id FROM actors WHERE country = ? "
                            "AND type = 'state'))"), (actor_id, actor_id)
        else:
            cond, params = "actor = ?", (actor_id,)
        docs = self.store.query(
            "SELECT d.id, d.title, d.published, d.publisher, COUNT(*) FROM mentions m "
            "JOIN documents d ON d.id = m.doc WHERE m.actor = ? "
            "GROUP BY d.id, d.title, d.published, d.publisher ORDER BY d.published DESC, d.id",
            (actor_id,))
        return {
            "actor": actor.to_dict(),
            "aliases": [dict(zip(("text", "kind", "from", "to"), r, strict=True))
                        for r in aliases],
            "roles": [dict(zip(("title", "country", "start", "end"), r, strict=True))
                      for r in roles],
            "positions": list(self.rows.positions(Page(("actor = ?",), (actor_id,)))),
            "statements": self.statements_where(cond, params),
            "documents": [dict(zip(("id", "title", "published", "publisher", "mentions"), r,
                                   strict=True)) for r in docs],
        }

    def discrepancies(self) -> list[dict[str, Any]]:
        """Every discrepancy with its ``views``: each side's words (statement or numeric
        claim) in context, who says it and the document it is in."""
        out = list(self.rows.discrepancies())
        quoted = {s["id"]: s for s in self.statements(
            [i for d in out for i in d["statements"]])}
        docs = self.documents_meta({i for d in out for i in d["docs"]} | {
            side.get("doc") for d in out for side in d.get("sides") or [] if side.get("doc")},
            with_text=True)
        for d in out:
            sides = d.get("sides") or [
                {"says": (s["actor"] or {}).get("name"), "statement": s["id"], "doc": s["doc"],
                 "quote": s["sentence"], "start": s["start"], "end": s["end"], "date": s["date"],
                 "stance": s["stance"]} for s in (quoted[i] for i in d["statements"]
                                                  if i in quoted)]
            d["views"] = [self._view(side, docs) for side in sides]
            d["documents"] = [_meta(docs[i]) for i in d["docs"] if i in docs]
        return out

    @staticmethod
    def _view(side: dict[str, Any], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
        doc = docs.get(side.get("doc") or "", {})
        text, start, end = doc.get("text", ""), side.get("start"), side.get("end")
        view = {**side, "document": _meta(doc), "before": "", "after": "",
                "anchor": f"s-{side['statement']}" if side.get("statement") else ""}
        quote = str(side.get("quote") or "").strip()
        if isinstance(start, int) and isinstance(end, int) and text[start:end].strip() == quote:
            view["before"] = _tail(text[max(0, start - CONTEXT_CHARS): start])
            view["after"] = _head(text[end: end + CONTEXT_CHARS])
        return view

    def events(self, min_docs: int = 1) -> list[dict[str, Any]]:
        """Merged events reported by at least ``min_docs`` documents, with the statements
        (reports) behind them, newest first."""
        out = sorted((e for e in self.rows.events() if len(e["docs"]) >= min_docs),
                     key=lambda e: (e["date"] or "", e["id"]), reverse=True)
        quoted = {s["id"]: s for s in self.statements([i for e in out for i in e["statements"]])}
        docs = self.documents_meta({i for e in out for i in e["docs"]})
        for e in out:
            e["reports"] = [quoted[i] for i in e["statements"] if i in quoted]
            e["documents"] = [docs[i] for i in e["docs"] if i in docs]
        return out

    def claims(self) -> list[dict[str, Any]]:
        """Numeric claims grouped by quantity (``group``), each with its document."""
        out = list(self.rows.claims())
        docs = self.documents_meta({c["doc"] for c in out})
        for c in out:
            c["document"] = docs.get(c["doc"], {})
        return sorted(out, key=lambda c: (c["group"] or c["id"], c["as_of"] or ""))

    def coverage(self) -> list[dict[str, Any]]:
        """Watched (actor, issue) pairs with no data at all."""
        m = build_matrix(self.store)
        watched = set(self.store.watch())
        return [{"actor": a.to_dict(), "issue": i.id, "title": i.title}
                for a in m.actors if a.id in watched
                for i in m.issues if m.cell(a.id, i.id).sources == 0]

    def search(self, q: str, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
        """Documents and statements matching ``q`` (FTS5; substring match as fallback)."""
        hits = search(self.store, q, limit)
        statements = {s["id"]: s for s in self.statements(
            [h["id"] for h in hits["statements"]])}
        for h in hits["statements"]:
            h["statement"] = statements.get(h["id"])
        hits["statements"] = [h for h in hits["statements"] if h["statement"]]
        return hits


def safe_url(url: Any) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None: never link other schemes."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(
            c in url for c in "\"'<>` \t\r\n\\"):
        return url
    return None


def segments(text: str, mentions: list[dict[str, Any]], statements: list[dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """The text cut at every mention and statement boundary: pieces with the mention (actor)
    and the statements covering them, and ``anchors`` of statements starting there."""
    cuts = {0, len(text)}
    for item in (*mentions, *statements):
        cuts.update((max(0, min(item["start"], len(text))), max(0, min(item["end"], len(text)))))
    starts: dict[int, list[str]] = {}
    for s in statements:
        starts.setdefault(s["start"], []).append(s["id"])
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        mention = next((m for m in mentions if m["start"] <= a and b <= m["end"]), None)
        covering = [s for s in statements if s["start"] <= a and b <= s["end"]]
        out.append({"text": text[a:b], "actor": mention["actor"] if mention else None,
                    "statements": [s["id"] for s in covering],
                    "stance": next((s["stance"] for s in covering if s["stance"]), None),
                    "anchors": starts.get(a, [])})
    return out


def _meta(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "text"}


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _tail(text: str) -> str:
    """The end of the preceding text, from a paragraph break or a word boundary."""
    if "\n\n" in text:
        return text.rsplit("\n\n", 1)[1]
    return ("…" + text.split(" ", 1)[1]) if len(text) >= CONTEXT_CHARS and " " in text else text


def _head(text: str) -> str:
    if "\n\n" in text:
        return text.split("\n\n", 1)[0]
    return (text.rsplit(" ", 1)[0] + "…") if len(text) >= CONTEXT_CHARS and " " in text else text

