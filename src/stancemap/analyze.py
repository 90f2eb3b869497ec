"""Analysis: parse pending documents and resolve their actors (later stages extend it).

Streams documents from the store, parses them in batches, and commits each document's
results in its own transaction, so an interrupted run keeps what it finished.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language

from .actors import Context, Resolver
from .kb import KnowledgeBase
from .models import Document, Mention, Sentence
from .nlp import Paragraph, parse
from .store import SQLStore

SUPPORTED_LANGUAGES = {"en"}


@dataclass(slots=True)
class AnalyzeReport:
    documents: int = 0
    sentences: int = 0
    mentions: int = 0
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


def analyze_documents(
    store: SQLStore, kb: KnowledgeBase, nlp: Language, batch_size: int = 64,
    on_doc: Callable[[Document], None] | None = None,
) -> AnalyzeReport:
    """Analyse every document not yet analysed."""
    report = AnalyzeReport()
    resolver = Resolver(kb)
    for doc, paras in parse(nlp, _english(store, report), batch_size):
        sentences, mentions = resolve_document(resolver, doc, paras)
        with store.transaction():
            store.save_analysis(doc.id, sentences, mentions)
        report.documents += 1
        report.sentences += len(sentences)
        report.mentions += len(mentions)
        if on_doc:
            on_doc(doc)
    return report


def _english(store: SQLStore, report: AnalyzeReport):  # type: ignore[no-untyped-def]
    for doc in store.iter_documents(pending_only=True):
        if doc.language in SUPPORTED_LANGUAGES or doc.language is None:
            yield doc
        else:
            with store.transaction():
                store.save_analysis(doc.id, [], [])
            report.skipped_language += 1


def resolve_document(resolver: Resolver, doc: Document, paras: list[Paragraph]
                     ) -> tuple[list[Sentence], list[Mention]]:
    """Sentences (with offsets) and actor mentions of one parsed document."""
    ctx = Context(published=doc.published)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for para in paras:
        for sent in para.doc.sents:
            text = sent.text
            if not text.strip():
                continue
            lead = len(text) - len(text.lstrip())
            start = para.start + sent.start_char + lead
            end = para.start + sent.end_char - (len(text) - len(text.rstrip()))
            index = len(sentences)
            sentences.append(Sentence(doc.id, index, start, end))
            mentions += resolver.resolve(doc.id, sent, para.start, index, ctx)
    return sentences, mentions
