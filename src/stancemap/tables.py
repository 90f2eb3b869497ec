"""Rich tables for the terminal: the position matrix, discrepancies, events, numeric
series."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from .api import Stancemap
from .models import Claim, Discrepancy, Event
from .numbers import figure

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


def discrepancy_lines(found: list[Discrepancy]) -> list[Text]:
    """Each discrepancy, most significant first: kind, date and summary, then every side
    quoted with its source, as plain text (article text is never read as markup)."""
    lines: list[Text] = []
    for n, d in enumerate(found, 1):
        head = Text(f"{n}. [{d.kind}] {d.date or 'undated'}  ", style="bold")
        head.append(d.summary, style="")
        lines.append(head)
        for side in d.sides:
            where = ", ".join(str(x) for x in (side.get("publisher"), side.get("date")
                                                or side.get("as_of")) if x)
            quote = Text(f"    {side.get('says')}", style="cyan")
            quote.append(f" ({where}): " if where else ": ", style="dim")
            quote.append(f"\u201c{side.get('quote')}\u201d")
            lines.append(quote)
    return lines


def events_table(events: list[Event], title: str = "Events reported by several sources"
                 ) -> Table:
    table = Table(title=title)
    for column in ("date", "kind", "event", "type", "reports", "documents"):
        table.add_column(column, justify="right" if column in ("reports", "documents") else
                         "left")
    for e in events:
        table.add_row(e.date or "", e.kind, Text(e.label), e.event_type, str(len(e.statements)),
                      str(len(e.docs)))
    return table


def series_table(series: dict[str, list[tuple[Claim, str | None]]], min_sources: int = 2
                 ) -> Table:
    """Numeric series reported by at least ``min_sources`` documents."""
    table = Table(title="Numeric series (same quantity, several sources)")
    for column in ("quantity", "as of", "figure", "source", "publisher"):
        table.add_column(column)
    for claims in series.values():
        if len({c.doc for c, _ in claims}) < min_sources:
            continue
        for i, (c, publisher) in enumerate(sorted(claims, key=lambda cp: cp[0].as_of or "")):
            table.add_row(Text(c.subject if i == 0 else ""), c.as_of or "", figure(c),
                          Text(c.source.name if c.source else "-"), Text(publisher or ""))
    return table
