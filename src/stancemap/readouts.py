"""Readout phrasing: what official accounts of calls and meetings say, and what they are
silent on.

- A state's conduct named only vaguely ("expressed understanding of Russia's actions in
  Ukraine", "support for the steps taken by Russia") is the issue that *is* that state's
  conduct: the issue whose title names the state first and whose act is the generic one
  (a war, per ``conduct.theme`` in themes.yaml), found from the issues file itself with the
  knowledge base resolving the states it names.
- Talks "on the situation around Ukraine" are on the issue whose own theme that is.
- "Made no mention of support for X": the predicates inside what an account is silent on
  are not acts of its author.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from . import syntax
from .acts import _event_type, _issue_anaphor
from .agents import DocContext
from .kb import KnowledgeBase
from .models import Mention
from .predicates import Predicate
from .stance import IssueMatcher, lemmas
from .textnorm import tokens as name_tokens
from .yamlio import load_yaml

PLACE_PREPS = {"in", "against", "on", "toward", "towards", "regarding", "around", "over",
               "with", "concerning"}
OWNER_PREPS = {"by", "of"}
FUNCTION_POS = {"DET", "ADP", "PART", "PRON", "AUX", "CCONJ", "SCONJ", "PUNCT", "NUM", "SPACE"}
DEFINITE = {"the", "these", "those", "such", "this"}
OBJECT_PREPS = {"for", "with", "of", "to"}
SITUATION_NOUNS = {"situation", "crisis", "conflict", "event", "development", "developments"}


@dataclass(frozen=True, slots=True)
class ConductSpec:
    nouns: frozenset[str]
    theme: str
    allowed: frozenset[str]


@lru_cache(maxsize=1)
def conduct_spec() -> ConductSpec:
    raw = load_yaml((resources.files("stancemap") / "data" / "themes.yaml").read_text())
    spec = raw.get("conduct") or {}
    return ConductSpec(frozenset(spec.get("nouns", [])), spec.get("theme", ""),
                       frozenset(spec.get("allowed", [])))


def issue_states(kb: KnowledgeBase, text: str, longest: int = 4) -> list[str]:
    """The states a text names, in order ("Russia's invasion of Ukraine" -> RUS, UKR)."""
    words = name_tokens(text)
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            found = [kb.actors[e.actor] for e in kb.index.get(words[i:i + n], [])
                     if e.actor in kb.actors and e.kind != "seat"]
            states = [a.country or a.id for a in found if a.type == "state"]
            if states:
                out.extend(s for s in states[:1] if s not in out)
                i += n - 1
                break
        i += 1
    return out


def _name_phrase(t: Token) -> list[Token]:
    """A name with its determiners and modifiers ("the Russian side"), not its clauses."""
    return [t, *(x for c in t.children if c.dep_ in ("det", "case", "compound", "amod",
                                                         "poss", "flat") for x in c.subtree)]


def other_domain(noun: Token) -> bool:
    """Whether a conduct noun's phrase names a domain of its own ("the steps taken by Russia
    to stabilise the rouble"), so that it is not an anaphor of the issue spoken of."""
    spec = conduct_spec()
    return any(x.pos_ not in FUNCTION_POS and x.pos_ != "PROPN" and
               x.lemma_.lower() not in spec.allowed | spec.nouns
               for x in noun.subtree if x.i != noun.i)


def _state(t: Token, at: dict[int, Mention]) -> str | None:
    m = at.get(t.i)
    if m is None or m.actor.type not in ("state", "region"):
        return None
    return m.actor.country or m.actor.id


