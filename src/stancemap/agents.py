"""Who acts: the agents of a predicate resolved to actors, through mentions, coordinated
lists, possessors, groups of states ("the five Central Asian states"), pronouns and
definite descriptions ("he", "the ministry", "his country"); officials stand for their
state's government on the date of the act."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from . import spans, syntax
from .kb import METONYM_KINDS, KnowledgeBase
from .models import Actor, Mention, Statement

OFFICIAL_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "defense_minister",
                  "spokesperson", "speaker", "security_council_secretary", "chief_of_staff",
                  "deputy_head_of_government", "national_security_adviser", "interior_minister",
                  "secretary_general", "head_of_organization", "member", "security_chief"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
STATE_WORDS = {"it", "country", "state", "republic", "government", "authorities", "nation",
               "ministry", "leadership", "administration"}
PLURAL_PRONOUNS = {"they", "them"}
GROUP_NOUNS = {"state", "country", "republic", "government", "nation", "capital", "leader",
               "neighbour", "neighbor"}
DEFINITE = {"the", "these", "those", "this", "that", "such"}
PAIR_NOUNS = {"leader": "person", "president": "person", "minister": "person",
              "counterpart": "person", "head": "person", "side": "state", "country": "state",
              "state": "state", "government": "state", "nation": "state"}
DOCUMENT_VERBS = {"contain", "include", "omit", "lack", "mention", "feature"}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}


@dataclass
class DocContext:
    """What the extractor carries from sentence to sentence within one document."""

    published: str | None
    last_date: str | None = None
    sentence_date: str | None = None  # last_date as the sentence began ("a day earlier")
    after_headline: bool = False  # whether the sentence before was a headline-shaped line
    last_issue: str | None = None
    last_agents: list[Actor] = field(default_factory=list)  # agents of the last act
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
    dated: dict[str, str] = field(default_factory=dict)  # actor key -> day of its last act
    events: dict[str, str] = field(default_factory=dict)  # "vote" -> the day the text gave
    motion: tuple[str, str | None] | None = None  # the issue and stance of the last motion
    motion_age: int = 99  # sentences since the last motion was described (0: this one)

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


class Agents:
    """Resolves agent tokens to actors for one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.expanded = False  # whether the last call to actors() expanded a group

    def actors(self, tokens: list[Token], at: dict[int, Mention], ctx: DocContext,
                when: str | None, speakers: Sequence[Actor] = ()) -> list[Actor]:
        out: list[Actor] = []
        found = []
        self.expanded = False
        for tok in tokens:
            several = self.numbered_actors(tok, at, ctx)
            if several:  # "the two leaders": both of those just named
                found += [(tok, a) for a in several]
                continue
            actor = self.actor_at(tok, at, ctx, speakers)
            if actor is not None:
                found.append((tok, actor))
            for other in coordinated_mentions(tok, at):  # "officials in Bishkek and Dushanbe"
                found.append((tok, other))
        for tok, actor in found:
            members = self.kb.members.get(actor.id)
            if members is not None:  # "the five Central Asian states": each of them
                if syntax.partial(tok):
                    continue
                group = [self.kb.actors[m] for m in members if m in self.kb.actors]
                self.expanded = True
            else:
                group = [self.represent(actor, when)]
            out.extend(a for a in group if a not in out)
        return out

    def actor_at(self, tok: Token, at: dict[int, Mention], ctx: DocContext,
                  speakers: Sequence[Actor] = ()) -> Actor | None:
        if tok.i in at:
            return at[tok.i].actor
        parts = agent_parts(tok)
        for t in parts:
            if t.i in at:
                return at[t.i].actor
        found = self.capital(tok, parts, ctx)
        if found is not None:
            return found
        for t in [tok, *parts]:  # "none of the five states": the group named before
            found = self.coreference(t, ctx, speakers)
            if found is not None:
                return found
        for t in [tok, *parts]:
            found = self.generic(t, ctx)
            if found is not None:
                return found
        return self.seat(tok)

    def capital(self, tok: Token, parts: list[Token], ctx: DocContext) -> Actor | None:
        """"The capital", "officials in the capital" with no capital named: the government
        of the state the text is about."""
        if not any(t.lemma_.lower() == "capital" and any(c.lower_ == "the" for c in t.children)
                   for t in [tok, *parts]):
            return None
        if tok.lemma_.lower() != "capital" and tok.lemma_.lower() not in AGENT_HEADS | \
                PERSON_HEADS:
            return None  # "protesters in the capital": people there, not its government
        home = ctx.home_state()
        return self.kb.sector_actor(home, "GOV") if home in self.kb.actors else None

    def seat(self, tok: Token) -> Actor | None:
        """A seat of government the resolver took for a place ("according to the Kremlin",
        "by Moscow"): that state's government."""
        if tok.pos_ != "PROPN":
            return None
        for entry in self.kb.lookup(tok.text):
            actor = self.kb.actors.get(entry.actor)
            if actor is not None and actor.type == "state" and entry.kind in METONYM_KINDS:
                return self.kb.sector_actor(actor.id, "GOV")
        return None

    def generic(self, tok: Token, ctx: DocContext) -> Actor | None:
        """"Police", "protesters", "rebels", "the army" with no name: that sector of the
        state the sentence is about, or a generic actor of the sector."""
        sector = self.kb.institutions.get((tok.lemma_.lower(),)) or self.kb.institutions.get(
            (tok.lower_,))
        if sector is None or tok.pos_ not in ("NOUN", "PROPN"):
            return None
        for _, actor in reversed(ctx.current):
            if actor.type == "state" and actor.country in self.kb.actors:
                return self.kb.sector_actor(actor.country, sector)
        actor_id = f"generic:{sector.lower()}"
        if actor_id not in self.kb.actors:
            name = self.kb.sectors.get(sector, sector.lower()).capitalize()
            self.kb.add_actor(Actor(actor_id, name, "group", None, sector), "kb")
        return self.kb.actors[actor_id]

    def coreference(self, tok: Token, ctx: DocContext, speakers: Sequence[Actor] = ()
                     ) -> Actor | None:
        """Pronouns and definite descriptions: "he", "the country", "his country" (in
        reported speech: the speaker's own country)."""
        word = tok.lower_
        poss = [c.lower_ for c in tok.children if c.dep_ == "poss"]
        count = next((c.lower_ for c in tok.children if c.dep_ == "nummod"), None)
        if count and tok.lemma_.lower() in GROUP_NOUNS:
            return self.numbered_group(count, ctx)
        definite = any(c.lower_ == "the" for c in tok.children)
        if speakers and (poss or definite or word in ("we", "it")) and \
                word in STATE_WORDS | {"we"}:
            country = speakers[0].country
            if country in self.kb.actors:
                return self.kb.actors[country]
        if word == "it" and tok.head.lemma_.lower() in DOCUMENT_VERBS and \
                ctx.last_account is not None:
            return ctx.last_account  # "... the press service said. It contained no ..."
        if word in PERSON_PRONOUNS:
            if ctx.last_speaker is not None:
                return ctx.last_speaker  # "A senior official ... told RFE/RL ... He also said"
            return ctx.last("person", before=tok)
        if word in STATE_WORDS and (poss or any(c.lower_ == "the" for c in tok.children)
                                    or word == "it"):
            if poss and poss[0] in ("his", "her"):
                person = ctx.last("person", before=tok)
                if person and person.country in self.kb.actors:
                    return self.kb.actors[person.country]
            return self.salient_state(tok, ctx)
        if word in PLURAL_PRONOUNS or word == "we":
            latest = ctx.recent[-1] if ctx.recent else None
            return ctx.last("state") if latest is None or latest.type != "person" else None
        return None

    def salient_state(self, tok: Token, ctx: DocContext) -> Actor | None:
        """"The ministry", "the country": a state that is a subject or possessor earlier in
        this sentence ("Kazakhstan's attitude ..., the foreign ministry said"), else the
        state named last before it."""
        doc = tok.doc
        for i, actor in ctx.current:
            if i < tok.i and actor.type == "state" and doc[i].dep_ in ("nsubj", "nsubjpass",
                                                                          "poss"):
                return self.kb.actors.get(actor.country or "", actor)
        if ctx.agents and ctx.agents[-1].country in self.kb.actors:
            return self.kb.actors[ctx.agents[-1].country or ""]  # the state that acted last
        return ctx.last("state")

    def numbered_group(self, count: str, ctx: DocContext) -> Actor | None:
        """"The five states": the group of that size named most recently."""
        size = NUMBERS.get(count) or (int(count) if count.isdigit() else 0)
        for actor in reversed(ctx.recent):
            if len(self.kb.members.get(actor.id, [])) == size:
                return actor
        return None

    def numbered_actors(self, tok: Token, at: dict[int, Mention], ctx: DocContext
                        ) -> list[Actor]:
        """"The two leaders", "both sides": the last people (or states) of that number
        named before, when no named group of that size fits."""
        count = next((c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet")
                      and c.lower_ in NUMBERS), None)
        kind = PAIR_NOUNS.get(tok.lemma_.lower())
        if count is None or kind is None or tok.i in at or self.numbered_group(count, ctx):
            return []
        size = NUMBERS[count]
        picked: list[Actor] = []
        for actor in reversed(ctx.recent):
            same = actor.type == kind or (kind == "state" and actor.type == "state")
            if same and actor not in picked and all(
                    actor.country != p.country or kind == "person" and actor.id != p.id
                    for p in picked):
                picked.append(actor)
            if len(picked) == size:
                return list(reversed(picked))
        return []

    def represent(self, actor: Actor, when: str | None) -> Actor:
        """Officials stand for their state's government (or their organisation) while in
        office; former officials and analysts stand for themselves."""
        if actor.type != "person":
            return actor
        roles = self.kb.person_roles.get(actor.id, [])
        for role in roles:
            if role.role in OFFICIAL_ROLES and (when is None or role.holds_on(when)) and \
                    role.country in self.kb.actors:
                owner = self.kb.actors[role.country]
                return self.kb.sector_actor(owner.id, "GOV") if owner.type == "state" \
                    else owner
        if not roles and actor.country and actor.sector and actor.country in self.kb.actors:
            return self.kb.sector_actor(actor.country, actor.sector)  # "spokesman X Y"
        return actor


