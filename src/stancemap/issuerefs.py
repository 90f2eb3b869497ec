"""Issues named indirectly, and the stance an act takes on its issue.

- A definite noun that names an issue's subject only by its kind ("the conflict", "the
  entities", "the listings") or by a word of the issue's own description ("the peninsula"
  of an issue described as "the Crimean peninsula") refers to that issue when the text has
  been on it (``anaphor_issue``); never without that context.
- Silence on something ("made no mention of the war", "did not refer to Ukraine") is on the
  issue that thing names, before the issue the text was on (``silence_object_issue``).
- The stance: the predicate's polarity, negation, and how the themes of its object relate
  to the issue's, including objects that name the undermining of something ("condemned the
  violation of ...", "would not be used to circumvent the sanctions"), acts that carry an
  issue out (export controls on sanctions) and themes that support an issue ("the will of
  the people" of a referendum) (``act_stance``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from . import syntax
from .agents import DocContext
from .evaluations import EVALUATION
from .predicates import Entry
from .stance import KIND_MODIFIERS, NEUTRAL_LEMMAS, IssueMatcher, lemmas, stance_of

# Acts that take the neutral line on an issue when their object is a theme that softens
# it ("called for talks", "offered a venue for negotiations", "backed mediation").
SOFT_EVENTS = {"STATEMENT", "REQUEST", "AID", "COOPERATE", "SUPPORT", "AGREE"}
DEFINITE = {"the", "this", "these", "those", "that"}
COPULAS = {"be", "become", "turn", "remain"}


def _kind_noun(t: Token) -> bool:
    """A definite common noun with nothing but kind words about it ("the conflict", "the
    two entities"; not "the conflict over Karabakh", not "the Karabakh conflict")."""
    if t.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE
                                   for c in t.children):
        return False
    return all(x.i == t.i or x.pos_ in ("DET", "PUNCT", "CCONJ") or
               x.lower_ in KIND_MODIFIERS or x.lemma_.lower() in KIND_MODIFIERS
               for x in t.subtree)


MEANS_PREPS = {"through", "via", "by"}


def means(tok: Token) -> bool:
    """A noun naming how something is to be done ("settled through dialogue and diplomacy",
    "by peaceful means"): the manner of another act, not an act of its own."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return tok.pos_ == "NOUN" and node.dep_ == "pobj" and node.head.lower_ in MEANS_PREPS


def _declined_text(matcher: IssueMatcher, objects: Sequence[Token]) -> bool:
    """Whether an act's object is a text put to a vote ("the resolution")."""
    return any(t.dep_ in ("dobj", "pobj") and t.lemma_.lower() in matcher.th.documents
               for t in objects)


def _kind_of(matcher: IssueMatcher, t: Token, issue: str) -> bool:
    """Whether a noun names an issue's subject by its kind ("the conflict" of a war)."""
    forms = {t.lemma_.lower(), t.lower_}
    return any(forms & matcher.th.anaphors.get(theme, frozenset())
               for theme in matcher.issue_themes.get(issue, set()))


def _scope(tok: Token, focus: Sequence[Token], whole: bool) -> list[Token]:
    """The kind nouns where an act's kind nouns are looked for: its own phrase, the subject
    of the clause when that is a thing ("the listings were called unfounded", "the ballot
    reflected the will of ..."), the whole clause of a neutral line ("would keep to a
    neutral line and not be drawn into the conflict"); never inside a relative clause
    ("labour that fled the war")."""
    node = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "attr") else tok
    things = [*syntax.subjects(node), *(c for c in node.children if c.dep_ == "nsubjpass")]
    out = [*focus, *(x for s in things if s.pos_ == "NOUN" for x in s.subtree)]
    if whole:
        out += list(node.subtree)
    out = [t for t in out if _kind_noun(t)]  # the only tokens anaphor_issue reads
    if not out:
        return out
    inside = {x.i for x in tok.subtree}
    return [t for t in out if not any(a.dep_ in ("relcl", "acl") and a.i != tok.i
                                      and a.i in inside for a in t.ancestors)]


def anaphor_issue(matcher: IssueMatcher, tok: Token, focus: Sequence[Token],
                  when: str | None, ctx: DocContext, whole: bool = False) -> str | None:
    """The issue a kind noun in the act's scope refers to, if the text has been on it;
    ``whole``: the act is a neutral line, on what its whole clause names."""
    tokens = _scope(tok, focus, whole)
    in_force = [i.id for i in matcher.issues
                if not (when and i.since and when < i.since[: len(when)])]
    context = [x for x in (ctx.previous_issue, ctx.topic(), *ctx.issues_seen) if x]
    for t in tokens:
        if not _kind_noun(t):
            continue
        if t.lemma_.lower() in matcher.th.documents and ctx.previous_issue in in_force and \
                syntax.negations(tok) % 2 == 1:
            return ctx.previous_issue  # "... did not support the resolution"
        forms = {t.lemma_.lower(), t.lower_}
        own = [i for i in in_force if forms & matcher.words.get(i, set())]
        kinds = [i for i in in_force if _kind_of(matcher, t, i)]
        for found in (own, kinds):
            for current in context:
                if current in found:
                    return current
    return None


