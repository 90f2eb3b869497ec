"""Shared fixtures: the real knowledge base, the real spaCy model, fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancemap import kb as kb_module
from stancemap import nlp as nlp_module
from stancemap.actors import Context, Resolver
from stancemap.config import DEFAULT_MODEL
from stancemap.models import Mention
from stancemap.store import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


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
