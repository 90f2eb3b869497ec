"""Who cast a vote when the voters are named outside the voting clause: "Armenia, Georgia and
Moldova were among the 40 states that abstained", "Moldova was one of 35 countries that
voted against", "Laos, one of the few delegations that backed it, ...", "Mongolia joined 30
other countries in abstaining". The act belongs to the named members of the counted group,
each of them, not to the group noun the relative pronoun stands for."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from . import spans, syntax
from .agents import preceding_group
from .doccontext import DocContext
from .models import Mention
from .predicates import Entry, Predicate
from .stance import IssueMatcher, lemmas

StanceOf = Callable[[Entry, str, bool, str, list[Token]], str | None]

RELATIVE = {"that", "which", "who"}
COUNTED = {"among", "of"}  # "among the 35 countries that", "one of the states that"
PARTITIVE = {"one", "two", "three", "four", "five", "several", "some", "many", "most", "few",
             "each", "both", "all", "none"}


def _group_of(rel_clause: Token) -> Token | None:
    """The counted group a relative clause with a relative-pronoun subject describes."""
    if rel_clause.dep_ != "relcl" or rel_clause.head.i == rel_clause.i:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in RELATIVE for c in rel_clause.children):
        return None
    group = rel_clause.head
    if group.dep_ != "pobj" or group.head.lower_ not in COUNTED:
        return None
    return group


def members(tok: Token) -> list[Token]:
    """The named members whose act a relative clause or an "in V-ing" phrase reports, or
    nothing when the act's subject is its own."""
    joined = joined_in(tok)
    if joined is not None:
        return syntax.subjects(joined)
    group = _group_of(tok)
    if group is None:
        return []
    prep = group.head
    holder = prep.head
    if prep.lower_ == "of" and holder.lower_ not in PARTITIVE and holder.pos_ != "NUM":
        return []  # "the resolution of the states that ...": not a member count
    if holder.dep_ == "appos" and holder.head.i != holder.i:
        return syntax.coordinated(holder.head)  # "Moldova, one of the states that ..."
    if holder.dep_ == "attr" or holder.pos_ in ("AUX", "VERB"):
        verb = holder.head if holder.dep_ == "attr" else holder
        return syntax.subjects(verb)  # "X was one of the states that", "X were among"
    if holder.pos_ == "PROPN":
        return syntax.coordinated(holder)  # "Laos, among the states that abstained"
    return []


def joined_in(tok: Token) -> Token | None:
    """"Mongolia joined 30 other countries in abstaining": the joining verb of a gerund
    that is the joiner's own act."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() == "join" and verb.pos_ == "VERB" else None


def joins_others(tok: Token, heads: set[int]) -> bool:
    """Whether a "join" verb only introduces its subject's own act ("joined the other
    members in voting against"), so that joining is not an act of its own."""
    return tok.lemma_.lower() == "join" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pcomp" and g.i in heads for g in c.children) for c in tok.children)


UNNAMED = {"state", "country", "government", "delegation", "member", "nation"}


def unnamed_voters(tok: Token) -> bool:
    """"thanked the states that had voted in favour": a vote by a group the text does not
    name is no one's act."""
    head = tok.head
    return tok.dep_ == "relcl" and head.i != tok.i and head.tag_ == "NNS" and \
        head.lemma_.lower() in UNNAMED and not members(tok) and \
        tok.lemma_.lower() in {"vote", "abstain", "back", "support", "oppose"}


def listed_before(tok: Token, at: dict[int, Mention], own: list[Token]) -> list[Token]:
    """"... the annexation of the four regions, Armenia, India and Laos all abstained": a
    list of two or more actors right before a verb whose parsed subject names no one."""
    group = preceding_group(tok, at) if own else []
    return group if len(group) > 1 else []


def whose(subjects: list[Token]) -> list[Token]:
    """"Eritrea, whose delegation took no part in the vote": the antecedent of "whose" in
    a relative clause's subject, for when the subject itself names no one."""
    for s in subjects:
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in s.children):
            clause = s.head
            if clause.dep_ == "relcl" and clause.head.i != clause.i:
                return syntax.coordinated(clause.head)
    return []


MOTIONS = {"resolution", "text", "draft", "motion", "measure"}
MOTION_HEADS = MOTIONS | {"vote", "ballot"}  # "the vote of 2 March demanding a withdrawal"
VOTE_LEMMAS = {"vote for", "vote in favour", "vote against", "vote no"}
ABSTAIN_LEMMAS = {"abstain", "abstention"}
OPPOSITE = {"support": "oppose", "oppose": "support"}
ENDING = {"end", "withdrawal", "halt", "cessation", "withdraw", "stop", "cease", "reversal"}


def describes_motion(tok: Token) -> bool:
    """"a resolution condemning X", "a resolution that demands X", "the text deplores X",
    "a resolution which calls the referendum invalid": what a motion says, not anyone's act."""
    if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" and tok.head.i != tok.i and \
            _voting_body_says(tok.head):
        return True  # "the assembly repeated its demand that Moscow withdraw": the demand's
    if _voting_body_says(tok):
        return True
    while tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "conj") and tok.head.i != tok.i:
        if tok.dep_ == "conj" and _continues_relative(tok):
            return True
        tok = tok.head
    if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in MOTION_HEADS:
        return True
    return tok.pos_ == "VERB" and any(c.dep_ == "nsubj" and (
        c.lemma_.lower() in MOTIONS or c.lower_ == "it" and _motion_before(c))
        for c in tok.children)


