"""What a span of text looks like: a capital used as a place, runs of proper nouns that may
be names, personal names and titles, and the rough date a sentence speaks of. Helpers of the
resolver (``actors.py``)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from spacy.symbols import PROPN
from spacy.tokens import Span, Token

from . import spans

LOC_PREPS = {"in", "at", "near", "from", "to", "into", "across", "around", "outside", "inside",
             "within", "via", "through", "toward", "towards", "throughout", "between", "over"}
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "within", "across", "throughout"}
GOVERNMENT_NOUNS = {"official", "officials", "authority", "authorities", "government",
                    "leadership", "leader", "diplomat", "policymaker", "ministry", "regime"}
HONORIFICS = {"mr", "ms", "mrs", "dr", "sen", "gen", "general", "sir", "madam", "comrade"}
FUZZY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
YEAR = re.compile(rf"\b(?:({'|'.join(MONTH_NAMES)})\s+)?((?:19|20)\d\d)\b")


def is_location(kept: list[Token], end: int) -> bool:
    """A capital used as a place ("in Tashkent", "a Tashkent-based analyst")."""
    last = kept[end - 1]
    doc = last.doc
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and doc[last.i + 2].lower_ in (
            "based", "born"):
        return True
    head = last
    while head.dep_ in ("compound", "amod", "det") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in LOC_PREPS:
        return False
    if head.head.head.lower_ == "according":
        return False  # "according to Tashkent": a source, not a place
    owner = head.head.head  # "officials in Bishkek": the capital's government, not a place
    return owner.lemma_.lower() not in GOVERNMENT_NOUNS


ORG_WORDS = {"institute", "university", "center", "centre", "council", "party", "ministry",
             "foundation", "forum", "bank", "agency", "service", "committee", "organization",
             "organisation", "union", "republic", "court", "army", "assembly", "commission",
             "office", "group", "company", "corporation", "news", "radio", "times", "post",
             "square", "street", "region", "valley", "river", "sea", "lake", "mountains",
             "airport", "station", "order", "day", "war", "pipeline", "summit", "treaty",
             "parliament", "government", "embassy", "department", "school", "college",
             "asia", "europe", "africa", "america", "east", "west", "north", "south",
             "central", "eastern", "western", "northern", "southern", "middle", "caucasus"}


def name_spans(sent: Span, ner: bool) -> list[tuple[Span, str]]:
    """Candidate names: spaCy's entities when the pipeline has NER, else runs of proper
    nouns, which count as people when they look like a personal name."""
    if ner:
        return [(e, e.label_) for e in sent.ents if e.label_ in FUZZY_LABELS]
    runs: list[tuple[Span, str]] = []
    start = None
    for tok in [*spans.tokens(sent), None]:
        inside = tok is not None and (tok.pos == PROPN or (
            start is not None and tok.text == "-" and tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].pos == PROPN))
        if inside and start is None:
            start = tok.i  # type: ignore[union-attr]
        elif not inside and start is not None:
            end = tok.i if tok is not None else sent.end
            span = sent.doc[start:end]
            runs.append((span, "PERSON" if person_like(span) else "NAME"))
            start = None
    return runs


# titles a name may follow in a run of proper nouns ("Deputy Foreign Minister A B")
NAME_TITLES = {"deputy", "vice", "first", "foreign", "minister", "ministry", "presidential",
               "aide", "adviser", "advisor", "ambassador", "envoy", "spokesman", "spokeswoman",
               "spokesperson", "press", "secretary", "senior", "chief", "head", "prime"}


def person_like(span: Span) -> bool:
    words = [t for t in span if t.text != "-"]
    while len(words) > 2 and words[0].lower_ in NAME_TITLES:
        words = words[1:]
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if not 2 <= len(words) <= 4 or before == "the":
        return False
    after = span.doc[span.end].tag_ if span.end < len(span.doc) else ""
    if before in PLACE_PREPS and after != "POS":
        return False  # "a diplomat in New York" (not "in Vladimir Putin's view")
    return all(w.text[:1].isupper() and w.text.replace("-", "").isalpha() and
               w.lower_ not in ORG_WORDS and not w.text.isupper() for w in words)


def adjacent(kept: list[Token], i: int) -> bool:
    """No punctuation between kept tokens i-1 and i (a possessive 's is fine)."""
    if i <= 0 or i >= len(kept):
        return False
    between = kept[i - 1].doc[kept[i - 1].i + 1 : kept[i].i]
    return all(t.tag_ == "POS" for t in between)


def given_name(token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.isalpha()
            and token.lower_ not in HONORIFICS)


def named_subject(token: Token) -> bool:
    """A surname opening a sentence as its subject ("Mirziyoyev expressed ..."), which the
    tagger sometimes takes for a common noun."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.text[:1].isupper() and \
        len(token.text) >= 5 and not token.is_stop


def sentence_initial(token: Token) -> bool:
    return bool(token.is_sent_start) or token.i == 0


def strip_title(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return re.sub(r"^(?:the\s+)?(?:President|Prime Minister|Minister|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+",
                  "", text)


def tokens_agree(a: str, b: str) -> bool:
    """Every token of a fuzzy match is close: given names must agree too."""
    ta, tb = a.split(), b.split()
    return len(ta) == len(tb) and all(fuzz.ratio(x, y) >= 75 for x, y in zip(ta, tb, strict=True))


def sentence_day(text: str, published: str | None) -> str | None:
    """The date a sentence speaks of, roughly: an explicit (month and) year, else the
    publication date. Good enough to pick who held an office."""
    match = YEAR.search(text)
    if match:
        month, year = match.groups()
        if month:
            return f"{year}-{MONTHS[month]:02d}"
        if published and published.startswith(year):
            return published
        return year
    return published
