"""Units declared once govern bare numbers: table grids, flattened tables, fused cells."""

from __future__ import annotations

from decimal import Decimal

from docparse.model import Document, Provenance
from docparse.model.document import Cell, Table, table_text
from docparse.pipeline import analyse
from docparse.tables.fused import split_fused


def _table(rows: list[list[str]], merges: dict[tuple[int, int], tuple[int, int]] | None = None) -> Table:
    merges = merges or {}
    covered = set()
    for (r, c), (rs, cs) in merges.items():
        covered |= {(rr, cc) for rr in range(r, r + rs) for cc in range(c, c + cs)} - {(r, c)}
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rs, cs = merges.get((r, c), (1, 1))
            cells.append(Cell(row=r, col=c, text=text, rowspan=rs, colspan=cs,
                              provenance=Provenance(table=0, row=r, col=c)))
    return Table(n_rows=len(rows), n_cols=max(len(r) for r in rows), cells=cells)


def _mentions(doc: Document) -> list[tuple[str, str, object, str | None]]:
    report = analyse(doc)
    return [(m.kind, m.text, m.value_str(), m.unit_from) for m in report.mentions]


def test_grid_with_merged_stub_declares_the_unit() -> None:
    table = _table([
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "80", "82.5", "80.85", "10", "98.00%", "9.8"],
        ["", "其中：财政拨款", "80", "82.5", "80.85", "—", "—", "—"],
    ], merges={(0, 0): (3, 1)})
    doc = Document(path=None, format="docx")
    doc.add("table", table_text(table), table=table, provenance=Provenance(table=0))
    got = _mentions(doc)
    assert got == [
        ("money", "80", "800000.00", "万元"), ("money", "82.5", "825000.00", "万元"),
        ("money", "80.85", "808500.00", "万元"), ("percent", "98.00%", "98", None),
        ("money", "80", "800000.00", "万元"), ("money", "82.5", "825000.00", "万元"),
        ("money", "80.85", "808500.00", "万元"),
    ]


def test_grid_rate_column_and_unit_line_before_the_table() -> None:
    table = _table([["项目", "预算数", "执行数", "执行率"], ["培训", "12", "11.4", "95"]])
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "单位：元", provenance=Provenance(paragraph=0))
    doc.add("table", table_text(table), table=table, provenance=Provenance(table=0))
    doc.add("paragraph", "12", provenance=Provenance(paragraph=1))
    assert _mentions(doc) == [
        ("money", "12", "12.00", "元"), ("money", "11.4", "11.40", "元"), ("percent", "95", "95", "%"),
    ]


def test_grid_indicator_rows_and_scores() -> None:
    table = _table([
        ["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["项目成本", "≤50万元", "48", "10", "10"],
        ["合格率", "≥95%", "97", "10", "10"],
    ])
    doc = Document(path=None, format="docx")
    doc.add("table", table_text(table), table=table, provenance=Provenance(table=0))
    assert _mentions(doc) == [
        ("money", "≤50万元", "500000.00", None), ("money", "48", "480000.00", "万元"),
        ("percent", "≥95%", "95", None), ("percent", "97", "97", "%"),
    ]


def test_provenance_is_block_and_offsets() -> None:
    doc = Document(path=None, format="txt")
    doc.add("paragraph", "标题", provenance=Provenance(line=1))
    doc.add("paragraph", "共支出12.5万元。", provenance=Provenance(line=3))
    m = analyse(doc).mentions[0]
    assert (m.provenance.line, m.provenance.block, m.provenance.start, m.provenance.end) == (3, 1, 3, 9)


def test_unit_cell_on_the_next_line_reaches_back() -> None:
    text = "指标值 |\n度量单位 |\n完成值 |\n达标率 |\n90 |\n% |\n92 |"
    from docparse import parse_text

    got = [(m.kind, m.text, m.value_str(), m.unit_from) for m in parse_text(text).mentions]
    assert got == [("percent", "90", "90", "%"), ("percent", "92", "92", "%")]


def test_fused_amounts_and_rate_checked_by_arithmetic() -> None:
    run = "40004000100"
    parts = split_fused(run, ["money", "money", "rate"])
    assert [(run[s:e], k) for s, e, k in parts] == [("4000", "money"), ("4000", "money"), ("100", "rate")]


def test_fused_rate_weight_score_after_unreadable_amounts() -> None:
    run = ".32.06.579.27107.93"
    parts = split_fused(run, ["money", "money", "money", "rate", "weight", "score"])
    assert [(run[s:e], k) for s, e, k in parts] == [("79.27", "rate"), ("10", "weight"), ("7.93", "score")]


def test_fused_indicator_values() -> None:
    run = "0.4100.110"
    parts = split_fused(run, ["target", "weight", "actual", "score"], percent_unit=True)
    assert [run[s:e] for s, e, _ in parts] == ["0.4", "10", "0.1", "10"]


def test_fused_split_refuses_nonsense() -> None:
    assert split_fused("", ["money"]) is None
    assert split_fused("12", []) is None
    assert split_fused(".5.5.", ["money", "money"]) is None


def test_masked_amounts_do_not_crash() -> None:
    from docparse import parse_text

    report = parse_text("补助资金x万元，点击查看>> 万元，（略）万元，xx%。\n单位：万元\n项目 | 金额\n某项 | x")
    assert report.mentions == []


def test_declared_unit_value_is_decimal() -> None:
    from docparse import parse_text

    m = parse_text("单位：万元\n项目 | 金额\n培训 | 0.1").mentions[0]
    assert m.value == Decimal("1000") and isinstance(m.value, Decimal)
