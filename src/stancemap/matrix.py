"""The actor x issue matrix: each cell a stance and how many sources support it."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Actor, Issue, Position
from .store import SQLStore

NO_DATA = "no data"


@dataclass(frozen=True, slots=True)
class Cell:
    stance: str  # a position's stance, or "no data"
    sources: int  # distinct documents behind it
    confidence: float


@dataclass(slots=True)
class Matrix:
    actors: list[Actor]
    issues: list[Issue]
    cells: dict[tuple[str, str], Cell]

    def cell(self, actor: str, issue: str) -> Cell:
        return self.cells.get((actor, issue), Cell(NO_DATA, 0, 0.0))


def build_matrix(store: SQLStore, states_only: bool = True) -> Matrix:
    """Watched actors first (every cell, "no data" where nothing is known), then every
    other actor holding a position."""
    positions = store.positions()
    issues = store.issues()
    known = store.actors()
    watched = [known[w] for w in store.watch() if w in known]
    others = sorted({p.actor for p in positions if p.actor not in watched and (
        not states_only or p.actor.type == "state")}, key=lambda a: a.name)
    cells = {(p.actor.id, p.issue): _cell(p) for p in positions}
    return Matrix([*watched, *others], issues, cells)


def _cell(p: Position) -> Cell:
    return Cell(p.stance, len(p.docs), p.confidence)


def coverage_rows(store: SQLStore) -> list[dict[str, object]]:
    """For every watched actor and issue: whether there is a position, or no data at all."""
    m = build_matrix(store)
    watched = set(store.watch())
    rows: list[dict[str, object]] = []
    for actor in m.actors:
        if actor.id not in watched:
            continue
        for issue in m.issues:
            c = m.cell(actor.id, issue.id)
            rows.append({"actor": actor.to_dict(), "issue": issue.id,
                         "status": "no_data" if c.stance == NO_DATA else "position",
                         "stance": None if c.stance == NO_DATA else c.stance,
                         "sources": c.sources})
    return rows
