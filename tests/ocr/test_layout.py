"""Reading order of two columns, and figures OCR read with low confidence in the checks."""

from __future__ import annotations

import copy
import json

from rapidfuzz.distance import Levenshtein

from corpus.generate.scans import scan, two_column_pdf
from docparse.model import table_text
from docparse.pipeline import analyse
from docparse.readers.common import cell_offsets
from tests.ocr.conftest import FIXTURES, read


def test_two_column_page_is_read_column_after_column(tmp_path):
    gold = json.loads((FIXTURES / "r01-pdf-project-reportlab.gold.json").read_text(encoding="utf-8"))
    paragraphs = [p for p in gold["paragraphs"] if 40 <= len(p) <= 120][:6]
    assert len(paragraphs) == 6
    source = two_column_pdf(tmp_path / "two.pdf", "分栏排版的绩效材料", paragraphs)
    doc, _ = read(scan(source, tmp_path / "two-scan.pdf", 200, "clean"), "auto")
    body = [b.text.replace(" ", "") for b in doc.body if b.kind == "paragraph"]
    assert body[0] == "分栏排版的绩效材料"
    assert len(body) == 1 + len(paragraphs), body
    for want, got in zip(paragraphs, body[1:], strict=True):
        assert Levenshtein.normalized_distance(want, got) <= 0.03, (want, got)


def _with_spent_changed(document, confidence: float):
    """The scanned table with its 年度资金总额 全年执行数 cell read as another figure, at ``confidence``."""
    doc = copy.deepcopy(document)
    block = next(b for b in doc.blocks if b.kind == "table" and "年度资金总额" in b.text)
    table = block.table
    grid = table.filled_grid()
    row = next(r for r, cells in enumerate(grid) if "年度资金总额" in cells)
    col = next(c for r in range(row) for c, text in enumerate(grid[r]) if text == "全年执行数")
    cell = next(c for c in table.cells if c.row == row and c.col == col)
    cell.text = "481,200.00"
    block.text = table_text(table)
    cell_offsets(block)
    block.confidence = [(c.provenance.start, c.provenance.end, confidence if c is cell else 0.99) for c in table.cells]
    return doc, cell


def test_a_figure_read_below_the_threshold_never_fails_a_check(table_scan):
    sure, cell = _with_spent_changed(table_scan["doc"], 0.95)
    failed = [c for c in analyse(sure).checks if c.status == "fail"]
    assert failed, "the changed figure makes the table's sums disagree"
    assert all(any(e.get("text") == cell.text for e in c.evidence) for c in failed)
    unsure, _ = _with_spent_changed(table_scan["doc"], 0.42)
    results = {c.id: c for c in analyse(unsure).checks}
    assert not any(c.status == "fail" for c in results.values())
    for c in failed:
        assert results[c.id].status == "unknown" and "OCR" in results[c.id].message
