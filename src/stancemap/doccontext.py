"""What the resolver (``Context``) and the extractor (``DocContext``) carry from sentence to
sentence within one document: people and states named, dates, issues, the actors acting so
far, the last speaker and account, open quotations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from .kb import KnowledgeBase
from .models import Actor, Mention, Statement

DEFINITE = {"the", "these", "those", "this", "that", "such"}


@dataclass
class DocContext:
    """What the extractor carries from sentence to sentence within one document."""

    published: str | None
    last_date: str | None = None
    sentence_date: str | None = None  # last_date as the sentence began ("a day earlier")
    after_headline: bool = False  # whether the sentence before was a headline-shaped line
    last_issue: str | None = None
    last_agents: list[Actor] = field(default_factory=list)  # agents of the last act
    groups: list[list[Actor]] = field(default_factory=list)  # states that acted alike
    last_sign: int | None = None  # direction of the last act: +1 for, -1 against its object
    last_stances: dict[str, tuple[str, str]] = field(default_factory=dict)  # by country/id
    recent: list[Actor] = field(default_factory=list)  # actors mentioned, most recent last

    issues_seen: dict[str, int] = field(default_factory=dict)
    previous_issue: str | None = None  # the issue of the sentence just before
    silence_issue: str | None = None  # the issue of the last "has not commented"
    continues: bool = False  # the sentence before ended in ":"
    previous_date: str | None = None  # the date the sentence before spoke of
    paragraph_base: int | None = None  # offset of the paragraph of the sentence before
    paragraph_ended: bool = True  # whether the sentence before closed its paragraph
    last_speaker: Actor | None = None  # a person-like agent of the sentence before
    last_account: Actor | None = None  # who gave the last account reported ("X said")
    agents: list[Actor] = field(default_factory=list)  # statement actors so far, last last
    last_statements: list[Statement] = field(default_factory=list)  # the sentence before's
    subject_state: str | None = None  # the last state a sentence had for its subject
    quote_open: bool = False  # a quotation runs on past the sentence before
    quoted: Actor | None = None  # the commentator whose quotation the sentence before was
    dated: dict[str, str] = field(default_factory=dict)  # actor key -> day of its last act
    events: dict[str, str] = field(default_factory=dict)  # "vote" -> the day the text gave
    motion: tuple[str, str | None] | None = None  # the issue and stance of the last motion
    motion_age: int = 99  # sentences since the last motion was described (0: this one)
    sided_motion: tuple[str, str | None] | None = None  # the last motion that took a side
    motion_dates: dict[tuple[str, str | None], str | None] = field(default_factory=dict)

    def record_groups(self, statements: Sequence[Statement]) -> None:
        """Remember the states of a sentence that acted alike ("K, T and U abstained"),
        for a later "all three" or "the three"."""
        alike: dict[tuple[str, str | None, str | None], list[Actor]] = {}
        for s in statements:
            if s.actor.country and s.actor.type != "person":
                group = alike.setdefault((s.event_type, s.issue, s.stance), [])
                if all(a.country != s.actor.country for a in group):
                    group.append(s.actor)
        self.groups += [g for g in alike.values() if len(g) > 1]

    def topic(self) -> str | None:
        """The issue the document has dealt with most so far (the last one on a tie)."""
        if not self.issues_seen:
            return self.last_issue
        top = max(self.issues_seen.values())
        if self.last_issue and self.issues_seen.get(self.last_issue) == top:
            return self.last_issue
        return max(self.issues_seen, key=lambda k: self.issues_seen[k])

    noun_issues: dict[str, str] = field(default_factory=dict)  # "vote" -> issue it named

    def learn_nouns(self, tokens: Sequence[Token], issue: str) -> None:
        """Nouns of an act's phrase that matched an issue, for definite descriptions later."""
        for t in tokens:
            if t.pos_ == "NOUN":
                self.noun_issues[t.lemma_.lower()] = issue

    def recall_noun(self, tokens: Sequence[Token]) -> str | None:
        """"The votes", "the ceremony": a definite noun of the act's phrase that an earlier
        act's phrase used on an issue."""
        for t in tokens:
            if t.pos_ == "NOUN" and t.lemma_.lower() in self.noun_issues and any(
                    c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children):
                return self.noun_issues[t.lemma_.lower()]
        return None

    def remember(self, actors: Sequence[Actor]) -> None:
        self.recent.extend(actors)
        del self.recent[:-30]
        for a in actors:
            if a.country:
                self.state_counts[a.country] = self.state_counts.get(a.country, 0) + 1

    state_counts: dict[str, int] = field(default_factory=dict)  # mentions by country

    def home_state(self) -> str | None:
        """The state the text is about: the most mentioned (its acts count double), the
        first named winning a tie ("officials in the capital", with no capital named)."""
        if not self.state_counts:
            return None
        first = list(self.state_counts)
        acted: dict[str, int] = {}
        for a in self.agents:
            acted[a.country or ""] = acted.get(a.country or "", 0) + 1
        return max(first, key=lambda c: (self.state_counts[c] + acted.get(c, 0),
                                         -first.index(c)))

    current: list[tuple[int, Actor]] = field(default_factory=list)  # this sentence's mentions

    def last(self, kind: str, before: Token | None = None) -> Actor | None:
        """The most recent actor of a kind: earlier in this sentence, then before it."""
        if before is not None:
            for i, actor in reversed(self.current):
                if i < before.i and actor.type == kind:
                    return actor
        for actor in reversed(self.recent):
            if actor.type == kind:
                return actor
        return None


@dataclass
class Context:
    """What the resolver remembers within one document."""

    published: str | None
    last_seen: dict[str, int] = field(default_factory=dict)  # person id -> char offset
    surnames: dict[str, str] = field(default_factory=dict)  # normalised surname -> person id
    people: dict[str, Actor] = field(default_factory=dict)  # people this text names, by id
    # (kept per document, not in the knowledge base: what one article says of a person does
    # not change how another is read, whatever order or process reads them)
    states: dict[str, int] = field(default_factory=dict)  # state mentions by country

    def home(self) -> str | None:
        """The state named most so far (the first named on a tie)."""
        if not self.states:
            return None
        first = list(self.states)
        return max(first, key=lambda c: (self.states[c], -first.index(c)))

    def person(self, actor_id: str, kb: KnowledgeBase) -> Actor | None:
        return self.people.get(actor_id) or kb.actors.get(actor_id)


def first_state(mentions: list[Mention]) -> str | None:
    """The first state a text's first sentences name."""
    return next((m.actor.country for m in mentions if m.actor.type == "state"
                 and m.actor.country), None)
