"""Statements: who said or did what, to whom, about which issue, when, with what stance.

Per sentence: find predicates from the lexicon; frame reported speech (the speaker, the
content); find each act's agents (coordinated subjects, possessives, passive agents,
pronouns); resolve them to actors, with officials standing for their state's government;
then the event type, negation, modality, issue, stance and date of the act.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from . import (
    actdates,
    commentary,
    ellipsis,
    gratitude,
    issuerefs,
    labels,
    readouts,
    reprise,
    spans,
    syntax,
    votes,
)
from .acts import (
    NEUTRAL_ENTRY,
    TOPIC_PREPS,
    WITHDRAWALS,
    _attribute,
    _claimed,
    _commentator,
    _confidence,
    _controlled,
    _dedupe,
    _event_type,
    _generic_analysts,
    _issue_anaphor,
    _leaves_a_body,
    _modality,
    _negative_governor,
    _neither_nor,
    _not_own_act,
    _scoped_text,
    _statement_id,
    _topic,
    _vague_group,
)
from .agents import Agents, DocContext, personal, preceding_group, token_mentions
from .classify import Prediction
from .dates import act_date
from .fallback import classified as fallback_statements
from .headlines import headline, headline_shaped
from .kb import KnowledgeBase
from .models import Actor, Mention, Statement
from .predicates import Entry, Lexicon, Predicate
from .stance import NEUTRAL_LEMMAS, IssueMatcher, lemmas


class Extractor:
    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, matcher: IssueMatcher | None
                 ) -> None:
        self.found_predicates = False  # whether the last sentence had any lexicon predicate
        self._speaker: Actor | None = None  # this sentence's person-like agent, for "he"
        self._at: dict[int, Mention] = {}  # this sentence's mentions by token
        self._held: list[Predicate] = []  # speech held back for the acts of its content
        self._plain = True  # whether speaking of an issue's theme is a stance for it
        self.kb = kb
        self.agents = Agents(kb)
        self.lexicon = lexicon
        self.matcher = matcher
        self.readouts = readouts.ReadoutIssues(kb, matcher) if matcher else None

    # --- entry point ------------------------------------------------------------------

    def sentence(self, doc_id: str, sent: Span, base: int, mentions: Sequence[Mention],
                 ctx: DocContext) -> list[Statement]:
        """The statements of one parsed sentence; ``base`` is the paragraph's offset."""
        at = self._at = token_mentions(sent, base, mentions)
        ctx.sentence_date = ctx.last_date
        ctx.current = sorted((i, m.actor) for i, m in at.items())
        preds = labels.relabel(sent, reprise.restatements(sent, self.lexicon.find(sent)))
        preds += votes.empty_seats(sent)  # "Belize's seat was empty"
        self.found_predicates = bool(preds)
        speech, content_of = self._frames(preds, at)
        acts = self._acts(preds, speech, content_of)
        out: list[Statement] = []
        start, end = base + sent.start_char, base + sent.end_char
        sentence_lemmas = lemmas(spans.tokens(sent))
        votes.remember(ctx, votes.motion(preds, self.matcher, self._stance, ctx.last_date or
                                         ctx.published) if self.matcher else None)
        done = [(p.head, self._statements(doc_id, sent, (start, end), p, content_of.get(
            p.head.i), at, ctx, sentence_lemmas)) for p in acts]
        for p in self._held:  # "said [the vote reflected the will of X], and declared ...":
            inner = [f for h, f in done if content_of.get(h.i) is p]  # the content's acts
            if not any(st.stance for f in inner for st in f):  # said nothing on an issue
                self._plain = False  # only what the content's themes say
                found = self._statements(doc_id, sent, (start, end), p, content_of.get(
                    p.head.i), at, ctx, sentence_lemmas)
                self._plain = True
                done.append((p.head, [st for st in found if st.stance]))
        out += [s for _, found in done for s in found]
        out += ellipsis.repeated(sent, (start, end), done, at, ctx, self.agents)  # "as did X"
        out += gratitude.statements(doc_id, sent, (start, end), at, ctx, out, self.agents)
        out = commentary.continued(doc_id, sent, (start, end), ctx, out)
        ctx.remember([m.actor for m in mentions])
        ctx.subject_state = next((a.country for i, a in ctx.current if a.type == "state" and
                                  sent.doc[i].dep_ in ("nsubj", "nsubjpass")), ctx.subject_state)
        for s in out:
            if s.issue:
                ctx.issues_seen[s.issue] = ctx.issues_seen.get(s.issue, 0) + 1
        ctx.previous_issue = next((s.issue for s in out if s.issue), None)
        ctx.silence_issue = next((s.issue for s in out if s.issue and s.event_type ==
                                  "NO_COMMENT"), ctx.silence_issue)
        if ctx.previous_issue is None and self.matcher is not None:
            found = self.matcher.match(sentence_lemmas, [], ctx.last_date or ctx.published)
            ctx.previous_issue = found.issue if found else None
        day, how = actdates.sentence_date(sent, out, at, ctx)
        if how == "explicit":
            ctx.last_date = day
        if ctx.motion_age == 0 and ctx.motion:  # "the assembly on Thursday adopted a text"
            ctx.motion_dates[ctx.motion] = day if how == "explicit" else None
        ctx.continues = spans.text(sent).rstrip().endswith(":")
        explicit = day if how == "explicit" else None
        same_paragraph = base == ctx.paragraph_base and not ctx.paragraph_ended
        kept = ctx.previous_date if same_paragraph or len(ctx.previous_date or "") == 10 \
            else None  # an undated sentence goes on; a bare year does not, past a paragraph
        ctx.previous_date = explicit or next((s.date for s in out if s.date), None) or kept
        ctx.paragraph_base = base
        ctx.paragraph_ended = "\n" in spans.text(sent)[len(spans.text(sent).rstrip()):]
        ctx.last_speaker = self._speaker
        self._speaker = None
        ctx.agents.extend(s.actor for s in out if s.actor.country)
        if any(s.issue for s in out):
            ctx.last_issue = next(s.issue for s in out if s.issue)
        ctx.last_statements = out = _dedupe(out)
        ctx.record_groups(out)  # "K, T and U abstained": for a later "all three"
        before, ctx.after_headline = ctx.after_headline, headline_shaped(sent)
        if headline(sent, base, before):  # a title or a related article's link: what it names
            self.found_predicates = True  # is learnt, but it reports no dated act (and
            ctx.last_statements = out = []  # leaves nothing for the classifier to guess at)
        return out

    def classified(self, doc_id: str, sent: Span, base: int, mentions: Sequence[Mention],
                   ctx: DocContext, prediction: Prediction) -> list[Statement]:
        """A statement from the classifier's reading of a sentence no pattern explained."""
        return fallback_statements(self.agents, self.matcher, doc_id, sent, base, mentions,
                                   ctx, prediction)

    # --- structure --------------------------------------------------------------------

    def _frames(self, preds: list[Predicate], at: dict[int, Mention]
                ) -> tuple[list[Predicate], dict[int, Predicate]]:
        """Speech predicates (and commentators' "warned that", "expects that"), and for each
        token inside reported content its speaker's."""
        speech = [p for p in preds if p.entry.is_speech or p.entry.modality == "denied"
                  or commentary.framing(p, at)]
        content_of: dict[int, Predicate] = {}
        for s in sorted(speech, key=lambda p: -len(list(p.head.subtree))):
            framing = content_of.get(s.head.i)  # "X noted Y, the Kremlin said": not "said"
            for i in syntax.content_region(s.head) - ({framing.head.i} if framing else set()):
                content_of[i] = s
        return speech, content_of

    def _acts(self, preds: list[Predicate], speech: list[Predicate],
              content_of: dict[int, Predicate]) -> list[Predicate]:
        """Predicates that are acts: not modifiers, not themes inside a phrase, not absorbed
        by a negative governor; a speech predicate only when its content holds no act."""
        absorbed = {p.head.head.i for p in preds if p.head.head.i not in p.tokens
                    and p.entry.event_type in ("SUPPORT", "AGREE", "COOPERATE")
                    and _negative_governor(p.head.head, preds)}
        heads = {p.head.i for p in preds}
        self._neutral = _neither_nor(preds)
        self._neutral["dropped"] |= readouts.silenced(preds)  # "made no mention of support"
        acts = []
        for p in preds:
            act = self._as_act(p, absorbed, heads)
            if act is not None:
                acts.append(act)
        spoken = [a for a in acts if a in speech]
        others = [a for a in acts if a not in speech]
        kept_speech = [s for s in spoken
                       if not any(content_of.get(a.head.i) is s for a in acts)]
        self._held = sorted((s for s in spoken if s not in kept_speech),
                            key=lambda p: len(list(p.head.subtree)))  # innermost first
        return sorted([*others, *kept_speech], key=lambda p: p.head.i)

    def _as_act(self, p: Predicate, absorbed: set[int], heads: set[int]) -> Predicate | None:
        tok = p.head
        if tok.i in self._neutral.get("dropped", set()):
            return None
        if tok.dep_ in ("amod", "compound", "nmod"):
            verb = tok.head.head
            if verb.dep_ == "prep":
                verb = verb.head  # "were among the abstaining countries"
            if p.entry.lemma in NEUTRAL_LEMMAS and verb.pos_ in ("VERB", "AUX"):
                # "pursues a balanced and neutral policy": the verb carries neutrality
                return Predicate(verb, p.entry, p.tokens)
            return None  # "self-proclaimed republics", "occupied territories"
        if votes.describes_motion(tok):
            return None  # "a resolution that demands a withdrawal": the text's words
        if tok.i in absorbed and p.entry.polarity < 0 and p.entry.event_type == "REJECT":
            return None
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i in heads:
            return None
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("pobj", "conj") and not any(
                c.dep_ == "poss" for c in tok.children) and p.entry.event_type == "STATEMENT":
            return None  # "based on the principle of territorial integrity": a theme
        if tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(
                c.dep_ in syntax.SUBJECTS for c in tok.children):
            return None  # "Asked about Crimea, the president said": not the speaker's act
        if tok.dep_ in ("prep", "agent", "mark") or issuerefs.means(tok) or \
                _not_own_act(tok) or _claimed(tok):
            return None  # "regarding the war", "according to", "through dialogue": not acts
        if tok.dep_ in ("acl", "relcl", "pcomp") and not any(c.dep_ in syntax.SUBJECTS
                                                              for c in tok.children) and \
                votes.joined_in(tok) is None:
            return None  # "the referendums on joining Russia": a description, not an act
        if votes.joins_others(tok, heads):
            return None  # "joined 30 other states in abstaining": the abstention is the act
        if tok.lemma_.lower() in syntax.CARRIER_VERBS and len(p.tokens) == 1 and any(
                h != tok.i and (carrier := syntax.carrier_of(tok.doc[h])) is not None
                and carrier.i == tok.i for h in heads):
            return None  # "demonstrated their solidarity": the noun is the act
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr") and tok.head.i in heads and \
                syntax.carrier_of(tok) is None:
            return None  # "shelled Azerbaijani positions": the verb is the act
        return p

    # --- one act ----------------------------------------------------------------------

    def _statements(self, doc_id: str, sent: Span, span: tuple[int, int], pred: Predicate,
                    frame: Predicate | None, at: dict[int, Mention], ctx: DocContext,
                    sentence_lemmas: list[str]) -> list[Statement]:
        tok, entry = pred.head, pred.entry
        if _controlled(tok) or votes.unnamed_voters(tok):
            return []  # "pressured Central Asian countries to support": not their act
        scoped = actdates.about_dates_blanked(sent, tok, entry, _scoped_text(
            sent, tok, ctx.published, frame.head if frame else None), ctx.published)
        day, _ = act_date(scoped, ctx.published, ctx.sentence_date, tok.idx - sent[0].idx)
        day = day or actdates.around_event(frame.head if frame else tok, ctx.events)
        if day is None and ctx.continues:
            day = ctx.last_date  # "... in March, when the assembly voted: X abstained"
        when = day or (None if syntax.present(tok) else ctx.previous_date) or ctx.published
        speakers = self.agents.actors(syntax.subjects(frame.head), at, ctx, when) if frame \
            else []
        sources = self.agents.actors(syntax.according_to(sent), at, ctx, when)
        ctx.last_account = next(iter(speakers or sources), ctx.last_account)
        if frame and not speakers and _generic_analysts(frame.head):
            return []  # "experts say ...": commentary with no actor
        own_subj = votes.members(tok) or syntax.subjects(tok)  # "X was among those that"
        own_subj += votes.accompanied(tok)  # "X voted against, together with Y and Z"
        subj = own_subj or preceding_group(tok, at)
        speaker_tokens = syntax.subjects(frame.head) if frame else subj
        if speaker_tokens and self._speaker is None and personal(speaker_tokens[0], at):
            found = self.agents.actors(speaker_tokens[:1], at, ctx, when=None)
            self._speaker = found[0] if found else None
        agents = self.agents.actors(subj, at, ctx, when, speakers) or self.agents.actors(
            votes.whose(subj), at, ctx, when) or self.agents.actors(  # "... the annexation
            votes.listed_before(tok, at, own_subj), at, ctx, when)  # X, Y all abstained"
        borrowed = not agents and bool(own_subj) and bool(speakers)
        if not agents and not any(t.pos_ == "PROPN" for t in subj):
            agents = speakers  # "the ministry said the vote was illegal": the speaker's view
        if not agents and entry is reprise.RESTATE:
            agents = ctx.last_agents  # "..., and the same approach applies to X"
        if not agents:
            return []
        negated = syntax.negations(tok, pred.tokens, own_subj) % 2 == 1
        negated = negated and entry is not labels.REFUSED  # "did not call it an annexation"
        if tok.i in self._neutral.get("kept", set()):
            entry, negated = NEUTRAL_ENTRY, False  # "neither supported nor condemned"
        event = votes.unexplained(tok, _event_type(entry, negated, tok), negated)
        if event == "SANCTION" and entry.lemma in WITHDRAWALS and not _leaves_a_body(tok, at):
            event = "RETREAT"  # "forces withdrew from the town", not from a treaty
        if event is None:
            return []
        focus_tokens = [tok, *(objects := syntax.object_tokens(tok))]
        if entry.is_speech:
            region = syntax.content_region(tok)
            focus_tokens += [t for t in spans.tokens(sent) if t.i in region]
        focus = lemmas(focus_tokens)
        own_object = event not in ("STATEMENT", "NO_COMMENT")
        near = [*focus_tokens, *(t for x in subj for t in x.subtree)]
        if frame is not None:  # "X, on the question of the referendums, said it would not"
            near += [t for c in frame.head.children if c.dep_ == "prep" and
                     c.lower_ in TOPIC_PREPS for t in c.subtree]
        elided = {t.i for span in syntax.elided_objects(tok) for t in span}
        own_lemmas = lemmas([t for t in spans.tokens(sent) if t.i not in elided]) if elided \
            else sentence_lemmas  # "..., nor Moscow's claim to X": X is the conjunct's
        issue_match = self.matcher.match(own_lemmas, focus, when, _topic(near),
                                         own_object) if self.matcher else None
        carried = readouts.carried_issue(objects, ctx.last_issue)
        pronoun = next((t for t in objects if t.dep_ == "dobj" and
                        t.lower_ in ("them", "it")), None)
        if (carried or pronoun) and issue_match is None and self.matcher is not None:
            # "... territories annexed by Russia, ... it does not recognise them": the
            # antecedent is in this sentence
            before = lemmas(syntax.antecedents(pronoun)) if pronoun else sentence_lemmas
            issue_match = self.matcher.match(before, before, when) or issue_match
            carried = None if issue_match else carried
        possessive = any(_issue_anaphor(t) for t in objects) and not (
            issuerefs.names_own_issue(self.matcher, objects, when))  # "the regions ... their"
        issue = carried if carried and (issue_match is None or possessive) else (
            issue_match.issue if issue_match else None)
        if issue_match is not None:
            ctx.learn_nouns(focus_tokens, issue_match.issue)
        elif issue is None:
            if event == "NO_COMMENT" and self.readouts is not None:  # "no mention of the war"
                issue = self.readouts.silence_issue(objects, at, when)
            issue = issue or ctx.recall_noun(focus_tokens)  # "has not addressed the votes"
            fronted = syntax.fronted_nor(tok)  # "Nor would Tashkent recognise the borders"
            if issue is None and own_object and self.matcher is not None and (fronted or any(
                    c.dep_ == "det" and c.lower_ == "the" for t in objects
                    for c in t.children)):
                # "... confirmed the results of the vote": a definite object the sentence
                # names the issue of; after "nor", else the one the text was just on
                found = self.matcher.match(sentence_lemmas, sentence_lemmas, when)
                issue = found.issue if found else ctx.previous_issue if fronted else None
        if issue is None and self.readouts is not None:  # "Russia's actions in Ukraine"
            issue = self.readouts.issue(tok, event, at, ctx, when) or issuerefs.anaphor_issue(
                self.readouts.matcher, tok, focus_tokens, when, ctx,
                entry.lemma in NEUTRAL_LEMMAS)  # "the conflict"
        if issue is None and (event == "NO_COMMENT" or entry.lemma in ("abstain", "abstention")):
            # "Dushanbe has not commented": on what the sentence or the text just spoke of
            issue = self.matcher.by_theme(sentence_lemmas) if self.matcher else None
            if issue is None and ctx.continues:
                issue = ctx.previous_issue  # "... when the assembly deplored the invasion:"
            issue = issue or ctx.silence_issue or ctx.previous_issue or ctx.topic()
        elif issue is None and self.matcher is not None and event in issuerefs.SOFT_EVENTS:
            issue = self.matcher.by_soft_theme(focus, sentence_lemmas, when,
                                               (ctx.previous_issue, ctx.topic()))
        theme = [tok, *syntax.theme_tokens(tok, entry.roles)]
        stance = self._stance(entry, event, negated, issue, theme, pred.tokens,
                              borrowed and bool(agents)) if issue else None
        issue, stance, day = votes.applied(tok, entry, event, ctx, pred.tokens, negated,
                                           (issue, stance), day)  # "backed the resolution"
        if event == "NO_COMMENT":
            stance = "no_comment" if issue else None
        if entry is reprise.RESTATE:  # "Nur-Sultan has held this line"
            last = ctx.last_stances.get(agents[0].country or agents[0].id)
            issue, stance = reprise.restated(tok, issue, ctx.last_sign, last)
        also = issuerefs.paired_issue(self.matcher, issue, stance, theme) if issue else None
        more = self._conjunct_issues(tok, entry, event, negated, issue, when)
        modality = _modality(tok, frame, sent, entry)
        target = self.agents.target(tok, at, agents)
        # "does not recognise", "has not commented": true as of publication; a past act
        # with no date of its own continues the sentence before
        date_value = actdates.act_day(day, entry, event, frame.head if frame else None, tok, ctx)
        if self.agents.expanded and _vague_group(tok, entry, frame, issue, event):
            return []  # the subject's group: "Central Asian leaders stand with Putin"
        if day and not actdates.in_background(tok):
            ctx.last_date = day  # not "Uzbekistan, whose delegation skipped the 2 March vote"
        out = []
        relayed = sources[0] if frame and speakers and sources else None
        commenting = frame is not None and bool(speakers) and _commentator(speakers[0])
        for agent in agents:
            actor, reported_by, mod = _attribute(agent, speakers or sources, modality, relayed)
            if commenting or _commentator(actor) and (
                    entry.is_speech or commentary.framing(pred, at)):
                out.append(commentary.statement(doc_id, sent, span, speakers[0] if commenting
                                                else actor, date_value, tok, mod))
                continue  # an analyst's reading of what states will do: no state's act
            confidence = _confidence(issue_match is not None, bool(frame), mod)
            for i, st in [(issue, stance), *([also] if also else []), *more]:
                out.append(Statement(
                    id=_statement_id(doc_id, span, actor.id, event, i, tok.i),
                    doc=doc_id, sentence=spans.text(sent), start=span[0], end=span[1], actor=actor,
                    event_type=event, target=target, issue=i, stance=st, date=date_value,
                    reported_by=reported_by, modality=mod, confidence=confidence))
        ctx.last_agents = agents
        if entry.polarity and event != "NO_COMMENT":
            ctx.last_sign = entry.polarity * (-1 if negated else 1)
        for st in out:
            if st.issue and st.stance in ("support", "oppose", "neutral"):
                ctx.last_stances[st.actor.country or st.actor.id] = (st.issue, st.stance)
        return out

    def _conjunct_issues(self, tok: Token, entry: Entry, event: str, negated: bool,
                         issue: str | None, when: str | None) -> list[tuple[str, str | None]]:
        """Other issues named by coordinated objects: "has not recognised the annexation of
        Crimea or the annexation of new territories", "never mentioned Crimea or the LNR"."""
        out: list[tuple[str, str | None]] = []
        if self.matcher is None or issue is None:
            return out
        for span in [*syntax.conjunct_spans(syntax.object_tokens(tok)),
                     *syntax.elided_objects(tok)]:
            words = lemmas(span)
            own_year = next((t.text for t in span if t.text.isdigit() and len(t.text) == 4
                             and t.text[:2] in ("19", "20")), None)
            found = self.matcher.match(words, words, own_year or when)
            other = found.issue if found else self.matcher.by_theme_in_time(
                words, own_year or when)
            if other is None and event == "NO_COMMENT" and self.readouts is not None:
                other = self.readouts.silence_issue(list(span), self._at, when)  # "Ukraine"
            if other is None or other == issue or other in (i for i, _ in out):
                continue
            stance = "no_comment" if event == "NO_COMMENT" else self._stance(
                entry, event, negated, other, [tok, *span])
            out.append((other, stance))
        return out

    def _stance(self, entry: Entry, event: str, negated: bool, issue: str,
                theme: list[Token], own: Sequence[int] = (), borrowed: bool = False
                ) -> str | None:
        assert self.matcher is not None
        return issuerefs.act_stance(self.matcher, entry, event, negated, issue, theme,
                                    set(own), borrowed, self._plain)
