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
    senses: tuple[tuple[frozenset[str], Entry], ...] = field(default=(), hash=False,
                                                             compare=False)

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
            entry = _entry(raw)
            for form in [entry.lemma, *(v.lower() for v in raw.get("variants") or [])]:
                words = tuple(form.replace("-", " - ").split())
                if entry.pos == "MWE" or " " in form:
                    self.phrases[words[0]].append((words, entry))
                    continue
                self.words.setdefault((form, entry.pos), entry)
                if len(words) > 1:  # "sit-in", "u-turn": the parser splits the hyphen
                    self.phrases[words[0]].append((words, entry))
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
        heads = {p.head.i for p in found}
        return sorted((_light_verb(p, heads) for p in found), key=lambda p: p.head.i)

    def _word(self, tok: Token) -> Entry | None:
        group = POS_GROUP.get(tok.pos_)
        if group is None:
            return None
        lemma = tok.lemma_.lower()
        entry = self.words.get((lemma, group)) or self.words.get((tok.lower_, group))
        if entry is None and group == "VERB" and tok.tag_ in ("VBD", "VBN", "VBG", "VBZ"):
            entry = next((self.words[(base, group)] for base in _verb_bases(tok.lower_)
                          if (base, group) in self.words), None)  # "raped" read as "rap"
        return sense(entry, tok) if entry is not None else None

    def _phrase(self, tok: Token, sent: Span) -> Predicate | None:
        first = tok.lemma_.lower()
        options = self.phrases.get(first) or self.phrases.get(tok.lower_)
        if not options:
            return None
        for words, entry in options:
            idx = _match_sequence(words, tok, sent)
            if idx:
                head = _head_of(idx, sent)
                return Predicate(head, sense(entry, head, set(idx)), frozenset(idx))
        return None


def _entry(raw: dict[str, Any], parent: Entry | None = None) -> Entry:
    """An entry from its YAML mapping; a sense inherits what it does not say from its
    parent."""
    def get(key: str, default: Any = None) -> Any:
        if key in raw:
            return raw[key]
        return getattr(parent, key) if parent is not None else default

    entry = Entry(str(get("lemma")).lower(), get("pos"), get("event_type"),
                  int(get("polarity") or 0), get("negated_event_type"), get("roles") or {},
                  bool(get("stance_words")), get("modality"))
    senses = tuple((frozenset(w.lower() for w in s["objects"]), _entry(s, entry))
                   for s in raw.get("senses") or [] if parent is None)
    return Entry(entry.lemma, entry.pos, entry.event_type, entry.polarity,
                 entry.negated_event_type, entry.roles, entry.stance_words, entry.modality,
                 senses) if senses else entry


OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
OBJECT_MODIFIERS = {"compound", "amod"}
OBJECT_PREPS = {"to", "on", "from", "with", "into", "against", "for", "of"}


def object_words(head: Token, phrase: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """Lemmas naming what an act is done to, nearest first: its direct objects (passive:
    its subject; a noun: the object of its "of", its compounds, the noun it modifies),
    their conjuncts and compound or adjective modifiers ("aid trucks", "diplomatic ties");
    then the verb it controls ("vowed to attack"); then its prepositional objects."""
    heads: list[Token] = []
    later: list[Token] = []
    for c in head.children:
        if c.i in phrase:
            continue
        if c.dep_ in OBJECT_DEPS:
            heads.append(c)
        elif c.dep_ == "xcomp":
            (heads if c.pos_ in ("NOUN", "PROPN") else later).append(c)
        elif c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            nominal_of = head.pos_ in ("NOUN", "PROPN") and c.lower_ == "of"
            (heads if nominal_of else later).extend(objs)
    if head.pos_ in ("NOUN", "PROPN"):
        heads += [c for c in head.children if c.dep_ == "compound" and c.i not in phrase]
        if head.dep_ == "compound":
            heads.append(head.head)  # "prisoner release", "aid delivery"
    for group in (heads, later):
        group += [c for h in group for c in h.children if c.dep_ == "conj"]
    mods = [c for h in heads for c in h.children
            if c.dep_ in OBJECT_MODIFIERS and c.i not in phrase]
    return [t.lemma_.lower() for t in (*heads, *mods, *later)]


def sense(entry: Entry, head: Token, phrase: set[int] | frozenset[int] = frozenset()
          ) -> Entry:
    """The entry's sense for what the act is done to ("released prisoners" retreats,
    "released a statement" states): the first sense naming one of the object's words."""
    if not entry.senses:
        return entry
    words = object_words(head, phrase)
    for word in words:
        for objects, option in entry.senses:
            if word in objects:
                return option
    return entry


def _verb_bases(word: str) -> list[str]:
    """Base forms an inflected verb may have when the lemmatiser got it wrong ("raped" ->
    "rap", "staged" -> "stag"): the regular -ed, -ing and -s endings undone."""
    out = []
    for suffix, bases in (("ied", ("y",)), ("ed", ("e", "")), ("ing", ("e", "")),
                          ("ies", ("y",)), ("es", ("e", "")), ("s", ("",))):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out += [word[:-len(suffix)] + b for b in bases]
            break
    return out


LIGHT_VERBS = {"complete", "begin", "start", "finish", "order", "authorize", "authorise", "put",
               "place", "tighten", "step", "intensify", "escalate", "resume", "expand",
               "deepen", "strengthen", "boost", "broaden", "go", "perform", "undertake",
               "initiate", "organize", "organise", "enforce", "introduce", "extend",
               "widen", "continue", "slap", "unveil", "enact", "levy", "pass"}
FORCE_VERBS = {"use", "employ"}  # "used tear gas", "employed live ammunition"
FORCE_EVENTS = {"COERCE", "ASSAULT"}
LIGHT_PREPS = {"on", "under", "into"}


def _light_verb(p: Predicate, heads: set[int]) -> Predicate:
    """An act noun as the object of a light verb ("completed their withdrawal", "ordered
    the mobilisation of", "put its units on high alert", "went on hunger strike",
    "tightened export controls") is the verb's act: the verb heads it, so its subject is
    the agent, its tense and negation the act's."""
    noun = p.head
    if noun.pos_ != "NOUN" or any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
        return p
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in LIGHT_PREPS:
        verb = verb.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return p
    light = verb.lemma_.lower() in LIGHT_VERBS or (verb.lemma_.lower() in FORCE_VERBS and
                                                   p.entry.event_type in FORCE_EVENTS)
    if verb.pos_ != "VERB" or not light or verb.i in heads:
        return p
    return Predicate(verb, p.entry, p.tokens | {verb.i})


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
