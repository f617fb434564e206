"""The mention stage end to end: the spaCy component's spans, ``docparse parse`` on every format,
and the quality bar on the shared real corpus and the generated fixtures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import docparse
from benchmarks.scoring_numbers import f1, match, score_file
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]


def test_component_puts_spans_with_figures_on_the_doc() -> None:
    from docparse.nlp.pipeline import build_nlp

    nlp = build_nlp()
    assert "docparse_mentions" in nlp.pipe_names
    doc = nlp("年初预算99万元，执行率98.5%，新建三个站点。")
    spans = doc.spans["mentions"]
    assert [s.label_ for s in spans] == ["money", "percent", "count"]
    figures = [s._.figure for s in spans]
    assert [doc.text[f.start:f.end] for f in figures] == ["99万元", "98.5%", "三个"]
    assert all(s.start_char <= f.start and f.end <= s.end_char for s, f in zip(spans, figures, strict=True))


def test_parse_text_fills_mentions_in_document_order() -> None:
    report = docparse.parse_text("一、基本情况\n下达资金50万元。\n二、绩效\n执行率100%，办件1200件。")
    got = [(m.kind, m.text, m.provenance.line) for m in report.mentions]
    assert got == [("money", "50万元", 2), ("percent", "100%", 4), ("count", "1200件", 4)]
    data = report.to_dict()["mentions"][0]
    assert data["value"] == "500000.00" and data["unit"] == "万元" and data["provenance"]["block"] == 1


def test_cli_output_carries_mentions(tmp_path: Path) -> None:
    sample = tmp_path / "r.txt"
    sample.write_text("项目资金（万元） 年初预算数 120 全年执行数 118.6 执行率 98.83% 得分 9.9\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "docparse", "parse", str(sample)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    mentions = json.loads(out.stdout)["mentions"]
    assert [(m["text"], m["value"], m["unit_from"]) for m in mentions] == [
        ("120", "1200000.00", "万元"), ("118.6", "1186000.00", "万元"), ("98.83%", "98.83", None)]


def _fixture_sources() -> list[Path]:
    out = []
    for gold in sorted((CORPUS / "fixtures").glob("*.gold.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        if data.get("fault") or not data.get("money"):
            continue
        stem = gold.name.removesuffix(".gold.json")
        out += [p for p in gold.parent.glob(stem + ".*") if p.suffix in (".txt", ".docx", ".pdf")]
    return out


@pytest.mark.parametrize("source", _fixture_sources()[::3], ids=lambda p: p.name)
def test_generated_reports_amounts_and_rates(source: Path) -> None:
    gold = json.loads(source.with_name(source.stem + ".gold.json").read_text(encoding="utf-8"))
    mentions = [m.to_dict() for m in docparse.parse(source).mentions]
    for kind, gold_list, kinds in (("money", gold["money"], ("money",)),
                                   ("percent", gold.get("percents", []), ("percent", "ratio_points"))):
        g = [{**x, "kind": x.get("kind", kind), "start": 0, "end": 1} for x in gold_list]
        p = [{**m, "start": 0, "end": 1} for m in mentions if m["kind"] in kinds]
        assert len(match(g, p)) == len(g) == len(p), kind


def _real_totals(shared_dir: Path, which: str) -> dict[str, list[int]]:
    """tp, gold and predicted counts per kind over the shared real reports of one set (``seen`` also
    takes the seed): ``seen`` are the ids of benchmarks/real_seen.txt, ``new`` the others."""
    seen = {w for w in (ROOT / "benchmarks" / "real_seen.txt").read_text(encoding="utf-8").split() if w.isdigit()}
    pairs = [(shared_dir / "corpus" / "real" / "texts" / f"{g.stem}.txt", g)
             for g in sorted((shared_dir / "corpus" / "real" / "gold").glob("*.json"))
             if (g.stem in seen) == (which == "seen")]
    if which == "seen":
        pairs += [(g.with_name(g.name.replace(".gold.json", ".txt")), g)
                  for g in sorted((shared_dir / "seed").glob("*.gold.json"))]
    totals = {"money": [0, 0, 0], "percent": [0, 0, 0], "count": [0, 0, 0]}
    for text_path, gold_path in pairs:
        text = text_path.read_text(encoding="utf-8-sig")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for kind, (tp, n_gold, n_pred, *_) in score_file(text, gold).items():
            for i, v in enumerate((tp, n_gold, n_pred)):
                totals[kind][i] += v
    return totals


def test_shared_real_corpus_quality_bar(shared_dir: Path) -> None:
    """The 32 reports the rules were developed on (and the seed) stay exact."""
    totals = _real_totals(shared_dir, "seen")
    assert totals["money"][1] > 100 and totals["percent"][1] > 20
    assert f1(*totals["money"])[2] == 1.0
    assert f1(*totals["percent"])[2] == 1.0
    assert f1(*totals["count"])[2] == 1.0  # the seed's counts


def test_shared_new_reports_quality_floor(shared_dir: Path) -> None:
    """The 36 reports added later (blind: money 0.983, percent 0.857) hold the figures reached after
    generalising the rules (0.995 / 0.988; what is left are table cells: two money cells missed, one
    formula's 100% in a header)."""
    totals = _real_totals(shared_dir, "new")
    assert totals["money"][1] > 100 and totals["percent"][1] > 20
    assert f1(*totals["money"])[2] >= 0.995
    assert f1(*totals["percent"])[2] >= 0.988
