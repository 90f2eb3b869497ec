"""Properties of one act that do not need the extractor's state: what a position is "on",
event type under negation, modality, control ("urged X to ..."), the clause that dates it,
"neither ... nor" neutrality, confidence, ids, and one statement per actor and issue."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span, Token

from . import spans, syntax
from .dates import find_dates
from .models import Actor, Mention, Statement
from .predicates import Entry, Predicate
from .stance import lemmas

GENERIC_ANALYSTS = {"expert", "analyst", "observer", "commentator", "scholar", "researcher",
                    "critic", "academic", "pundit"}


TOPIC_HEADS = {"position", "stance", "view", "attitude", "approach", "policy", "comment",
               "statement", "decision", "reaction", "response", "opinion"}
TOPIC_PREPS = {"on", "regarding", "about", "towards", "toward", "concerning", "over", "to"}


def _topic(tokens: Sequence[Token]) -> list[str]:
    """What a position is "on": "Kazakhstan's position on the referendum" (looked for
    within the act's own phrase and subject only)."""
    out: list[Token] = []
    for tok in tokens:
        if tok.lemma_.lower() in TOPIC_HEADS:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS:
                    out.extend(c.subtree)
    return lemmas(out)


GROUP_VAGUE = {"SUPPORT", "STATEMENT", "REJECT", "ACCUSE", "AGREE"}  # attitudes, not acts


def _vague_group(tok: Token, entry: Entry, frame: Predicate | None, issue: str | None,
                 event: str) -> bool:
    """An attitude a group of states (expanded to its members) takes on no issue, with no
    words or act to show for it ("Central Asian leaders stand with Putin" in a headline):
    not each member's statement. "None of the five states has recognised the annexation"
    (an issue), "the five leaders met" (an act) and "... expressed support" are."""
    return issue is None and event in GROUP_VAGUE and frame is None and \
        not entry.is_speech and syntax.carrier_of(tok) is None
NEUTRAL_ENTRY = Entry("neutral", "ADJ", "STATEMENT", 0, stance_words=True)


WITHDRAWALS = {"withdraw", "withdraw from", "pull out", "pull out of", "leave", "exit", "quit"}
BODIES = {"treaty", "agreement", "deal", "accord", "pact", "convention", "talks", "organization",
          "organisation", "alliance", "union", "bloc", "council", "court", "membership",
          "negotiations", "initiative", "program", "programme", "framework", "mission"}


def _leaves_a_body(tok: Token, at: dict[int, Mention]) -> bool:
    """Whether what is left is an organisation or agreement (not a place)."""
    for t in syntax.object_tokens(tok):
        if t.lemma_.lower() in BODIES:
            return True
        if t.i in at and at[t.i].actor.type in ("organization",):
            return True
    return False


ISSUE_NOUNS = {"independence", "result", "outcome", "status", "legitimacy", "sovereignty",
               "annexation", "recognition", "accession", "incorporation", "referendum", "vote"}


def _issue_anaphor(t: Token) -> bool:
    """"their independence", "its results": a possessive pointing back to what an issue is
    about (not "its gas pipeline")."""
    return t.dep_ == "poss" and t.lower_ in ("their", "its") and \
        t.head.lemma_.lower() in ISSUE_NOUNS


def _neither_nor(preds: list[Predicate]) -> dict[str, set[int]]:
    """"neither supported nor condemned": opposite predicates both negated are neutrality;
    the first is kept as a neutral act, the second dropped."""
    kept: set[int] = set()
    dropped: set[int] = set()
    by_head = {p.head.i: p for p in preds}
    for p in preds:
        tok = p.head
        if tok.dep_ != "conj" or tok.head.i not in by_head:
            continue
        first = by_head[tok.head.i]
        nor = any(c.lower_ == "nor" for c in first.head.children)
        if nor and first.entry.polarity * p.entry.polarity < 0:
            kept.add(first.head.i)
            dropped.add(tok.i)
    return {"kept": kept, "dropped": dropped}


def _negative_governor(tok: Token, preds: list[Predicate]) -> bool:
    return any(p.head.i == tok.i and p.entry.event_type == "REJECT" and p.entry.polarity < 0
               and tok.lemma_.lower() in syntax.NEG_GOVERNORS for p in preds)


IRREALIS = {"want", "try", "hope", "plan", "seek", "expect", "intend", "aim", "wish", "attempt"}
MANIPULATIVE = {"pressure", "urge", "ask", "force", "push", "press", "persuade", "encourage",
                "compel", "invite", "demand", "lobby", "coax", "require", "call"}


def _controlled(tok: Token) -> bool:
    """An act someone else wants done: "pressure X to support", "urged X to join", or
    what the actor only wants or tries to do."""
    head = tok.head
    if tok.dep_ not in ("xcomp", "ccomp") or head.i == tok.i:
        return False
    lemma = head.lemma_.lower()
    if tok.dep_ == "ccomp":
        return lemma in MANIPULATIVE  # "pressure Central Asian countries to support"
    has_object = any(c.dep_ in ("dobj", "dative") for c in head.children)
    return has_object or lemma in IRREALIS or lemma in MANIPULATIVE


def _scoped_text(sent: Span, tok: Token, published: str | None = None,
                 frame: Token | None = None) -> str:
    """The sentence with relative clauses that do not hold the act blanked out, so that
    "neutrality recognised by the UN in 1995 ... has avoided comment" is not dated 1995;
    for a present-tense act, every date that hangs on another event as well."""
    text = _relative_scope(sent, tok)
    node = tok.head if tok.pos_ in ("NOUN", "ADJ") else tok
    if not syntax.present(tok) or any(c.dep_ == "aux" and c.lemma_ == "have"
                                      for c in node.children):
        return text  # a perfect ("has not recognised the 2014 referendum") keeps its dates
    chain = {tok.i, node.i, *([frame.i] if frame is not None else [])}
    while node.head.i != node.i and (node.dep_ in ("xcomp", "ccomp") or node.dep_ == "conj"
                                     and any(c.dep_ == "ccomp" for c in node.head.children)):
        node = node.head  # "refuses to recognise", "said it does not recognise" (or "said
        chain.add(node.i)  # it recognises X, and does not recognise Y": the parser's conj)
    base = date.fromisoformat(published) if published and len(published) == 10 else None
    for d in find_dates(text, base):
        inside = [t for t in spans.tokens(sent) if d.start <= t.idx - sent.start_char < d.end]
        owner = _date_owner(inside) if inside else tok
        if owner.tag_ == "VBG" and owner.dep_ == "advcl":
            owner = owner.head  # "Speaking on Monday, the minister said" (not "having ...")
        if owner.i not in chain:
            # "Kazakhstan, having abstained in 2014, does not recognise Crimea": that
            # date is the abstention's, not the present refusal's
            text = text[:d.start] + " " * (d.end - d.start) + text[d.end:]
    return text


def _date_owner(inside: list[Token]) -> Token:
    """The word a date expression modifies: past its prepositions ("in March 2014")."""
    ids = {t.i for t in inside}
    node = next((t for t in inside if t.head.i not in ids), inside[0]).head
    while node.head.i != node.i and (node.pos_ == "ADP" or node.i in ids):
        node = node.head
    return node


def _relative_scope(sent: Span, tok: Token) -> str:
    text = spans.text(sent)
    for left, right, a, b in spans.memo(sent, "scopes", _scopes):
        if not left <= tok.i <= right:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


ISSUING = {"issue", "release", "publish", "post", "deliver", "send", "make", "give", "read",
           "circulate", "distribute", "sign"}


def _scopes(sent: Span) -> tuple[tuple[int, int, int, int], ...]:
    """The relative clauses and time-span edges of a sentence whose dates are not those of
    an act outside them: (first token, last token, start and end offset in the sentence)."""
    out = []
    echoed = {node.i for node, _ in syntax.echoes(sent)}
    for t in spans.tokens(sent):
        if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            continue  # "actions to protect ... on Saturday": the parser often hangs the act's
            # date on an infinitive; it does not date anything of its own
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in ISSUING:
            continue  # "in a statement issued last Tuesday": the statement's own date
        edge = t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("since", "until")
                                          for c in t.children)  # "since Russia recognised
        # them on 21 February": where a span of time starts, not the act's date
        edge = edge or t.i in echoed  # "Kazakhstan abstained, as had Kyrgyzstan in 2014"
        if t.dep_ in ("relcl", "acl") or edge:
            left, right = t.left_edge, t.right_edge
            out.append((left.i, right.i, left.idx - sent.start_char,
                        right.idx + len(right.text) - sent.start_char))
    return tuple(out)


