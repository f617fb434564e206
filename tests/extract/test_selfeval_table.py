"""The 绩效自评表 reader on true grids (merged cells, a table split over two pages) and flattened text."""

from __future__ import annotations

from decimal import Decimal

from docparse.extract.selfeval_table import read
from docparse.model.document import Cell, Document, Provenance, Table, table_text
from docparse.readers.text import document_from_text

D = Decimal
MONEY_HEAD = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
IND_HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]


def _table(rows: list[list[str | None]], spans: dict[tuple[int, int], tuple[int, int]]) -> Table:
    """A grid from rows of text; ``None`` marks a slot covered by a merge; spans give (rowspan, colspan)."""
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            cells.append(Cell(row=r, col=c, text=text, rowspan=rs, colspan=cs,
                              provenance=Provenance(table=0, row=r, col=c)))
    return Table(n_rows=len(rows), n_cols=max(len(r) for r in rows), cells=cells)


def _doc(*tables: Table) -> Document:
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "项目支出绩效自评表", provenance=Provenance(paragraph=0))
    for i, table in enumerate(tables):
        doc.add("table", table_text(table), provenance=Provenance(table=i), table=table)
    return doc


MONEY_ROWS = [
    ["项目资金（万元）", "", *MONEY_HEAD],
    [None, "年度资金总额", "120", "120", "110.4", "10", "92%", "9.2"],
    [None, "其中：本年财政拨款", "100", "100", "92", "—", "—", "—"],
    [None, "上年结转资金", "20", "20", "18.4", "—", "—", "—"],
    [None, "其他资金", "", "", "", "—", "—", "—"],
]
IND_ROWS = [
    ["绩效指标", *IND_HEAD],
    [None, "产出指标（40分）", "数量指标", "新建站点数量", "≥12个", "14个", "20", "20"],
    [None, None, None, "培训人次", "≥300人次", "280人次", "10", "8"],
    [None, None, "时效指标", "完工及时率", "100%", "100%", "10", "10"],
    [None, "效益指标", "社会效益指标", "服务覆盖人口", "≥5万人", "5.2万人", "30", "30"],
    [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "20"],
    ["合计", None, None, None, None, None, "100", "97.2"],
]
SPANS = {(0, 0): (5, 1)}
IND_SPANS = {(0, 0): (6, 1), (1, 1): (3, 1), (1, 2): (2, 1), (6, 0): (1, 6)}


def _shift(spans: dict[tuple[int, int], tuple[int, int]], by: int) -> dict[tuple[int, int], tuple[int, int]]:
    return {(r + by, c): v for (r, c), v in spans.items()}


def test_grid_money_block_and_indicators_with_merged_cells() -> None:
    table = _table(MONEY_ROWS + IND_ROWS, {**SPANS, **_shift(IND_SPANS, len(MONEY_ROWS))})
    out = read(_doc(table))
    names = [r.name for r in out.money_rows]
    assert names == ["年度资金总额", "本年财政拨款", "上年结转资金", "其他资金"]
    total = out.money_rows[0]
    assert (total.budget, total.adjusted_budget, total.spent) == (D("1200000.00"), D("1200000.00"), D("1104000.00"))
    assert (total.weight, total.rate, total.score) == (D("10"), D("92"), D("9.2"))
    assert total.cells["spent"][0] == "110.4" and total.cells["spent"][1].row == 1
    assert out.money_rows[1].weight is None and out.money_rows[3].budget is None
    got = [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.met) for i in out.indicators]
    assert got == [
        ("产出指标", "数量指标", "新建站点数量", "≥12个", "14个", D(20), D(20), True),
        ("产出指标", "数量指标", "培训人次", "≥300人次", "280人次", D(10), D(8), False),
        ("产出指标", "时效指标", "完工及时率", "100%", "100%", D(10), D(10), True),
        ("效益指标", "社会效益指标", "服务覆盖人口", "≥5万人", "5.2万人", D(30), D(30), True),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", D(20), D(20), True),
    ]
    assert (out.total_weight, out.total_score) == (D(100), D("97.2"))
    assert out.indicators[1].target_cmp is not None and out.indicators[1].target_cmp.op == "≥"


def test_table_continued_on_the_next_page_without_its_header() -> None:
    first = _table(MONEY_ROWS + IND_ROWS[:3], {**SPANS, (5, 0): (3, 1), (6, 1): (2, 1), (6, 2): (2, 1)})
    rest = [[None, "", "时效指标", "完工及时率", "100%", "100%", "10", "10"], *IND_ROWS[4:]]
    second = _table(rest, {(0, 0): (3, 1), (3, 0): (1, 6)})
    second.cells.insert(0, Cell(row=0, col=0, text="", rowspan=3))
    out = read(_doc(first, second))
    assert [i.name for i in out.indicators] == ["新建站点数量", "培训人次", "完工及时率", "服务覆盖人口", "群众满意度"]
    assert out.indicators[2].level1 == "产出指标" and out.indicators[2].level2 == "时效指标"
    assert out.total_score == D("97.2")


