"""Checks benchmark: injected faults flagged, false alarms, the real corpus's stated arithmetic, the seed.

Usage: python benchmarks/bench_checks.py [--count N] [--formats txt,docx,pdf] [--seed S] [--faults F]
                                          [--no-generate] [--folder DIR] [--keep DIR] [--verbose]

- Generated reports (``corpus/fixtures`` plus ``--count`` fresh ones from ``corpus.generate``): a gold
  check with status ``fail`` (an altered item, total, rate or score) is *flagged* when docparse reports
  a ``fail`` under that id; a report with no content fault must carry no ``fail`` at all.
- ``../shared/corpus/real`` gold ``sum_checks``: each one with ``holds: false`` is flagged when a
  ``fail`` has the stated total (or rate) among its evidence; reports whose sum checks all hold must
  carry no ``fail``.
- ``../shared/seed``: the 11-item fund sum and the 111-window enumeration must ``pass``.
- Speed: the checks stage against the whole analysis of the same documents (same run).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docparse.errors import DocparseError  # noqa: E402
from docparse.model import Report, SourceInfo  # noqa: E402
from docparse.pipeline import Analysis, stages  # noqa: E402
from docparse.readers import read  # noqa: E402

SHARED = ROOT.parent / "shared"
CONTENT_FAULTS = {"altered_item", "altered_total", "altered_rate", "altered_score"}
CHECK_STAGE = "docparse.checks:run"


def analyse_timed(path: Path) -> tuple[Report, float, float]:
    """The report of ``path`` and the seconds spent in all stages and in the checks stage."""
    document = read(path)
    source = SourceInfo(path=document.path, format=document.format, sha256=document.sha256,
                        pages=document.pages, converted_from=document.converted_from)
    analysis = Analysis(document=document, report=Report(source=source))
    total = checks = 0.0
    for run in stages():
        start = time.perf_counter()
        run(analysis)
        spent = time.perf_counter() - start
        total += spent
        if run.stage_info.name == CHECK_STAGE:
            checks += spent
    return analysis.report, total, checks


class Timer:
    def __init__(self) -> None:
        self.total = self.checks = 0.0
        self.reports = 0

    def add(self, total: float, checks: float) -> None:
        self.total += total
        self.checks += checks
        self.reports += 1


def fails(report: Report) -> list[Any]:
    return [c for c in report.checks if c.status == "fail"]


# -- generated ------------------------------------------------------------------------------------
def generated(folder: Path, timer: Timer, verbose: bool) -> dict[str, Any]:
    injected = flagged = consistent = alarmed = 0
    by_check: dict[str, Counter] = {}
    missed: list[str] = []
    alarms: list[str] = []
    silent: list[str] = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        fault = (gold.get("fault") or {}).get("kind")
        if fault and fault not in CONTENT_FAULTS:
            continue
        files = [p for p in folder.glob(gold_path.name.replace(".gold.json", ".*")) if p != gold_path]
        if not files:
            continue
        try:
            report, total, spent = analyse_timed(files[0])
        except DocparseError as exc:
            print(f"  unreadable {files[0].name}: {exc.line()}", file=sys.stderr)
            continue
        timer.add(total, spent)
        got: dict[str, set[str]] = {}
        for c in report.checks:
            got.setdefault(c.id, set()).add(c.status)
        for want in gold.get("checks") or []:
            if want.get("status") is None:
                continue
            statuses = got.get(want["id"], set())
            outcome = ("fail" if "fail" in statuses else "pass" if "pass" in statuses
                       else "unknown" if "unknown" in statuses else "none")
            by_check.setdefault(want["id"], Counter())[f"{want['status']}→{outcome}"] += 1
            if outcome in ("none", "unknown") and want["id"] != "consistency.repeated_figure":
                silent.append(f"{files[0].name} {want['id']} → {outcome}")
            if want["status"] == "fail":
                injected += 1
                if "fail" in statuses:
                    flagged += 1
                else:
                    missed.append(f"{files[0].name} {want['id']} ({fault})")
        if not fault:
            consistent += 1
            if fails(report):
                alarmed += 1
                alarms.extend(f"{files[0].name} {c.id}: {c.message}" for c in fails(report))
    if verbose:
        for line in missed:
            print(f"  missed  {line}")
        for line in alarms:
            print(f"  alarm   {line}")
        for line in silent:
            print(f"  silent  {line}")
    return {"injected": injected, "flagged": flagged, "consistent": consistent, "alarmed": alarmed,
            "by_check": by_check}


# -- real -----------------------------------------------------------------------------------------
def _evidence_values(result: Any) -> set[Decimal]:
    out = set()
    for e in result.evidence:
        try:
            out.add(Decimal(str(e.get("value"))))
        except ArithmeticError:
            continue
    return out


def real(timer: Timer, verbose: bool) -> dict[str, Any]:
    folder = SHARED / "corpus" / "real"
    false_sums = flagged = clean_reports = clean_alarmed = other_alarmed = others = 0
    for gold_path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = folder / "texts" / f"{gold_path.stem}.txt"
        if not text.exists():
            continue
        report, total, spent = analyse_timed(text)
        timer.add(total, spent)
        sums = gold.get("sum_checks") or []
        bad = [s for s in sums if s.get("holds") is False and not s.get("holds_rounded")]
        failing = fails(report)
        for s in bad:
            false_sums += 1
            key = Decimal(s.get("total") or s.get("rate"))
            hit = any(key in _evidence_values(c) for c in failing)
            flagged += hit
            if verbose:
                print(f"  {gold_path.stem}: holds:false {s['kind']} {key}: {'flagged' if hit else 'MISSED'}")
        if sums and not bad:
            clean_reports += 1
            clean_alarmed += bool(failing)
        elif not sums:
            others += 1
            other_alarmed += bool(failing)
        if verbose:
            for c in failing:
                print(f"  {gold_path.stem}: fail {c.id}: {c.message}")
    return {"false_sums": false_sums, "flagged": flagged, "clean_reports": clean_reports,
            "clean_alarmed": clean_alarmed, "others": others, "other_alarmed": other_alarmed}


# -- seed -----------------------------------------------------------------------------------------
def seed(timer: Timer) -> dict[str, str]:
    path = next((SHARED / "seed").glob("*.txt"))
    report, total, spent = analyse_timed(path)
    timer.add(total, spent)
    fund = [c for c in report.checks if c.id == "sum.fund_items"
            and sum(1 for e in c.evidence if e["role"] == "item") == 11]
    windows = [c for c in report.checks if c.id == "sum.counts" and c.expected == "111"]
    return {"11-item fund sum": ",".join(c.status for c in fund) or "none",
            "111-window enumeration": ",".join(c.status for c in windows) or "none"}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=60, help="fresh generated reports (beside the fixtures)")
    ap.add_argument("--formats", default="txt,docx", help="formats of the fresh reports")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--faults", type=float, default=0.6, help="share of fresh reports with a fault")
    ap.add_argument("--no-generate", action="store_true", help="only the committed fixtures")
    ap.add_argument("--folder", type=Path, help="also evaluate reports generated earlier into this folder")
    ap.add_argument("--keep", type=Path, help="write the fresh reports here (kept) instead of a temporary folder")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    timer = Timer()

    print("== generated reports")
    folders = [ROOT / "corpus" / "fixtures"]
    tmp = None
    if not args.no_generate and args.count > 0:
        from corpus.generate import produce
        from corpus.generate.fixtures import random_specs

        if args.keep is None:
            tmp = tempfile.TemporaryDirectory(prefix="bench-checks-")
        out_dir = args.keep or Path(tmp.name)  # type: ignore[union-attr]
        start = time.perf_counter()
        produce(random_specs(args.count, args.seed, args.formats.split(","), args.faults), out_dir)
        print(f"  generated {args.count} reports ({args.formats}) in {time.perf_counter() - start:.1f}s")
        folders.append(out_dir)
    if args.folder is not None:
        folders.append(args.folder)
    totals: Counter = Counter()
    by_check: dict[str, Counter] = {}
    for folder in folders:
        out = generated(folder, timer, args.verbose)
        for k in ("injected", "flagged", "consistent", "alarmed"):
            totals[k] += out[k]
        for cid, counter in out["by_check"].items():
            by_check.setdefault(cid, Counter()).update(counter)
    print(f"  injected faults flagged: {totals['flagged']}/{totals['injected']} = "
          f"{pct(totals['flagged'], totals['injected'])}   (bar ≥ 99%)")
    print(f"  consistent reports with any fail: {totals['alarmed']}/{totals['consistent']} = "
          f"{pct(totals['alarmed'], totals['consistent'])}   (bar ≤ 1%)")
    print("  gold status → docparse outcome, per check:")
    for cid in sorted(by_check):
        print(f"    {cid:34s} " + "  ".join(f"{k} {v}" for k, v in sorted(by_check[cid].items())))
    if tmp is not None:
        tmp.cleanup()

    if (SHARED / "corpus" / "real" / "gold").is_dir():
        print("== ../shared/corpus/real")
        out = real(timer, args.verbose)
        print(f"  holds:false sums flagged: {out['flagged']}/{out['false_sums']} = "
              f"{pct(out['flagged'], out['false_sums'])}   (bar 100%)")
        print(f"  reports whose sums all hold, with any fail: {out['clean_alarmed']}/{out['clean_reports']}"
              "   (bar 0)")
        print(f"  reports without stated sums, with any fail: {out['other_alarmed']}/{out['others']}")
        print("== ../shared/seed")
        for name, status in seed(timer).items():
            print(f"  {name}: {status}   (bar pass)")
    else:
        print("../shared is absent: real corpus and seed skipped")

    print("== speed")
    print(f"  {timer.reports} reports: analysis {timer.total:.2f}s, checks stage {timer.checks * 1000:.1f}ms "
          f"= {pct(int(timer.checks * 1e6), int(timer.total * 1e6))} of the analysis, "
          f"{timer.checks * 1000 / max(timer.reports, 1):.2f}ms per report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
