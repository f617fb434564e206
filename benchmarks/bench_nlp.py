"""Segmentation: what each segmentation-based component earns, and what start-up costs.

    python benchmarks/bench_nlp.py [--runs 5] [--before DIR] [--skip-startup] [--skip-ablation]

**Ablation.** Each component of :mod:`docparse.nlp.config` alone, all of them, and none, over the shared
real corpus (``../shared/corpus/real``, scored as ``benchmarks/bench_real.py`` scores it: unit, facts
precision and recall, money F1) and the generated corpus (``corpus/fixtures``: unit and the eight fact
slots against their gold), with the number of reports whose JSON differs from the run without any
component and the analysis time per report (documents read once, the analysis timed alone).

**Start-up.** Median of ``--runs`` cold processes, interleaved with the baselines measured in the same run
(the machine is shared): ``docparse parse`` of the sample (wall time and peak RSS), ``docparse --version``,
``docparse schema``, bare ``import spacy``, and jieba's own ``import jieba; jieba.initialize()``; with
``--before DIR`` (a copy of an earlier tree, e.g. ``git archive <rev> | tar -x -C DIR``) the same parse with
that tree first on ``PYTHONPATH``. Then, in one process, the time to parse a second two-page report after
the first (median of 20).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from benchmarks import bench_real  # noqa: E402
from docparse.extract.facts import summary  # noqa: E402
from docparse.model.report import FACT_NAMES  # noqa: E402
from docparse.nlp import config  # noqa: E402
from docparse.pipeline import analyse  # noqa: E402
from docparse.readers import read  # noqa: E402

SAMPLE = ROOT / "corpus" / "samples" / "sample-project-2023.txt"
SECOND = ROOT / "corpus" / "fixtures" / "p02-txt-typed.txt"
FIXTURES = ROOT / "corpus" / "fixtures"
CONFIGS: list[tuple[str, tuple[str, ...]]] = [
    ("none", ()),
    *((c, (c,)) for c in config.COMPONENTS),
    ("all", config.COMPONENTS),
]


# ---------------------------------------------------------------- ablation


def _fixture_items() -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for gold_path in sorted(FIXTURES.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if (gold.get("fault") or {}).get("kind") or gold.get("format") not in ("docx", "pdf", "txt"):
            continue
        source = gold_path.with_name(gold_path.name.replace(".gold.json", f".{gold['format']}"))
        if source.exists():
            out.append((source, gold))
    return out


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except ArithmeticError:
        return str(a) == str(b)


def _analysed(documents: list[Any], rounds: int = 2) -> dict[str, tuple[list[Any], float]]:
    """For every configuration: the reports of ``documents`` and the analysis time per report (ms). The
    configurations take turns on each document (the load of a shared machine falls on all alike), and
    each document's time is the least of ``rounds``."""
    reports: dict[str, list[Any]] = {label: [] for label, _ in CONFIGS}
    total = dict.fromkeys(reports, 0.0)
    for doc in documents:
        best = dict.fromkeys(reports, float("inf"))
        for n in range(rounds):
            for label, names in CONFIGS:
                work = copy.deepcopy(doc)
                with config.using(*names):
                    t = time.perf_counter()
                    report = analyse(work)
                    best[label] = min(best[label], time.perf_counter() - t)
                if n == 0:
                    reports[label].append(report)
        for label in total:
            total[label] += best[label]
    return {label: (reports[label], 1000 * total[label] / max(len(documents), 1)) for label in reports}


def _dump(report: Any) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True, default=str)


def ablation() -> list[dict[str, Any]]:
    real_items = bench_real.pairs(SHARED / "corpus" / "real", "all") if (SHARED / "corpus" / "real").is_dir() else []
    new_items = [item for item in real_items if item[0].stem not in bench_real.seen_ids()]
    fixtures = _fixture_items()
    real_docs = [read(str(t)) for t, _ in real_items]
    fix_docs = [read(str(s)) for s, _ in fixtures]
    _analysed(real_docs[:3] + fix_docs[:3], rounds=1)  # warm every rule and the dictionary
    real_runs, fix_runs = _analysed(real_docs), _analysed(fix_docs)
    rows, plain_real, plain_fix = [], [], []
    for label, names in CONFIGS:
        reports_r, ms_r = real_runs[label]
        reports_f, ms_f = fix_runs[label]
        with config.using(*names):
            figs = bench_real.run(real_items, verbose=False) if real_items else {}
            new = bench_real.run(new_items, verbose=False) if new_items else {}
        dumps_r, dumps_f = [_dump(r) for r in reports_r], [_dump(r) for r in reports_f]
        if not names:
            plain_real, plain_fix = dumps_r, dumps_f
        unit_ok = facts_ok = 0
        for report, (_, gold) in zip(reports_f, fixtures, strict=True):
            unit_ok += _same(report.report.unit, gold.get("unit"))
            got = summary(report)
            facts_ok += sum(_same(got[n], (gold.get("facts") or {}).get(n)) for n in FACT_NAMES)
        rows.append(
            {
                "config": label,
                "real_reports": len(real_docs),
                "fixtures": len(fix_docs),
                "real_unit": figs.get("unit"),
                "real_facts_p": figs.get("facts_precision"),
                "real_facts_right": f"{figs.get('facts_right')}/{figs.get('facts_asserted')}",
                "real_facts_r": figs.get("facts_recall"),
                "new_unit": new.get("unit"),
                "new_facts": f"{new.get('facts_precision', 0):.3f} "
                f"({new.get('facts_right')}/{new.get('facts_asserted')})",
                "real_money_f1": figs.get("money_f1"),
                "real_changed": sum(a != b for a, b in zip(dumps_r, plain_real, strict=True)),
                "real_ms": ms_r,
                "fix_unit": f"{unit_ok}/{len(fixtures)}",
                "fix_facts": f"{facts_ok}/{len(fixtures) * len(FACT_NAMES)}",
                "fix_changed": sum(a != b for a, b in zip(dumps_f, plain_fix, strict=True)),
                "fix_ms": ms_f,
            }
        )
    return rows


