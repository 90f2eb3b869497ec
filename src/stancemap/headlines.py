"""Headlines: a short line standing alone with no sentence-final punctuation reports no dated
act of its own when it opens the document (the article's title), follows another such line,
or is one of several stacked in one block (a list of related articles, a menu); the
article's sentences say what happened, with their dates. A line that ends like a sentence, a
long one, or a lone short line inside the article (a wrapped fragment of a sentence, a
subheading) is read as prose."""

from __future__ import annotations

from spacy.tokens import Span

from . import spans

MAX_WORDS = 18
FINAL = ".!?:;\"”’')]…"


def _lines(sent: Span) -> list[str]:
    return [ln.strip() for ln in spans.text(sent).strip().split("\n")]


def headline_shaped(sent: Span) -> bool:
    """Every line of the sentence short and without final punctuation, and the sentence
    standing alone on its lines."""
    lines = _lines(sent)
    if not all(ln and ln[-1] not in FINAL and len(ln.split()) <= MAX_WORDS for ln in lines):
        return False
    whole = spans.doc_text(sent.doc)
    before = whole[:sent.start_char].rstrip(" \t")
    after = whole[sent.end_char:].lstrip(" \t")
    ends_line = spans.text(sent).rstrip(" \t").endswith("\n") or not after or \
        after.startswith("\n")
    return (not before or before.endswith("\n")) and ends_line


def headline(sent: Span, base: int, after_headline: bool) -> bool:
    """Whether a sentence (at paragraph offset ``base``) is a headline: headline-shaped, and
    the document's first line, a stack of such lines, or one after another."""
    return headline_shaped(sent) and (after_headline or base + sent.start_char == 0 or
                                      len(_lines(sent)) > 1)
