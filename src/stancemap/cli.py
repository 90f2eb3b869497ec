"""The command line: a thin shell over ``stancemap.api.Stancemap``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from .api import Stancemap
from .config import Settings
from .errors import StancemapError
from .tables import discrepancy_lines, events_table, matrix_table, series_table

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one line per message
out = Console(highlight=False)

db_option = click.option("--db", envvar="STANCEMAP_DB", default=None, metavar="DB",
                         help="SQLite file or postgresql:// URL (default ./stancemap.db; env "
                         "STANCEMAP_DB).")
kb_option = click.option("--kb", "kb_files", multiple=True, type=click.Path(path_type=Path),
                         help="Extra actor file: YAML, or a PETRARCH/Phoenix dictionary.")


class OneLineErrors(click.Group):
    """Report stancemap errors as one line on stderr and exit with status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StancemapError as exc:
            err.print(f"error: {exc}", markup=False)
            sys.exit(1)
        except KeyboardInterrupt:
            err.print("interrupted; everything finished so far is stored")
            sys.exit(130)


@click.group(cls=OneLineErrors)
@click.version_option(package_name="stancemap")
def main() -> None:
    """stancemap: who stands where on what, with the sentences that prove it."""


def _app(db: str | None, kb_files: tuple[Path, ...] = ()) -> Stancemap:
    return Stancemap(settings=Settings.from_env(db=db, kb=list(kb_files)))


@contextmanager
def _progress(label: str, total: int | None = None) -> Iterator[Callable[..., None]]:
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn()]
    with Progress(*columns, console=err, transient=True,
                  disable=not err.is_terminal) as progress:
        task = progress.add_task(label, total=total)
        yield lambda *_: progress.advance(task)


@main.command("ingest")
@click.argument("inputs", nargs=-1)
@click.option("--manifest", type=click.Path(path_type=Path), help="JSONL manifest of articles.")
@db_option
def ingest_cmd(inputs: tuple[str, ...], manifest: Path | None, db: str | None) -> None:
    """Read articles (files, folders, URLs, .jsonl) into the database."""
    if not inputs and manifest is None:
        raise StancemapError("nothing to ingest: give files, folders, URLs or --manifest")
    with _app(db) as app, _progress("ingesting") as tick:
        report = app.ingest(inputs, manifest, on_item=tick)
    for problem in report.warnings:
        err.print(f"warning: {problem}", markup=False)
    for problem in report.problems:
        err.print(f"skipped: {problem}", markup=False)
    out.print(f"ingested: {report.added} new ({report.near_duplicates} near-duplicates), "
              f"{report.updated} updated, {report.unchanged} unchanged, {report.failed} failed")
    if report.failed:
        sys.exit(min(report.failed, 100))


@main.command("analyze")
@click.option("--issues", type=click.Path(path_type=Path), help="Issues file (YAML).")
@db_option
@kb_option
def analyze_cmd(issues: Path | None, db: str | None, kb_files: tuple[Path, ...]) -> None:
    """Resolve actors (and more) in everything not yet analysed."""
    with _app(db, kb_files) as app:
        app.kb  # noqa: B018  (load first: a bad KB file fails before any work)
        with _progress("analysing", total=app.pending() or None) as tick:
            report = app.analyze(issues, on_doc=tick)
    note = f", {report.skipped_language} not English (skipped)" if report.skipped_language else ""
    out.print(f"analysed: {report.documents} documents, {report.sentences} sentences, "
              f"{report.mentions} actor mentions{note}; {report.statements} statements, "
              f"{report.positions} positions, {report.events} events, {report.claims} numeric "
              f"claims and {report.discrepancies} discrepancies in the store")


@main.command("export")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for the JSONL files.")
@click.option("--format", "fmt", default="jsonl", show_default=True,
              type=click.Choice(["jsonl"]))
@db_option
def export_cmd(out_dir: Path, fmt: str, db: str | None) -> None:
    """Write the contract's JSONL files."""
    with _app(db) as app:
        counts = app.export(out_dir, fmt)
    out.print("exported: " + ", ".join(f"{n} {name}" for name, n in counts.items()))


@main.command("positions")
@db_option
def positions_cmd(db: str | None) -> None:
    """Print the actor x issue matrix: stance and number of sources per cell."""
    with _app(db) as app:
        if not app.store.issues():
            raise StancemapError("no issues yet: run `stancemap analyze --issues FILE` first")
        out.print(matrix_table(app))


