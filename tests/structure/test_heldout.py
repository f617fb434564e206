"""The held-out openings (corpus/heldout): habits of provinces and offices the shared corpus does not
show, each with its own gold; and the annotated sources agree with the built texts and gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import docparse
from benchmarks.scoring import Tally, score
from corpus.heldout.build import build_one

HELDOUT = Path(__file__).resolve().parents[2] / "corpus" / "heldout"
ANNOTATED = sorted((HELDOUT / "annotated").glob("*.txt"))


def test_heldout_is_built_from_its_annotations() -> None:
    assert len(ANNOTATED) >= 25
    for path in ANNOTATED:
        text, gold = build_one(path)
        assert (HELDOUT / "texts" / path.name).read_text(encoding="utf-8") == text, path.name
        assert json.loads((HELDOUT / "gold" / (path.stem + ".json")).read_text(encoding="utf-8")) == gold


def test_heldout_meets_the_bar() -> None:
    tally = Tally()
    for path in ANNOTATED:
        gold = json.loads((HELDOUT / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
        score(docparse.parse(HELDOUT / "texts" / path.name), gold, tally, path.name)
    f = tally.figures()
    detail = "\n".join(tally.misses)
    assert tally.tp >= 300
    assert f["heading_f1"] >= 0.95, detail
    assert f["level_accuracy"] >= 0.95, detail
    assert f["canonical_accuracy"] >= 0.95, detail
    assert f["report_type"] >= 0.90, detail
    assert f["fiscal_year"] >= 0.95, detail
    assert f["unit"] >= 0.90, detail
    assert f["title"] >= 0.90, detail


@pytest.mark.parametrize("name", [p.name for p in ANNOTATED])
def test_heldout_top_level_outline(name: str) -> None:
    """Every opening's top-level headings and their canonical keys, in order."""
    gold = json.loads((HELDOUT / "gold" / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
    report = docparse.parse(HELDOUT / "texts" / name)
    want = [(h["text"].rstrip("。：:"), h["canonical"]) for h in gold["headings"]
            if h["level"] == 1 and not h.get("ambiguous")]
    got = [(s.heading.replace("\n", "").rstrip("。：:"), s.canonical) for s in report.sections
           if s.level == 1]
    assert got == want


def test_heldout_word_and_pdf_versions_match_their_gold() -> None:
    files = sorted((HELDOUT / "files").glob("*"))
    assert {p.suffix for p in files} == {".docx", ".pdf"}
    tally = Tally()
    for path in files:
        gold = json.loads((HELDOUT / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
        score(docparse.parse(path), gold, tally, path.name)
    f = tally.figures()
    detail = "\n".join(tally.misses)
    assert f["heading_f1"] >= 0.95 and f["level_accuracy"] >= 0.95, detail
    assert f["canonical_accuracy"] >= 0.95 and f["title"] >= 0.90 and f["unit"] >= 0.90, detail