def token_mentions(sent: Span, base: int, mentions: Sequence[Mention]) -> dict[int, Mention]:
    by_start = sorted(mentions, key=lambda m: m.start)
    out: dict[int, Mention] = {}
    for tok in spans.tokens(sent):
        offset = base + tok.idx
        for m in by_start:
            if m.start <= offset < m.end:
                out[tok.i] = m
                break
    return out


AGENT_DEPS = {"compound", "poss", "amod", "appos", "nmod", "det", "nummod"}
AGENT_HEADS = {"government", "ministry", "leadership", "authority", "administration", "office",
               "service", "president", "minister", "spokesman", "spokeswoman", "spokesperson",
               "delegation", "delegate", "representative", "envoy", "ambassador", "diplomat",
               "mission", "embassy", "official", "statement", "readout",
               "leader", "parliament", "side", "none", "all", "each", "both", "neither",
               "one", "some", "several", "four", "three", "two", "five", "majority", "most",
               "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
               "millions", "scores", "group", "groups", "number", "crowd"}


def agent_parts(tok: Token) -> list[Token]:
    """Where an agent's name may sit inside its noun phrase: modifiers ("Kazakh
    officials"), possessors, appositions, "by"-phrases, and "of"-phrases after heads
    such as "the government of", "none of", "a statement by" — not "the analysis of"."""
    out: list[Token] = []
    todo = [tok]
    while todo:
        node = todo.pop(0)
        for c in node.children:
            if c.dep_ in AGENT_DEPS:
                out.append(c)
                todo.append(c)
            elif c.dep_ == "prep" and (c.lower_ == "by" or (
                    c.lower_ in ("of", "in", "from") and node.lemma_.lower() in AGENT_HEADS)):
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.append(g)
                        todo.append(g)
    return out


