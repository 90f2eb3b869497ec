"""Rich tables for the terminal: the position matrix."""

from __future__ import annotations

from rich.table import Table

from .api import Stancemap

STANCE_STYLE = {"support": "green", "oppose": "red", "neutral": "yellow",
                "no_comment": "bright_black", "ambiguous": "magenta", "contested": "bold magenta",
                "no data": "dim"}


def matrix_table(app: Stancemap, title: str = "Positions") -> Table:
    """The actor x issue matrix as a rich table: stance and number of sources per cell."""
    m = app.matrix()
    table = Table(title=title, show_lines=False)
    table.add_column("actor", no_wrap=True)
    for issue in m.issues:
        table.add_column(issue.id, overflow="fold")
    for actor in m.actors:
        cells = []
        for issue in m.issues:
            c = m.cell(actor.id, issue.id)
            text = c.stance if not c.sources else f"{c.stance} ({c.sources})"
            cells.append(f"[{STANCE_STYLE.get(c.stance, '')}]{text}[/]")
        table.add_row(actor.name, *cells)
    return table
