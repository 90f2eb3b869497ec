"""Which issue an act is about, and the stance it takes on it.

Issues are matched through their keywords, title and description (weighted by how
distinctive each term is across the issues), spelling variants of place names, and
themes: a statement that asserts a theme opposing the issue's theme ("based on the
territorial integrity of states" against "recognising the annexation") opposes the issue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from . import spans
from .models import Issue
from .yamlio import load_yaml

STOP = {'a', 'about', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'by', 'countries', 'country',
        'for', 'from', 'her', 'his', 'in', 'into', 'is', 'it', 'its', 'no', 'not', 'of', 'on',
        'or', 'over', 'policy', 'position', 'recognise', 'recognition', 'recognize', 'state',
        'states', 'than', 'that', 'the', 'their', 'these', 'this', 'those', 'to', 'was', 'were',
        'whether', 'which', 'with'}
# Words that only say what kind or which one ("the current conflict", "the two entities"):
# a phrase of one of these and a kind noun names no issue of its own ("armed conflicts").
KIND_MODIFIERS = {"current", "ongoing", "present", "recent", "whole", "entire", "military",
                  "armed", "special", "two", "three", "so-called", "new", "latest", "western",
                  "eu", "unfounded", "russian", "ukrainian", "occupied", "such"}
NEUTRAL_LEMMAS = {"neutral", "neutrality", "balanced", "abstain", "abstention", "non-aligned",
                  "equidistant", "impartial"}


@dataclass(frozen=True, slots=True)
class Themes:
    phrases: dict[str, list[tuple[str, ...]]]
    opposes: dict[str, set[str]]
    variants: dict[str, tuple[str, ...]]  # any form -> canonical group
    softens: dict[str, set[str]]  # asserting the key is neutral on the listed themes
    phrase_sets: dict[str, frozenset[tuple[str, ...]]]  # the phrases, for lookups
    supports: dict[str, set[str]]  # asserting the key supports the listed themes
    qualifiers: frozenset[str]  # themes that only qualify an object ("violation of")
    enacts: dict[str, str]  # event type -> the theme an act of that type carries out
    anaphors: dict[str, frozenset[str]]  # theme -> nouns that name its subject by kind
    negated_neutral: frozenset[str]  # themes whose refusal is neutrality ("not take sides")
    documents: frozenset[str]  # texts put to a vote ("the resolution")

    def found(self, lemmas: Sequence[str]) -> set[str]:
        grams = _ngrams(lemmas)
        return {name for name, terms in self.phrase_sets.items()
                if not terms.isdisjoint(grams)}

    def conflict(self, a: set[str], b: set[str]) -> bool:
        return any(y in self.opposes.get(x, set()) or x in self.opposes.get(y, set())
                   for x in a for y in b)


@lru_cache(maxsize=1)
def themes() -> Themes:
    raw = load_yaml((resources.files("stancemap") / "data" / "themes.yaml").read_text())
    phrases = {k: [_terms(p) for p in v] for k, v in raw["themes"].items()}
    variants: dict[str, tuple[str, ...]] = {}
    for group in raw["variants"]:
        forms = tuple(" ".join(_terms(g)) for g in group)
        for form in forms:
            variants[form] = forms
    return Themes(phrases, {k: set(v) for k, v in raw["opposes"].items()}, variants,
                  {k: set(v) for k, v in (raw.get("softens") or {}).items()},
                  {k: frozenset(v) for k, v in phrases.items()},
                  {k: set(v) for k, v in (raw.get("supports") or {}).items()},
                  frozenset(raw.get("qualifiers") or ()), dict(raw.get("enacts") or {}),
                  {k: frozenset(v) for k, v in (raw.get("anaphors") or {}).items()},
                  frozenset(raw.get("negated_neutral") or ()),
                  frozenset(raw.get("documents") or ()))


def _terms(text: str) -> tuple[str, ...]:
    words = re.findall(r"[\w']+", text.lower().replace("’", "'"))
    return tuple(w.removesuffix("'s") for w in words if w != "'s")


def _year(issue: Issue) -> int | None:
    """When an issue is anchored in time: its ``since``, else the latest year named."""
    if issue.since:
        return int(issue.since[:4])
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", f"{issue.title} {issue.description}")]
    return max(years) if years else None


@lru_cache(maxsize=4096)
def _ngrams_cached(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    out = set(zip(words, strict=False))
    for n in range(2, 7):
        out.update(zip(*[words[i:] for i in range(n)], strict=False))
    return frozenset(out)


def _ngrams(words: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Every 1- to 6-word sequence (of lemmas and of word forms), for phrase lookups."""
    forms = getattr(words, "forms", None)
    return _ngrams_both(tuple(words), tuple(forms)) if forms else _ngrams_cached(tuple(words))


