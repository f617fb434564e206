"""The typed view of a table and what reads it: a second budget-like column keeps every column in place,
a unit in one header governs that column only, 序号 / 年度 / count columns are never money."""

from __future__ import annotations

from decimal import Decimal

from docparse import parse_text
from docparse.model.document import Cell, Document, Provenance, Table, table_text
from docparse.pipeline import analyse
from docparse.tables.cells import grid_rows, split_line
from docparse.tables.grid import read_grid

D = Decimal


def _table(rows: list[list[str]]) -> Table:
    cells = [Cell(row=r, col=c, text=t, provenance=Provenance(table=0, row=r, col=c))
             for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(n_rows=len(rows), n_cols=max(len(r) for r in rows), cells=cells)


def _word(*blocks: str | list[list[str]]) -> Document:
    doc = Document(path=None, format="docx")
    for i, block in enumerate(blocks):
        if isinstance(block, str):
            doc.add("paragraph", block, provenance=Provenance(paragraph=i))
        else:
            table = _table(block)
            doc.add("table", table_text(table), table=table, provenance=Provenance(table=i))
    return doc


BLOCK = "\n".join([
    "某县2023年度项目支出绩效自评报告",
    "预算执行情况（万元）",
    "项目 | 年初预算数 | 批复预算数 | 全年执行数 | 分值 | 执行率 | 得分",
    "年度资金总额 | 100 | 120 | 108 | 10 | 90% | 9",
])


def test_a_second_budget_like_header_shifts_no_column() -> None:
    """The approved budget beside the initial one: each number stays under its own header."""
    report = parse_text(BLOCK)
    (row,) = report.money_rows
    assert (row.name, row.budget, row.adjusted_budget, row.spent) == (
        "年度资金总额", D("1000000.00"), D("1200000.00"), D("1080000.00"))
    assert (row.weight, row.rate, row.score) == (D(10), D(90), D(9))
    facts = {name: (fact.value if fact else None) for name, fact in report.facts.items()}
    assert (facts["budget"], facts["adjusted_budget"], facts["spent"], facts["execution_rate"]) == (
        D("1000000.00"), D("1200000.00"), D("1080000.00"), D(90))
    assert [c.id for c in report.checks if c.status == "fail"] == []


def test_the_same_block_as_a_word_table() -> None:
    rows = [line.split(" | ") for line in BLOCK.splitlines()[2:]]
    report = analyse(_word("某县2023年度项目支出绩效自评报告", "预算执行情况（万元）", rows))
    (row,) = report.money_rows
    assert (row.budget, row.adjusted_budget, row.spent, row.rate) == (
        D("1000000.00"), D("1200000.00"), D("1080000.00"), D(90))
    assert [c.id for c in report.checks if c.status == "fail"] == []


def test_a_unit_in_one_header_governs_that_column_only() -> None:
    """资金量（万元） names a money column of its own; 序号, 年度 and the counts beside it stay numbers."""
    rows = [["序号", "工程内容", "年度", "资金量（万元）", "新建数量（处）", "服务人数（人）"],
            ["1", "村道硬化", "2024", "32.5", "8", "640"],
            ["2", "排水沟清淤", "2024", "17", "5", "420"]]
    doc = _word("建设内容明细如下：", rows)
    view = read_grid(grid_rows(doc.blocks[1]))
    assert [(c.role, c.unit) for c in view.rows[1]] == [
        ("serial", None), (None, None), ("year", None), ("amount", "万元"), ("count", None), ("count", None)]
    money = [(m.text, m.value) for m in analyse(doc).mentions if m.kind == "money"]
    assert money == [("32.5", D("325000.0")), ("17", D("170000"))]


def test_the_same_columns_as_pipe_rows() -> None:
    text = "\n".join(["建设内容明细如下：",
                      "序号 | 工程内容 | 年度 | 资金量（万元） | 新建数量（处） | 服务人数（人） |",
                      "1 | 村道硬化 | 2024 | 32.5 | 8 | 640 |",
                      "2 | 排水沟清淤 | 2024 | 17 | 5 | 420 |"])
    money = [(m.text, m.value) for m in parse_text(text).mentions if m.kind == "money"]
    assert money == [("32.5", D("325000.0")), ("17", D("170000"))]


def test_the_cell_heading_the_row_labels_declares_the_block_unit() -> None:
    rows = [["序号", "项目资金（万元）", "年初预算数", "调整后预算数", "预算执行数", "执行率"],
            ["1", "年度资金总额", "64", "70", "63", "90%"]]
    report = analyse(_word("项目支出绩效自评表", rows))
    (row,) = report.money_rows
    assert (row.budget, row.adjusted_budget, row.spent, row.rate) == (
        D("640000.00"), D("700000.00"), D("630000.00"), D(90))
    assert sorted(m.value for m in report.mentions if m.kind == "money") == [
        D("630000"), D("640000"), D("700000")]


def test_one_line_splitter_for_every_flattened_habit() -> None:
    assert split_line("年度资金总额 | 100 | 120 |") == ([(0, 6), (9, 12), (15, 18)], True)
    assert split_line("|") == ([(0, 0)], True)
    assert split_line("年度资金总额　100  120") == ([(0, 6), (7, 10), (12, 15)], False)
