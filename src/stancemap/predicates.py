"""The predicate lexicon (``data/predicates.yaml``): words and phrases that signal acts and
positions, with their PLOVER category, polarity and argument roles, matched on spaCy lemmas."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from . import spans
from .yamlio import load_yaml

POS_GROUP = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "ADJ": "ADJ"}  # not PROPN: "March"
ANY_PRONOUN = {"oneself", "one's"}
SKIPPABLE = {"DET", "ADV", "PRON", "PART", "ADJ", "NUM"}
SPEECH_FALLBACK = {"say", "tell", "state", "add", "claim", "insist", "argue", "write", "report"}


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    pos: str
    event_type: str
    polarity: int
    negated_event_type: str | None = None
    roles: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    stance_words: bool = False
    modality: str | None = None

    @property
    def is_speech(self) -> bool:
        theme = self.roles.get("theme")
        themes = theme if isinstance(theme, list) else [theme]
        return self.event_type == "STATEMENT" and ("ccomp" in themes or
                                                   self.lemma in SPEECH_FALLBACK)


@dataclass(frozen=True, slots=True)
class Predicate:
    """A lexicon match in a sentence: ``head`` is the token that governs the phrase."""

    head: Token
    entry: Entry
    tokens: frozenset[int]


class Lexicon:
    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.words: dict[tuple[str, str], Entry] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = defaultdict(list)
        for raw in entries:
            entry = Entry(raw["lemma"].lower(), raw["pos"], raw["event_type"],
                          int(raw.get("polarity") or 0), raw.get("negated_event_type"),
                          raw.get("roles") or {}, bool(raw.get("stance_words")),
                          raw.get("modality"))
            for form in [entry.lemma, *(v.lower() for v in raw.get("variants") or [])]:
                words = tuple(form.replace("-", " - ").split()) if " " in form else (form,)
                if entry.pos == "MWE" or len(words) > 1:
                    self.phrases[words[0]].append((words, entry))
                else:
                    self.words.setdefault((form, entry.pos), entry)
        for key in self.phrases:
            self.phrases[key].sort(key=lambda item: -len(item[0]))
        self.first_words = set(self.phrases)
        self.forms = {w for w, _ in self.words} | self.first_words

    def find(self, sent: Span) -> list[Predicate]:
        """Every predicate in the sentence; a phrase wins over the single words inside it."""
        found: list[Predicate] = []
        covered: set[int] = set()
        for tok in spans.tokens(sent):
            if tok.i in covered:
                continue
            match = self._phrase(tok, sent)
            if match:
                found.append(match)
                covered |= match.tokens
        for tok in spans.tokens(sent):
            if tok.i in covered:
                continue
            entry = self._word(tok)
            if entry:
                found.append(Predicate(tok, entry, frozenset([tok.i])))
        return sorted(found, key=lambda p: p.head.i)

    def _word(self, tok: Token) -> Entry | None:
        group = POS_GROUP.get(tok.pos_)
        if group is None:
            return None
        lemma = tok.lemma_.lower()
        return self.words.get((lemma, group)) or self.words.get((tok.lower_, group))

    def _phrase(self, tok: Token, sent: Span) -> Predicate | None:
        first = tok.lemma_.lower()
        options = self.phrases.get(first) or self.phrases.get(tok.lower_)
        if not options:
            return None
        for words, entry in options:
            idx = _match_sequence(words, tok, sent)
            if idx:
                head = _head_of(idx, sent)
                return Predicate(head, entry, frozenset(idx))
        return None


def _match_sequence(words: tuple[str, ...], tok: Token, sent: Span) -> list[int] | None:
    """Token indices matching ``words`` from ``tok`` on, allowing one skipped filler
    (determiner, adverb, pronoun) between words."""
    idx = [tok.i]
    pos = tok.i + 1
    for word in words[1:]:
        skipped = 0
        while pos < sent.end:
            cand = sent.doc[pos]
            if _word_matches(word, cand):
                idx.append(pos)
                pos += 1
                break
            if skipped >= 1 or cand.pos_ not in SKIPPABLE:
                return None
            skipped += 1
            pos += 1
        else:
            return None
    return idx if len(idx) == len(words) else None


def _word_matches(word: str, tok: Token) -> bool:
    if word in ANY_PRONOUN:
        return tok.pos_ == "PRON"
    if word == "not":
        return tok.dep_ == "neg" or tok.lower_ in ("not", "n't", "never")
    return word in (tok.lemma_.lower(), tok.lower_)


def _head_of(idx: list[int], sent: Span) -> Token:
    """The phrase's governing token: the one whose head lies outside the phrase."""
    tokens = [sent.doc[i] for i in idx]
    inside = set(idx)
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    for t in verbs or tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    text = (resources.files("stancemap") / "data" / "predicates.yaml").read_text("utf-8")
    return Lexicon(load_yaml(text))
