"""Score an export folder (``stancemap export --out DIR``) against a gold set.

The gold set is JSONL (``data/gold/dev.jsonl`` by default; its README describes the format):
``statement`` lines locate a sentence by a few lower-case ``match`` words and say who did what
on which issue; ``position`` lines give the expected stance of an actor on an issue.

    python -m stancemap.evaluate EXPORT_DIR [--gold FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

GOLD = Path(__file__).parent / "data" / "gold" / "dev.jsonl"
ISO3 = re.compile(r"[A-Z]{3}")

Row = dict[str, Any]


@dataclass
class Scores:
    """Agreement of an export with the gold set (ratios in 0..1; 0.0 when nothing to count)."""

    statement_recall: float  # gold statements found with the same actor, issue and stance
    statement_precision: float  # exported statements on annotated sentences that agree
    actor_issue_stance_recall: float  # gold (doc, actor, issue, stance) found anywhere in the doc
    date_accuracy: float  # matched statements with a gold date whose date equals it
    event_type_accuracy: float  # matched statements with a gold event type that equals it
    position_accuracy: float  # gold positions whose exported position has the same stance
    n_gold_statements: int
    n_gold_positions: int
    misses: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)  # recalled, but wrong date/event type


def _norm(text: str | None) -> str:
    return (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")


def _read_jsonl(path: Path) -> list[Row]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_gold(path: Path) -> tuple[list[Row], list[Row]]:
    """The gold (statements, positions) in ``path``; raises ValueError on a malformed line."""
    statements: list[Row] = []
    positions: list[Row] = []
    for n, row in enumerate(_read_jsonl(path), 1):
        kind = row.get("kind")
        needed = ("doc", "match", "actor") if kind == "statement" else ("actor", "issue", "stance")
        if kind not in ("statement", "position") or any(k not in row for k in needed):
            raise ValueError(f"{path}:{n}: not a gold statement or position")
        if kind == "statement":
            row["match"] = [_norm(w) for w in row["match"]]
            statements.append(row)
        else:
            positions.append(row)
    return statements, positions


def _stances(gold: Row) -> set[str | None]:
    """The stances the gold accepts: ``stance`` plus any alternatives listed in ``accept``."""
    return {gold.get("stance"), *gold.get("accept", [])}


def _is_actor(actor: Row | None, gold_actor: str) -> bool:
    if not actor:
        return False
    if ISO3.fullmatch(gold_actor):
        return actor.get("country") == gold_actor or actor.get("id") == gold_actor
    return actor.get("id") == gold_actor


def _agrees(stmt: Row, gold: Row) -> bool:
    return (_is_actor(stmt.get("actor"), gold["actor"]) and stmt.get("issue") == gold.get("issue")
            and stmt.get("stance") in _stances(gold))


def _in_sentence(stmt: Row, gold: Row) -> bool:
    sentence = _norm(stmt.get("sentence"))
    return all(word in sentence for word in gold["match"])


def _label(gold: Row) -> str:
    where = f"{gold['doc']} [{' '.join(gold['match'])}]"
    return f"{where} {gold['actor']} {gold.get('issue')}/{gold.get('stance')} ({gold.get('date')})"


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def evaluate(export_dir: Path, gold: Path | None = None) -> Scores:
    """Compare the export in ``export_dir`` with the gold set (default: the bundled dev set)."""
    gold_statements, gold_positions = load_gold(gold or GOLD)
    names = {d["id"]: PurePosixPath(str(d.get("uri") or "").replace("\\", "/")).name
             for d in _read_jsonl(export_dir / "documents.jsonl")}
    by_doc: dict[str, list[Row]] = {}
    for stmt in _read_jsonl(export_dir / "statements.jsonl"):
        by_doc.setdefault(names.get(stmt.get("doc"), ""), []).append(stmt)

    misses: list[str] = []
    mismatches: list[str] = []
    found = triples = dated = dates_ok = typed = types_ok = 0
    for g in gold_statements:
        in_doc = by_doc.get(g["doc"], [])
        if any(_agrees(s, g) for s in in_doc):
            triples += 1
        in_sentence = [s for s in in_doc if _in_sentence(s, g)]
        by_actor = [s for s in in_sentence if _is_actor(s.get("actor"), g["actor"])]
        agreeing = [s for s in by_actor if _agrees(s, g)]
        if not agreeing:
            if by_actor:
                got = ", ".join(sorted({f"{s.get('issue')}/{s.get('stance')}" for s in by_actor}))
                misses.append(f"statement {_label(g)}: found {got}")
            elif in_sentence:
                who = ", ".join(sorted({str((s.get("actor") or {}).get("id"))
                                        for s in in_sentence}))
                misses.append(f"statement {_label(g)}: no statement by {g['actor']} (only {who})")
            else:
                misses.append(f"statement {_label(g)}: no statement on that sentence")
            continue
        found += 1
        best = max(agreeing, key=lambda s: (s.get("date") == g.get("date"),
                                            s.get("event_type") == g.get("event_type")))
        if g.get("date"):
            dated += 1
            dates_ok += best.get("date") == g["date"]
            if best.get("date") != g["date"]:
                mismatches.append(f"date {_label(g)}: found {best.get('date')}")
        if g.get("event_type"):
            typed += 1
            types_ok += best.get("event_type") == g["event_type"]
            if best.get("event_type") != g["event_type"]:
                mismatches.append(f"event_type {_label(g)} {g['event_type']}: found "
                                  f"{best.get('event_type')}")

    judged = agreed = 0
    for doc in {g["doc"] for g in gold_statements}:
        annotated = [g for g in gold_statements if g["doc"] == doc]
        for stmt in by_doc.get(doc, []):
            golds = [g for g in annotated if _in_sentence(stmt, g)]
            if golds:
                judged += 1
                agreed += any(_agrees(stmt, g) for g in golds)

    exported = _read_jsonl(export_dir / "positions.jsonl")
    positions_ok = 0
    for g in gold_positions:
        same = [p for p in exported
                if p.get("issue") == g["issue"] and _is_actor(p.get("actor"), g["actor"])]
        own = [p for p in same if (p.get("actor") or {}).get("id") == g["actor"]
               or (p.get("actor") or {}).get("type") == "state"]
        stances = sorted({str(p.get("stance")) for p in (own or same)})
        if set(stances) & {str(s) for s in _stances(g)}:
            positions_ok += 1
        else:
            got = ", ".join(stances) or "no position"
            misses.append(f"position {g['actor']} {g['issue']}/{g['stance']}: found {got}")

    n = len(gold_statements)
    return Scores(
        statement_recall=_ratio(found, n), statement_precision=_ratio(agreed, judged),
        actor_issue_stance_recall=_ratio(triples, n), date_accuracy=_ratio(dates_ok, dated),
        event_type_accuracy=_ratio(types_ok, typed),
        position_accuracy=_ratio(positions_ok, len(gold_positions)),
        n_gold_statements=n, n_gold_positions=len(gold_positions), misses=misses,
        mismatches=mismatches)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the scores as a table (and every miss with ``--verbose``)."""
    parser = argparse.ArgumentParser(prog="python -m stancemap.evaluate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("export_dir", type=Path, help="folder written by `stancemap export`")
    parser.add_argument("--gold", type=Path, default=None, help=f"gold JSONL (default {GOLD})")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every gold item missed")
    args = parser.parse_args(argv)
    if not (args.export_dir / "statements.jsonl").is_file():
        print(f"error: no statements.jsonl in {args.export_dir}", file=sys.stderr)
        return 1
    try:
        scores = evaluate(args.export_dir, args.gold)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    rows = [(name, value) for name, value in vars(scores).items()
            if name not in ("misses", "mismatches")]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{name:<{width}}  {shown:>7}")
    print(f"{'misses':<{width}}  {len(scores.misses):>7}")
    if args.verbose:
        for miss in scores.misses:
            print(f"  - {miss}")
        for mismatch in scores.mismatches:
            print(f"  ~ {mismatch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
