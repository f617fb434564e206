"""The quality bar on real and generated reports (figures printed by benchmarks/bench_structure.py)."""

from __future__ import annotations

import json
from pathlib import Path

import docparse
from benchmarks.scoring import Tally, score


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


def test_real_corpus_meets_the_bar(shared_dir: Path) -> None:
    texts = sorted((shared_dir / "corpus" / "real" / "texts").glob("*.txt"))
    pairs = [(t, shared_dir / "corpus" / "real" / "gold" / (t.name[:3] + ".json")) for t in texts]
    pairs = [(t, g) for t, g in pairs if g.is_file()]
    assert len(pairs) >= 20
    _assert_bar(_tally(pairs))


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
