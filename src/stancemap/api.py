"""The library API: the one surface the CLI, the HTTP API and the web UI call.

    sm = Stancemap("stancemap.db")
    sm.ingest(["articles/"], manifest=Path("manifest.jsonl"))
    sm.analyze(issues=Path("issues.yaml"))
    sm.export(Path("out"))
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from spacy.language import Language

from . import kb as kb_module
from . import nlp
from .analyze import AnalyzeReport, analyze_documents, sync_kb
from .config import Settings
from .export import export
from .ingest import IngestReport, ingest
from .issues import load_issues
from .kb import KnowledgeBase
from .matrix import Matrix, build_matrix
from .models import Claim, Discrepancy, Document, Event, Issue
from .queries import Queries
from .store import SQLStore, open_store


class Stancemap:
    """A stancemap database and the pipeline that fills it."""

    def __init__(self, db: str | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env(db=db)
        if db:
            self.settings.db = db

    @cached_property
    def store(self) -> SQLStore:
        return open_store(self.settings.db)

    @cached_property
    def kb(self) -> KnowledgeBase:
        return kb_module.load(self.settings.kb_files)

    @cached_property
    def nlp(self) -> Language:
        return nlp.load(self.settings.spacy_model, self.settings.ner)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
            del self.__dict__["store"]

    def __enter__(self) -> Stancemap:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- pipeline ---------------------------------------------------------------------

    def ingest(self, inputs: Iterable[str], manifest: Path | None = None,
               on_item: Callable[[str, str], None] | None = None) -> IngestReport:
        """Read, clean and store articles; bad inputs are reported, not fatal."""
        return ingest(self.store, inputs, manifest, self.settings.max_bytes,
                      self.settings.fetch_timeout, on_item)

    def analyze(self, issues: Path | None = None,
                on_doc: Callable[[Document], None] | None = None) -> AnalyzeReport:
        """Analyse everything not yet analysed (all of it if the knowledge base changed)."""
        if issues is not None:
            parsed = load_issues(issues)
            fingerprint = hashlib.sha256(repr((parsed.issues, parsed.watch)).encode()).hexdigest()
            with self.store.transaction():
                self.store.replace_issues(parsed.issues, parsed.watch)
                if self.store.get_meta("issues_fingerprint") != fingerprint:
                    self.store.set_meta("issues_fingerprint", fingerprint)
                    self.store.reset_analysis()  # statements depend on the issues
        sync_kb(self.store, self.kb)
        return analyze_documents(self.store, self.kb, self.nlp, self.settings.batch_size,
                                 on_doc, self.settings.processes)

    def pending(self) -> int:
        return self.store.pending_count()

    def export(self, out: Path, fmt: str = "jsonl") -> dict[str, int]:
        return export(self.store, out, fmt)

    # --- reading ----------------------------------------------------------------------

    def matrix(self) -> Matrix:
        """Actors x issues: each cell a stance (or "no data") and its number of sources."""
        return build_matrix(self.store)

    def discrepancies(self, kind: str | None = None) -> list[Discrepancy]:
        """Where accounts disagree, most significant first."""
        return [d for d in self.store.discrepancies() if kind is None or d.kind == kind]

    def events(self, min_docs: int = 1) -> list[Event]:
        """Events merged across documents, by date."""
        return [e for e in self.store.events() if len(e.docs) >= min_docs]

    def claim_series(self) -> dict[str, list[tuple[Claim, str | None]]]:
        """Numeric claims by quantity (group), each series in as-of order."""
        series: dict[str, list[tuple[Claim, str | None]]] = {}
        for claim, publisher in self.store.iter_claims():
            series.setdefault(claim.group or claim.id, []).append((claim, publisher))
        return series

    @property
    def queries(self) -> Queries:
        """Read queries for the web UI, the HTTP API and the report (a fresh view each time)."""
        return Queries(self.store)

    def summary(self) -> dict[str, Any]:
        """Counts per table and the actors mentioned most."""
        counts = {t: self.store.count(t) for t in (
            "documents", "sentences", "mentions", "actors", "statements", "positions",
            "events", "discrepancies", "claims")}
        top = self.store.query(
            "SELECT a.id, a.name, a.type, COUNT(*) AS n, COUNT(DISTINCT m.doc) "
            "FROM mentions m JOIN actors a ON a.id = m.actor "
            "GROUP BY a.id, a.name, a.type ORDER BY n DESC, a.id LIMIT 15")
        return {"counts": counts, "top_actors": top}

    # --- editing ----------------------------------------------------------------------

    def ingest_articles(self, articles: list[dict[str, Any]]) -> IngestReport:
        """Ingest article objects as in a ``.jsonl`` file (``text`` or ``html``, optional
        ``url``, ``title``, ``published``, ``publisher``)."""
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "articles.jsonl"
            with path.open("w", encoding="utf-8") as handle:
                for a in articles:
                    body = str(a.get("text") or a.get("html") or "")
                    url = a.get("url") or "api:" + hashlib.sha256(body.encode()).hexdigest()[:16]
                    handle.write(json.dumps({**a, "url": url}, ensure_ascii=False) + "\n")
            return self.ingest([str(path)])

    def edit_actor(self, actor_id: str, fields: dict[str, str | None]) -> bool:
        """Change an actor's name, type, country or sector; False if there is no such actor.
        (Knowledge-base actors are rewritten when the knowledge base changes.)"""
        allowed = {k: v for k, v in fields.items() if k in ("name", "type", "country", "sector")}
        if self.store.actor(actor_id) is None:
            return False
        if allowed:
            sets = ", ".join(f"{k} = ?" for k in allowed)
            with self.store.transaction():
                self.store.execute(f"UPDATE actors SET {sets}, origin = 'user' WHERE id = ?",
                                   (*allowed.values(), actor_id))
            self.store._actors = None
        return True

    def put_issue(self, issue: Issue) -> None:
        """Add or replace one issue; every document is queued for analysis again."""
        issues = [i for i in self.store.issues() if i.id != issue.id] + [issue]
        with self.store.transaction():
            self.store.replace_issues(issues, self.store.watch())
            self.store.set_meta("issues_fingerprint", "edited")
            self.store.reset_analysis()