def _generic_analysts(speech: Token) -> bool:
    return any(s.lemma_.lower() in GENERIC_ANALYSTS for s in syntax.subjects(speech))


def _event_type(entry: Entry, negated: bool, tok: Token | None = None) -> str | None:
    if not negated:
        return entry.event_type
    if entry.negated_event_type:
        return entry.negated_event_type
    if entry.event_type == "STATEMENT":
        if tok is not None and any(c.dep_ in ("dobj", "oprd", "ccomp", "xcomp") and
                                   c.lower_ not in ("anything", "nothing", "word")
                                   for c in tok.children):
            return "NO_COMMENT" if _open_question(tok) else "STATEMENT"
            # "did not call it an annexation": a statement, not silence
        return "NO_COMMENT"  # "did not comment", "did not vote", "made no statement"
    if entry.polarity != 0 and entry.event_type in ("SUPPORT", "AGREE", "COOPERATE"):
        return "REJECT"
    return entry.event_type if entry.event_type in ("REJECT", "NO_COMMENT") else None


WH_WORDS = {"what", "whether", "which", "how", "if", "who", "whom", "where", "when"}


def _open_question(tok: Token) -> bool:
    """"Did not say what position it had taken", "would not say whether": the complement is
    an open question, so the negated speech is silence on it."""
    for c in tok.children:
        if c.dep_ == "ccomp":
            first = c.left_edge
            if first.lower_ in WH_WORDS or any(m.dep_ == "mark" and m.lower_ in WH_WORDS
                                               for m in c.children):
                return True
    return False


