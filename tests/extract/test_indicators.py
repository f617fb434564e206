"""Indicators from prose: labelled statements, measures with rates, structured statements, merging."""

from __future__ import annotations

from decimal import Decimal

import docparse
from tests.extract.util import analysis_of, run


def _rows(text: str) -> list[tuple[object, ...]]:
    report = docparse.parse_text(text)
    return [(i.level1, i.level2, i.name, i.target, i.actual, i.met) for i in report.indicators]


def test_labelled_statement_target_then_actual() -> None:
    rows = _rows("数量指标：维修桥梁≥6座，实际维修5座；清理边沟120公里。\n质量指标：验收合格率达100%。")
    assert rows == [
        ("产出指标", "数量指标", "维修桥梁", "≥6座", "5座", False),
        ("产出指标", "数量指标", "清理边沟", None, "120公里", None),
        ("产出指标", "质量指标", "验收合格率", None, "100%", None),
    ]


def test_rate_measures_in_plain_prose() -> None:
    rows = _rows("全县政务服务事项网上可办率达97.5%，群众满意率均达到98%以上，资金执行率为95%。")
    assert rows == [
        (None, None, "全县政务服务事项网上可办率", None, "97.5%", None),
        (None, None, "群众满意率", None, "98%以上", None),
    ]


def test_structured_statements_take_names_from_the_list_of_targets() -> None:
    text = "\n".join([
        "2023年度绩效指标为：巡查河道里程≥300公里；清漂作业次数≥48次；群众满意度≥90%。",
        "（一）产出指标完成情况",
        "1.数量指标",
        "年度指标值为≥300公里，实际完成值为312公里，已完成年度目标，该项指标分值20分，自评得20分。",
        "清漂作业次数：年度指标值为≥48次，实际完成值为45次，未完成年度目标，该项指标分值20分，自评得17分。",
        "（二）满意度指标完成情况",
        "1.服务对象满意度指标",
        "群众满意度：年度指标值为≥90%，实际完成值为93%，已完成年度目标，该项指标分值10分，自评得10分。",
    ])
    report = docparse.parse_text(text)
    got = [(i.level2, i.name, i.target, i.actual, i.weight, i.score, i.met) for i in report.indicators]
    assert got == [
        ("数量指标", "巡查河道里程", "≥300公里", "312公里", Decimal(20), Decimal(20), True),
        ("数量指标", "清漂作业次数", "≥48次", "45次", Decimal(20), Decimal(17), False),
        ("服务对象满意度指标", "群众满意度", "≥90%", "93%", Decimal(10), Decimal(10), True),
    ]


def test_goal_targets_met_by_later_results() -> None:
    text = "\n".join([
        "一、绩效目标",
        "项目完成后，设备完好率达到95%以上。",
        "二、绩效情况",
        "经检查，设备完好率为97%。",
    ])
    report = docparse.parse_text(text)
    (ind,) = report.indicators
    assert (ind.name, ind.target, ind.actual, ind.met) == ("设备完好率", "95%以上", "97%", True)
    assert ind.target_cmp is not None and ind.target_cmp.op == "≥"


def test_table_rows_come_before_prose_duplicates() -> None:
    text = "\n".join([
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 质量指标 验收合格率 100% 100% 50 50",
        "质量指标：验收合格率达100%。",
    ])
    analysis = run(analysis_of(text), "selfeval_table", "indicators")
    (ind,) = analysis.report.indicators
    assert ind.source == "table" and ind.weight == Decimal(50)


def test_a_level1_label_in_prose_gives_the_level1_only() -> None:
    report = docparse.parse_text("一、绩效目标完成情况\n产出指标：新建村道12公里，路面验收合格率达到98%。")
    ind = next(i for i in report.indicators if i.name == "路面验收合格率")
    assert (ind.level1, ind.level2, ind.actual) == ("产出指标", None, "98%")
