"""Every figure of the unseen-reports table, for a set of real reports with spec §5 gold.

    python benchmarks/bench_real.py [--set new|seen|all] [--folder DIR] [--verbose]

``--set`` picks reports of ``../shared/corpus/real`` by id: ``seen`` are the 32 listed in
``benchmarks/real_seen.txt`` (the reports docparse's rules were developed on), ``new`` are the
others (added later: measure them blind before changing a rule for them). ``--folder`` scores any
folder with ``texts/`` and ``gold/`` instead (e.g. ``corpus/heldout``).

Prints heading F1, canonical accuracy of top-level headings, report type, unit, money and percent
F1, facts precision (right among the facts docparse asserts) and recall (recovered among the facts
the gold states), consistent reports (all gold sums hold) with a false ``fail``, and reports with a
real inconsistency (a gold sum with ``holds: false``) whose stated total or rate is among a failing
check's evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import docparse  # noqa: E402
from benchmarks.scoring import Tally, score  # noqa: E402
from benchmarks.scoring_numbers import f1, score_file  # noqa: E402
from docparse.extract.facts import summary  # noqa: E402
from docparse.model.report import FACT_NAMES  # noqa: E402


def same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except InvalidOperation:
        return "".join(str(a).split()) == "".join(str(b).split())


def seen_ids() -> set[str]:
    lines = (ROOT / "benchmarks" / "real_seen.txt").read_text(encoding="utf-8").split()
    return {w for w in lines if w.isdigit()}


def pairs(folder: Path, which: str) -> list[tuple[Path, Path]]:
    seen = seen_ids()
    out = []
    for text in sorted((folder / "texts").glob("*.txt")):
        gold = folder / "gold" / f"{text.stem}.json"
        if not gold.is_file():
            continue
        if which == "all" or (which == "seen") == (text.stem in seen):
            out.append((text, gold))
    return out


def evidence_values(check: Any) -> set[Decimal]:
    out = set()
    for e in check.evidence:
        try:
            out.add(Decimal(str(e.get("value"))))
        except (ArithmeticError, TypeError):
            continue
    return out


def run(items: list[tuple[Path, Path]], verbose: bool) -> dict[str, Any]:
    structure = Tally()
    mentions = {"money": [0, 0, 0], "percent": [0, 0, 0]}
    asserted = right = stated = recovered = 0
    consistent = alarmed = inconsistent = flagged = 0
    notes: list[str] = []
    for text_path, gold_path in items:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8-sig")
        name = text_path.stem
        report = docparse.parse(text_path)
        score(report, gold, structure, name)
        for kind, (tp, n_gold, n_pred, g_spans, p_list, matched) in score_file(text, gold).items():
            if kind in mentions:
                for i, v in enumerate((tp, n_gold, n_pred)):
                    mentions[kind][i] += v
                if verbose:
                    got_g, got_p = {i for i, _ in matched}, {j for _, j in matched}
                    notes += [f"{name}: missed {kind} {g['text']!r}" for i, g in enumerate(g_spans) if i not in got_g]
                    notes += [f"{name}: extra {kind} {p['text']!r} = {p['value']}"
                              for j, p in enumerate(p_list) if j not in got_p]
        got = summary(report)
        facts = gold.get("facts") or {}
        for fact in FACT_NAMES:
            want, have = facts.get(fact), got[fact]
            if have is not None:
                asserted += 1
                right += same(have, want)
                if not same(have, want):
                    notes.append(f"{name}: fact {fact} = {have}, gold {want}")
            if want is not None:
                stated += 1
                recovered += same(have, want)
                if have is None:
                    notes.append(f"{name}: fact {fact} missed (gold {want})")
        sums = gold.get("sum_checks") or []
        bad = [s for s in sums if s.get("holds") is False and not s.get("holds_rounded")]
        failing = [c for c in report.checks if c.status == "fail"]
        if sums and not bad:
            consistent += 1
            alarmed += bool(failing)
            notes += [f"{name}: false fail {c.id}: {c.message}" for c in failing]
        if bad:
            inconsistent += 1
            keys = {Decimal(str(s.get("total") or s.get("rate"))) for s in bad}
            hit = any(keys & evidence_values(c) for c in failing)
            flagged += hit
            if not hit:
                notes.append(f"{name}: real inconsistency not flagged ({', '.join(map(str, sorted(keys)))})")
    figs = structure.figures()
    return {
        "reports": len(items),
        "heading_f1": figs["heading_f1"], "canonical": figs["canonical_accuracy"],
        "report_type": figs.get("report_type", 0.0), "unit": figs.get("unit", 0.0),
        "money_f1": f1(*mentions["money"])[2], "percent_f1": f1(*mentions["percent"])[2],
        "facts_precision": right / asserted if asserted else 1.0, "facts_asserted": asserted, "facts_right": right,
        "facts_recall": recovered / stated if stated else 1.0, "facts_stated": stated, "facts_recovered": recovered,
        "consistent": consistent, "false_fail": alarmed, "inconsistent": inconsistent, "flagged": flagged,
        "misses": structure.misses + notes,
    }


def show(label: str, r: dict[str, Any], verbose: bool) -> None:
    print(f"{label}: {r['reports']} reports")
    print(f"  heading F1 {r['heading_f1']:.3f}   canonical {r['canonical']:.3f}   report type {r['report_type']:.3f}"
          f"   unit {r['unit']:.3f}")
    print(f"  money F1 {r['money_f1']:.3f}   percent F1 {r['percent_f1']:.3f}")
    print(f"  facts precision {r['facts_precision']:.3f} ({r['facts_right']}/{r['facts_asserted']})"
          f"   recall {r['facts_recall']:.3f} ({r['facts_recovered']}/{r['facts_stated']})")
    print(f"  consistent reports with a false fail: {r['false_fail']} of {r['consistent']}"
          f"   real inconsistencies flagged: {r['flagged']} of {r['inconsistent']}")
    if verbose:
        for m in r["misses"]:
            print("    -", m)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=("new", "seen", "all"), default=None,
                    help="reports of ../shared/corpus/real by id (default: new and seen, one after the other)")
    ap.add_argument("--folder", type=Path, help="a folder with texts/ and gold/ instead of the shared corpus")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    if args.folder:
        show(str(args.folder), run(pairs(args.folder, "all"), args.verbose), args.verbose)
        return 0
    real = SHARED / "corpus" / "real"
    if not real.is_dir():
        print("../shared/corpus/real not present")
        return 0
    for which in [args.set] if args.set else ["new", "seen"]:
        show(f"shared real corpus, {which}", run(pairs(real, which), args.verbose), args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
