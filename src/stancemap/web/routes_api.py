"""The JSON API: the export's records with filters and pagination; token-gated writes."""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field

from ..errors import StancemapError
from ..models import Issue
from ..queries import API_FILTERS, Filters
from .app import reader, require_token, writer

router = APIRouter(prefix="/api")
MAX_LIMIT = 1000

DESCRIPTIONS = {
    "documents": "Documents as in documents.jsonl (with the cleaned text).",
    "mentions": "Actor mentions as in mentions.jsonl.",
    "statements": "Statements as in statements.jsonl; since/until filter the act's date.",
    "positions": "Positions as in positions.jsonl (evidence, docs, timeline).",
    "events": "Merged events as in events.jsonl; actor/doc match any listed.",
    "discrepancies": "Discrepancies as in discrepancies.jsonl; actor/doc match any listed.",
    "claims": "Numeric claims as in claims.jsonl; group is the shared quantity id.",
    "actors": "Actors (the contract's Actor object); q matches part of the name.",
    "issues": "The issues of the issues file.",
}


class Paged(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next: str | None = Field(None, description="URL of the next page, null on the last")


def _list_endpoint(name: str) -> Any:
    def endpoint(request: Request, limit: int, offset: int, **filters: str | None) -> Paged:
        with reader(request) as sm:
            items, total = sm.queries.table(name, filters, limit, offset)
        more = offset + limit < total
        nxt = str(request.url.include_query_params(offset=offset + limit)) if more else None
        return Paged(items=items, total=total, limit=limit, offset=offset, next=nxt)

    params = [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                          annotation=Request),
        inspect.Parameter("limit", inspect.Parameter.KEYWORD_ONLY, annotation=int,
                          default=Query(100, ge=1, le=MAX_LIMIT)),
        inspect.Parameter("offset", inspect.Parameter.KEYWORD_ONLY, annotation=int,
                          default=Query(0, ge=0)),
        *(inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, annotation=str | None,
                            default=Query(None)) for key in API_FILTERS[name]),
    ]
    endpoint.__signature__ = inspect.Signature(params, return_annotation=Paged)  # type: ignore[attr-defined]
    endpoint.__name__ = f"list_{name}"
    return endpoint


for _name in API_FILTERS:
    router.add_api_route(f"/{_name}", _list_endpoint(_name), methods=["GET"],
                         response_model=Paged, summary=f"List {_name}",
                         description=DESCRIPTIONS[_name], tags=["records"])


@router.get("/matrix", tags=["views"], summary="The actor x issue matrix")
def matrix(request: Request, since: str | None = None, until: str | None = None,
           publisher: str | None = None, group: str = "states") -> dict[str, Any]:
    """Cells keyed by actor and issue: stance ("no data" where nothing is known), sources."""
    with reader(request) as sm:
        m = sm.queries.matrix(Filters(since, until, publisher, group))
    return {"actors": [a.to_dict() for a in m.actors],
            "issues": [{"id": i.id, "title": i.title} for i in m.issues],
            "cells": [{"actor": a.id, "issue": i.id, "stance": c.stance, "sources": c.sources,
                       "confidence": c.confidence}
                      for a in m.actors for i in m.issues for c in [m.cell(a.id, i.id)]]}


@router.get("/search", tags=["views"], summary="Full-text search")
def search(request: Request, q: str = Query(..., min_length=1),
           limit: int = Query(50, ge=1, le=200)) -> dict[str, Any]:
    """Documents and statements matching every word (the last as a prefix)."""
    with reader(request) as sm:
        hits = sm.queries.search(q, limit)
    for group in hits.values():
        for h in group:
            h["snippet"] = h["snippet"].replace("\ue000", "").replace("\ue001", "")
    return hits


# --- writes (token required) --------------------------------------------------------------


class Article(BaseModel):
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


class IngestBody(BaseModel):
    articles: list[Article] = Field(default_factory=list, description="Articles as in .jsonl")
    urls: list[str] = Field(default_factory=list, description="http(s) URLs to fetch")


class ActorEdit(BaseModel):
    name: str | None = None
    type: str | None = Field(None, pattern="^(state|person|organization|group|other)$")
    country: str | None = None
    sector: str | None = None


class IssueBody(BaseModel):
    title: str
    description: str = ""
    keywords: list[str] = Field(default_factory=list)
    since: str | None = None


@router.post("/ingest", tags=["writes"], dependencies=[Depends(require_token)])
def ingest(request: Request, body: IngestBody) -> dict[str, Any]:
    """Ingest article objects and http(s) URLs (needs the server token)."""
    if any(not u.startswith(("http://", "https://")) for u in body.urls):
        raise HTTPException(422, "urls must be http(s) URLs")
    with writer(request) as sm:
        report = sm.ingest_articles([a.model_dump(exclude_none=True) for a in body.articles])
        reports = [report, sm.ingest(body.urls)] if body.urls else [report]
    keys = ("added", "updated", "unchanged", "near_duplicates", "failed")
    return {**{k: sum(getattr(r, k) for r in reports) for k in keys},
            "problems": [str(p) for r in reports for p in r.problems]}


@router.post("/analyze", tags=["writes"], dependencies=[Depends(require_token)])
def analyze(request: Request) -> dict[str, Any]:
    """Analyse everything pending with the stored issues (needs the server token)."""
    with writer(request) as sm:
        try:
            report = sm.analyze()
        except StancemapError as exc:
            raise HTTPException(400, str(exc)) from exc
    return {"documents": report.documents, "statements": report.statements,
            "positions": report.positions}


@router.patch("/actors/{actor_id}", tags=["writes"], dependencies=[Depends(require_token)])
def edit_actor(request: Request, actor_id: str, body: ActorEdit) -> dict[str, Any]:
    """Change an actor's name, type, country or sector (needs the server token)."""
    with writer(request) as sm:
        if not sm.edit_actor(actor_id, body.model_dump(exclude_none=True)):
            raise HTTPException(404, f"no actor {actor_id!r}")
        actor = sm.store.actor(actor_id)
    assert actor is not None
    return actor.to_dict()


@router.put("/issues/{issue_id}", tags=["writes"], dependencies=[Depends(require_token)])
def put_issue(request: Request, issue_id: str, body: IssueBody) -> dict[str, Any]:
    """Add or replace an issue; documents are queued for analysis (needs the server token)."""
    issue = Issue(issue_id, body.title, body.description, body.keywords, body.since)
    with writer(request) as sm:
        sm.put_issue(issue)
    return {"id": issue_id, "title": body.title, "description": body.description,
            "keywords": body.keywords, "since": body.since}
