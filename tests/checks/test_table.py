"""The 绩效自评表 checks: money rows, weights, scores, execution score, met/score, total score."""

from __future__ import annotations

from decimal import Decimal

from docparse.checks.table import (
    execution_score,
    indicator_met_score,
    money_rows,
    score_le_weight,
    tables,
    total_score,
    weights_total,
)
from docparse.model import Comparison, Fact

from .build import indicator, report, row, statuses


def table(total: str = "98.85", exec_score: str = "9.85", last: str = "30"):
    rep = report()
    rep.money_rows = [
        row("年度资金总额", "100.00", "100.00", "98.50", "10", "98.50%", exec_score, r=3),
        row("其中：本年财政拨款", "90.00", "90.00", "88.50", r=4),
        row("上年结转资金", "10.00", "10.00", "10.00", r=5),
        row("其他资金", "0.00", "0.00", "0.00", r=6),
    ]
    rep.indicators = [indicator("数量", "30", "30", r=10), indicator("质量", "30", "29", met=False, r=11),
                      indicator("满意度", last, "30", r=12)]
    rep.evaluation_score = Fact(Decimal(total), f"{total}分")
    return rep


def test_consistent_table_passes_everything() -> None:
    rep = table()
    assert len(tables(rep)) == 1
    for check in (money_rows, weights_total, score_le_weight, execution_score, indicator_met_score,
                  total_score):
        results = check(rep)
        assert results and statuses(results) == ["pass"] * len(results), check.__name__
    assert len(money_rows(rep)) == 3


def test_total_row_not_the_sum_of_sources() -> None:
    # a 年度资金总额 row left at 0 above a 本年财政拨款 row of 90 / 89.974 / 89.974
    rep = report()
    rep.money_rows = [row("年度资金总额", "0", "0", "0", "10", "0", "0"),
                      row("其中：本年财政拨款", "90", "89.974", "89.974", r=1),
                      row("上年结转资金", r=2), row("其他资金", r=3)]
    results = money_rows(rep)
    assert statuses(results) == ["fail", "fail", "fail"]
    assert results[1].expected == "899740.00" and results[1].found == "0.00"


def test_money_rows_rounding() -> None:
    rep = report()
    rep.money_rows = [row("年度资金总额", "100.01"), row("本年财政拨款", "90.00", r=1),
                      row("上年结转资金", "10.00", r=2)]
    results = money_rows(rep)
    assert statuses(results) == ["pass"] and results[0].note
    rep.money_rows[0] = row("年度资金总额", "100.02")
    assert statuses(money_rows(rep)) == ["fail"]


def test_weights_over_and_under() -> None:
    assert statuses(weights_total(table(last="40"))) == ["fail"]
    assert statuses(weights_total(table(last="20"))) == ["unknown"]


def test_score_above_weight() -> None:
    rep = table()
    rep.indicators[0].score = Decimal("31")
    results = score_le_weight(rep)
    assert statuses(results) == ["fail"]
    assert results[0].found == "31" and results[0].expected == "30"


def test_execution_score() -> None:
    assert statuses(execution_score(table(exec_score="9.5"))) == ["fail"]
    # weight × rate capped at 100%
    rep = report()
    rep.money_rows = [row("年度资金总额", "100", "100", "120", "10", "120%", "10")]
    assert statuses(execution_score(rep)) == ["pass"]
    # computed from the amounts where the rate is not printed
    rep.money_rows = [row("年度资金总额", "100", "100", "90", "10", None, "9")]
    assert statuses(execution_score(rep)) == ["pass"]


def test_indicator_met_score() -> None:
    rep = table()
    rep.indicators[0].score = Decimal("28")  # met but not full marks
    assert statuses(indicator_met_score(rep)) == ["fail"]
    rep = table()
    rep.indicators[1].score = Decimal("30")  # not met yet full marks
    assert statuses(indicator_met_score(rep)) == ["fail"]
    rep = table()
    rep.indicators[0].score = Decimal("28")
    rep.indicators[0].target_cmp = Comparison("=", None, text="效果明显")  # qualitative: judged by the scorer
    assert statuses(indicator_met_score(rep)) == ["pass"]


def test_total_score() -> None:
    assert statuses(total_score(table(total="96.85"))) == ["fail"]
    assert statuses(total_score(table(total="98.9"))) == ["pass"]  # 98.85 printed to one decimal
    # an incomplete table (weights short of 100) says nothing unless its scores already exceed the total
    assert total_score(table(total="98.85", last="20")) == []
    assert statuses(total_score(table(total="80", last="20"))) == ["fail"]


def test_two_tables_are_checked_apart() -> None:
    first, second = table(), table()
    for r in second.money_rows:
        r.provenance.block = 50  # type: ignore[union-attr]
        for _, prov in r.cells.values():
            prov.block = 50  # type: ignore[union-attr]
    for ind in second.indicators:
        ind.provenance.block = 51  # type: ignore[union-attr]
    first.money_rows += second.money_rows
    first.indicators += second.indicators
    assert len(tables(first)) == 2
    assert statuses(weights_total(first)) == ["pass", "pass"]


def test_prose_indicators_are_no_table() -> None:
    rep = report()
    rep.indicators = [indicator("数量", "30", "30"), indicator("质量", "60", "50", met=False)]
    for ind in rep.indicators:
        ind.source = "text"
    rep.evaluation_score = Fact(Decimal("90"), "90分")
    assert weights_total(rep) == [] and total_score(rep) == []
    assert statuses(score_le_weight(rep)) == ["pass"]