def _motion_before(pronoun: Token) -> bool:
    """"The text condemns X. It calls on all states ...": "it" opening a sentence whose
    sentence before had a motion for its subject."""
    sent = pronoun.sent
    if sent.start == 0 or pronoun.i != sent.start:
        return False
    before = pronoun.doc[sent.start - 1].sent
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == before.root.i and
               t.lemma_.lower() in MOTIONS for t in spans.tokens(before))


ADOPTING = {"adopt", "pass", "approve", "vote"}
VOTING_BODIES = {"assembly"}  # "the General Assembly demanded ...": what its text says


def _voting_body_says(tok: Token) -> bool:
    """"The assembly adopted a resolution on 3 May affirming X", "the assembly repeated its
    demand that Y withdraw, adopting the text by 140 votes": a clause whose subject is a
    voting body adopting a motion says what the motion says."""
    if tok.lemma_.lower() in ADOPTING or not _in_motion_sentence(tok):
        return False  # the adoption itself is the body's act
    node = tok
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return any(_is_body(s) for s in subj)
        if node.head.i == node.i or node.dep_ not in (
                "advcl", "acl", "xcomp", "ccomp", "conj", "dobj", "pobj", "prep"):
            return False
        node = node.head
    return False


MOTION_WORDS = MOTIONS | ABSTAIN_LEMMAS | {"vote"}
VOTING_WORDS = MOTIONS | {"vote", "abstain"}  # a sentence about voting: "it" is the text


def _in_motion_sentence(tok: Token) -> bool:
    """Whether the token's sentence names a motion or a vote (worked out once a document)."""
    return spans.memo(tok.doc[:], "motion sentences", _motion_sentences)[tok.i]


def _motion_sentences(whole: Span) -> list[bool]:
    out: list[bool] = []
    for sent in whole.doc.sents:
        named = any(t.lemma_.lower() in MOTION_WORDS for t in spans.tokens(sent))
        out.extend([named] * len(sent))
    return out


def _is_body(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in VOTING_BODIES or lemma == "council" and any(
        c.lower_ == "security" for c in tok.children)


TOGETHER = {"together", "along"}


def accompanied(tok: Token) -> list[Token]:
    """"Belarus voted against, together with Cuba, Iran and Syria": the states the act's
    subject acted along with, each of them an agent of the act (not a copula's: "were
    among the abstaining countries, together with X" lists company, not the act)."""
    if tok.pos_ != "VERB":
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with" and any(
                a.lower_ in TOGETHER for a in c.children if a.dep_ == "advmod"):
            return [x for g in c.children if g.dep_ == "pobj" for x in syntax.coordinated(g)]
    return []


def _continues_relative(conj: Token) -> bool:
    """"... a resolution that deplores X and demands Y", with "demands" parsed as a conjunct
    of the main verb: a second verb in the tense of a motion's relative clause that ends
    right before its "and"."""
    i = conj.i - 1
    doc = conj.doc
    while i > 0 and (doc[i].is_punct or doc[i].dep_ == "cc"):
        i -= 1
    node = doc[i]
    while node.head.i != node.i and node.dep_ != "relcl" and node.i != conj.head.i:
        node = node.head
    return node.dep_ == "relcl" and node.tag_ == conj.tag_ != conj.head.tag_ and \
        node.head.lemma_.lower() in MOTION_HEADS


def motion(preds: Sequence[Predicate], matcher: IssueMatcher, stance_of: StanceOf,
           when: str | None) -> tuple[str, str | None] | None:
    """The issue and stance of a motion the sentence describes (what voting for it means);
    a verb of saying with no polarity of its own ("calls the referendum invalid") gives the
    issue only."""
    neutral: tuple[str, str | None] | None = None
    described = [p for p in preds if describes_motion(p.head)]
    for p in described:
        tok = p.head
        words = lemmas([tok, *syntax.object_tokens(tok)])
        found = matcher.match(words, words, when)
        if found is None and p.entry.polarity != 0:
            sentence = lemmas(list(tok.sent))  # "... demand that Moscow withdraw its troops,
            found = matcher.match(sentence, sentence, when)  # on the war's anniversary"
        if found is None:
            continue
        if p.entry.polarity == 0:
            neutral = neutral or (found.issue, None)
            continue
        negated = syntax.negations(tok, p.tokens) % 2 == 1
        theme = [tok, *syntax.theme_tokens(tok, p.entry.roles)]
        event = p.entry.negated_event_type if negated and p.entry.negated_event_type else \
            p.entry.event_type
        ending = [t for t in theme if t.lemma_.lower() in ENDING]
        stance = stance_of(p.entry, event, negated, found.issue,
                           [t for t in theme if t not in ending])
        if ending:  # "demanding an end to the invasion", "demanding that Moscow withdraw"
            stance = OPPOSITE.get(stance or "", stance)
        if stance not in OPPOSITE:  # "called for peace and demanded a withdrawal": the side
            neutral = neutral or (found.issue, stance)
            continue
        return found.issue, stance
    return neutral


