"""``make bench``: time each pipeline stage on a generated corpus.

Each stage runs in its own process so that its peak memory (max RSS) is its own:

    python -m stancemap.bench --docs 300
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .api import Stancemap
from .corpusgen import generate
from .demo import corpus_dir

STAGES = ("ingest", "analyze", "export")


def run_stage(stage: str, db: str, manifest: Path, out: Path) -> dict[str, Any]:
    """Run one stage in this process; return its counts, seconds and peak memory."""
    app = Stancemap(db)
    if stage == "analyze":
        app.kb  # noqa: B018  (loading the KB and model is part of the stage)
        app.nlp  # noqa: B018
    start = time.perf_counter()
    if stage == "ingest":
        report = app.ingest([], manifest=manifest)
        docs, sentences = report.added + report.unchanged, 0
    elif stage == "analyze":
        result = app.analyze(issues=corpus_dir() / "issues.yaml")
        docs, sentences = result.documents, result.sentences
    else:
        counts = app.export(out)
        docs, sentences = counts["documents"], 0
    seconds = time.perf_counter() - start
    app.close()
    peak_kb = sum(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF,
                                                                 resource.RUSAGE_CHILDREN))
    peak_mb = peak_kb / 1024  # this process plus its largest worker (upper bound of both)
    return {"stage": stage, "docs": docs, "sentences": sentences, "seconds": seconds,
            "peak_mb": peak_mb}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stancemap.bench", description=__doc__)
    parser.add_argument("--docs", type=int, default=300, help="articles to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--manifest", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.db, args.manifest, args.out)))
        return 0
    with tempfile.TemporaryDirectory(prefix="stancemap-bench-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        manifest = generate(root / "corpus", args.docs, seed=args.seed)
        print(f"generated {args.docs} articles in {time.perf_counter() - t0:.1f}s")
        rows = [_child(stage, root, manifest) for stage in STAGES]
    _print(rows)
    return 0


def _child(stage: str, root: Path, manifest: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "stancemap.bench", "--stage", stage, "--db",
           str(root / "bench.db"), "--manifest", str(manifest), "--out", str(root / "out")]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _print(rows: list[dict[str, Any]]) -> None:
    print(f"{'stage':<9}{'docs':>7}{'seconds':>10}{'docs/s':>10}{'sentences/s':>14}"
          f"{'peak MB':>10}")
    for r in rows:
        secs = max(r["seconds"], 1e-9)
        sps = f"{r['sentences'] / secs:.0f}" if r["sentences"] else "-"
        print(f"{r['stage']:<9}{r['docs']:>7}{r['seconds']:>10.2f}{r['docs'] / secs:>10.1f}"
              f"{sps:>14}{r['peak_mb']:>10.0f}")
    total = sum(r["seconds"] for r in rows)
    docs = rows[0]["docs"]
    print(f"{'total':<9}{docs:>7}{total:>10.2f}{docs / max(total, 1e-9):>10.1f}")


if __name__ == "__main__":
    raise SystemExit(main())