@lru_cache(maxsize=4096)
def _ngrams_both(words: tuple[str, ...], forms: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return _ngrams_cached(words) | _ngrams_cached(forms)


class Words(list[str]):
    """A token sequence for phrase matching: lower-case lemmas, with the surface forms
    kept beside them so that "self-proclaimed" or "annexed" match as written too."""

    forms: list[str]


def lemmas(tokens: Iterable[Token]) -> Words:
    """Lower-case lemmas (and word forms), without punctuation, for phrase matching."""
    out = Words()
    out.forms = forms = []
    table: list[tuple[str, str] | None] | None = None
    for t in tokens:
        if table is None:
            table = spans.memo(t.doc[:], "words", _words)
        word = table[t.i]
        if word is not None:
            out.append(word[0])
            forms.append(word[1])
    return out


def _words(whole: Span) -> list[tuple[str, str] | None]:
    """Each token's (lemma or word, word form) for phrase matching; None to skip it."""
    return [None if t.is_punct or t.text in ("'s", "’s") else (
        t.lemma_.lower() if t.pos_ in ("NOUN", "VERB") else t.lower_, t.lower_)
        for t in spans.tokens(whole)]


@dataclass(frozen=True, slots=True)
class IssueMatch:
    issue: str
    score: float
    themes: frozenset[str]


class IssueMatcher:
    """Scores each issue of the issues file against a sentence and its act's focus."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        self.th = themes()
        self.terms: dict[str, dict[tuple[str, ...], float]] = {}
        self.issue_themes: dict[str, set[str]] = {}
        self.words: dict[str, set[str]] = {}  # its title's and description's own words
        for issue in self.issues:
            weights: dict[tuple[str, ...], float] = {}
            for kw in issue.keywords:
                for form in self._forms(_terms(kw)):
                    weights[form] = 2.0
            for source, w in ((issue.title, 1.0), (issue.description, 0.5)):
                for word in _terms(source):
                    if word not in STOP and not word.isdigit() and len(word) > 2:
                        for form in self._forms((word,)):
                            weights.setdefault(form, w)
            text = _terms(" ".join([issue.title, issue.description, *issue.keywords]))
            self.issue_themes[issue.id] = self.th.found(list(text)) - self.th.qualifiers
            anchors = {w for kw in issue.keywords for f in self._forms(_terms(kw)) for w in f}
            self.words[issue.id] = set(text) - anchors  # words a definite noun may echo
            core = self.th.found(list(_terms(" ".join([issue.title, *issue.keywords]))))
            for theme in core & set(self.th.anaphors):  # "the situation in Ukraine": a war
                kinds = self.th.anaphors[theme]
                for phrase in self.th.phrases[theme]:
                    if len(phrase) > 1 and not (len(phrase) == 2 and phrase[0] in
                                                KIND_MODIFIERS and phrase[1] in kinds):
                        for form in self._forms(phrase):
                            weights.setdefault(form, 1.5)
            self.terms[issue.id] = weights
        self.termsets = {k: frozenset(v) for k, v in self.terms.items()}
        self.years = {i.id: _year(i) for i in self.issues}
        # themes that are acts a principle is against (a war, an annexation): naming one is
        # no stance on it, unlike naming a principle ("spoke of territorial integrity")
        self.contested = {t for ts in self.th.opposes.values() for t in ts} - set(
            self.th.opposes)
        counts: dict[tuple[str, ...], int] = {}
        for weights in self.terms.values():
            for term in weights:
                counts[term] = counts.get(term, 0) + 1
        self.idf = {t: 1.0 / n for t, n in counts.items()}

    def _forms(self, term: tuple[str, ...]) -> list[tuple[str, ...]]:
        group = self.th.variants.get(" ".join(term))
        return [tuple(g.split()) for g in group] if group else [term]

    def score(self, issue: Issue, sentence: Sequence[str], focus: Sequence[str],
              topic: Sequence[str] = (), grams: tuple[frozenset[tuple[str, ...]], ...] = ()
              ) -> tuple[float, float, float]:
        """(total, near, topical) scores: terms in the topic ("position on X") count three
        times, in the act's own phrase twice, elsewhere in the sentence once. ``grams``: the
        n-grams of sentence, focus and topic, if already computed."""
        total = near = topical = 0.0
        anchored = False
        in_sentence, in_focus, in_topic = grams or (_ngrams(sentence), _ngrams(focus),
                                                    _ngrams(topic))
        termset = self.termsets[issue.id]
        if termset.isdisjoint(in_sentence) and termset.isdisjoint(in_focus):
            return 0.0, 0.0, 0.0
        for term, weight in self.terms[issue.id].items():
            if term not in in_sentence and term not in in_focus:
                continue
            w = weight * self.idf[term]
            anchored = anchored or weight >= 1.5 or (weight >= 1 and not issue.keywords)
            if term in in_topic:
                total, near, topical = total + 3 * w, near + 3 * w, topical + 3 * w
            elif term in in_focus:
                total, near = total + 2 * w, near + 2 * w
            else:
                total += w
        if not anchored:
            return 0.0, 0.0, 0.0  # title words alone ("Ukraine", "regions") decide nothing
        return total, near, topical

    def match(self, sentence: Sequence[str], focus: Sequence[str], day: str | None,
              topic: Sequence[str] = (), require_focus: bool = False,
              threshold: float = 1.5) -> IssueMatch | None:
        """The best issue for an act, if any scores above ``threshold`` (and, for acts
        with an object of their own, matches within the act's phrase). An issue that is
        the topic of a position ("position on the referendum") wins over the reasons given."""
        best: tuple[float, float, Issue] | None = None
        grams = (_ngrams(sentence), _ngrams(focus), _ngrams(topic))
        for issue in self.issues:
            if day and issue.since and day < issue.since[: len(day)]:
                continue
            s, near, topical = self.score(issue, sentence, focus, topic, grams)
            if require_focus and near == 0:
                continue
            if s and day and self.years.get(issue.id):
                s += 1.0 / (1 + abs(int(day[:4]) - self.years[issue.id]))  # nearer in time
            if s >= threshold and (best is None or (topical, s) > best[:2]):
                best = (topical, s, issue)
        if best is None:
            return None
        return IssueMatch(best[2].id, best[1], frozenset(self.th.found(focus)))

    def by_theme(self, words: Sequence[str]) -> str | None:
        """The one issue a sentence bears on through its themes alone ("a lasting peace and
        the withdrawal of forces" bears on supporting the invasion), if exactly one does."""
        found = self.th.found(words)
        if not found:
            return None
        related = [i for i, own in self.issue_themes.items()
                   if own and (found & own or self.th.conflict(found, own))]
        return related[0] if len(related) == 1 else None

    def by_theme_in_time(self, words: Sequence[str], day: str | None) -> str | None:
        """The issue in force on ``day`` whose own themes the words name ("Moscow's claim to
        the four regions": an annexation), the nearest in time if several do."""
        found = self.th.found(words)
        year = int(day[:4]) if day else None
        related = [(abs(year - self.years[i.id]) if year and self.years.get(i.id) else 99,
                    i.id) for i in self.issues
                   if found & self.issue_themes.get(i.id, set())
                   and not (day and i.since and day < i.since[: len(day)])]
        related.sort()
        if not related or len(related) > 1 and related[0][0] == related[1][0]:
            return None
        return related[0][1]

    def by_soft_theme(self, focus: Sequence[str], sentence: Sequence[str], day: str | None,
                      context: Sequence[str | None] = ()) -> str | None:
        """An act with no issue of its own that asserts the neutral line on one issue ("called
        for an end to violence in Ukraine"): that issue, if it is in force on ``day`` and the
        sentence names one of its terms or the text is on it."""
        found = self.th.found(focus)
        related = [i for i in self.issues if day is None or not i.since or
                   day >= i.since[: len(day)]]
        related = [i for i in related if any(self.th.softens.get(t, set()) &
                                             self.issue_themes.get(i.id, set()) for t in found)]
        if len(related) != 1:
            return None
        grams = _ngrams(sentence)
        issue = related[0]
        named = self.th.found(sentence) - set(self.th.softens)  # not the call for peace itself
        if issue.id in context or any(t in grams for t in self.terms[issue.id]) or \
                named & self.issue_themes.get(issue.id, set()):
            return issue.id
        return None

    def relation(self, issue: str, object_themes: set[str], undermined: bool = False) -> int:
        """+1 if acting on the object bears directly on the issue, -1 if the object is a
        theme that opposes the issue's (supporting territorial integrity vs annexation);
        the opposite if the object is the undermining of what it names ("condemned the
        violation of Ukraine's sovereignty", "helped firms circumvent the sanctions")."""
        own = self.issue_themes.get(issue, set())
        sign = -1 if undermined else 1
        if object_themes & own:
            return sign
        return -sign if self.th.conflict(object_themes, own) else sign

    def undermines(self, words: Sequence[str]) -> bool:
        """Whether words name the undermining of something ("a threat to", "circumvent")."""
        return bool(self.th.found(words) & self.th.qualifiers)

    def endorsed(self, issue: str, found: set[str]) -> bool:
        """Whether the act asserts a theme that supports the issue's ("reflected the will of
        the people" of a referendum)."""
        own = self.issue_themes.get(issue, set())
        return any(self.th.supports.get(t, set()) & own for t in found)

    def enacted(self, issue: str, event: str) -> bool:
        """Whether an act of this type carries the issue out (restrictions on sanctions)."""
        theme = self.th.enacts.get(event)
        return theme is not None and theme in self.issue_themes.get(issue, set())

    def softened(self, issue: str, found: set[str]) -> bool:
        """Whether the act asserts a theme that is the neutral line on the issue ("called for
        a peaceful settlement" on supporting an invasion)."""
        own = self.issue_themes.get(issue, set())
        return any(self.th.softens.get(t, set()) & own for t in found)

    def counter_theme(self, issue: str, found: set[str]) -> bool:
        return self.th.conflict(found - self.issue_themes.get(issue, set()),
                                self.issue_themes.get(issue, set()))


def stance_of(event_type: str, polarity: int, negated: bool, relation: int,
              neutral: bool) -> str | None:
    """The stance an act takes on its issue."""
    if event_type == "NO_COMMENT":
        return "no_comment"
    if neutral and not negated:
        return "neutral"
    value = polarity * relation * (-1 if negated else 1)
    return "support" if value > 0 else "oppose" if value < 0 else None
