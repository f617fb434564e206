"""Checks on texts written in the habits of real reports: consistent ones carry no ``fail``, the real
kinds of inconsistency do (texts written for docparse; units and figures invented)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import docparse
from docparse.model import Report

CONSISTENT = {
    "two groups × three items": (
        "一、资金概况\n本年度安排配套经费合计51.3万元，其中东湖段整治工程设计费7万元，测量费1.8万元，"
        "赔偿费19万元；西湖段整治工程设计费5.5万元，测量费2万元，赔偿费16万元。\n"),
    "partial breakdown": (
        "一、资金情况\n中心运营项目预算96万元，其中场地租赁30万元、设备维护12万元。实际支出90.2万元，执行率93.96%。\n"),
    "rate printed rounded": "一、资金情况\n年初预算资金412万元，实际支出397.3万元，执行率96.4%。\n",
    "total in 亿元 over items in 万元": (
        "一、资金安排\n全市安排城市更新补助资金2.47亿元，其中：安排9860万元支持旧街区改造；安排7214.5万元支持"
        "管网更新；安排7603万元支持公共空间提升。\n"),
    "sub-fund rates after a 其中 paragraph": (
        "一、资金使用\n全市收到省级水利补助资金合计5200万元，已支出3900万元，资金支付率75%。其中：\n"
        "收到河道清淤补助资金1800万元，已支出360万元，资金支付率20%。\n"
        "收到灌区改造补助资金3400万元，已支出3540万元，资金支付率104.12%。\n"),
    "shares of several levels": (
        "一、资金下达\n（一）中央资金\n我县收到中央下达养老服务补助资金1260万元。\n（二）省级资金\n省级下达资金310万元。\n"
        "二、资金使用\n截至年底，养老服务补助资金已支出1502万元。\n"),
    "department category beside the project": (
        "一、项目资金情况\n批复我中心项目支出540万元，其中包含档案数字化经费36万元。36万元档案数字化经费年内已全部支出。\n"),
}

INCONSISTENT = {
    "items not adding up": ("一、资金情况\n项目预算总额150万元，其中设备采购92万元，系统开发55万元。\n", "1500000.00"),
    "rate not part ÷ whole": ("一、资金情况\n项目预算资金200万元，实际支出150万元，预算执行率90%。\n", "90"),
    "spent above budget at 100%": ("一、资金情况\n项目预算数64万元，执行数70.4万元，执行率100%。\n", "100"),
    "grade buckets": (
        "一、绩效目标实现情况\n我局预算安排项目共计30个，财政资金980万元。其中自评为“优”的项目21个财政资金700万元；"
        "自评为“良”的项目6个财政资金190万元；自评为“中”的项目2个财政资金70万元；自评为“差”的项目1个财政资金40万元。\n",
        "9800000.00"),
}


def _fails(report: Report) -> list[str]:
    return [c.message for c in report.checks if c.status == "fail"]


@pytest.mark.parametrize("name", CONSISTENT)
def test_consistent_habits_carry_no_fail(name: str) -> None:
    assert _fails(docparse.parse_text(CONSISTENT[name])) == []


@pytest.mark.parametrize("name", INCONSISTENT)
def test_real_inconsistencies_fail_with_their_figure(name: str) -> None:
    text, key = INCONSISTENT[name]
    report = docparse.parse_text(text)
    failing = [c for c in report.checks if c.status == "fail"]
    assert any(Decimal(key) in {Decimal(str(e["value"])) for e in c.evidence} for c in failing), _fails(report)


def test_partial_breakdown_is_unknown_with_its_reason() -> None:
    report = docparse.parse_text(CONSISTENT["partial breakdown"])
    [result] = [c for c in report.checks if c.id == "sum.fund_items"]
    assert result.status == "unknown" and "部分" in result.message


def test_sub_fund_and_level_figures_are_not_the_reports_facts() -> None:
    facts = docparse.parse_text(CONSISTENT["sub-fund rates after a 其中 paragraph"]).facts
    assert (facts["arrived"].value, facts["spent"].value, facts["execution_rate"].value) == (
        Decimal("52000000"), Decimal("39000000"), Decimal("75"))
    report = docparse.parse_text(CONSISTENT["shares of several levels"])
    assert report.facts["budget"] is None and report.facts["arrived"] is None
    warning = next(w for w in report.warnings if w["code"] == "fact_level_shares")
    assert {c["value"] for c in warning["candidates"]} == {"12600000.00", "3100000.00"}


def test_facts_of_different_subjects_are_not_checked_against_each_other() -> None:
    text = ("一、资金情况\n甲镇污水处理站改造工程年初预算资金120万元。\n"
            "乙村供水管网延伸工程实际支出150万元，执行率100%。\n")
    report = docparse.parse_text(text)
    assert _fails(report) == []
    unknown = [c for c in report.checks if c.status == "unknown" and "对象不同" in c.message]
    assert {c.id for c in unknown} == {"order.spent_le_arrived_le_budget", "rate.execution"}