class ReadoutIssues:
    """Issues for the vague objects of readouts, from one issues file."""

    def __init__(self, kb: KnowledgeBase, matcher: IssueMatcher) -> None:
        self.matcher = matcher
        self.spec = conduct_spec()
        self.parties = {i.id: issue_states(kb, f"{i.title}. {i.description}")
                        for i in matcher.issues}
        self.since = {i.id: i.since for i in matcher.issues}
        self.conduct = [i.id for i in matcher.issues if self.spec.theme and
                        self.spec.theme in matcher.issue_themes.get(i.id, set())
                        and self.parties[i.id]]

    def issue(self, tok: Token, event: str, at: dict[int, Mention], ctx: DocContext,
              when: str | None) -> str | None:
        """The issue of an act's vague object, if it has one."""
        objects = syntax.object_tokens(tok)
        carrier = syntax.carrier_of(tok) if tok.pos_ == "NOUN" else None
        if carrier is not None:  # "expressed solidarity with Russia"
            objects += [t for c in carrier.children if c.dep_ == "prep" and
                        c.lower_ in OBJECT_PREPS for t in c.subtree]
        for t in objects:
            if t.lemma_.lower() in self.spec.nouns and t.pos_ == "NOUN":
                return self._conduct(t, at, ctx, when)
        if event == "CONSULT":
            return self._talks_topic(objects, when) or self._situation(objects, at, ctx, when)
        head = next((t for t in objects if _state(t, at) and t.dep_ in ("dobj", "pobj") and
                     (t.dep_ == "dobj" or t.head.lower_ in OBJECT_PREPS)), None)
        if head is not None and event in ("SUPPORT", "AGREE", "COOPERATE") and not any(
                self._content(x, at) for x in objects if x.i != head.i):
            # "expressed solidarity with Russia" in a text on Russia's war
            return self._in_context([i for i in self.conduct_on(when)
                                     if self.parties[i][0] == _state(head, at)], ctx, False)
        return None

    def silence_issue(self, objects: Sequence[Token], at: dict[int, Mention],
                      when: str | None) -> str | None:
        """The issue the object of a silence names ("made no mention of the war"): its
        terms or own themes, else a state that the one conduct issue in force is waged
        against ("did not refer to Ukraine")."""
        words = lemmas(objects)
        if not words:
            return None
        found = self.matcher.match(words, words, when)
        if found is not None:
            return found.issue
        by_theme = self.matcher.by_theme_in_time(words, when)
        if by_theme is not None:
            return by_theme
        named = {s for t in objects if t.pos_ == "PROPN" and (s := _state(t, at))}
        hits = [i for i in self.conduct_on(when) if named & set(self.parties[i][1:])]
        return hits[0] if len(hits) == 1 else None

    def conduct_on(self, when: str | None) -> list[str]:
        """The conduct issues in force on ``when``."""
        return [i for i in self.conduct if when is None or not self.since[i] or
                when >= self.since[i][: len(when)]]

    def _conduct(self, noun: Token, at: dict[int, Mention], ctx: DocContext,
                 when: str | None) -> str | None:
        owner_tokens = [c for c in noun.children if c.dep_ == "poss"]
        owner_tokens += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in
                         OWNER_PREPS for g in c.children if g.dep_ == "pobj"]
        owner_tokens += [g for c in noun.children if c.dep_ == "acl"
                         for p in c.children if p.dep_ == "agent"
                         for g in p.children if g.dep_ == "pobj"]
        place_tokens = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in
                        PLACE_PREPS for g in c.children if g.dep_ == "pobj"]
        skip = {x.i for o in owner_tokens for x in _name_phrase(o)}
        skip |= {x.i for p in place_tokens for x in p.subtree if _state(p, at)}
        if self._extra(noun, skip, at):
            return None  # "the steps taken by Russia to stabilise the rouble"
        owner = next((s for o in owner_tokens for x in (o, *_name_phrase(o)[1:])
                      if (s := _state(x, at))), None)  # "the Russian side's actions"
        places = {s for p in place_tokens for c in syntax.coordinated(p) if (s := _state(c, at))}
        if owner is None:
            definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
            if not definite or owner_tokens or places:
                return None
            return self._in_context(self.conduct_on(when), ctx, False)  # "the measures taken"
        found = [i for i in self.conduct_on(when) if self.parties[i][0] == owner and
                 places <= set(self.parties[i][1:])]
        return self._in_context(found, ctx, True)

    def _extra(self, top: Token, skip: set[int], at: dict[int, Mention]) -> bool:
        """Whether a phrase holds content words beyond the conduct and its parties."""
        return any(self._content(x, at) for x in top.subtree
                   if x.i != top.i and x.i not in skip)

    def _content(self, x: Token, at: dict[int, Mention]) -> bool:
        """A word that names something besides a conduct, a state or a place."""
        if x.pos_ in FUNCTION_POS or _state(x, at):
            return False
        return x.i in at or x.lemma_.lower() not in self.spec.allowed | self.spec.nouns

    def _in_context(self, found: list[str], ctx: DocContext, alone: bool) -> str | None:
        """The candidate the text is on, else (if ``alone`` may decide) the only one."""
        for current in (ctx.previous_issue, ctx.topic()):
            if current in found:
                return current
        return found[0] if alone and len(found) == 1 else None

    def _situation(self, objects: Sequence[Token], at: dict[int, Mention], ctx: DocContext,
                   when: str | None) -> str | None:
        """"Discussed the situation in Donbas": the conduct issue whose title names the
        place's state as acted on."""
        places = {s for t in objects if t.lemma_.lower() in SITUATION_NOUNS
                  for c in t.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
                  for g in c.children if g.dep_ == "pobj" and (s := _state(g, at))}
        found = [i for i in self.conduct_on(when) if places & set(self.parties[i][1:])]
        return self._in_context(found, ctx, True)

    def _talks_topic(self, objects: Sequence[Token], when: str | None) -> str | None:
        """"Exchanged views on ..., including the situation around Ukraine": the one issue
        in force whose own theme the topic of the talks is."""
        found = self.matcher.th.found(lemmas(objects))
        related = [i.id for i in self.matcher.issues
                   if (when is None or not i.since or when >= i.since[: len(when)])
                   and found & self.matcher.issue_themes.get(i.id, set())]
        return related[0] if len(related) == 1 else None


def silenced(preds: Sequence[Predicate]) -> set[int]:
    """Heads of predicates inside what an account is silent on ("made no mention of support
    for X", "contained no assessment of"): not acts of the account's author."""
    out: set[int] = set()
    for p in preds:
        if p.entry.event_type != "NO_COMMENT" and \
                _event_type(p.entry, True, p.head) != "NO_COMMENT":
            continue  # not silent, negated or not
        negated = syntax.negations(p.head, p.tokens) % 2 == 1
        silent = p.entry.event_type == "NO_COMMENT" and not negated or (
            negated and _event_type(p.entry, True, p.head) == "NO_COMMENT")
        if not silent:
            continue
        inside = {t.i for t in syntax.object_tokens(p.head)}
        out |= {q.head.i for q in preds if q is not p and q.head.i in inside and
                q.head.i not in p.tokens}
    return out


def carried_issue(theme: list[Token], last_issue: str | None) -> str | None:
    """"Kazakhstan will never recognise their independence", "rejected the move": an
    anaphor in the act's object carries the previous sentence's issue."""
    if last_issue and any(
            _issue_anaphor(t) or
            (t.dep_ == "det" and t.lower_ in ("this", "these", "such")) or
            t.lemma_.lower() in ("move", "decision", "step") and not
            other_domain(t) for t in theme):
        return last_issue
    return None
