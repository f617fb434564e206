"""The quality bar on real and generated reports (figures printed by benchmarks/bench_structure.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docparse
from benchmarks.scoring import Tally, score

SEEN = Path(__file__).resolve().parents[2] / "benchmarks" / "real_seen.txt"


def _tally(pairs: list[tuple[Path, Path]]) -> Tally:
    tally = Tally()
    for doc, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        fault = (gold.get("fault") or {}).get("kind")
        if fault in {"no_text_layer", "encrypted", "corrupt"}:
            continue
        try:
            report = docparse.parse(doc)
        except docparse.DocparseError:
            if fault:  # a damaged file may be refused; that is the reader's call
                continue
            raise
        score(report, gold, tally, doc.name)
    return tally


def _assert_bar(tally: Tally) -> None:
    f = tally.figures()
    detail = "\n".join(tally.misses)
    assert f["heading_f1"] >= 0.95, detail
    assert f["level_accuracy"] >= 0.95, detail
    assert f["canonical_accuracy"] >= 0.95, detail
    assert f["report_type"] >= 0.90, detail
    assert f["fiscal_year"] >= 0.95, detail
    assert f["unit"] >= 0.90, detail


def _real_pairs(shared_dir: Path, *, seen: bool) -> list[tuple[Path, Path]]:
    """The shared real reports docparse was developed on (benchmarks/real_seen.txt), or the others."""
    ids = set(re.findall(r"\b\d{3}\b", " ".join(
        line for line in SEEN.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))))
    texts = sorted((shared_dir / "corpus" / "real" / "texts").glob("*.txt"))
    pairs = [(t, shared_dir / "corpus" / "real" / "gold" / (t.name[:3] + ".json")) for t in texts]
    return [(t, g) for t, g in pairs if g.is_file() and (t.name[:3] in ids) == seen]


def test_seen_real_reports_meet_the_bar(shared_dir: Path) -> None:
    pairs = _real_pairs(shared_dir, seen=True)
    assert len(pairs) >= 30
    tally = _tally(pairs)
    _assert_bar(tally)
    f = tally.figures()
    for name, floor in SEEN_FLOORS.items():
        assert f[name] >= floor, f"{name} {f[name]:.3f} < {floor}\n" + "\n".join(tally.misses)


# Measured on the 36 reports added later (benchmarks/bench_real.py --set new): blind, before any rule
# was changed for them, heading F1 0.838, canonical 0.947, report type 0.861, unit 0.583; the floors
# are the figures reached after the work (issue 13), so that no later change drops below them.
NEW_FLOORS = {"heading_f1": 0.992, "level_accuracy": 1.0, "canonical_accuracy": 0.981, "report_type": 1.0,
              "unit": 0.972, "fiscal_year": 1.0, "title": 1.0}
# the seen reports' figures before issue 13 (heading F1 0.996, canonical 1.000, type 0.969, unit 1.000)
SEEN_FLOORS = {"heading_f1": 0.996, "canonical_accuracy": 1.0, "report_type": 0.968, "unit": 1.0}


def test_new_real_reports_keep_the_figures_reached(shared_dir: Path) -> None:
    pairs = _real_pairs(shared_dir, seen=False)
    assert len(pairs) >= 36
    tally = _tally(pairs)
    f = tally.figures()
    detail = "\n".join(tally.misses)
    for name, floor in NEW_FLOORS.items():
        assert f[name] >= floor, f"{name} {f[name]:.3f} < {floor}\n{detail}"


def test_seed_headings_exact(shared_dir: Path) -> None:
    for text in sorted((shared_dir / "seed").glob("*.txt")):
        gold = json.loads(text.with_name(text.stem + ".gold.json").read_text(encoding="utf-8"))
        report = docparse.parse(text)
        got = [(s.heading, s.level) for s in report.all_sections()]
        assert got == [(h["text"], h["level"]) for h in gold["headings"]]
        top = [s.canonical for s in report.sections]
        assert top == [h["canonical"] for h in gold["headings"] if h["level"] == 1]
        assert top == ["basic_info", "goals", "funds", "implementation", "performance", "conclusion", "other"]
        meta = report.report
        assert (meta.type, meta.fiscal_year, meta.unit) == (gold["report_type"], gold["fiscal_year"], gold["unit"])


def test_generated_corpus_meets_the_bar(corpus_dir: Path) -> None:
    pairs = []
    for gold in sorted((corpus_dir / "fixtures").glob("*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        stem = gold.name[: -len(".gold.json")]
        docs = [p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".json")]
        if docs and data.get("headings"):
            pairs.append((docs[0], gold))
    assert len(pairs) >= 10, "corpus/fixtures should hold generated reports with headings"
    _assert_bar(_tally(pairs))
