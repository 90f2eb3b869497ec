"""``stancemap report``: a briefing as one self-contained HTML file (inline CSS, no scripts,
no external resources) or Markdown: the matrix, each actor's positions with quoted evidence
and citations, the discrepancies and the coverage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import StancemapError
from .matrix import NO_DATA
from .models import Position
from .queries import Queries
from .web.render import render, safe_url, stance_label, static_text

QUOTES_PER_POSITION = 3  # from as many different documents
VERBS = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on",
         "no_comment": "has not commented on", "ambiguous": "is ambiguous on",
         "contested": "has a contested position on"}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@dataclass(slots=True)
class Briefing:
    """Everything the report shows, gathered once for either format."""

    generated: str
    counts: dict[str, int]
    issues: list[dict[str, Any]]
    matrix: list[dict[str, Any]]  # rows: actor + cells
    actors: list[dict[str, Any]]  # actor + positions (each with quoted evidence)
    discrepancies: list[dict[str, Any]]
    coverage: list[dict[str, Any]]


def gather(q: Queries) -> Briefing:
    m = q.matrix()
    titles = {i.id: i.title for i in m.issues}
    rows = [{"actor": a, "cells": [(i, m.cell(a.id, i.id)) for i in m.issues]} for a in m.actors]
    positions = {(p.actor.id, p.issue): p for p in q.positions()}
    actors = []
    for a in m.actors:
        held = [positions[(a.id, i.id)] for i in m.issues if (a.id, i.id) in positions]
        if not held:
            continue
        items = [{"issue": p.issue, "title": titles.get(p.issue, p.issue), "stance": p.stance,
                  "verb": VERBS.get(p.stance, p.stance), "as_of": p.as_of, "docs": len(p.docs),
                  "quotes": _quotes(q, p)} for p in held]
        actors.append({"actor": a, "positions": items})
    counts = {t: q.store.count(t) for t in ("documents", "statements", "positions",
                                             "discrepancies", "events", "claims")}
    return Briefing(datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), counts,
                    [{"id": i.id, "title": i.title} for i in m.issues], rows, actors,
                    q.discrepancies(), q.coverage())


def _quotes(q: Queries, p: Position) -> list[dict[str, Any]]:
    """The most recent evidence, one statement per document, then more from the same ones."""
    evidence = q.statements(p.evidence)
    seen: set[str] = set()
    first = [s for s in evidence if not (s["doc"] in seen or seen.add(s["doc"]))]
    rest = [s for s in evidence if s not in first]
    return (first + rest)[:QUOTES_PER_POSITION]


def write_report(q: Queries, out: Path, fmt: str = "html") -> Path:
    """Write the briefing to ``out`` in ``fmt`` (html or md)."""
    if fmt not in ("html", "md"):
        raise StancemapError(f"unknown report format {fmt!r} (supported: html, md)")
    b = gather(q)
    text = html_report(b) if fmt == "html" else markdown_report(b)
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StancemapError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return out


def html_report(b: Briefing) -> str:
    css = re.sub(r"@import[^;]*;|url\([^)]*\)", "", static_text("style.css"))
    return render("report.html", b=b, css=css, csp=CSP, NO_DATA=NO_DATA)


# --- Markdown ---------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def md(text: Any) -> str:
    """Untrusted text as inert Markdown: one line, HTML and Markdown syntax escaped."""
    s = re.sub(r"\s+", " ", str(text or "")).strip()
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def md_cite(doc: dict[str, Any]) -> str:
    title = md(doc.get("title") or doc.get("id"))
    publisher = md(doc.get("publisher") or "unknown publisher")
    where = f"{publisher}, {md(doc.get('published') or 'undated')}"
    url = safe_url(doc.get("url") or doc.get("uri"))
    link = f"[{title}](<{url}>)" if url else f"*{title}*"
    return f"{link} ({where})"


def markdown_report(b: Briefing) -> str:
    out = ["# stancemap briefing", "",
           f"Generated {b.generated} from {b.counts['documents']} documents "
           f"({b.counts['statements']} statements, {b.counts['positions']} positions).", ""]
    out += ["## Matrix", ""]
    if b.issues:
        out.append("| actor | " + " | ".join(md(i["title"]) for i in b.issues) + " |")
        out.append("|---" * (len(b.issues) + 1) + "|")
        for row in b.matrix:
            cells = [stance_label(c.stance) + (f" ({c.sources})" if c.sources else "")
                     for _, c in row["cells"]]
            out.append(f"| {md(row['actor'].name)} | " + " | ".join(cells) + " |")
    else:
        out.append("No issues yet.")
    out += ["", "## Positions by actor", ""]
    for entry in b.actors:
        out += [f"### {md(entry['actor'].name)}", ""]
        sentences = [f"{md(entry['actor'].name)} {p['verb']} “{md(p['title'])}” (as of "
                     f"{p['as_of'] or 'undated'}; {p['docs']} document"
                     f"{'' if p['docs'] == 1 else 's'})." for p in entry["positions"]]
        out += [" ".join(sentences), ""]
        for p in entry["positions"]:
            for s in p["quotes"]:
                out.append(f"- *{md(p['title'])}*: “{md(s['sentence'])}” — "
                           f"{md_cite(s['document'])}")
        out.append("")
    out += ["## Discrepancies", ""]
    for d in b.discrepancies:
        out.append(f"- **{md(d['kind'].replace('_', ' '))}** ({d['date'] or 'undated'}): "
                   f"{md(d['summary'])}")
        for v in d["views"]:
            figure = f" ({md(v['figure'])})" if v.get("figure") else ""
            out.append(f"  - {md(v.get('says') or 'unnamed source')}{figure}: "
                       f"“{md(v.get('quote'))}” — {md_cite(v['document'])}")
    if not b.discrepancies:
        out.append("None found.")
    out += ["", "## Coverage", ""]
    if b.coverage:
        out.append("Watched actors with no data at all on an issue:")
        out.append("")
        for c in b.coverage:
            out.append(f"- {md(c['actor']['name'])}: {md(c['title'])}")
    else:
        out.append("Every watched actor has data on every issue.")
    return "\n".join(out) + "\n"
