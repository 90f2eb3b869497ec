"""Jinja2 rendering shared by the dashboard and the report: autoescaped, with filters that
keep untrusted article text and URLs inert."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..queries import safe_url

STANCES = ("support", "oppose", "neutral", "no_comment", "ambiguous", "contested")
__all__ = ["environment", "render", "safe_url", "static_text"]
LABELS = {"no_comment": "no comment", "no data": "no data"}


def highlight(snippet: str | None) -> Markup:
    """A search snippet, escaped, with its match markers (U+E000/U+E001) as <mark>."""
    text = str(escape(snippet or ""))
    return Markup(text.replace("\ue000", "<mark>").replace("\ue001", "</mark>"))


def stance_class(stance: str | None) -> str:
    s = (stance or "none").replace(" ", "_")
    return f"st-{s}" if s in (*STANCES, "no_data") else "st-none"


def stance_label(stance: str | None) -> str:
    return LABELS.get(stance or "", stance or "—")


def query(**params: Any) -> str:
    """A query string from the non-empty parameters (values are URL-encoded)."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def path(value: Any) -> str:
    """One URL path segment, fully percent-encoded."""
    return quote(str(value), safe="")


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("stancemap.web", "templates"),
                      autoescape=select_autoescape(["html", "xml", "svg"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(safe_url=safe_url, highlight=highlight, stance_class=stance_class,
                       stance_label=stance_label, path=path)
    env.globals.update(query=query, STANCES=STANCES)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def static_text(name: str) -> str:
    """A file of ``web/static`` (the report inlines the stylesheet)."""
    return (resources.files("stancemap.web") / "static" / name).read_text(encoding="utf-8")
