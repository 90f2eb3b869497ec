"""The bundled example corpus and ``stancemap demo``, which runs the whole pipeline on it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ..api import Stancemap
from ..tables import discrepancy_lines, events_table, matrix_table, series_table


def corpus_dir() -> Path:
    """Folder of the demo articles, manifest and issues file."""
    return Path(str(resources.files("stancemap.demo")))


def run_demo(app: Stancemap, out_dir: Path, console: Console) -> None:
    """Ingest, analyse and export the demo corpus, then print what was found."""
    folder = corpus_dir()
    with app:
        ingested = app.ingest([], manifest=folder / "manifest.jsonl")
        analysed = app.analyze(issues=folder / "issues.yaml")
        counts = app.export(out_dir)
        summary = app.summary()
    console.print(f"[bold]stancemap demo[/bold]: {ingested.added} new documents "
                  f"({ingested.unchanged} already stored), {analysed.documents} analysed, "
                  f"exported to {out_dir}/")
    table = Table(title="What the database holds")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in summary["counts"].items():
        table.add_row(name, str(n))
    console.print(table)
    actors = Table(title="Actors mentioned most")
    for column in ("actor", "name", "type"):
        actors.add_column(column)
    actors.add_column("mentions", justify="right")
    actors.add_column("documents", justify="right")
    for actor_id, name, kind, n, docs in summary["top_actors"]:
        actors.add_row(actor_id, name, kind, str(n), str(docs))
    console.print(actors)
    with app:
        console.print(matrix_table(app, "Where each state stands (stance, number of sources)"))
        console.print(events_table(app.events(min_docs=2)))
        console.print(series_table(app.claim_series()))
        found = app.discrepancies()
    console.print(f"[bold]Where sources disagree[/bold] ({len(found)}; "
                  "`stancemap discrepancies` lists them all):")
    for line in discrepancy_lines(found[:5]):
        console.print(line)
    console.print(f"exported files: {', '.join(f'{k} ({v})' for k, v in counts.items())}")
