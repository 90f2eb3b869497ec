"""Token lists and texts of sentences, made once per parsed document.

Iterating a spaCy ``Span`` creates a new ``Token`` object for every position, and
``Span.text`` joins its tokens' texts again, each time. Extraction scans each sentence a
dozen times, so these read one list of the document's tokens and its text instead:
``tokens(sent)`` is ``list(sent)`` and ``text(sent)`` is ``sent.text``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

# id(doc) -> (doc, its tokens, its text); the doc is held so that its id is not reused
_DOCS: dict[int, tuple[Doc, list[Token], str]] = {}
_MAX_DOCS = 64
_NONE: tuple[Doc, list[Token], str] = (None, [], "")  # type: ignore[assignment]
_LAST = _NONE  # the entry read last: most calls are for the same document
# (id(doc), start, end, what) -> (doc, value): what was worked out once for a sentence
_MEMO: dict[tuple[int, int, int, str], tuple[Doc, Any]] = {}
_MAX_MEMO = 100_000


def _entry(doc: Doc) -> tuple[Doc, list[Token], str]:
    global _LAST
    if _LAST[0] is doc:
        return _LAST
    entry = _DOCS.get(id(doc))
    if entry is None or entry[0] is not doc:
        if len(_DOCS) >= _MAX_DOCS:
            _DOCS.clear()
        toks = list(doc)
        entry = _DOCS[id(doc)] = (doc, toks, "".join([t.text_with_ws for t in toks]))
    _LAST = entry
    return entry


def tokens(span: Span) -> list[Token]:
    """The span's tokens, as ``list(span)``."""
    return _entry(span.doc)[1][span.start : span.end]


def doc_text(doc: Doc) -> str:
    """The document's text, as ``doc.text``."""
    return _entry(doc)[2]


def text(span: Span) -> str:
    """The span's text, as ``span.text``."""
    return _entry(span.doc)[2][span.start_char : span.end_char]


def memo(span: Span, what: str, compute: Callable[[Span], T]) -> T:
    """``compute(span)``, worked out once per span and ``what`` (values must not be
    mutated by callers)."""
    doc = span.doc
    return _cached(doc, (id(doc), span.start, span.end, what), compute, span)


def memo_token(tok: Token, what: str, compute: Callable[[Token], T]) -> T:
    """``compute(tok)``, worked out once per token and ``what`` (as ``memo``)."""
    doc = tok.doc
    return _cached(doc, (id(doc), tok.i, -1, what), compute, tok)


def _cached(doc: Doc, key: tuple[int, int, int, str], compute: Callable[[Any], T],
            arg: Any) -> T:
    hit = _MEMO.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]  # type: ignore[no-any-return]
    value = compute(arg)
    if len(_MEMO) >= _MAX_MEMO:
        _MEMO.clear()
    _MEMO[key] = (doc, value)
    return value


def clear() -> None:
    """Forget the documents seen (their tokens, texts and memos)."""
    global _LAST
    _DOCS.clear()
    _MEMO.clear()
    _LAST = _NONE
