"""The indicator rows of a 绩效自评表 flattened to text are read from its typed view: the view says where
the table stands and what each header column holds; a level word on its own line sets the level, a text
value on a line of its own belongs to the indicator above, and the 合计 row gives the totals."""

from __future__ import annotations

from decimal import Decimal

from docparse import parse_text
from docparse.extract.selfeval_table import read
from docparse.readers.text import document_from_text

TABBED = """某区2024年度社区养老服务项目绩效自评表
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
产出指标
数量指标
助餐服务人次\t≥5000人次\t5320人次\t20\t20
时效指标
服务设施启用时间
6月底前
5月中旬\t10\t10
满意度指标
服务对象满意度指标
老年人满意度\t≥90%\t94%\t10\t10
合计\t100\t96
三、存在问题
"""

TWO_TABLES = """甲项目绩效目标完成情况
一级指标 | 二级指标 | 三级指标 | 目标值 | 完成值 | 分值 | 得分
产出指标 | 质量指标 | 验收合格率 | 100% | 100% | 30 | 30
说明：以上为甲项目。
乙项目绩效目标完成情况
一级指标 | 二级指标 | 三级指标 | 目标值 | 完成值 | 分值 | 得分
效益指标 | 社会效益指标 | 受益农户数 | ≥300户 | 280户 | 20 | 18
"""


def test_levels_text_values_and_totals_of_a_tabbed_table() -> None:
    table = read(document_from_text(TABBED))
    got = [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score) for i in table.indicators]
    assert got == [
        ("产出指标", "数量指标", "助餐服务人次", "≥5000人次", "5320人次", Decimal(20), Decimal(20)),
        ("产出指标", "时效指标", "服务设施启用时间", "6月底前", "5月中旬", Decimal(10), Decimal(10)),
        ("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "94%", Decimal(10), Decimal(10)),
    ]
    assert (table.total_weight, table.total_score) == (Decimal(100), Decimal(96))
    assert table.indicators[2].met is True


def test_each_flattened_table_is_read_once() -> None:
    table = read(document_from_text(TWO_TABLES))
    assert [(i.name, i.level2, i.actual, i.score) for i in table.indicators] == [
        ("验收合格率", "质量指标", "100%", Decimal(30)),
        ("受益农户数", "社会效益指标", "280户", Decimal(18)),
    ]
    assert table.indicators[1].met is False


# pipe rows of a short indicator table, then a numbered sub-heading with running text under it
UNDER_A_HEADING = """某街道2024年度老旧小区加装电梯项目绩效自评报告
二、绩效目标完成情况
1、产出指标
| 指标名称 | 年度指标值 | 实际完成值 |
| 加装电梯数量 | ≥12台 | 14台 |
| 竣工验收合格率 | 100% | 100% |
2、效益指标
（1）社会效益
居民上下楼更加便利，惠及住户约300户。
（2）可持续影响
维保责任落实到每一台电梯。
"""

# a traditional-character table written one row per line with an empty cell left in place
WITH_EMPTIES = """某縣2024年度農村供水保障項目績效自評表
一級指標 | 二級指標 | 三級指標 | 年度指標值 | 實際完成值 | 分值 | 得分
產出指標 | 數量指標 | 新建供水站 | 12台（套） | 12台（套） | 20 | 20
 | 質量指標 | 水質達標率 | ≥95% | 97% | 20 |  |
"""


def test_rows_end_at_the_next_heading_of_the_text() -> None:
    report = parse_text(UNDER_A_HEADING)
    assert [(i.name, i.target, i.actual) for i in report.indicators] == [
        ("加装电梯数量", "≥12台", "14台"),
        ("竣工验收合格率", "100%", "100%"),
    ]


def test_the_view_keeps_each_line_as_its_whole_cells_as_written() -> None:
    from docparse.extract.mentions import text_tables

    document = document_from_text(WITH_EMPTIES)
    (view,) = [v for v in text_tables(document) if v.lines]
    rows = [[c.text for c in line] for line in view.lines]
    assert rows[1] == ["產出指標", "數量指標", "新建供水站", "12台（套）", "12台（套）", "20", "20"]
    assert rows[2] == ["", "質量指標", "水質達標率", "≥95%", "97%", "20", ""]
    first = view.lines[1][3]
    assert document.blocks[first.provenance.block].text[first.provenance.start:first.provenance.end] == "12台（套）"
    table = read(document)
    assert [(i.level2, i.name, i.target, i.weight, i.score) for i in table.indicators] == [
        ("数量指标", "新建供水站", "12台（套）", Decimal(20), Decimal(20)),
        ("质量指标", "水質達標率", "≥95%", Decimal(20), None),
    ]
