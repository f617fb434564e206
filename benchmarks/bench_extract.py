"""Quality of the extractors: facts, fund items, the self-evaluation table, indicators, evaluation.

    python benchmarks/bench_extract.py [--generated DIR] [--heldout DIR] [--only PARTS] [--verbose]

Prints figures for these inputs:

- the seed report (../shared/seed): budget, spent, arrival rate and all 11 fund items exact;
- the real corpus (../shared/corpus/real): facts accuracy over every fact slot against the gold, and
  the money rows and indicator rows of every self-evaluation table against the hand-checked
  expectations in ``benchmarks/extract_expectations.json``;
- generated reports with gold (``corpus/fixtures`` or ``--generated DIR``): every table cell value
  recovered into the right money-row / indicator field, facts, fund items and the evaluation;
- held-out excerpts (``corpus/heldout_facts`` or ``--heldout DIR``: ``texts/NAME.txt`` with
  ``gold/NAME.json``), written in phrasings the rules were not fitted to: the same figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import docparse  # noqa: E402
from docparse.errors import DocparseError  # noqa: E402
from docparse.extract.facts import summary  # noqa: E402
from docparse.model.report import FACT_NAMES, Report  # noqa: E402
from docparse.readers import read  # noqa: E402

MONEY_FIELDS = ("budget", "adjusted_budget", "spent", "weight", "rate", "score")
IND_FIELDS = ("level1", "level2", "target", "actual", "weight", "score", "met")
UNREADABLE = {"encrypted", "corrupt", "no_text_layer", "truncated"}  # content missing or cut off


def same(a: Any, b: Any) -> bool:
    """Equal as numbers where both are numbers, else as strings (None only equals None)."""
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except InvalidOperation:
        return "".join(str(a).split()) == "".join(str(b).split())


class Tally:
    def __init__(self) -> None:
        self.ok = 0
        self.total = 0
        self.misses: list[str] = []

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.ok += ok
        if not ok:
            self.misses.append(what)

    def ratio(self) -> str:
        return f"{self.ok}/{self.total} = {self.ok / self.total:.3f}" if self.total else "n/a"


def money_rows(report: Report) -> list[dict[str, Any]]:
    return [r.to_dict() for r in report.money_rows]


def compare_rows(expected: list[dict[str, Any]], got: list[dict[str, Any]], tally: Tally, where: str) -> None:
    for exp in expected:
        row = next((r for r in got if r["name"] == exp["name"]), None)
        for field in MONEY_FIELDS:
            if field in exp:
                tally.add(row is not None and same(row[field], exp[field]),
                          f"{where} {exp['name']}.{field}: want {exp[field]} got {row and row[field]}")


def compare_indicators(expected: list[dict[str, Any]], got: list[dict[str, Any]], tally: Tally, where: str,
                       key: str = "key", text: str | None = None) -> None:
    """Rows matched by name; with ``text`` given, a level the document never writes is not counted."""
    for exp in expected:
        want = "".join(exp.get(key) or exp.get("name", "").split())
        ind = next((i for i in got if want and want in "".join(i["name"].split())), None)
        tally.add(ind is not None, f"{where} row {want}: missing")
        for field in IND_FIELDS:
            if text is not None and field in ("level1", "level2") and exp.get(field) and exp[field] not in text:
                continue
            if field in exp and ind is not None:
                tally.add(same(ind[field], exp[field]),
                          f"{where} {want}.{field}: want {exp[field]} got {ind[field]}")


def seed() -> None:
    path = SHARED / "seed" / "lixian-2020-network-and-hall-funds.txt"
    gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    report = docparse.parse(str(path))
    facts = summary(report)
    print("== seed")
    for name in ("budget", "spent", "arrival_rate", "arrived"):
        print(f"  {name:14} gold {gold['facts'][name]!s:12} got {facts[name]!s:12} "
              f"{'ok' if same(facts[name], gold['facts'][name]) else 'MISS'}")
    items = [(i.group, i.name, i.value) for i in report.fund_items]
    want = [(i["group"], i["name"], Decimal(i["value"])) for i in gold["fund_items"]]
    exact = sum(1 for w in want if w in items)
    print(f"  fund items exact (group, name, amount): {exact}/{len(want)}; items found {len(items)}; "
          f"listings {len(report.fund_listings)}")


def real(verbose: bool) -> None:
    texts = sorted((SHARED / "corpus" / "real" / "texts").glob("*.txt"))
    facts, stated = Tally(), Tally()
    reports: dict[str, Report] = {}
    for path in texts:
        gold = json.loads((path.parent.parent / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        report = docparse.parse(str(path))
        reports[path.stem] = report
        got = summary(report)
        for name in FACT_NAMES:
            want = gold["facts"].get(name)
            facts.add(same(got[name], want), f"{path.stem} {name}: want {want} got {got[name]}")
            if want is not None:
                stated.add(same(got[name], want), f"{path.stem} {name}")
    sums = Tally()
    for path in texts:
        gold = json.loads((path.parent.parent / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        report = reports[path.stem]
        for check in gold.get("sum_checks") or []:
            if check.get("kind") != "money" or len(check.get("items") or []) < 2:
                continue
            if any(same(getattr(r, f), check["total"]) for r in report.money_rows
                   for f in ("budget", "adjusted_budget", "spent")):
                continue  # a 绩效自评表 column sum, checked on the money rows
            want = sorted(Decimal(v) for v in check["items"])
            hit = any(
                sorted(report.fund_items[i].value for i in listing.items) == want
                and any(t is not None and same(t.value, check["total"]) for t in (listing.total, listing.subtotal))
                for listing in report.fund_listings)
            sums.add(hit, f"{path.stem} itemised sum {check['total']}")
    print(f"== real corpus ({len(texts)} files)")
    print(f"  itemised sums of the gold found as a listing (items and total): {sums.ratio()}")
    print(f"  facts accuracy (all slots): {facts.ratio()}")
    print(f"  facts stated in gold, recovered: {stated.ratio()}")
    expect = json.loads((ROOT / "benchmarks" / "extract_expectations.json").read_text(encoding="utf-8"))
    rows, inds = Tally(), Tally()
    for stem, exp in expect["tables"].items():
        if stem not in reports:
            continue
        compare_rows(exp["money_rows"], money_rows(reports[stem]), rows, stem)
        got = [i.to_dict() for i in reports[stem].indicators if i.source == "table"]
        compare_indicators(exp["indicators"], got, inds, stem)
    print(f"  self-evaluation tables: {len(expect['tables'])} with expectations; not recoverable in whole or part: "
          f"{', '.join(expect['not_recoverable'])}")
    print(f"  money-row cells: {rows.ratio()}")
    print(f"  indicator rows and cells: {inds.ratio()}")
    if verbose:
        for miss in facts.misses + sums.misses + rows.misses + inds.misses:
            print("   -", miss)


def generated(folder: Path, verbose: bool) -> None:
    golds = sorted(folder.glob("*.gold.json"))
    cells, facts, items, evals = Tally(), Tally(), Tally(), Tally()
    n = 0
    started = time.perf_counter()
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        fault = (gold.get("fault") or {}).get("kind")
        if fault in UNREADABLE or gold.get("format") not in ("docx", "pdf", "txt", "doc", "wps"):
            continue
        source = gold_path.with_name(gold_path.name.replace(".gold.json", f".{gold['format']}"))
        if not source.exists():
            continue
        try:
            report = docparse.parse(str(source))
        except DocparseError as exc:
            print(f"  {source.name}: {exc}")
            continue
        n += 1
        where = gold["id"]
        compare_rows(gold.get("money_rows") or [], money_rows(report), cells, where)
        got = [i.to_dict() for i in report.indicators]
        text = "\n".join(b.text for b in read(str(source)).blocks)
        compare_indicators(gold.get("indicators") or [], got, cells, where, key="name", text=text)
        got_facts = summary(report)
        for name in FACT_NAMES:
            want = (gold.get("facts") or {}).get(name)
            facts.add(same(got_facts[name], want), f"{where} {name}: want {want} got {got_facts[name]}")
        have = {(i.group, i.name, i.value) for i in report.fund_items}
        for item in gold.get("fund_items") or []:
            items.add((item["group"], item["name"], Decimal(item["value"])) in have, f"{where} item {item['name']}")
        ev = gold.get("evaluation") or {}
        d = report.to_dict()["evaluation"]
        for key in ("score", "grade"):
            got_v = d[key]["value"] if d[key] else None
            evals.add(same(got_v, ev.get(key)), f"{where} evaluation.{key}: want {ev.get(key)} got {got_v}")
    elapsed = time.perf_counter() - started
    print(f"== generated ({n} reports with gold in {folder}, {elapsed:.1f}s)")
    print(f"  money-row and indicator cells into the right field (tables and prose; levels only where the"
          f" document writes them): {cells.ratio()}")
    print(f"  facts accuracy (all slots): {facts.ratio()}")
    print(f"  fund items exact: {items.ratio()}")
    print(f"  evaluation score and grade: {evals.ratio()}")
    if verbose:
        for miss in cells.misses + facts.misses + items.misses + evals.misses:
            print("   -", miss)


def heldout(folder: Path, verbose: bool) -> None:
    """Facts, fund items, money rows, indicators and evaluation of held-out excerpts against their gold."""
    facts, items, rows, inds, evals = Tally(), Tally(), Tally(), Tally(), Tally()
    texts = sorted((folder / "texts").glob("*.txt"))
    for path in texts:
        gold = json.loads((folder / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        report = docparse.parse(str(path))
        where = path.stem
        got = summary(report)
        for name in FACT_NAMES:
            want = gold["facts"].get(name)
            facts.add(same(got[name], want), f"{where} {name}: want {want} got {got[name]}")
        have = {(i.group, i.name, i.value) for i in report.fund_items}
        for item in gold.get("fund_items") or []:
            items.add((item["group"], item["name"], Decimal(item["value"])) in have,
                      f"{where} item {item['group']}/{item['name']}: got {sorted(have, key=str)[:8]}")
        compare_rows(gold.get("money_rows") or [], money_rows(report), rows, where)
        text = path.read_text(encoding="utf-8")
        compare_indicators(gold.get("indicators") or [], [i.to_dict() for i in report.indicators], inds, where,
                           key="name", text=text)
        d = report.to_dict()["evaluation"]
        for key in ("score", "grade"):
            want = (gold.get("evaluation") or {}).get(key)
            got_v = d[key]["value"] if d[key] else None
            evals.add(same(got_v, want), f"{where} evaluation.{key}: want {want} got {got_v}")
    print(f"== held-out excerpts ({len(texts)} in {folder})")
    print(f"  facts accuracy (all slots): {facts.ratio()}")
    print(f"  fund items exact: {items.ratio()}")
    print(f"  money-row cells: {rows.ratio()}")
    print(f"  indicator rows and cells: {inds.ratio()}")
    print(f"  evaluation score and grade: {evals.ratio()}")
    if verbose:
        for miss in facts.misses + items.misses + rows.misses + inds.misses + evals.misses:
            print("   -", miss)


def timing() -> None:
    """Time of the extract stages against the whole pipeline, over the real corpus (same run)."""
    from docparse.model import Report, SourceInfo
    from docparse.pipeline import Analysis, stages

    texts = sorted((SHARED / "corpus" / "real" / "texts").glob("*.txt"))
    names = [run.stage_info.name for run in stages()]
    mine = {s for s in names if s.split(":")[0] in {
        f"docparse.extract.{m}" for m in ("selfeval_table", "funds", "facts", "indicators", "evaluation")}}
    spent = {s: 0.0 for s in names}
    for path in texts:
        document = read(str(path))
        analysis = Analysis(document=document, report=Report(source=SourceInfo(path=None, format="txt")))
        for run in stages():
            t0 = time.perf_counter()
            run(analysis)
            spent[run.stage_info.name] += time.perf_counter() - t0
    total = sum(spent.values())
    ours = sum(v for k, v in spent.items() if k in mine)
    print(f"== time over the real corpus: extract stages {ours * 1000:.0f} ms of {total * 1000:.0f} ms "
          f"for the whole pipeline ({ours / total:.1%}), {ours / len(texts) * 1000:.1f} ms per report")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generated", type=Path, default=ROOT / "corpus" / "fixtures")
    ap.add_argument("--heldout", type=Path, default=ROOT / "corpus" / "heldout_facts")
    ap.add_argument("--only", default="seed,real,timing,generated,heldout",
                    help="comma-separated parts to run (seed, real, timing, generated, heldout)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    parts = set(args.only.split(","))
    if (SHARED / "seed").is_dir():
        if "seed" in parts:
            seed()
        if "real" in parts:
            real(args.verbose)
        if "timing" in parts:
            timing()
    else:
        print("../shared not present: seed and real-corpus figures skipped")
    if "generated" in parts:
        generated(args.generated, args.verbose)
    if "heldout" in parts and (args.heldout / "texts").is_dir():
        heldout(args.heldout, args.verbose)


if __name__ == "__main__":
    main()
