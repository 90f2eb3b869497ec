"""spaCy: load the configured model once and parse whole documents in batches with
``nlp.pipe``, streaming (only the documents in flight are in memory).

Blank lines always end a sentence (a component sets the boundary before the parser runs),
so headings and list items never merge with the paragraph after them. Named-entity
recognition is off by default: the knowledge base decides identity, and names it does not
know are found as runs of proper nouns; ``STANCEMAP_NER=1`` turns spaCy's NER back on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .errors import StancemapError
from .fastparse import fast_greedy_parser
from .models import Document
from .nlpspeed import cache_lemmas, index_attribute_ruler, numpy_ops, single_threaded_blas

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
MAX_CHUNK = 200_000


@dataclass(slots=True)
class Paragraph:
    """A parsed stretch of a document; ``start`` is its offset in Document.text."""

    start: int
    doc: Doc


_BLANK: dict[int, bool] = {}  # ORTH id -> whether the token's text has a blank line


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line starts a new sentence: the token after one whose text has one."""
    strings = doc.vocab.strings
    orths = doc.to_array([ORTH]).tolist() if len(doc) else []
    for i, orth in enumerate(orths[:-1]):
        blank = _BLANK.get(orth)
        if blank is None:
            blank = _BLANK[orth] = "\n\n" in strings[orth]
        if blank:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load(name: str, ner: bool = False) -> Language:
    """The spaCy pipeline ``name`` (an installed package or a path); never downloads."""
    try:
        nlp = spacy.load(name, exclude=[] if ner else ["ner"])
    except OSError as exc:
        raise StancemapError(
            f"spaCy model {name!r} is not installed (set STANCEMAP_SPACY_MODEL or install it)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = max(nlp.max_length, MAX_CHUNK * 2)
    single_threaded_blas()  # small matrices: threads cost more CPU than they save
    numpy_ops(nlp)  # same parses, faster (see nlpspeed)
    index_attribute_ruler(nlp)
    cache_lemmas(nlp)
    fast_greedy_parser(nlp)  # same parses, without the compiled loop's GIL round trips
    return nlp


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph; blank lines separate paragraphs."""
    for match in _PARAGRAPH.finditer(text):
        yield match.start(), match.group()


def chunks(text: str) -> list[tuple[int, str]]:
    """The document in pieces of at most MAX_CHUNK characters, cut between paragraphs."""
    if len(text) <= MAX_CHUNK:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = end = 0
    for offset, para in paragraphs(text):
        if offset + len(para) - start > MAX_CHUNK and end > start:
            out.append((start, text[start:end]))
            start = offset
        end = offset + len(para)
        while end - start > MAX_CHUNK:  # one huge paragraph
            out.append((start, text[start : start + MAX_CHUNK]))
            start += MAX_CHUNK
    if end > start:
        out.append((start, text[start:end]))
    return out


def parse(nlp: Language, docs: Iterable[Document], batch_size: int = 64
          ) -> Iterator[tuple[Document, list[Paragraph]]]:
    """Each document with its parsed text, in the order given."""
    pending: dict[int, tuple[Document, list[Paragraph], int]] = {}

    def items() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, document in enumerate(docs):
            pieces = chunks(document.text)
            pending[n] = (document, [], len(pieces))
            for start, text in pieces:
                yield text, (n, start)

    next_out = 0
    for parsed, (n, start) in nlp.pipe(items(), as_tuples=True, batch_size=batch_size):
        pending[n][1].append(Paragraph(start, parsed))
        while next_out in pending and len(pending[next_out][1]) >= pending[next_out][2]:
            document, done, _ = pending.pop(next_out)
            yield document, done
            next_out += 1