def _modality(tok: Token, frame: Predicate | None, sent: Span,
              entry: Entry | None = None) -> str:
    if (frame is not None and frame.entry.modality == "denied") or (
            entry is not None and entry.modality == "denied"):
        return "denied"
    if syntax.hypothetical(tok, reported=frame is not None):
        return "hypothetical"
    carrier = syntax.carrier_of(tok) if tok.pos_ == "NOUN" else None
    if (frame is not None and syntax.informal(frame.head, sent)) or any(
            c.lower_ in syntax.INFORMAL for c in [*tok.children, *(
                carrier.children if carrier is not None else ())]):
        return "informal"  # "informally told RFE/RL", "has informally expressed support"
    return "asserted"


def _same_side(a: Actor, b: Actor) -> bool:
    return a.id == b.id or (a.country is not None and a.country == b.country)


def _commentator(actor: Actor) -> bool:
    """A person who speaks for no state (an analyst, an academic, someone with no official
    title): what they say states will do is commentary, not the states' acts."""
    return actor.type == "person" and actor.country is None


def _attribute(agent: Actor, speakers: list[Actor], modality: str,
               source: Actor | None = None) -> tuple[Actor, Actor | None, str]:
    """Whose act it is, who reports it, and the modality; ``source`` is who a framed
    account comes from ("According to the Kremlin, X told Y that ...")."""
    actor, reported_by, mod = _attributed(agent, speakers, modality)
    if source is not None and reported_by is None and not _same_side(actor, source):
        return actor, source, "reported" if mod in ("asserted", "informal") else mod
    return actor, reported_by, mod


