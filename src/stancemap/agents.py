"""Who acts: the agents of a predicate resolved to actors, through mentions, coordinated
lists, possessors, groups of states ("the five Central Asian states"), pronouns and
definite descriptions ("he", "the ministry", "his country"); officials stand for their
state's government on the date of the act."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from . import scene, spans, syntax
from .doccontext import DocContext as DocContext
from .kb import METONYM_KINDS, KnowledgeBase
from .models import Actor, Mention

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
PAIR_NOUNS = {"leader": "person", "president": "person", "minister": "person",
              "counterpart": "person", "head": "person", "side": "state", "country": "state",
              "state": "state", "government": "state", "nation": "state"}
DOCUMENT_VERBS = {"contain", "include", "omit", "lack", "mention", "feature"}
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
COUNTS = {**NUMBERS, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


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
            places = self.places(tok, at)
            if places:  # "In Baku and Yerevan they did not answer": each capital's
                found += [(tok, a) for a in places]
                continue
            actor = self.actor_at(tok, at, ctx, speakers)
            if actor is not None:
                found.append((tok, actor))
            for other in coordinated_mentions(tok, at):  # "officials in Bishkek and Dushanbe"
                found.append((tok, self.bodied(tok, other)))
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
        found = self.capital(tok, parts, ctx) or self.placed(tok, at)
        if found is not None:
            return found
        if tok.lower_ in PERSON_PRONOUNS:
            found = self.reporting_person(tok, at, ctx)
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

    def bodied(self, tok: Token, actor: Actor) -> Actor:
        """A state named by a demonym modifying a body ("Armenian and Georgian officials"):
        that state's body of the kind."""
        lemma = tok.lemma_.lower()
        if actor.type != "state" or not actor.country or lemma not in AGENT_HEADS | \
                PERSON_HEADS or actor.country not in self.kb.actors:
            return actor
        return self.kb.sector_actor(actor.country, self.kb.institutions.get((lemma,)) or "GOV")

    def places(self, tok: Token, at: dict[int, Mention]) -> list[Actor]:
        """The governments of the coordinated capitals a clause is set in, for its unnamed
        plural subject ("they", "officials")."""
        if tok.lower_ not in PLURAL_PRONOUNS and not (
                tok.tag_ == "NNS" and tok.lemma_.lower() in AGENT_HEADS | PERSON_HEADS):
            return []
        states = scene.place_states(tok, at, self.kb)
        named = {at[t.i].actor.country for t in [tok, *agent_parts(tok)] if t.i in at}
        if len(states) < 2 or not named <= set(states):
            return []  # not "In Baku and Yerevan, Russian diplomats said"
        return [self.kb.sector_actor(s, "GOV") for s in states if s in self.kb.actors]

    def placed(self, tok: Token, at: dict[int, Mention]) -> Actor | None:
        """An unnamed body in a clause set in a state's capital: "In Tashkent, the foreign
        ministry said", "Bishkek, where the presidential office said"."""
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "poss" for c in tok.children) \
                or lemma not in AGENT_HEADS | PERSON_HEADS | STATE_WORDS:
            return None
        state = scene.place_state(tok, at, self.kb)
        if state is None or state not in self.kb.actors:
            return None
        sector = self.kb.institutions.get((lemma,)) or "GOV"
        return self.kb.sector_actor(state, sector)

    def reporting_person(self, tok: Token, at: dict[int, Mention], ctx: DocContext
                         ) -> Actor | None:
        """"X told Y that he ...": the subject pronoun of reported speech is the person
        reporting it (not the last person named, the one spoken to)."""
        node = tok.head
        for _ in range(3):
            if node.dep_ == "ccomp" and node.head.i != node.i:
                subj = [c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj and subj[0].i != tok.i and personal(subj[0], at) and \
                        subj[0].lower_ not in PERSON_PRONOUNS:
                    return self.actor_at(subj[0], at, ctx)
                return None
            if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
                return None
            node = node.head
        return None

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
        if scene.others(tok, {i for i, _ in ctx.current}):
            return scene.generic_actor(self.kb, sector)  # "Western governments"
        for i, actor in reversed(ctx.current):
            if actor.type == "state" and actor.country in self.kb.actors and (
                    i < tok.i or scene.local(i, tok) or tok.doc[i].dep_ == "poss"):
                # "not on Uzbekistan's agenda", not "sanctions on Russian banks"
                return self.kb.sector_actor(actor.country, sector)
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
            state = ctx.subject_state  # "X has gone furthest. ... its foreign minister said"
            if state is None:
                found = self.salient_state(tok, ctx)
                state = found.country if found is not None else None
            if state in self.kb.actors:
                return self.kb.sector_actor(state or "", sector)
        return self.definite_official(tok, ctx) or scene.generic_actor(self.kb, sector)

    def definite_official(self, tok: Token, ctx: DocContext) -> Actor | None:
        """"The minister said", with no state in the sentence: the official of that kind
        named last (any official if none), else the state that acted last."""
        lemma = tok.lemma_.lower()
        if lemma not in PERSON_HEADS or tok.tag_ != "NN" or not any(
                c.lower_ == "the" for c in tok.children):
            return None
        officials = [a for a in reversed(ctx.recent) if a.type == "person" and
                     self.represent(a, None).type == "state"]
        for person in officials:
            if any(lemma in r.role or lemma == "president" and r.role == "head_of_state"
                   for r in self.kb.person_roles.get(person.id, [])):
                return person
        if ctx.agents and ctx.agents[-1].country in self.kb.actors:
            return self.kb.sector_actor(ctx.agents[-1].country or "", "GOV")
        return officials[0] if officials else None

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
        named before, when no named group of that size fits; "all four abstained": the
        last group of four states that acted alike."""
        if tok.pos_ == "NUM" and tok.lower_ in COUNTS and tok.i not in at and \
                tok.dep_ in ("nsubj", "nsubjpass"):
            return next((list(g) for g in reversed(ctx.groups) if len(g) == COUNTS[
                tok.lower_]), [])
        count = next((c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet")
                      and c.lower_ in NUMBERS), None)
        kind = PAIR_NOUNS.get(tok.lemma_.lower())
        if count is None or kind is None or tok.i in at or self.numbered_group(count, ctx):
            return []
        size = NUMBERS[count]
        picked: list[Actor] = []
        for actor in [*(a for i, a in reversed(ctx.current) if i < tok.i),
                      *reversed(ctx.recent)]:  # this sentence's first
            same = actor.type == kind or (kind == "state" and actor.type == "state")
            if same and actor not in picked and all(
                    actor.country != p.country or kind == "person" and actor.id != p.id
                    for p in picked):
                picked.append(actor)
            if len(picked) == size:
                return list(reversed(picked))
        return []

    def target(self, tok: Token, at: dict[int, Mention], agents: list[Actor]) -> Actor | None:
        """The first actor named in an act's object that is not one of its agents."""
        for t in syntax.object_tokens(tok):
            m = at.get(t.i)
            if m and m.actor not in agents:
                return self.represent(m.actor, None)
        return None

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
            group = syntax.coordinated(t)
            # "Armenian and Georgian officials": every conjunct, the first one too
            return [at[c.i].actor for c in group if c.i in at] if len(group) > 1 else []
    return []


def preceding_group(tok: Token, at: dict[int, Mention]) -> list[Token]:
    """A subject the parser lost: the list of actors right before the verb ("..., by 141
    votes with 32 abstentions, Kazakhstan, Kyrgyzstan and Uzbekistan abstained")."""
    if tok.pos_ != "VERB":
        return []
    first = min(at) if at else tok.i
    i = tok.i - 1
    while i >= first and (tok.doc[i].dep_ in ("aux", "neg", "advmod", "auxpass") or
                          tok.doc[i].lower_ in ("all", "both", "each")):
        i -= 1  # "X, Y and Z all abstained"
    if i < first or i not in at:
        return []
    node = tok.doc[i]
    while node.dep_ in ("conj", "appos") and node.head.i in at and node.head.i < node.i:
        node = node.head
    return syntax.coordinated(node)
