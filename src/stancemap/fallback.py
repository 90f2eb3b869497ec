"""Statements from the classifier's reading of a sentence no pattern explained: the main
clause's subject is the actor; the issue only where the sentence's focus names one."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from . import spans, syntax
from .acts import _modality, _statement_id
from .agents import Agents, DocContext, token_mentions
from .classify import Prediction
from .dates import act_date
from .models import Mention, Statement
from .stance import IssueMatcher, lemmas


def classified(agents_of: Agents, matcher: IssueMatcher | None, doc_id: str, sent: Span,
               base: int, mentions: Sequence[Mention], ctx: DocContext,
               prediction: Prediction) -> list[Statement]:
    at = token_mentions(sent, base, mentions)
    root = sent.root
    day, _ = act_date(spans.text(sent), ctx.published, None)
    when = day or ctx.published
    agents = agents_of.actors(syntax.subjects(root), at, ctx, when)
    if not agents:
        return []
    issue_match = matcher.match(lemmas(sent), lemmas([root, *syntax.object_tokens(
        root)]), when, require_focus=True) if matcher else None
    issue = issue_match.issue if issue_match else None
    stance = prediction.stance if issue and prediction.stance_prob >= 0.6 else None
    if prediction.event_type == "NO_COMMENT":
        stance = "no_comment" if issue else None
    span = (base + sent.start_char, base + sent.end_char)
    return [Statement(
        id=_statement_id(doc_id, span, a.id, prediction.event_type, issue, root.i),
        doc=doc_id, sentence=spans.text(sent), start=span[0], end=span[1], actor=a,
        event_type=prediction.event_type, issue=issue, stance=stance, date=day,
        modality=_modality(root, None, sent),
        confidence=round(0.6 * prediction.event_prob, 2)) for a in agents]