@main.command("discrepancies")
@click.option("--kind", help="Only this kind (conflicting_accounts, omitted_topic, numeric).")
@click.option("--limit", type=int, default=None, help="Print at most this many.")
@db_option
def discrepancies_cmd(kind: str | None, limit: int | None, db: str | None) -> None:
    """Print where sources disagree, most significant first, each side quoted."""
    with _app(db) as app:
        found = app.discrepancies(kind)
    if not found:
        out.print("no discrepancies found" + (f" of kind {kind}" if kind else ""))
        return
    for line in discrepancy_lines(found[:limit]):
        out.print(line)


@main.command("events")
@click.option("--min-docs", type=int, default=2, show_default=True,
              help="Only events reported by at least this many documents.")
@db_option
def events_cmd(min_docs: int, db: str | None) -> None:
    """Print events merged across documents, and numeric series from several sources."""
    with _app(db) as app:
        out.print(events_table(app.events(min_docs)))
        series = series_table(app.claim_series())
    if series.row_count:
        out.print(series)


@main.command("evaluate")
@click.argument("export_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--gold", type=click.Path(path_type=Path, exists=True), help="Gold JSONL file.")
@click.option("--verbose", is_flag=True, help="List every gold item missed.")
def evaluate_cmd(export_dir: Path, gold: Path | None, verbose: bool) -> None:
    """Score an export against a gold set (default: the bundled development set)."""
    from .evaluate import main as evaluate_main

    args = [str(export_dir), *(["--gold", str(gold)] if gold else []),
            *(["--verbose"] if verbose else [])]
    sys.exit(evaluate_main(args))


@main.command("actors")
@click.argument("name")
@click.option("--date", "day", help="Date for roles (YYYY, YYYY-MM or YYYY-MM-DD).")
@kb_option
def actors_cmd(name: str, day: str | None, kb_files: tuple[Path, ...]) -> None:
    """Show what a name resolves to in the knowledge base."""
    from .textnorm import fold

    app = _app(None, kb_files)
    entries = app.kb.lookup(name)
    if not entries:
        out.print(f"no exact alias for {name!r} (spelling key {fold(name)!r})")
        return
    table = Table("name", "type", "country", "kind", "roles")
    table.add_column("actor", no_wrap=True)
    for entry in entries:
        actor = app.kb.actors[entry.actor]
        roles = [f"{r.title} {r.country or ''} {r.start or '?'}..{r.end or ''}"
                 for r in app.kb.person_roles.get(actor.id, [])
                 if day is None or r.holds_on(day)]
        table.add_row(actor.name, actor.type, actor.country or "", entry.kind,
                      "\n".join(roles), actor.id)
    out.print(table)


@main.command("demo")
@db_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("demo-export"),
              show_default=True, help="Where to export the demo's JSONL files.")
def demo_cmd(db: str | None, out_dir: Path) -> None:
    """Ingest, analyse and export the bundled example corpus; print a summary."""
    from .demo import run_demo

    run_demo(_app(db), out_dir, out)


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="STANCEMAP_TOKEN", default=None,
              help="Enable the API's writes (ingest, analyze, edits) for 'Bearer TOKEN' "
                   "(env STANCEMAP_TOKEN); read-only without it.")
def serve_cmd(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the web dashboard and the JSON API (/api, OpenAPI at /api/docs)."""
    import uvicorn

    from .web import create_app

    settings = Settings.from_env(db=db)
    with _app(settings.db) as app:
        app.store  # noqa: B018  (open and migrate first: a bad --db fails here, in one line)
    err.print(f"serving {settings.db} on http://{host}:{port}/ "
              f"({'writes enabled with the token' if token else 'read-only'}); Ctrl-C stops")
    uvicorn.run(create_app(settings.db, token), host=host, port=port, log_level="warning")


@main.command("report")
@click.option("--out", "out_file", required=True, type=click.Path(path_type=Path),
              help="File to write.")
@click.option("--format", "fmt", default="html", show_default=True,
              type=click.Choice(["html", "md"]))
@db_option
def report_cmd(out_file: Path, fmt: str, db: str | None) -> None:
    """Write a briefing: matrix, positions with quoted evidence, discrepancies, coverage."""
    from .report import write_report

    with _app(db) as app:
        write_report(app.queries, out_file, fmt)
    out.print(f"report written to {out_file}")


if __name__ == "__main__":
    main()
