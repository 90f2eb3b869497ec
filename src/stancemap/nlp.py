"""spaCy: load the configured model once and parse documents paragraph by paragraph,
in batches with ``nlp.pipe``, streaming (only the documents in flight are in memory)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import StancemapError
from .models import Document

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
MAX_PARAGRAPH = 20_000


@dataclass(slots=True)
class Paragraph:
    start: int  # offset of the paragraph in Document.text
    doc: Doc


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """The spaCy pipeline ``name`` (an installed package or a path); never downloads."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise StancemapError(
            f"spaCy model {name!r} is not installed (set STANCEMAP_SPACY_MODEL or install it)"
        ) from exc


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph; blank lines separate paragraphs."""
    for match in _PARAGRAPH.finditer(text):
        start, chunk = match.start(), match.group()
        for i in range(0, len(chunk), MAX_PARAGRAPH):
            yield start + i, chunk[i : i + MAX_PARAGRAPH]


def parse(nlp: Language, docs: Iterable[Document], batch_size: int = 64
          ) -> Iterator[tuple[Document, list[Paragraph]]]:
    """Each document with its parsed paragraphs, in the order given."""
    pending: dict[int, tuple[Document, list[Paragraph], int]] = {}

    def items() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, document in enumerate(docs):
            paras = list(paragraphs(document.text))
            pending[n] = (document, [], len(paras))
            if not paras:
                yield "", (n, -1)
            for start, text in paras:
                yield text, (n, start)

    next_out = 0
    for parsed, (n, start) in nlp.pipe(items(), as_tuples=True, batch_size=batch_size):
        document, done, total = pending[n]
        if start >= 0:
            done.append(Paragraph(start, parsed))
        while next_out in pending and len(pending[next_out][1]) >= pending[next_out][2]:
            document, done, _ = pending.pop(next_out)
            yield document, done
            next_out += 1