def test_flattened_one_cell_per_line_keeps_empty_cells() -> None:
    cells = ["项目资金（万元）", *MONEY_HEAD, "原因",
             "总额", "80", "85", "81.6", "10", "96%", "9.6", "",
             "其中：财政资金", "80", "85", "81.6", "/", "96%", "/", "",
             "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
             "产出指标", "质量指标", "设备完好率", "≥", "95", "%", "97", "40", "40",
             "效益指标", "社会效益指标", "故障响应时长", "≤", "2", "小时", "", "40", "",
             "合计", "90", ""]
    text = "\n".join(f"{c} |" if c else "|" for c in cells)
    out = read(document_from_text(text))
    assert [r.name for r in out.money_rows] == ["总额", "财政资金"]
    assert out.money_rows[0].adjusted_budget == D("850000.00") and out.money_rows[0].score == D("9.6")
    assert out.money_rows[1].weight is None and out.money_rows[1].rate == D(96)
    first, second = out.indicators
    assert (first.level2, first.name, first.target, first.actual, first.weight, first.score, first.met) == (
        "质量指标", "设备完好率", "≥95%", "97%", D(40), D(40), True)
    assert (second.name, second.target, second.actual, second.score) == ("故障响应时长", "≤2小时", None, None)
    assert out.total_weight == D(90)


def test_flattened_rows_split_by_spaces() -> None:
    text = "\n".join([
        "项目资金 （万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额： 60 60 57 10 95% 9.5",
        "其中：本年财政拨款 60 60 57 - -",
        "上年结转资金 - -",
        "一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标(50分) 数量指标 巡查次数 ≥24次 26次 25 25",
        "质量指标 整改完成率 100% 96% 25 22 个别问题跨年整改",
        "满意度指标(10分) 服务对象满意度指标 商户满意度 ≥85% 90% 10 10",
    ])
    out = read(document_from_text(text))
    assert out.money_rows[0].spent == D("570000.00") and out.money_rows[0].rate == D(95)
    got = [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.met) for i in out.indicators]
    assert got == [
        ("产出指标", "数量指标", "巡查次数", "≥24次", "26次", D(25), D(25), True),
        ("产出指标", "质量指标", "整改完成率", "100%", "96%", D(25), D(22), False),
        ("满意度指标", "服务对象满意度指标", "商户满意度", "≥85%", "90%", D(10), D(10), True),
    ]
    assert out.indicators[1].deviation == "个别问题跨年整改"


def test_flattened_cells_glued_together() -> None:
    text = "\n".join([
        "项目资金（万元）",
        "全年预算数(A)全年执行数(B)预算执行率(B/A)",
        "年度资金总额:30002850.595.02%",
        "一级指标二级指标三级指标指标值全年实际完成值未完成原因和改进措施",
        "产出指标数量指标改造农村公路12.5公里3030",
        "质量指标验收合格率100%100%",
    ])
    out = read(document_from_text(text))
    row = out.money_rows[0]
    assert (row.adjusted_budget, row.spent, row.rate) == (D("30000000.00"), D("28505000.00"), D("95.02"))
    first, second = out.indicators
    assert (first.level2, first.name, first.target, first.weight, first.score) == (
        "数量指标", "改造农村公路", "12.5公里", D(30), D(30))
    assert (second.name, second.target, second.actual, second.met) == ("验收合格率", "100%", "100%", True)


def test_traditional_characters() -> None:
    text = "\n".join([
        "項目資金（萬元） 年初預算數 全年預算數 全年執行數 分值 執行率 得分",
        "年度資金總額： 40 40 36 10 90% 9",
        "一級指標 二級指標 三級指標 年度指標值 實際完成值 分值 得分",
        "產出指標 數量指標 培訓人數 ≥200人 230人 20 20",
    ])
    out = read(document_from_text(text))
    assert out.money_rows[0].name == "年度资金总额" and out.money_rows[0].spent == D("360000.00")
    (ind,) = out.indicators
    assert (ind.level1, ind.level2, ind.name, ind.met) == ("产出指标", "数量指标", "培訓人數", True)


def test_glued_run_with_lost_leading_digits_keeps_rate_weight_and_score() -> None:
    text = ("主管部门示例局联系人某某自评总分(分)96.5年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分"
            "年度总金额.45.12.8其中财政拨款.45.12.886.40108.64年初绩效目标全年目标实际完成情况")
    out = read(document_from_text(text))
    total, part = out.money_rows
    assert total.name == "年度总金额" and (total.budget, total.rate) == (None, None)
    assert (part.budget, part.spent, part.rate, part.weight, part.score) == (None, None, D("86.40"), D(10), D("8.64"))


def test_scoring_criteria_column_is_not_the_score() -> None:
    rows: list[list[str | None]] = [
        ["一级指标", "二级指标", "三级指标", "指标解释", "评分标准", "分值", "得分"],
        ["产出指标", "数量指标", "完成改造户数", "当年完成的改造户数", "完成得满分，每少1户扣0.5分", "20", "19.5"],
    ]
    out = read(_doc(_table(rows, {})))
    (ind,) = out.indicators
    assert (ind.name, ind.weight, ind.score, ind.target) == ("完成改造户数", D(20), D("19.5"), None)


def test_unit_declared_above_the_table() -> None:
    rows: list[list[str | None]] = [
        ["项目资金", "", *MONEY_HEAD],
        [None, "年度资金总额", "8500.00", "8500.00", "8000.00", "10", "94.12%", "9.41"],
    ]
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "填报单位：示例办公室　　单位：元", provenance=Provenance(paragraph=0))
    table = _table(rows, {(0, 0): (2, 1)})
    doc.add("table", table_text(table), provenance=Provenance(table=0), table=table)
    (row,) = read(doc).money_rows
    assert (row.budget, row.spent) == (D("8500.00"), D("8000.00"))
