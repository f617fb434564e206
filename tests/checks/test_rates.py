"""rate.execution, rate.arrival and order.spent_le_arrived_le_budget."""

from __future__ import annotations

from docparse.checks.rates import arrival_rate, execution_rate, spent_arrived_budget
from docparse.model import Mention, Provenance

from .build import fact, report, row, statuses


def facts(**values: str | None):
    rep = report()
    for k, (name, value) in enumerate(values.items()):
        if value is None:
            continue
        rate = name.endswith("_rate")
        rep.facts[name] = fact(value, f"{value}%" if rate else None, line=k + 1, money=not rate)
    return rep


def test_execution_rate_pass_and_rounding() -> None:
    # 9265.353442 / 10441 = 88.7401…%
    results = execution_rate(facts(budget="10441", spent="9265.353442", execution_rate="88.74"))
    assert statuses(results) == ["pass"]
    assert results[0].found == "88.74"


def test_execution_rate_fail() -> None:
    # 47.68 / 50 = 95.36%, printed 95.00%
    results = execution_rate(facts(adjusted_budget="50", spent="47.68", execution_rate="95.00"))
    assert statuses(results) == ["fail"]
    assert results[0].expected == "95.36"
    assert {e["role"] for e in results[0].evidence} == {"execution_rate", "spent", "adjusted_budget"}


def test_whole_percent_tolerates_half_a_point() -> None:
    assert statuses(execution_rate(facts(budget="2179", spent="2113.63", execution_rate="97"))) == ["pass"]
    rep = facts(budget="100", spent="99.6", execution_rate="100")
    results = execution_rate(rep)
    assert statuses(results) == ["pass"] and results[0].note is None  # 99.6% printed as 100%
    assert statuses(execution_rate(facts(budget="100", spent="99.4", execution_rate="100"))) == ["fail"]


def test_rounded_amounts_explain_a_rate_with_a_note() -> None:
    # 47.7万元 stands for 47.65…47.75: 95.30%…95.50% of 50万元, so a printed 95.37% holds
    results = execution_rate(facts(budget="50", spent="47.7", execution_rate="95.37"))
    assert statuses(results) == ["pass"] and results[0].note and "舍入" in results[0].note
    assert statuses(execution_rate(facts(budget="50", spent="47.70", execution_rate="95.37"))) == ["fail"]


def test_denominator_the_report_names() -> None:
    # spent / 全年预算 = 90%, spent / 年初预算 = 100%: either is a denominator a form may name
    rep = facts(budget="90", adjusted_budget="100", spent="90", execution_rate="90")
    assert statuses(execution_rate(rep)) == ["pass"]
    rep = facts(budget="90", adjusted_budget="100", spent="90", execution_rate="100")
    assert statuses(execution_rate(rep)) == ["pass"]
    rep = facts(budget="90", adjusted_budget="100", spent="90", execution_rate="95")
    assert statuses(execution_rate(rep)) == ["fail"]


def test_rate_without_amounts_is_unknown_and_no_rate_no_result() -> None:
    results = execution_rate(facts(execution_rate="100"))
    assert statuses(results) == ["unknown"]
    assert "未说明" in results[0].message
    assert execution_rate(facts(budget="10", spent="9")) == []


def test_rate_restated_elsewhere_is_checked_too() -> None:
    rep = facts(adjusted_budget="50", spent="45", execution_rate="90")
    stated = Provenance(line=9, block=9, start=3, end=7)
    rep.mentions.append(Mention("percent", "86%", __import__("decimal").Decimal("86"), stated))
    rep.facts["execution_rate"].sources.append(stated)  # type: ignore[union-attr]
    assert statuses(execution_rate(rep)) == ["pass", "fail"]


def test_table_rows_use_full_year_budget() -> None:
    rep = report()
    rep.money_rows = [row("年度资金总额", "50", "50", "47.68", "10", "95.00%", "9.5"),
                      row("其中：中央财政补助", "50", "50", "47.68", rate="95.36%", r=1)]
    assert statuses(execution_rate(rep)) == ["fail", "pass"]


def test_table_row_with_zero_budget() -> None:
    rep = report()
    rep.money_rows = [row("年度资金总额", "0", "0", "0", "10", "0%", "0")]
    assert execution_rate(rep) == []


def test_arrival_rate() -> None:
    assert statuses(arrival_rate(facts(budget="99", arrived="99", arrival_rate="100"))) == ["pass"]
    assert statuses(arrival_rate(facts(budget="99", arrived="90", arrival_rate="100"))) == ["fail"]


def test_order() -> None:
    assert statuses(spent_arrived_budget(facts(budget="100", arrived="98", spent="97.5"))) == ["pass"]
    result = spent_arrived_budget(facts(budget="100", arrived="98", spent="98.5"))
    assert statuses(result) == ["fail"]
    assert [e["role"] for e in result[0].evidence] == ["spent", "arrived", "budget"]
    # the larger of two budgets bounds the rest
    assert statuses(spent_arrived_budget(facts(budget="90", adjusted_budget="100", spent="95"))) == ["pass"]
    assert spent_arrived_budget(facts(spent="95")) == []


def test_order_holds_for_some_statement_of_a_twice_stated_figure() -> None:
    from types import SimpleNamespace

    from docparse.checks.registry import reading

    rep = facts(adjusted_budget="173.44", arrived="8.67", spent="173.44")
    stated = Mention("money", "173.44万元", __import__("decimal").Decimal("1734400"),
                     Provenance(line=5, block=5, start=10, end=19), unit="万元")
    notes = {"fact_candidates": [SimpleNamespace(role="arrived", mention=stated, cue="实际到位", distance=0)]}
    assert statuses(spent_arrived_budget(rep)) == ["fail"]
    with reading(None, notes):
        result = spent_arrived_budget(rep)
    assert statuses(result) == ["pass"]
    assert [e["value"] for e in result[0].evidence] == ["1734400.00"] * 3
