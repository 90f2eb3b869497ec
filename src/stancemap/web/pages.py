"""The dashboard's server-rendered pages (Jinja2); every value is escaped by the templates."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..matrix import NO_DATA
from ..queries import GROUPS, Filters
from .app import reader
from .charts import timeline_chart
from .render import render

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def page(template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **context))


def _filters(since: str | None, until: str | None, publisher: str | None, group: str | None
             ) -> Filters:
    return Filters(since or None, until or None, publisher or None,
                   group if group in GROUPS else "states")


@router.get("/")
def matrix_page(request: Request, since: str | None = None, until: str | None = None,
                publisher: str | None = None, group: str | None = None) -> HTMLResponse:
    f = _filters(since, until, publisher, group)
    with reader(request) as sm:
        q = sm.queries
        m = q.matrix(f)
        publishers = q.publishers()
        counts = {t: sm.store.count(t) for t in ("documents", "statements", "positions")}
    rows = [(a, [(i, m.cell(a.id, i.id)) for i in m.issues]) for a in m.actors]
    return page("matrix.html", nav="matrix", f=f, rows=rows, issues=m.issues,
                publishers=publishers, groups=GROUPS, counts=counts, NO_DATA=NO_DATA)


@router.get("/evidence")
def evidence_page(request: Request, actor: str, issue: str, since: str | None = None,
                  until: str | None = None, publisher: str | None = None,
                  group: str | None = None, partial: bool = False) -> HTMLResponse:
    f = _filters(since, until, publisher, group)
    with reader(request) as sm:
        q = sm.queries
        holder = sm.store.actor(actor)
        if holder is None:
            raise HTTPException(404, f"no actor {actor!r}")
        position = q.position(actor, issue, f)
        statements = q.statements(position.evidence) if position else []
        title = q.issue_titles().get(issue, issue)
    context = {"actor": holder, "issue": issue, "issue_title": title, "position": position,
               "statements": statements, "f": f}
    if partial:
        return page("_evidence.html", **context)
    return page("evidence.html", nav="matrix", **context)


@router.get("/timeline")
def timeline_page(request: Request, actor: str, issue: str) -> HTMLResponse:
    with reader(request) as sm:
        q = sm.queries
        holder = sm.store.actor(actor)
        if holder is None:
            raise HTTPException(404, f"no actor {actor!r}")
        position = q.position(actor, issue)
        timeline = position.timeline if position else []
        statements = {s["id"]: s for s in q.statements([t["statement"] for t in timeline])}
        title = q.issue_titles().get(issue, issue)
    chart = timeline_chart(timeline, statements)
    entries = [{**t, "s": statements.get(t["statement"]), "change": i in chart.changes}
               for i, t in enumerate(timeline)]
    return page("timeline.html", nav="matrix", actor=holder, issue=issue, issue_title=title,
                position=position, chart=chart, entries=entries)


@router.get("/discrepancies")
def discrepancies_page(request: Request) -> HTMLResponse:
    with reader(request) as sm:
        q = sm.queries
        items = q.discrepancies()
        claims = q.claims()
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        groups.setdefault(c["group"] or c["id"], []).append(c)
    return page("discrepancies.html", nav="discrepancies", items=items, claim_groups=groups)


@router.get("/events")
def events_page(request: Request, min_docs: int = 2) -> HTMLResponse:
    """Events reported by several documents by default; ``min_docs=1`` lists them all."""
    with reader(request) as sm:
        items = sm.queries.events(max(1, min_docs))
    return page("events.html", nav="events", items=items, min_docs=max(1, min_docs))


@router.get("/actor/{actor_id:path}")
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    return _detail(request, "actor", actor_id, "")


@router.get("/documents")
def documents_page(request: Request) -> HTMLResponse:
    with reader(request) as sm:
        docs = sm.queries.documents_list()
    return page("documents.html", nav="documents", docs=docs)


@router.get("/document/{doc_id}")
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    return _detail(request, "document", doc_id, "documents")


def _detail(request: Request, kind: str, key: str, nav: str) -> HTMLResponse:
    """The page of one actor or document (``queries.<kind>(key)``), or 404."""
    with reader(request) as sm:
        data = getattr(sm.queries, kind)(key)
        titles = sm.queries.issue_titles()
    if data is None:
        raise HTTPException(404, f"no {kind} {key!r}")
    return page(f"{kind}.html", nav=nav, titles=titles, **data)


@router.get("/search")
def search_page(request: Request, q: str = Query("", max_length=500)) -> HTMLResponse:
    hits: dict[str, list[dict[str, Any]]] = {"documents": [], "statements": []}
    if q.strip():
        with reader(request) as sm:
            hits = sm.queries.search(q)
    return page("search.html", nav="search", q=q, hits=hits)
