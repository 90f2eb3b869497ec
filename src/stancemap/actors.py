"""Actor resolution: find every reference to a known actor in a parsed sentence.

The knowledge base decides identity; spaCy's labels and parse only help. In order:
1. aliases (names, spelling variants, demonyms, capitals, seats), longest match first;
2. institutions and roles attached to a state ("Kazakh Foreign Ministry", "the President
   of Kyrgyzstan", "Uzbekistan's foreign minister"), roles resolved on the sentence date;
3. spelling variants not listed, by normalised fuzzy matching of named entities;
4. people not in the knowledge base, from spaCy's PERSON entities, linked within a document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from spacy.tokens import Span, Token

from . import spans
from .affiliation import affiliate
from .doccontext import Context as Context
from .doccontext import first_state
from .kb import METONYM_KINDS, Entry, KnowledgeBase
from .models import Actor, Mention
from .names import (
    adjacent,
    given_name,
    is_location,
    name_spans,
    named_subject,
    sentence_day,
    sentence_initial,
    strip_title,
    tokens_agree,
)
from .textnorm import fold, norm, slug

LINKS = {"of", "in"}
TITLE_WORDS = {"analyst", "expert", "professor", "researcher", "scholar", "journalist",
               "commentator", "lecturer", "spokesman", "spokeswoman", "spokesperson", "minister",
               "president", "senator", "ambassador", "envoy", "general", "colonel", "dr",
               "mr", "ms", "mrs", "sir", "deputy", "chairman", "chairwoman", "mayor", "governor",
               "prime", "foreign", "secretary", "director", "head", "chief", "former", "acting",
               "opposition", "activist", "lawmaker", "says", "said"}
SKIP = {"s", ""}
CONFIDENCE = {"alias": 0.95, "demonym": 0.85, "metonymy": 0.85, "institution": 0.9, "role": 0.8,
              "ner": 0.6, "partial": 0.7}

Trie = dict[Any, Any]


def _trie(keys: Any) -> Trie:
    root: Trie = {}
    for key, value in keys:
        node = root
        for tok in key:
            node = node.setdefault(tok, {})
        node[None] = value
    return root


def _longest(trie: Trie, toks: list[str], i: int) -> tuple[int, Any]:
    node, best = trie, (i, None)
    for j in range(i, len(toks)):
        node = node.get(toks[j])
        if node is None:
            break
        if None in node:
            best = (j + 1, node[None])
    return best


@dataclass(slots=True)
class _Hit:
    start: int  # index into the sentence's kept tokens
    end: int
    actor: Actor
    method: str
    confidence: float


class Resolver:
    """Resolves the actors of sentences against one knowledge base."""

    def __init__(self, kb: KnowledgeBase, ner: bool = False) -> None:
        self.kb = kb
        self.ner = ner  # use spaCy's entities (when the pipeline has NER) for names
        self.aliases = _trie(kb.index.items())
        phrases = [(k, ("inst", v)) for k, v in kb.institutions.items()]
        phrases += [(k, ("role", v)) for k, v in kb.role_phrases.items()]
        self.phrases = _trie(phrases)
        self._fuzzy_keys: list[str] = []
        self._fuzzy_entries: list[list[Entry]] = []
        for key, entries in kb.index.items():
            named = [e for e in entries if e.kind in ("name", "surname", "short")]
            if named and sum(map(len, key)) >= 5:
                self._fuzzy_keys.append(fold(" ".join(key)))
                self._fuzzy_entries.append(named)
        self._closest: dict[str, tuple[str, float] | None] = {}  # _closest_known, cached

    # --- entry point ------------------------------------------------------------------

    def resolve(self, doc_id: str, sent: Span, base: int, index: int, ctx: Context
                ) -> list[Mention]:
        """Mentions in one sentence; ``base`` is the paragraph's offset in the document."""
        kept: list[Token] = []
        toks: list[str] = []  # normalised text of the kept tokens
        for t in spans.tokens(sent):
            text = t.text
            key = norm(text)
            if key not in SKIP and text not in ("'s", "’s"):
                kept.append(t)
                toks.append(key)
        self._affiliation: dict[int, str] = {}
        day = sentence_day(spans.text(sent), ctx.published)
        hits = self._aliases(kept, toks, day, ctx)
        hits = self._phrases(kept, toks, hits, day)
        hits += self._entities(sent, kept, hits, ctx)
        mentions = []
        for hit in sorted(hits, key=lambda h: h.start):
            first, last = kept[hit.start], kept[hit.end - 1]
            start, end = base + first.idx, base + last.idx + len(last.text)
            text = sent.doc[first.i : last.i + 1].text
            mentions.append(Mention(doc_id, start, end, text, hit.actor, hit.method, index,
                                    round(hit.confidence, 3)))
            if hit.actor.type == "person":
                ctx.last_seen[hit.actor.id] = start
                ctx.surnames.setdefault(norm(last.text), hit.actor.id)
        found = affiliate(mentions, sent, base, ctx.people, ctx.home() or first_state(mentions))
        for m in found:
            if m.actor.type == "state" and m.actor.country:
                ctx.states[m.actor.country] = ctx.states.get(m.actor.country, 0) + 1
        return found

    # --- 1. aliases -------------------------------------------------------------------

    def _aliases(self, kept: list[Token], toks: list[str], day: str | None, ctx: Context
                 ) -> list[_Hit]:
        hits: list[_Hit] = []
        i = 0
        while i < len(toks):
            if toks[i] not in self.aliases:  # no alias starts here
                i += 1
                continue
            end, entries = _longest(self.aliases, toks, i)
            if entries and self._cased_ok(kept[i:end], tuple(toks[i:end])):
                hit = self._choose(kept, i, end, entries, day, ctx)
                if hit:
                    hits.append(hit)
                    i = end
                    continue
            i += 1
        return hits

    def _cased_ok(self, span: list[Token], key: tuple[str, ...]) -> bool:
        text = "".join(t.text for t in span)
        if key in self.kb.cased:
            return text.isupper()
        return span[0].text[:1].isupper()

    def _choose(self, kept: list[Token], i: int, end: int, entries: list[Entry],
                day: str | None, ctx: Context) -> _Hit | None:
        actors = {e.actor: e for e in entries}
        if len(actors) > 1:
            entry = self._disambiguate(list(actors.values()), day, ctx)
            if entry is None:
                return None
            confidence = 0.7
        else:
            entry = entries[0]
            confidence = CONFIDENCE["alias"]
        actor = self.kb.actors[entry.actor]
        if entry.kind in METONYM_KINDS:
            if is_location(kept, end):
                return None
            if actor.type == "state":
                actor = self.kb.sector_actor(actor.id, "GOV")
            return _Hit(i, end, actor, "metonymy", CONFIDENCE["metonymy"])
        if actor.type == "person" and end - i == 1:
            named = ctx.person(ctx.surnames.get(norm(kept[i].text)) or "", self.kb)
            if named is not None and named.id != actor.id and actor.id not in ctx.last_seen:
                # "Bakyt Orunbekov ... Orunbekov said": the person this text named, not
                # a namesake in the knowledge base
                return _Hit(i, end, named, "partial", CONFIDENCE["partial"])
            if sentence_initial(kept[i]) and kept[i].pos_ != "PROPN" and not named_subject(
                    kept[i]):
                return None
            if i > 0 and kept[i - 1].i == kept[i].i - 1 and given_name(kept[i - 1]) and \
                    not _longest(self.phrases, [norm(
                    kept[i - 1].text).lower()], 0)[1]:
                return None  # "Evgeniy Fedorov" is not Mykhailo Fedorov
        method = "demonym" if entry.kind == "demonym" else "alias"
        return _Hit(i, end, actor, method, min(confidence, CONFIDENCE[method]))

    def _disambiguate(self, entries: list[Entry], day: str | None, ctx: Context
                      ) -> Entry | None:
        """Pick among actors sharing a name: seen last in the text, else in office."""
        seen = [e for e in entries if e.actor in ctx.last_seen]
        if seen:
            return max(seen, key=lambda e: ctx.last_seen[e.actor])
        seats = [e for e in entries if e.kind == "seat"]
        if seats:
            return seats[0]
        active = [e for e in entries if self.kb.holds_any(e.actor, day)]
        if len(active) == 1:
            return active[0]
        for office in ("head_of_state", "head_of_government", "foreign_minister"):
            holders = [e for e in active if self.kb.holds_any(e.actor, day, office)]
            if len(holders) == 1:
                return holders[0]  # Sadyr Japarov (president) over Akylbek Japarov
        states = [e for e in entries if self.kb.actors[e.actor].type == "state"]
        return states[0] if len(states) == 1 else None

    # --- 2. institutions and roles -----------------------------------------------------

    def _phrases(self, kept: list[Token], toks: list[str], hits: list[_Hit], day: str | None
                 ) -> list[_Hit]:
        by_start = {h.start: h for h in hits}
        out: list[_Hit] = []
        skip_until = -1
        for hit in hits:
            if hit.start < skip_until:
                continue
            country = self._owner(kept, hit)
            end, phrase = _longest(self.phrases, toks, hit.end) if country else (0, None)
            if phrase is None or not adjacent(kept, hit.end):
                out.append(hit)
                continue
            follower = by_start.get(end)
            if follower and follower.actor.type == "person" or (
                    end < len(kept) and kept[end].ent_type_ == "PERSON" and phrase[0] == "role"):
                # "Russian President Dmitry Medvedev": the name carries the role
                self._affiliation[kept[end].i] = country or ""
                out.append(hit)
                skip_until = end
                continue
            out.append(self._office(hit.start, end, country or "", phrase,
                                    toks[end - 1] in self.kb.plurals, day))
            skip_until = end
        out += self._of_phrases(toks, hits, out, day)
        return out

    def _owner(self, kept: list[Token], hit: _Hit) -> str | None:
        """The state a following institution belongs to: "Kazakh", "Russia's",
        "Moscow's", or a person's possessive ("Tokayev's administration")."""
        actor = hit.actor
        if actor.type == "state" and hit.method in ("alias", "demonym", "metonymy"):
            return actor.country
        last = kept[hit.end - 1]
        nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
        if actor.type == "person" and actor.country and nxt is not None and nxt.tag_ == "POS":
            return actor.country
        return None

    def _office(self, start: int, end: int, country: str, phrase: tuple[str, Any],
                plural: bool, day: str | None) -> _Hit:
        kind, value = phrase
        if kind == "role":
            role, sector = value
            person = None if plural else self.kb.holder(country, role, day)
            if person:
                return _Hit(start, end, person, "role", CONFIDENCE["role"])
            return _Hit(start, end, self.kb.sector_actor(country, sector), "role", 0.7)
        return _Hit(start, end, self.kb.sector_actor(country, value), "institution",
                    CONFIDENCE["institution"])

    def _of_phrases(self, toks: list[str], hits: list[_Hit], taken: list[_Hit],
                    day: str | None) -> list[_Hit]:
        """"the Ministry of Foreign Affairs of Uzbekistan", "press service of the President
        of Kyrgyzstan", "an official in the Kyrgyz government": a phrase, a link, a state."""
        state_at = {h.start: h for h in hits
                    if h.actor.type == "state" and h.method in ("alias", "demonym", "metonymy")}
        used = {i for h in taken for i in range(h.start, h.end)}
        out: list[_Hit] = []
        i = 0
        while i < len(toks):
            if toks[i] not in self.phrases:  # no phrase starts here
                i += 1
                continue
            end, phrase = _longest(self.phrases, toks, i)
            chain = self._chain(toks, end, state_at) if phrase and i not in used else None
            if chain is None:
                i = max(end, i + 1)
                continue
            stop, ref = chain
            out.append(self._office(i, stop, ref.actor.country or "", phrase,
                                    toks[end - 1] in self.kb.plurals, day))
            taken[:] = [h for h in taken if not (i <= h.start < stop)]
            i = stop
        return out

    def _chain(self, toks: list[str], i: int, state_at: dict[int, _Hit]
               ) -> tuple[int, _Hit] | None:
        """(end, state) if ``toks[i:]`` is "of/in [the] STATE [PHRASE]" or "of [the] PHRASE
        ..." recursively; "in" needs an institution after the state."""
        if i >= len(toks) or toks[i] not in LINKS:
            return None
        j = i + 1 + (1 if i + 1 < len(toks) and toks[i + 1] == "the" else 0)
        if j in state_at:
            ref = state_at[j]
            end, phrase = _longest(self.phrases, toks, ref.end)
            if phrase is None and toks[i] == "in":
                return None
            return (end if phrase else ref.end), ref
        end, phrase = _longest(self.phrases, toks, j)
        if phrase is None or toks[i] == "in":
            return None
        return self._chain(toks, end, state_at)

    # --- 3 and 4. entities: fuzzy spelling variants and new people ----------------------

    def _entities(self, sent: Span, kept: list[Token], hits: list[_Hit], ctx: Context
                  ) -> list[_Hit]:
        covered = {kept[i].i for h in hits for i in range(h.start, h.end)}
        position = {t.i: n for n, t in enumerate(kept)}
        out: list[_Hit] = []
        for ent, label in name_spans(sent, self.ner):
            if any(t.i in covered for t in ent):
                continue
            idx = [position[t.i] for t in ent if t.i in position]
            if not idx or not ent.text[:1].isupper():
                continue
            hit = self._fuzzy(ent, idx[0], idx[-1] + 1, ctx)
            if hit is None and label == "PERSON":
                hit = self._new_person(ent, idx[0], idx[-1] + 1, ctx)
            if hit:
                out.append(hit)
        return out

    def _fuzzy(self, ent: Span, start: int, end: int, ctx: Context) -> _Hit | None:
        key = fold(strip_title(ent.text))
        if len(key) < 5:
            return None
        if " " not in key:  # a surname: first, people already named in this document
            for actor_id in [a for a in ctx.last_seen if a.startswith("person:")]:
                person = ctx.person(actor_id, self.kb)
                surname = fold(person.name.split()[-1]) if person else ""
                score = fuzz.ratio(key, surname) if surname else 0
                if person is not None and score >= 80:
                    method = "partial" if score == 100 else "fuzzy"
                    return _Hit(start, end, person, method, 0.75)
        if key not in self._closest:
            if len(self._closest) > 100_000:
                self._closest.clear()
            self._closest[key] = self._closest_known(key)
        found = self._closest[key]
        if found is None:
            return None
        actor_id, score = found
        return _Hit(start, end, self.kb.actors[actor_id], "fuzzy", 0.9 * score / 100)

    def _closest_known(self, key: str) -> tuple[str, float] | None:
        """The one knowledge-base actor whose name ``key`` is a spelling variant of."""
        found = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=88)
        if not found:
            return None
        candidate, score, n = found
        if not tokens_agree(key, candidate):
            return None
        actors = {e.actor for e in self._fuzzy_entries[n]}
        return (actors.pop(), score) if len(actors) == 1 else None

    def _new_person(self, ent: Span, start: int, end: int, ctx: Context) -> _Hit | None:
        """A person not in the knowledge base: full names create an actor, surnames link."""
        words = strip_title(ent.text).split()
        while words and words[0].lower() in TITLE_WORDS:
            words = words[1:]  # "Analyst Dana Kairatova", "Ambassador ..."
        if not words or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            return None
        if len(words) == 1:
            known = ctx.person(ctx.surnames.get(norm(words[0])) or "", self.kb)
            if known is not None:
                return _Hit(start, end, known, "partial", CONFIDENCE["partial"])
            return None
        if len(words) > 4:
            return None
        name = " ".join(words)
        actor_id = f"person:{slug(name)}"
        country = self._affiliation.get(ent[0].i)
        known = ctx.person(actor_id, self.kb)
        if known is None or (country and not known.country and actor_id not in self.kb.actors):
            known = Actor(actor_id, name, "person", country or None, "GOV" if country else None)
            ctx.people[actor_id] = known
        return _Hit(start, end, known, "ner", CONFIDENCE["ner"])