def _attributed(agent: Actor, speakers: list[Actor], modality: str
                ) -> tuple[Actor, Actor | None, str]:
    if not speakers:
        return agent, None, modality
    speaker = speakers[0]
    if speaker.type == "person" and speaker.country is None and agent.type == "state":
        return speaker, None, modality  # an analyst's view of a state
    if _same_side(agent, speaker):
        return speaker, None, modality
    if modality in ("asserted", "informal"):
        return agent, speaker, "reported"
    return agent, speaker, modality


def _confidence(has_issue: bool, framed: bool, modality: str) -> float:
    value = 0.7 + (0.1 if has_issue else 0) + (0.05 if framed else 0)
    return round(value * (0.8 if modality in ("reported", "hypothetical") else 1.0), 2)


def _statement_id(doc: str, span: tuple[int, int], actor: str, event: str, issue: str | None,
                  token: int) -> str:
    key = f"{doc}|{span[0]}|{span[1]}|{actor}|{event}|{issue}|{token}"
    return "s" + hashlib.sha1(key.encode()).hexdigest()[:15]


def _dedupe(statements: list[Statement]) -> list[Statement]:
    """One statement per actor and issue in a sentence: an act with a stance beats one
    without, a categorised act beats a plain STATEMENT; coordinated acts without an issue
    take their sibling's ("Tashkent has been silent, and Ashgabat declined to comment on")."""
    issues = {s.event_type: s.issue for s in statements if s.issue}
    for s in statements:
        if s.issue is None and s.event_type in issues:
            s.issue = issues[s.event_type]
            s.stance = "no_comment" if s.event_type == "NO_COMMENT" else s.stance

    def rank(s: Statement) -> tuple[bool, bool, float]:
        return (s.stance is not None, s.event_type != "STATEMENT", s.confidence)

    best: dict[tuple[str, str | None, str | None, str, str | None], Statement] = {}
    extra: list[Statement] = []
    stanced = {(s.actor.id, s.issue) for s in statements if s.stance is not None}
    for s in statements:
        if s.stance is None and (s.actor.id, s.issue) in stanced:
            continue
        # "tries to avoid statements on the territories, but does not recognise them":
        # silence and non-recognition on one issue are two statements
        key = (s.actor.id, s.issue, s.reported_by.id if s.reported_by else None, s.modality,
               s.stance)
        if s.issue is None and key in best and best[key].event_type != s.event_type:
            extra.append(s)  # different acts with no issue: keep both
        elif key not in best or rank(s) > rank(best[key]):
            best[key] = s
    return [*best.values(), *extra]


def _not_own_act(tok: Token) -> bool:
    """A predicate noun that is no act of its own in this sentence: the source of an
    account ("according to the Kremlin's readout"), or another actor's act that the
    sentence's act names or judges ("called Moscow's recognition a mistake": the naming
    is the act; Moscow's recognition is its theme)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(a.lower_ == "according" for a in tok.ancestors):
        return True
    carrier = syntax.carrier_of(tok)
    return carrier is not None and carrier.lemma_.lower() in syntax.NAMING_VERBS and any(
        c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in tok.children)


CLAIM_NOUNS = {"report", "rumour", "rumor", "claim", "allegation", "suggestion", "speculation",
               "story", "assertion", "accusation", "insinuation", "hint"}


def _claimed(tok: Token) -> bool:
    """An act inside what a report or rumour says ("Reports that Moscow had asked X to send
    troops ... were dismissed"): a claim the sentence attributes to no one, and usually
    denies, not an act that took place."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("relcl", "acl", "ccomp") and node.head.lemma_.lower() in CLAIM_NOUNS \
                and any(c.dep_ == "mark" and c.lower_ == "that" or c.dep_ == "nsubj"
                        for c in node.children):
            return True
        node = node.head
    return False