PERSON_HEADS = {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "envoy",
                "diplomat", "president", "ambassador", "representative", "leader", "secretary",
                "adviser", "advisor", "aide", "chairman", "premier", "deputy", "delegate"}


def personal(tok: Token, at: dict[int, Mention]) -> bool:
    """Whether an agent is a person ("Tokayev", "a senior official in the government")."""
    if tok.i in at and at[tok.i].actor.type == "person":
        return True
    return tok.lemma_.lower() in PERSON_HEADS


def coordinated_mentions(tok: Token, at: dict[int, Mention]) -> list[Actor]:
    """Actors coordinated with the one inside an agent phrase."""
    for t in agent_parts(tok):
        if t.i in at:
            return [at[c.i].actor for c in syntax.coordinated(t)[1:] if c.i in at]
    return []


def preceding_group(tok: Token, at: dict[int, Mention]) -> list[Token]:
    """A subject the parser lost: the list of actors right before the verb ("..., by 141
    votes with 32 abstentions, Kazakhstan, Kyrgyzstan and Uzbekistan abstained")."""
    if tok.pos_ != "VERB":
        return []
    first = min(at) if at else tok.i
    i = tok.i - 1
    while i >= first and tok.doc[i].dep_ in ("aux", "neg", "advmod", "auxpass"):
        i -= 1
    if i < first or i not in at:
        return []
    node = tok.doc[i]
    while node.dep_ in ("conj", "appos") and node.head.i in at and node.head.i < node.i:
        node = node.head
    return syntax.coordinated(node)
