"""Ingest: read sources, clean them into documents, detect duplicates, store.

Each input is handled on its own: a bad one becomes a ``Problem`` and the run goes on;
each document is committed as soon as it is stored, so nothing stored is ever lost.
Large runs decode, clean and sign documents in a process per core; this process stores
them in the order given.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from . import dedup, webpage
from .clean import clean_text
from .errors import InputError
from .langid import detect, load
from .models import Document, Problem, Source
from .sources import decode, iter_sources
from .store import SQLStore

MIN_CHARS = 40
PARALLEL_FROM = 40  # sources before worker processes pay off
BATCH = 8  # sources per worker task
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    unchanged: int = 0
    updated: int = 0
    near_duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.problems)


def ingest(
    store: SQLStore, inputs: Iterable[str], manifest: Path | None = None,
    max_bytes: int = 20 << 20, timeout: float = 20.0,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Ingest every input; ``on_item(uri, outcome)`` is called after each one."""
    report = IngestReport()
    for item, built in _built(iter_sources(inputs, manifest, max_bytes, timeout)):
        if isinstance(item, Problem):
            report.problems.append(item)
            outcome = "failed"
        else:
            outcome = _ingest_one(store, item, built, report)
        if on_item:
            on_item(item.uri, outcome)
    return report


Built = tuple[Document, str | None, object] | InputError  # document, warning, signature


def _build(source: Source, sign: bool = False) -> Built:
    try:
        doc, warning = build_document(source)
    except InputError as exc:
        return exc
    return doc, warning, dedup.signature(doc.text) if sign else None


def _build_batch(sources: list[Source]) -> list[Built]:
    return [_build(s, sign=True) for s in sources]


def _built(items: Iterable[Source | Problem]) -> Iterator[tuple[Source | Problem, Built | None]]:
    """Each item with its document built (None for problems), in the order given; from
    PARALLEL_FROM sources on, built by forked workers, a few batches in flight."""
    items = iter(items)
    head: list[Source | Problem] = []
    for item in items:
        head.append(item)
        if len(head) >= PARALLEL_FROM:
            break
    workers = min(2, os.cpu_count() or 1)
    if len(head) < PARALLEL_FROM or workers < 2:
        for item in chain(head, items):
            yield item, None if isinstance(item, Problem) else _build(item)
        return
    load()  # the language model, loaded once and inherited by the workers
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        in_flight: deque[tuple[list[Source | Problem], Any]] = deque()
        batch: list[Source | Problem] = []

        def send() -> None:
            sources = [i for i in batch if not isinstance(i, Problem)]
            in_flight.append((batch, pool.apply_async(_build_batch, (sources,))))

        def receive() -> Iterator[tuple[Source | Problem, Built | None]]:
            sent, result = in_flight.popleft()
            done = iter(result.get())
            for item in sent:
                yield item, None if isinstance(item, Problem) else next(done)

        for item in chain(head, items):
            batch.append(item)
            if len(batch) == BATCH:
                send()
                batch = []
                if len(in_flight) >= 4 * workers:
                    yield from receive()
        if batch:
            send()
        while in_flight:
            yield from receive()


def _ingest_one(store: SQLStore, source: Source, built: Built | None,
                report: IngestReport) -> str:
    built = _build(source) if built is None else built
    if isinstance(built, InputError):
        report.problems.append(Problem(source.uri, str(built)))
        return "failed"
    doc, warning, mh = built
    if warning:
        report.warnings.append(Problem(source.uri, warning))
    with store.transaction():
        outcome = _store(store, doc, source, mh)
    setattr(report, outcome, getattr(report, outcome) + 1)
    if outcome == "added" and doc.duplicate_of:
        report.near_duplicates += 1
    return outcome


def build_document(source: Source) -> tuple[Document, str | None]:
    """Decode, extract and clean one source into a Document (not yet stored)."""
    raw, warning = decode(source.data)
    page = webpage.extract(raw, _url(source)) if source.kind == "html" else None
    cleaned = clean_text(page.text if page else raw)
    text = cleaned.text.strip()
    if len(text) < MIN_CHARS:
        raise InputError("no article text found")
    language, _ = detect(text)
    meta = {
        "title": [cleaned.title],
        "published": [cleaned.published],
        "publisher": [cleaned.publisher],
        "author": [cleaned.author],
    }
    if page:
        for key in meta:
            meta[key].append(getattr(page, key))
    for key in ("title", "published", "publisher"):
        meta[key].append(source.overrides.get(key) or getattr(source, key))
    published = _first(meta["published"], date=True)
    doc = Document(
        id=dedup.doc_id(text), uri=source.uri, text=text, title=_first(meta["title"]),
        published=published, publisher=_first(meta["publisher"]),
        author=_first(meta["author"]), language=language,
    )
    return doc, warning


def _url(source: Source) -> str | None:
    return source.overrides.get("url") or (source.uri if source.uri.startswith("http") else None)


def _first(values: list[str | None], date: bool = False) -> str | None:
    """The last non-empty value: later entries (manifest, page) outrank earlier ones."""
    for value in reversed(values):
        if value and (not date or _ISO.match(value)):
            return value[:10] if date else value
    return None


def _store(store: SQLStore, doc: Document, source: Source, mh: object = None) -> str:
    """Insert a new document, or record what changed for one already stored."""
    if store.has_document(doc.id):
        store.add_uri(doc.id, source.uri)
        old = store.get_document(doc.id)
        changes = {k: v for k, v in source.overrides.items()
                   if k in ("title", "published", "publisher") and old and getattr(old, k) != v}
        if changes:
            store.update_document(doc.id, changes)
            return "updated"
        return "unchanged"
    mh = dedup.signature(doc.text) if mh is None else mh
    keys = dedup.buckets(mh)
    doc.duplicate_of = _near_duplicate(store, mh, keys)
    store.add_document(doc)
    if url := source.overrides.get("url"):
        store.add_uri(doc.id, url)
    store.add_signature(doc.id, dedup.to_bytes(mh), keys)
    return "added"


def _near_duplicate(store: SQLStore, mh: object, keys: list[str]) -> str | None:
    for other, signature in store.candidates(keys):
        if dedup.similarity(mh, signature) >= dedup.THRESHOLD:  # type: ignore[arg-type]
            original = store.get_document(other)
            return original.duplicate_of or other if original else other
    return None
