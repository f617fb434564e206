"""A table flattened to text lines is recorded once, while its figures are read, as a typed view: each
header label and each value with its column's role, the money unit in force and where it stands."""

from __future__ import annotations

from docparse.model.analysis import Analysis
from docparse.model.report import Report, SourceInfo
from docparse.pipeline import stages
from docparse.readers.text import document_from_text
from docparse.tables.view import TableView

PIPED = """某镇2024年度农田水利项目绩效自评表
资金情况（万元）
项目 | 年初预算数 | 调整后预算数 | 实际支出数 | 分值 | 执行率 | 得分
年度资金总额 | 200 | 250 | 225 | 10 | 90% | 9
其中：财政拨款 | 200 | 250 | 225 | - | 90% | -
二、项目实施情况
今年共修缮沟渠12条。
"""

ONE_PER_LINE = """单位：元
年初预算数
全年执行数
执行率
年度资金总额
80,000.00
76,000.00
95%
"""


def _views(text: str) -> list[TableView]:
    analysis = Analysis(document=document_from_text(text), report=Report(source=SourceInfo(path=None, format="txt")))
    for run in stages():
        run(analysis)
        if "text_tables" in run.stage_info.assigns:  # type: ignore[attr-defined]
            break
    assert analysis.text_tables is not None
    return analysis.text_tables


def _cells(view: TableView) -> list[list[tuple[str, str | None, str | None, bool]]]:
    return [[(c.text, c.role, c.unit, c.header) for c in row] for row in view.rows]


def test_piped_rows_record_every_column_role_weights_and_scores_included() -> None:
    (view,) = _views(PIPED)
    rows = _cells(view)
    assert view.header_rows == [0]
    assert [role for _, role, _, _ in rows[0]] == [
        "name", "budget", "adjusted_budget", "spent", "weight", "rate", "score"]
    assert rows[1] == [("年度资金总额", None, "万元", False), ("200", "budget", "万元", False),
                       ("250", "adjusted_budget", "万元", False), ("225", "spent", "万元", False),
                       ("10", "weight", None, False), ("90%", "rate", None, False), ("9", "score", None, False)]
    assert [(t, r) for t, r, _, _ in rows[2]] == [
        ("其中：财政拨款", None), ("200", "budget"), ("250", "adjusted_budget"), ("225", "spent"), ("90%", "rate")]


def test_cells_carry_the_line_they_stand_on() -> None:
    (view,) = _views(PIPED)
    spent = view.rows[1][3]
    assert spent.ref.provenance.line == 4
    line = PIPED.splitlines()[3]
    assert line[spent.ref.provenance.start:spent.ref.provenance.end] == "225"


def test_one_cell_per_line_under_a_caption_unit() -> None:
    (view,) = _views(ONE_PER_LINE)
    rows = _cells(view)
    assert [(t, r) for t, r, _, h in rows[0] if h] == [("年初预算数", "budget"), ("全年执行数", "spent"),
                                                       ("执行率", "rate")]
    assert rows[1] == [("年度资金总额", None, "元", False), ("80,000.00", "budget", "元", False),
                       ("76,000.00", "spent", "元", False), ("95%", "rate", None, False)]


def test_running_text_records_no_table() -> None:
    assert _views("今年共完成投资300万元，执行率达到95%。\n项目于2024年6月完工。\n") == []


GLUED = """项目资金（万元）
年初预算数全年预算数全年执行数分值得分执行率年度资金总额
500 480 456 10 9.5 95%
其中：财政拨款 500 480 456 - - 95%
"""


def _money_rows(text: str) -> list[dict[str, object]]:
    from docparse.extract.selfeval_table import read

    views = _views(text)
    rows = read(document_from_text(text), views).money_rows
    return [{k: v for k, v in r.to_dict().items() if k not in ("cells", "provenance")} for r in rows]


def test_money_rows_are_read_from_the_view_two_budget_columns_and_a_weight_between() -> None:
    assert _money_rows(PIPED) == [
        {"name": "年度资金总额", "budget": "2000000.00", "adjusted_budget": "2500000.00", "spent": "2250000.00",
         "weight": "10", "rate": "90", "score": "9"},
        {"name": "财政拨款", "budget": "2000000.00", "adjusted_budget": "2500000.00", "spent": "2250000.00",
         "weight": None, "rate": "90", "score": None},
    ]


def test_a_row_label_glued_to_the_end_of_the_header_opens_the_first_row() -> None:
    rows = _money_rows(GLUED)
    assert [r["name"] for r in rows] == ["年度资金总额", "财政拨款"]
    assert (rows[0]["budget"], rows[0]["adjusted_budget"], rows[0]["spent"], rows[0]["rate"], rows[0]["score"]) == (
        "5000000.00", "4800000.00", "4560000.00", "95", "9.5")
