"""``make bench``: time each pipeline stage on a generated corpus.

Each stage runs in its own process so that its peak memory (max RSS) is its own. Besides
wall-clock seconds (noisy on a shared machine) each stage reports the CPU seconds it and
its worker processes used, per document. Loading the spaCy model, the knowledge base, the
trained classifier and the language identifier happens before the clock starts and is
printed apart:

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
from .langid import load as load_language_model
from .modelcache import classifier

STAGES = ("ingest", "analyze", "export")


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    return time.process_time() + sum(
        getattr(resource.getrusage(resource.RUSAGE_CHILDREN), f) for f in ("ru_utime",
                                                                         "ru_stime"))


def run_stage(stage: str, db: str, manifest: Path, out: Path) -> dict[str, Any]:
    """Run one stage in this process; return its counts, seconds, CPU seconds and peak
    memory."""
    app = Stancemap(db)
    load = time.perf_counter()
    if stage == "analyze":  # loading counts for memory, not for speed
        app.kb  # noqa: B018
        app.nlp  # noqa: B018
        classifier()
    elif stage == "ingest":
        load_language_model()
    load = time.perf_counter() - load
    start, cpu = time.perf_counter(), _cpu()
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
    cpu = _cpu() - cpu
    app.close()
    peak_kb = sum(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF,
                                                                 resource.RUSAGE_CHILDREN))
    peak_mb = peak_kb / 1024  # this process plus its largest worker (upper bound of both)
    return {"stage": stage, "docs": docs, "sentences": sentences, "seconds": seconds,
            "cpu": cpu, "peak_mb": peak_mb, "load": load}


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
          f"{'CPU s/doc':>11}{'peak MB':>10}")
    for r in rows:
        secs = max(r["seconds"], 1e-9)
        sps = f"{r['sentences'] / secs:.0f}" if r["sentences"] else "-"
        print(f"{r['stage']:<9}{r['docs']:>7}{r['seconds']:>10.2f}{r['docs'] / secs:>10.1f}"
              f"{sps:>14}{r['cpu'] / max(r['docs'], 1):>11.3f}{r['peak_mb']:>10.0f}")
    total = sum(r["seconds"] for r in rows)
    docs = rows[0]["docs"]
    cpu = sum(r["cpu"] for r in rows) / max(docs, 1)
    print(f"{'total':<9}{docs:>7}{total:>10.2f}{docs / max(total, 1e-9):>10.1f}{'':>14}"
          f"{cpu:>11.3f}")
    loads = [f"{r['stage']} {r['load']:.1f}s" for r in rows if r["load"] > 0.05]
    if loads:
        print("not timed: loading the models, knowledge base and classifier "
              f"({', '.join(loads)})")


if __name__ == "__main__":
    raise SystemExit(main())
