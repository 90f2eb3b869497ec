"""The numpy greedy decoder gives spaCy's own parses."""

from __future__ import annotations

from spacy.language import Language

from stancemap.demo import corpus_dir
from stancemap.fastparse import FastParser


def _texts() -> list[str]:
    paths = sorted(p for p in corpus_dir().iterdir() if p.suffix == ".txt")
    return [p.read_text(encoding="utf-8") for p in paths] + [
        "", "Yes.", "Tokayev said Kazakhstan would not recognise the referendums.\n\nNo."]


def test_fast_parser_matches_spacys_parser(nlp: Language) -> None:
    fast = nlp.get_pipe("parser")
    assert isinstance(fast, FastParser)
    with nlp.select_pipes(disable=["parser", "attribute_ruler", "lemmatizer"]):
        before = list(nlp.pipe(_texts()))  # tagged, with blank-line boundaries
    ours = list(fast.pipe([d.copy() for d in before], batch_size=8))
    spacys = list(fast.parser.pipe([d.copy() for d in before], batch_size=8))
    assert len(ours) == len(spacys) == len(before)
    for a, b in zip(ours, spacys, strict=True):
        assert [(t.head.i, t.dep_, t.is_sent_start) for t in a] == \
            [(t.head.i, t.dep_, t.is_sent_start) for t in b]
    one = fast(before[-1].copy())
    assert [t.dep_ for t in one] == [t.dep_ for t in spacys[-1]]
