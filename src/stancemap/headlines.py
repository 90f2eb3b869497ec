"""Headlines: a short line standing alone with no sentence-final punctuation (the article's
title, a related article's link, a section heading) reports no dated act of its own; the
article's sentences say what happened, with their dates. A line that ends like a sentence,
or a long one, is prose."""

from __future__ import annotations

from spacy.tokens import Span

from . import spans

MAX_WORDS = 18
FINAL = ".!?:;\"”’')]…"


def headline(sent: Span) -> bool:
    text = spans.text(sent).strip()
    if not text or text[-1] in FINAL or len(text.split()) > MAX_WORDS:
        return False
    whole = sent.doc.text
    before = whole[:sent.start_char].rstrip(" \t")
    after = whole[sent.end_char:].lstrip(" \t")
    ends_line = spans.text(sent).rstrip(" \t").endswith("\n") or not after or \
        after.startswith("\n")
    return (not before or before.endswith("\n")) and ends_line
