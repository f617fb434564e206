"""Canonical mapping of top-level headings (spec §4) and the missing-section warnings."""

from __future__ import annotations

import pytest

from docparse.structure.outline import canonical
from tests.structure.helpers import run_text, warning


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("项目概况", "basic_info"),
        ("部门（单位）基本情况", "basic_info"),
        ("部门(单位)基本概况", "basic_info"),
        ("项目绩效目标", "goals"),
        ("绩效目标分解下达情况", "goals"),
        ("绩效自评工作开展情况", "evaluation_work"),
        ("项目资金使用及管理情况", "funds"),
        ("部门整体支出管理及使用情况", "funds"),
        ("项目组织实施情况", "implementation"),
        ("绩效目标完成情况分析", "performance"),
        ("绩效评价情况（分值100分，自评得分95分）", "performance"),
        ("综合评价结论", "conclusion"),
        ("自評結論", "conclusion"),  # traditional characters
        ("存在的问题及改进措施", "problems"),  # two topics: the first wins
        ("项目基本情况及自评结论", "basic_info"),
        ("自评结论及存在问题", "conclusion"),
        ("项目绩效目标完成情况", "performance"),  # overlapping matches: the better one
        ("项目基本信息", "basic_info"),
        ("下一步改进措施", "suggestions"),
        ("绩效自评结果应用情况", "result_application"),
        ("其他需要说明的问题", "other"),
        ("附件：2023年度项目支出绩效自评表", "attachments"),
    ],
)
def test_synonyms(title: str, key: str) -> None:
    assert canonical(title)[0] == key


@pytest.mark.parametrize("title", ["中央自然灾害救灾资金（航空消防租机补助经费）", "城市棚户区改造和公租房保障"])
def test_headings_that_fit_nothing(title: str) -> None:
    assert canonical(title)[0] is None


def test_score_is_kept_and_only_top_level_is_mapped() -> None:
    a = run_text("某县2023年度项目支出绩效自评报告\n一、项目概况\n（一）项目单位基本情况\n单位情况。\n"
                 "二、绩效目标\n目标。\n")
    top = a.report.sections
    assert [s.canonical for s in top] == ["basic_info", "goals"]
    assert all(s.canonical_score is not None and s.canonical_score >= 90 for s in top)
    assert top[0].children[0].canonical is None


def test_missing_sections_are_warned_for_the_type() -> None:
    a = run_text("某县2023年度项目支出绩效自评报告\n一、项目概况\n概况。\n二、绩效目标\n目标。\n")
    assert a.report.report.type == "project_self_evaluation"
    missing = [w["expected"] for w in warning(a, "section_missing")]
    assert ["performance"] in missing and ["conclusion", "problems", "suggestions"] in missing
    assert not any("basic_info" in m for m in missing)


def test_a_section_below_the_top_level_gets_no_key() -> None:
    a = run_text("（二）项目效益情况\n效益良好。\n五、评价结论\n结论。\n")
    assert [(s.level, s.canonical) for s in a.report.sections] == [(2, None), (1, "conclusion")]
