"""Analysis: parse pending documents, resolve actors, extract statements; then re-link
positions over the whole store.

Streams documents from the store, parses them in batches, and commits each batch's
results in its own transaction, so an interrupted run keeps the batches it finished.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Span

from . import spans
from .actors import Context, Resolver
from .claims import SentenceView, extract_claims
from .dates import warm_up
from .kb import KnowledgeBase
from .link import link
from .modelcache import classifier
from .models import Claim, Document, Issue, Mention, Sentence, Statement
from .nlp import Paragraph, parse
from .predicates import default_lexicon
from .stance import IssueMatcher
from .statements import DocContext, Extractor
from .store import SQLStore

SUPPORTED_LANGUAGES = {"en"}
FALLBACK_MIN_PROB = 0.6
PARALLEL_FROM = 40  # documents pending before worker processes pay off
GC_THRESHOLD = 20_000  # young objects between collections during analysis (Python: 700):
# a parse makes millions of short-lived objects, and collecting them less often saves ~4%
BATCH_DOCS = 16  # per worker task: large enough for batched parsing, small enough to
# keep both workers busy until the end
TAIL_DOCS = 2  # the smallest batch, near the end of a run


@dataclass(slots=True)
class AnalyzeReport:
    documents: int = 0
    sentences: int = 0
    mentions: int = 0
    statements: int = 0
    positions: int = 0
    events: int = 0
    discrepancies: int = 0
    claims: int = 0
    skipped_language: int = 0


def sync_kb(store: SQLStore, kb: KnowledgeBase) -> bool:
    """Write the knowledge base into the store if it changed; then re-analyse everything."""
    if store.get_meta("kb_fingerprint") == kb.fingerprint:
        return False
    with store.transaction():
        store.replace_actors(kb.actors.values(), kb.aliases, kb.roles, kb.origin)
        store.set_meta("kb_fingerprint", kb.fingerprint)
        store.reset_analysis()
    return True


Result = tuple[Document, list[Sentence], list[Mention], list[Statement], list[Claim]]


class Analyzer:
    """Everything one process needs to analyse documents."""

    def __init__(self, kb: KnowledgeBase, nlp: Language, issues: list[Issue],
                 batch_size: int) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.resolver = Resolver(kb, ner="ner" in nlp.pipe_names)
        self.extractor = Extractor(kb, default_lexicon(), IssueMatcher(issues) if issues
                                   else None)
        classifier()  # loaded or trained once here, inherited by forked workers
        warm_up()

    def run(self, docs: list[Document]) -> list[Result]:
        """Results of a batch of documents; the classifier reads the sentences no pattern
        explained all at once. The cycle collector pauses for the batch: a parse makes
        millions of short-lived objects that reference counting frees, and collecting
        while they are alive costs about 5% of the time."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._run(docs)
        finally:
            if enabled:
                gc.enable()

    def _run(self, docs: list[Document]) -> list[Result]:
        done = [(doc, _analyze(self.resolver, self.extractor, doc, paras))
                for doc, paras in parse(self.nlp, docs, self.batch_size)]
        pending = [(doc, *u) for doc, part in done for u in part.unexplained]
        extra = _fallback(self.extractor, pending)
        return [(doc, part.sentences, part.mentions, part.statements + extra.get(doc.id, []),
                 part.claims) for doc, part in done]


_WORKER: Analyzer | None = None


def _work(docs: list[Document]) -> list[Result]:
    assert _WORKER is not None
    return _WORKER.run(docs)


