"""Token lists and texts of sentences, made once per parsed document.

Iterating a spaCy ``Span`` creates a new ``Token`` object for every position, and
``Span.text`` joins its tokens' texts again, each time. Extraction scans each sentence a
dozen times, so these read one list of the document's tokens and its text instead:
``tokens(sent)`` is ``list(sent)`` and ``text(sent)`` is ``sent.text``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# id(doc) -> (doc, its tokens, its text); the doc is held so that its id is not reused
_DOCS: dict[int, tuple[Doc, list[Token], str]] = {}
_MAX_DOCS = 64


def _entry(doc: Doc) -> tuple[Doc, list[Token], str]:
    entry = _DOCS.get(id(doc))
    if entry is None or entry[0] is not doc:
        if len(_DOCS) >= _MAX_DOCS:
            _DOCS.clear()
        toks = list(doc)
        entry = _DOCS[id(doc)] = (doc, toks, "".join([t.text_with_ws for t in toks]))
    return entry


def tokens(span: Span) -> list[Token]:
    """The span's tokens, as ``list(span)``."""
    return _entry(span.doc)[1][span.start : span.end]


def text(span: Span) -> str:
    """The span's text, as ``span.text``."""
    return _entry(span.doc)[2][span.start_char : span.end_char]


def clear() -> None:
    """Forget the documents seen (their tokens and texts)."""
    _DOCS.clear()