def show_ablation(rows: list[dict[str, Any]]) -> None:
    print(f"== ablation: {rows[0]['real_reports']} real reports, {rows[0]['fixtures']} generated")
    print(
        "| components | real (68): unit | facts P | facts R | money F1 | new 36: unit | facts P "
        "| JSON changed | ms/report "
        "| generated: unit | facts slots | JSON changed | ms/report |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['config']} | {r['real_unit']:.3f} | {r['real_facts_p']:.3f} ({r['real_facts_right']}) "
            f"| {r['real_facts_r']:.3f} | {r['real_money_f1']:.3f} | {r['new_unit']:.3f} | {r['new_facts']} "
            f"| {r['real_changed']} | {r['real_ms']:.1f} "
            f"| {r['fix_unit']} | {r['fix_facts']} | {r['fix_changed']} | {r['fix_ms']:.1f} |"
        )


# ---------------------------------------------------------------- start-up


def _run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process (RSS from GNU time where it is installed: the
    rusage of a forked child also counts the parent's pages it started with)."""
    gnu_time = Path("/usr/bin/time")
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        full = [str(gnu_time), "-f", "%M", "-o", rss.name, *cmd] if gnu_time.exists() else cmd
        t = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed")
        kb = float(rss.read().split()[-1]) if gnu_time.exists() else usage.ru_maxrss
    return wall, kb / 1024


def startup(runs: int, before: Path | None) -> dict[str, tuple[float, float]]:
    py = sys.executable
    cli = [py, "-m", "docparse"]
    cases: dict[str, tuple[list[str], dict[str, str] | None, Path]] = {
        "docparse parse (sample)": ([*cli, "parse", str(SAMPLE)], None, ROOT),
        "docparse --version": ([*cli, "--version"], None, ROOT),
        "docparse schema": ([*cli, "schema"], None, ROOT),
        "python -c pass": ([py, "-c", "pass"], None, ROOT),
        "import spacy": ([py, "-c", "import spacy"], None, ROOT),
        "import jieba; jieba.initialize()": (
            [py, "-c", "import jieba; jieba.setLogLevel(30); jieba.initialize()"],
            None,
            ROOT,
        ),
    }
    if before is not None:  # that tree's package first on the path (and as the working directory)
        env = dict(os.environ, PYTHONPATH=str(before.resolve()))
        cases["docparse parse (sample), --before tree"] = ([*cli, "parse", str(SAMPLE)], env, before.resolve())
    got: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for _ in range(runs):  # interleaved, so that load on the machine falls on every case alike
        for name, (cmd, env, cwd) in cases.items():
            got[name].append(_run(cmd, env, cwd))
    return {k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v)) for k, v in got.items()}


_SECOND = """
import statistics, sys, time
import docparse
docparse.parse(sys.argv[1])
times = []
for _ in range(20):
    t = time.perf_counter()
    docparse.parse(sys.argv[2])
    times.append(time.perf_counter() - t)
print(1000 * statistics.median(times))
"""


def second_document(before: Path | None = None) -> float:
    """Milliseconds to parse a second two-page report in the same process after the sample (median of 20),
    in a fresh process of this tree or of ``before``."""
    env = None if before is None else dict(os.environ, PYTHONPATH=str(before.resolve()))
    out = subprocess.run(
        [sys.executable, "-c", _SECOND, str(SAMPLE), str(SECOND)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT if before is None else before.resolve(),
    )
    return float(out.stdout.split()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before", type=Path, help="an earlier tree to time the cold parse of, same run")
    ap.add_argument("--skip-startup", action="store_true")
    ap.add_argument("--skip-ablation", action="store_true")
    args = ap.parse_args()
    if not args.skip_startup:
        figs = startup(args.runs, args.before)
        print(f"== start-up, median of {args.runs} cold processes (same run)")
        for name, (wall, rss) in figs.items():
            print(f"  {name:42s} {wall:6.2f} s  {rss:6.0f} MB")
        print(
            f"  second two-page report in the same process: {second_document():.1f} ms "
            f"({SECOND.name}, {SECOND.stat().st_size} bytes)"
        )
        if args.before is not None:
            print(f"  … the same with the --before tree: {second_document(args.before):.1f} ms")
    if not args.skip_ablation:
        show_ablation(ablation())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