def analyze_documents(
    store: SQLStore, kb: KnowledgeBase, nlp: Language, batch_size: int = 64,
    on_doc: Callable[[Document], None] | None = None, processes: int | None = None,
) -> AnalyzeReport:
    """Analyse every document not yet analysed, then re-link positions. Large runs use a
    process per core; results are written by this process, in order, one batch per
    transaction."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(GC_THRESHOLD, threshold[0]), *threshold[1:])
    try:
        return _analyze_all(store, kb, nlp, batch_size, on_doc, processes)
    finally:
        gc.set_threshold(*threshold)


def _analyze_all(store: SQLStore, kb: KnowledgeBase, nlp: Language, batch_size: int,
                 on_doc: Callable[[Document], None] | None, processes: int | None
                 ) -> AnalyzeReport:
    global _WORKER
    report = AnalyzeReport()
    analyzer = Analyzer(kb, nlp, store.issues(), batch_size)
    pending = store.pending_count()
    workers = processes or (min(2, os.cpu_count() or 1) if pending >= PARALLEL_FROM else 1)
    docs = _english(store, report)
    if workers > 1:
        _WORKER = analyzer
        results = _parallel(_batches(docs, BATCH_DOCS, pending, workers), workers)
    else:
        results = (analyzer.run(batch) for batch in _batches(docs, BATCH_DOCS))
    for batch in results:
        with store.transaction():
            for doc, sentences, mentions, statements, claims in batch:
                store.save_analysis(doc.id, sentences, mentions, statements, claims)
        for doc, sentences, mentions, _, _ in batch:
            report.documents += 1
            report.sentences += len(sentences)
            report.mentions += len(mentions)
            if on_doc:
                on_doc(doc)
    _WORKER = None
    with store.transaction():
        linked = link(store, kb)
    report.positions, report.events = linked.positions, linked.events
    report.discrepancies, report.claims = linked.discrepancies, linked.claims
    report.statements = store.count("statements")
    return report


def _batches(docs: Iterator[Document], size: int, total: int | None = None,
             workers: int = 1) -> Iterator[list[Document]]:
    """Batches of ``size`` documents; with the ``total`` known, the last ones shrink so
    that the workers finish together instead of one waiting for the other's last batch."""
    batch: list[Document] = []
    left = total
    for doc in docs:
        batch.append(doc)
        want = size if left is None else max(TAIL_DOCS, min(size, left // (2 * workers)))
        if len(batch) >= want:
            yield batch
            left = None if left is None else left - len(batch)
            batch = []
    if batch:
        yield batch


def _parallel(batches: Iterator[list[Document]], workers: int) -> Iterator[list[Result]]:
    """Forked workers analyse batches; at most two batches per worker are in flight, so
    memory stays bounded however large the corpus. What exists at the fork (model,
    knowledge base, classifier) is frozen out of the workers' garbage collection."""
    ctx = multiprocessing.get_context("fork")
    gc.freeze()
    try:
        with ctx.Pool(workers) as pool:
            in_flight: deque[Any] = deque()
            for batch in batches:
                in_flight.append(pool.apply_async(_work, (batch,)))
                if len(in_flight) >= 2 * workers:
                    yield in_flight.popleft().get()
            while in_flight:
                yield in_flight.popleft().get()
    finally:
        gc.unfreeze()


def _english(store: SQLStore, report: AnalyzeReport) -> Iterator[Document]:
    for doc in store.iter_documents(pending_only=True):
        if doc.language in SUPPORTED_LANGUAGES or doc.language is None:
            yield doc
        else:
            with store.transaction():
                store.save_analysis(doc.id, [], [])
            report.skipped_language += 1


def analyze_document(resolver: Resolver, extractor: Extractor, doc: Document,
                     paras: list[Paragraph]
                     ) -> tuple[list[Sentence], list[Mention], list[Statement], list[Claim]]:
    """Sentences (with offsets), actor mentions, statements and numeric claims of one parsed
    document."""
    part = _analyze(resolver, extractor, doc, paras)
    extra = _fallback(extractor, [(doc, *u) for u in part.unexplained])
    return part.sentences, part.mentions, part.statements + extra.get(doc.id, []), part.claims


@dataclass(slots=True)
class _Partial:
    """One document's results before the classifier fallback."""

    sentences: list[Sentence]
    mentions: list[Mention]
    statements: list[Statement]
    claims: list[Claim]
    unexplained: list[tuple[Span, int, list[Mention]]]


def _analyze(resolver: Resolver, extractor: Extractor, doc: Document, paras: list[Paragraph]
             ) -> _Partial:
    ctx = Context(published=doc.published)
    dctx = DocContext(published=doc.published)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    statements: list[Statement] = []
    unexplained: list[tuple[Span, int, list[Mention]]] = []
    views: list[SentenceView] = []
    for para in paras:
        for sent in para.doc.sents:
            text = spans.text(sent)
            if not text.strip():
                continue
            lead = len(text) - len(text.lstrip())
            start = para.start + sent.start_char + lead
            end = para.start + sent.end_char - (len(text) - len(text.rstrip()))
            index = len(sentences)
            sentences.append(Sentence(doc.id, index, start, end))
            found = resolver.resolve(doc.id, sent, para.start, index, ctx)
            mentions += found
            views.append(SentenceView(sent, para.start, start, end, found))
            acts = extractor.sentence(doc.id, sent, para.start, found, dctx)
            statements += acts
            if found and not acts and not extractor.found_predicates and any(
                    m.actor.type != "person" or m.actor.country for m in found):
                unexplained.append((sent, para.start, found))
    claims = extract_claims(doc.id, views, doc.published, resolver.kb)
    spans.clear()  # this document's token lists and texts
    return _Partial(sentences, mentions, statements, claims, unexplained)


def _fallback(extractor: Extractor,
              pending: list[tuple[Document, Span, int, list[Mention]]]
              ) -> dict[str, list[Statement]]:
    """The classifier, for sentences with actors where no pattern found an act (of any
    number of documents, in one call): document id -> statements."""
    if not pending:
        return {}
    predictions = classifier().predict([s.text for _, s, _, _ in pending])
    out: dict[str, list[Statement]] = {}
    contexts: dict[str, DocContext] = {}
    for (doc, sent, base, found), pred in zip(pending, predictions, strict=True):
        if pred.event_type != "NONE" and pred.event_prob >= FALLBACK_MIN_PROB:
            ctx = contexts.setdefault(doc.id, DocContext(published=doc.published))
            out.setdefault(doc.id, []).extend(
                extractor.classified(doc.id, sent, base, found, ctx, pred))
    return out
