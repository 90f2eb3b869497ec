"""Figures in a parsed sentence: numbers (digits, number words, scales such as "1.5
billion"), their unit (currency symbols, "tonnes", "cubic metres", "percent") and hedge
("about", "more than", "close to"). Lexicons live in ``data/quantities.yaml``; what a figure
counts and who gives it is ``claims.py``'s job."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from . import spans
from .yamlio import load_yaml

NUMERIC = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mln|bn|tn)?$", re.I)
YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class Lexicon:
    kinds: dict[str, str]  # lemma -> kind
    acts: dict[str, str]  # lemma or "lemma particle" -> act
    units: dict[str, str]  # surface -> unit code
    numbers: dict[str, float]
    scales: dict[str, float]
    hedges: dict[str, tuple[float, float]]
    skip: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = load_yaml(
        (resources.files("stancemap") / "data" / "quantities.yaml").read_text(encoding="utf-8"))

    def invert(section: dict[str, list[str]]) -> dict[str, str]:
        return {str(w).lower(): key for key, words in section.items() for w in words}

    return Lexicon(invert(raw["kinds"]), invert(raw["acts"]), invert(raw["units"]),
                   {k: float(v) for k, v in raw["numbers"].items()},
                   {k: float(v) for k, v in raw["scales"].items()},
                   {k: (float(v[0]), float(v[1])) for k, v in raw["hedges"].items()},
                   frozenset(raw["skip"]))


@dataclass(slots=True)
class Figure:
    tokens: list[Token]  # the number's tokens (plus a scale word)
    value: float
    unit: str | None
    qualifier: str | None


def figures(sent: Span, lex: Lexicon, taken: set[int]) -> list[Figure]:
    out: list[Figure] = []
    used: set[int] = set()
    for tok in spans.tokens(sent):
        if tok.i in used or tok.i in taken or not _is_number(tok, lex):
            continue
        if YEAR.match(tok.text) or _in_code(tok):
            continue
        tokens = [tok]
        value = _value(tok.text, lex)
        nxt = tok.nbor(1) if tok.i + 1 < sent.end else None
        while value is not None and nxt is not None and nxt.lower_ in lex.scales:
            value *= lex.scales[nxt.lower_]
            tokens.append(nxt)
            nxt = nxt.nbor(1) if nxt.i + 1 < sent.end else None
        if value is None:
            continue
        used.update(t.i for t in tokens)
        out.append(Figure(tokens, value, _unit(tokens, sent, lex), _hedge(tokens[0], lex)))
    return out


def _is_number(tok: Token, lex: Lexicon) -> bool:
    if tok.lower_ in lex.numbers:
        return tok.pos_ == "NUM"
    return bool(NUMERIC.match(tok.text))


def _in_code(tok: Token) -> bool:
    """Numbers inside codes, times and names: "ES-11/4", "17:40", "No. 5", "G20"."""
    prev = tok.nbor(-1).text if tok.i > tok.sent.start else ""
    nxt = tok.nbor(1).text if tok.i + 1 < tok.sent.end else ""
    return prev in {"/", ":", "-", "No.", "#"} or nxt in {"/", ":", "-"} or not tok.is_alpha and (
        tok.whitespace_ == "" and nxt[:1].isalpha() and nxt.lower() not in {"%", "k", "m", "bn"})


def _value(text: str, lex: Lexicon) -> float | None:
    low = text.lower()
    if low in lex.numbers:
        return lex.numbers[low]
    m = NUMERIC.match(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    return value * lex.scales[m.group(2).lower()] if m.group(2) else value


def _unit(tokens: list[Token], sent: Span, lex: Lexicon) -> str | None:
    first, last = tokens[0], tokens[-1]
    before = first.nbor(-1).text.lower() if first.i > sent.start else ""
    if before in lex.units:
        return lex.units[before]
    after = [t for t in sent[last.i + 1 - sent.start : last.i + 4 - sent.start]]
    for n in (3, 2, 1):
        phrase = " ".join(t.lemma_.lower() for t in after[:n])
        if len(after) >= n and phrase in lex.units:
            return lex.units[phrase]
    return None


def _hedge(first: Token, lex: Lexicon) -> str | None:
    words = [t.lower_ for t in first.doc[max(first.sent.start, first.i - 2) : first.i]]
    for n in (2, 1):
        phrase = " ".join(words[-n:])
        if len(words) >= n and phrase in lex.hedges:
            return phrase
    head = first.head
    if first.dep_ == "appos" or head.lemma_ in lex.hedges:  # "arrivals top 100,000"
        for t in first.children:
            if t.lemma_.lower() in lex.hedges:
                return t.lemma_.lower()
    return None


def figure_text(fig: Figure, noun: Token | None) -> str:
    doc = fig.tokens[0].doc
    start = fig.tokens[0].i
    hedge = len((fig.qualifier or "").split())
    if hedge and " ".join(t.lower_ for t in doc[max(0, start - hedge):start]) == fig.qualifier:
        start -= hedge
    while start > fig.tokens[0].sent.start and doc[start - 1].dep_ in ("quantmod", "advmod",
                                                                       "amod") \
            and doc[start - 1].head.i in {t.i for t in fig.tokens}:
        start -= 1
    end = max(fig.tokens[-1].i, noun.i if noun is not None and noun.i > start else 0) + 1
    if end - start > 8:
        end = fig.tokens[-1].i + 1
    return doc[start:end].text