def names_own_issue(matcher: IssueMatcher | None, objects: Sequence[Token],
                    when: str | None) -> bool:
    """Whether an act's object names an issue outside its possessive anaphors ("on the four
    regions since their incorporation": the regions, not the text's last issue)."""
    if matcher is None:
        return False
    inner = {x.i for t in objects if t.dep_ == "poss" for x in t.head.subtree}
    words = lemmas([t for t in objects if t.i not in inner])
    return bool(words) and matcher.match(words, words, when) is not None


def act_stance(matcher: IssueMatcher, entry: Entry, event: str, negated: bool, issue: str,
               theme: list[Token], own: set[int], borrowed: bool, plain: bool = True
               ) -> str | None:
    """Stance from the predicate's polarity, negation, and how the themes of its object
    (or, for plain statements, of its clause) relate to the issue's. ``own``: the
    predicate's own tokens; ``borrowed``: the act's subject is a thing and the speaker
    states it ("warned that the crisis carried a threat to X": concern for X); ``plain``:
    speaking of an issue's theme with no word against it is for it."""
    object_themes = matcher.th.found(lemmas(theme))
    clause = syntax.clause(theme[0])
    found = object_themes | matcher.th.found(lemmas(clause))
    neutral = entry.lemma in NEUTRAL_LEMMAS or "neutrality" in found
    polarity = entry.polarity
    issue_themes = matcher.issue_themes.get(issue, set())
    refused = negated or (entry.is_speech and any(t.dep_ == "neg" for t in clause))
    if refused and found & matcher.th.negated_neutral and (found & issue_themes or any(
            _kind_noun(t) and _kind_of(matcher, t, issue) for t in clause)):
        return "neutral"  # "would not be drawn into the conflict" (not "other conflicts")
    if negated and entry.polarity > 0 and _declined_text(matcher, theme[1:]):
        return "neutral"  # "declined to back the resolution": the abstainer's line
    if matcher.enacted(issue, entry.event_type if negated else event) and not (
            theme[0].pos_ == "NOUN" and theme[0].dep_ == "pobj"):
        polarity = 1  # "tightened export controls": carrying sanctions out
    if not negated and event != "NO_COMMENT" and matcher.softened(
            issue, found if polarity == 0 else object_themes) and polarity >= 0:
        return "neutral"  # "called for a peaceful settlement": the neutral line on a war
    described = {x.i for t in theme[1:] if t.dep_ in ("acl", "relcl") for x in t.subtree}
    undermined = matcher.undermines(lemmas([t for t in theme[1:] if t.i not in own and
                                            t.i not in described]))  # not "measures
    # imposed in circumvention of the Council": how the object came about
    undermined = undermined or (borrowed and polarity < 0 and entry.lemma != EVALUATION and
                                bool(object_themes & issue_themes))  # not "X had noted"
    relation = matcher.relation(issue, object_themes, undermined)
    conditional = any(t.dep_ == "mark" and t.lower_ == "if" for t in clause)
    if polarity == 0 and matcher.counter_theme(issue, found) and not conditional:
        polarity, relation = 1, -1  # "based on the principles of territorial integrity"
    elif polarity == 0 and matcher.endorsed(issue, found) and not conditional:
        polarity, relation = 1, 1  # "the vote reflected the will of the majority"
    elif polarity == 0 and event == "STATEMENT" and (entry.is_speech or entry.stance_words) \
            and not any(t.dep_ == "neg" or t.lower_ in ("not", "never", "no")
                        for t in theme) and plain and \
            object_themes & issue_themes - {"neutrality"} - (
                matcher.contested if _classifies(theme) else set()):
        polarity, relation = 1, 1  # "called territorial integrity the cornerstone of law"
        # (not "said the situation had become a war": naming an act so is no stance on it)
    return stance_of(event, polarity, negated, relation, neutral)


def _classifies(theme: list[Token]) -> bool:
    """Whether a clause only says what something is ("the situation had become a war")."""
    return any(t.dep_ in ("attr", "oprd") and t.head.lemma_.lower() in COPULAS for t in theme)


def paired_issue(matcher: IssueMatcher | None, issue: str, stance: str | None,
                 focus_tokens: list[Token]) -> tuple[str, str] | None:
    """A stance taken *because of* a principle is also a stance on the principle's own
    issue: opposing the annexation on the basis of territorial integrity supports
    territorial integrity."""
    if matcher is None or stance not in ("support", "oppose"):
        return None
    found = matcher.th.found(lemmas(focus_tokens + syntax.clause(focus_tokens[0])))
    for other, own in matcher.issue_themes.items():
        if other != issue and own & found and matcher.th.conflict(
                own, matcher.issue_themes.get(issue, set())):
            return other, "support" if stance == "oppose" else "oppose"
    return None
