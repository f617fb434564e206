"""Self-evaluation score and grade: stated, from the table's total row, or derived by the band table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docparse.extract.evaluation import band, grade_of
from docparse.model import Report
from tests.extract.util import analysis_of, run


@pytest.mark.parametrize(("score", "grade"), [("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"),
                                              ("79.5", "中"), ("60", "中"), ("59.9", "差"), ("0", "差")])
def test_band_table(score: str, grade: str) -> None:
    assert band(Decimal(score)) == grade


def test_written_grades() -> None:
    assert grade_of("优秀") == "优" and grade_of("優") == "优" and grade_of("良好") == "良"


def test_stated_score_and_grade() -> None:
    report = run(analysis_of("经综合评价，项目自评得分为86分，自评结论为“良好”。"), "facts", "evaluation").report
    assert report.evaluation_score is not None and report.evaluation_score.value == Decimal("86")
    grade = report.evaluation_grade
    assert grade is not None and grade.value == "良" and grade.text == "良好"
    assert report.facts["grade"] is not None and report.facts["grade"].value == "良好"


def test_score_on_the_next_line_and_derived_grade() -> None:
    text = "本部门对整体支出开展自评，自评得分\n72.5 分，存在的问题如下。"
    report = run(analysis_of(text), "facts", "evaluation").report
    assert report.evaluation_score is not None and report.evaluation_score.value == Decimal("72.5")
    grade = report.evaluation_grade
    assert grade is not None and grade.value == "中" and grade.text == ""
    assert report.facts["grade"] is None


def test_score_from_the_table_total_row() -> None:
    text = "\n".join([
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 维修路段 ≥8公里 9公里 90 88",
        "合计 100 95",
    ])
    report = run(analysis_of(text), "selfeval_table", "facts", "evaluation").report
    assert report.evaluation_score is not None and report.evaluation_score.value == Decimal("95")
    assert report.evaluation_grade is not None and report.evaluation_grade.value == "优"


def test_total_score_wins_over_part_scores() -> None:
    text = "一、投入指标分值20分，自评得分18分。\n二、综合评价\n项目综合自评得分92分，等级为优。"
    report = run(analysis_of(text), "facts", "evaluation").report
    assert report.evaluation_score is not None and report.evaluation_score.value == Decimal("92")


@pytest.mark.parametrize(("text", "score", "grade"), [
    ("绩效评价结果：优（92分）。", "92", "优"),
    ("本项目自评结果为良好，得分86分。", "86", "良"),
    ("经自评，项目评分55分，评价等级为较差。", "55", "差"),
    ("本项目自评总分72分，评价等级为合格。", "72", "中"),
])
def test_score_beside_a_grade_and_grades_on_the_band_scale(text: str, score: str, grade: str) -> None:
    report = run(analysis_of(text), "facts", "evaluation").report
    assert report.evaluation_score is not None and report.evaluation_score.value == Decimal(score)
    assert report.evaluation_grade is not None and report.evaluation_grade.value == grade


def _evaluated(text: str) -> Report:
    return run(analysis_of(text), "facts", "evaluation").report


def test_several_sub_fund_scores_state_no_total() -> None:
    report = _evaluated("据各区上报，道路养护资金自评得分92分，桥梁维修资金自评得分84.5分，"
                        "公交补贴资金自评分数为79分。")
    assert report.facts["score"] is None and report.evaluation_score is None
    warning = next(w for w in report.warnings if w["code"] == "fact_ambiguous" and w["fact"] == "score")
    assert [c["value"] for c in warning["candidates"]] == ["92", "84.5", "79"]


def test_a_score_out_of_the_full_marks_is_the_total_beside_part_scores() -> None:
    report = _evaluated("三、评价情况（满分100分，自评得分94分）\n1、投入20分，自评得分20分。\n"
                        "2、产出40分，自评得分37分。")
    assert report.facts["score"] is not None and report.facts["score"].value == Decimal("94")


def test_grade_buckets_state_no_grade_but_an_overall_grade_wins() -> None:
    buckets = "其中评为“优”的项目12个，评为“良”的项目5个，评为“中”的项目1个。"
    report = _evaluated(buckets)
    assert report.facts["grade"] is None and report.evaluation_grade is None
    report = _evaluated("本局支出绩效自评得分93分，综合评价等级为“优”。" + buckets)
    assert report.facts["grade"] is not None and report.facts["grade"].value == "优"


def test_a_score_after_inline_pinyin() -> None:
    report = _evaluated("項目綜合得分(fēn)為91.5分。")  # pinyin inside a cue word still splits it
    assert report.facts["score"] is not None and report.facts["score"].value == Decimal("91.5")
