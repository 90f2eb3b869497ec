"""Shared fixtures: the real knowledge base, the real spaCy model, fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap import kb as kb_module
from stancemap import nlp as nlp_module
from stancemap.actors import Context, Resolver
from stancemap.config import DEFAULT_MODEL
from stancemap.issues import load_issues
from stancemap.models import Issue, Mention, Statement
from stancemap.predicates import default_lexicon
from stancemap.stance import IssueMatcher
from stancemap.statements import DocContext, Extractor
from stancemap.store import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
DEMO_ISSUES = Path(__file__).resolve().parents[1] / "src" / "stancemap" / "demo" / "issues.yaml"


@pytest.fixture(scope="session")
def kb() -> kb_module.KnowledgeBase:
    return kb_module.load()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return nlp_module.load(DEFAULT_MODEL)


@pytest.fixture()
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def resolve(kb, nlp):  # type: ignore[no-untyped-def]
    """Resolve the actors of a text (one or more sentences) on a publication date."""
    resolver = Resolver(kb)

    def run(text: str, published: str | None = "2022-10-05") -> list[Mention]:
        ctx = Context(published=published)
        mentions: list[Mention] = []
        doc = nlp(text)
        for index, sent in enumerate(doc.sents):
            mentions += resolver.resolve("d", sent, 0, index, ctx)
        return mentions

    return run


def pairs(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.actor.id) for m in mentions]


@pytest.fixture(scope="session")
def statements_of(kb, nlp):  # type: ignore[no-untyped-def]
    """The statements the extractor finds in a text (one document), with the demo's issues
    unless others are given."""
    resolver = Resolver(kb)
    demo = load_issues(DEMO_ISSUES).issues

    def run(text: str, published: str = "2022-10-05", issues: list[Issue] | None = None
            ) -> list[Statement]:
        extractor = Extractor(kb, default_lexicon(), IssueMatcher(issues or demo))
        ctx, dctx = Context(published=published), DocContext(published=published)
        out: list[Statement] = []
        for i, sent in enumerate(nlp(text).sents):
            found = resolver.resolve("d", sent, 0, i, ctx)
            out += extractor.sentence("d", sent, 0, found, dctx)
        return out

    return run


@pytest.fixture(scope="session")
def statement_rows(statements_of):  # type: ignore[no-untyped-def]
    """Statements of a text as (actor's state or id, event type, issue, stance, date)."""
    def run(text: str, published: str = "2022-10-05") -> list[tuple]:  # type: ignore[type-arg]
        return [(s.actor.country or s.actor.id, s.event_type, s.issue, s.stance, s.date)
                for s in statements_of(text, published)]

    return run
