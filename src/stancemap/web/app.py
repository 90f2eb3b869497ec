"""The FastAPI application: pages, the JSON API under /api, static files, security headers."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from importlib import resources

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ..api import Stancemap
from .render import render

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/api/docs", "/api/redoc")  # FastAPI's own pages load their scripts elsewhere


def create_app(db: str, token: str | None = None) -> FastAPI:
    """The dashboard and API over the database ``db``; writes need ``token`` (off if None)."""
    from . import pages, routes_api

    app = FastAPI(title="stancemap", version="1", docs_url="/api/docs", redoc_url="/api/redoc",
                  openapi_url="/api/openapi.json",
                  description="Who stands where on what: the store as JSON, in the export's "
                              "shapes. Read-only unless the server was started with a token.")
    app.state.db = db
    app.state.token = token or None
    app.state.writer = None
    app.state.write_lock = threading.Lock()
    static = resources.files("stancemap.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(routes_api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                      ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(DOCS_PATHS):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @app.exception_handler(404)
    async def not_found(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return _json_error(exc)
        return HTMLResponse(render("error.html", title="Not found", status=404,
                                   message=exc.detail or "Nothing here."), status_code=404)

    return app


def _json_error(exc: HTTPException) -> Response:
    from fastapi.responses import JSONResponse

    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)


@contextmanager
def reader(request: Request) -> Iterator[Stancemap]:
    """A Stancemap for one request (SQLite connections stay in the thread that made them)."""
    sm = Stancemap(request.app.state.db)
    try:
        yield sm
    finally:
        sm.close()


@contextmanager
def writer(request: Request) -> Iterator[Stancemap]:
    """The one Stancemap that writes (it keeps the loaded language model), one request at a
    time; its store is reopened per request."""
    state = request.app.state
    with state.write_lock:
        if state.writer is None:
            state.writer = Stancemap(state.db)
        try:
            yield state.writer
        finally:
            state.writer.close()


def require_token(request: Request) -> None:
    """Writes are off without a server token; with one, they need ``Bearer <token>``."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are disabled: start the server with --token "
                                 "(or STANCEMAP_TOKEN) to enable them")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(),
                                                             token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})