EMPTY_SEAT = Entry("(empty seat)", "MWE", "NO_COMMENT", 0)
ABSENT_LEMMAS = {EMPTY_SEAT.lemma, "absent", "take part in vote", "participate in vote",
                 "skip vote", "vote"}
SEATS = {"seat", "chair", "place"}


def empty_seats(sent: Span) -> list[Predicate]:
    """"Belize's seat was empty when the votes were counted", "its chair stayed empty": the
    state of the seat did not vote."""
    out = []
    for tok in spans.tokens(sent):
        if tok.lower_ == "empty" and tok.dep_ in ("acomp", "oprd") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SEATS and any(
                    p.dep_ == "poss" for p in c.children) for c in tok.head.children):
            out.append(Predicate(tok.head, EMPTY_SEAT, frozenset((tok.head.i, tok.i))))
    return out


def remember(ctx: DocContext, described: tuple[str, str | None] | None) -> None:
    """A new sentence, and the motion it describes if any: the one later votes are on."""
    ctx.motion_age += 1
    if described:
        ctx.motion, ctx.motion_age = described, 0
        if described[1] in OPPOSITE:
            ctx.sided_motion = described


def applied(tok: Token, entry: Entry, event: str, ctx: DocContext, phrase: frozenset[int],
            negated: bool, own: tuple[str | None, str | None], day: str | None
            ) -> tuple[str | None, str | None, str | None]:
    """The issue, stance and day of an act that may be a vote on the motion last described
    (its issue and side, the day of that vote); abstaining never takes a side."""
    motion = voted_on(ctx, event)
    voted = on_motion(tok, entry, event, motion, phrase, negated, ctx.motion_age <= 1,
                      ctx.motion_age == 0)
    issue, stance = voted or own
    day = day or (ctx.motion_dates.get(motion) if voted and motion else None)
    if entry.lemma in ABSTAIN_LEMMAS and stance in OPPOSITE:
        stance = "neutral"  # abstaining takes no side on what the text says
    return issue, stance, day


def voted_on(ctx: DocContext, event: str) -> tuple[str, str | None] | None:
    """The motion a vote is on: the last one described, or for a vote for or against, after
    a recalled vote that took no side ("in October, when the assembly declared X void, ..."),
    the last one that took a side."""
    last = ctx.motion
    if last is not None and last[1] not in OPPOSITE and ctx.motion_age and \
            event in ("SUPPORT", "REJECT") and ctx.sided_motion is not None:
        return ctx.sided_motion
    return last


def on_motion(tok: Token, entry: Entry, event: str, last: tuple[str, str | None] | None,
              phrase: frozenset[int] = frozenset(), negated: bool = False,
              recent: bool = False, here: bool = False) -> tuple[str, str | None] | None:
    """A vote for or against the motion last described ("Serbia backed the resolution",
    "voted against it"): the motion's issue, with its stance or the opposite; declining to
    back it or to oppose it ("did not support the resolution") is neutral, and so is
    abstaining when the motion was described in this sentence or the one before."""
    if recent and last is not None and entry.lemma in ABSTAIN_LEMMAS and event == "STATEMENT":
        return last[0], "neutral"  # "Nepal, one of the states that abstained"
    if last is not None and event == "NO_COMMENT" and (recent or entry is EMPTY_SEAT) and \
            entry.lemma in ABSENT_LEMMAS:
        return last[0], "no_comment"  # "Belize's seat was empty", "Chad did not take part"
    if last is None or event not in ("SUPPORT", "REJECT"):
        return None
    along = {t.i for t in accompanied(tok)}  # "voted against, together with X"
    objects = [t for t in syntax.object_tokens(tok) if t.dep_ in ("dobj", "pobj")
               and (t.head.i == tok.i or t.head.head.i == tok.i) and t.i not in phrase
               and t.i not in along]
    named = [t for t in objects if t.lemma_.lower() in MOTIONS or t.lower_ == "it" and any(
        x.lemma_.lower() in VOTING_WORDS for x in spans.tokens(tok.sent))]
    if not named and (entry.lemma not in VOTE_LEMMAS or objects):
        return None  # "backed the resolution", "Moldova backed it"; not "voted against Moscow"
    if not here and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for t in named
                        for c in t.children):
        return None  # "would have backed a text confined to a ceasefire": another text
    issue, stance = last
    if stance not in OPPOSITE:
        return issue, None
    if negated:
        return issue, "neutral"
    return issue, stance if event == "SUPPORT" else OPPOSITE[stance]


def unexplained(tok: Token, event: str | None, negated: bool) -> str | None:
    """"The Malian mission did not explain its vote", "has not justified its abstention":
    saying nothing about one's own vote is silence, not a statement."""
    if negated and event == "STATEMENT" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"vote", "abstention", "absence"} and any(
                p.dep_ == "poss" for p in c.children) for c in tok.children):
        return "NO_COMMENT"
    return event
