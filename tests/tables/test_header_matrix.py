"""The header-variant matrix (issue 12's quality bar): every budget / adjusted / spent / rate label variant
that provinces print, in the column orders of the national, provincial and transfer-payment forms, with
and without an adjusted column, with two budget-like columns side by side, with the unit in a caption,
in each header, on the values, in the 项目资金（万元） label cell (also merged down the block) or in a
first header row grouping the money columns (预算执行情况（万元） over 年初预算数 | 全年预算数 | 全年执行数),
rendered as a Word table, a PDF table, pipe rows, one cell per line and tab-separated rows (and, with the
unit in a caption, a PDF whose money block breaks across a page without repeating its header).

Each test id names the variant (form / figures / unit habit) and the rendering. Every case must give the
money rows and facts the table states, every printed amount as a money mention and every printed rate as a
percent mention, nothing else; no check fails on a consistent table; a rate that contradicts its amounts
fails; 序号, 年度 and count columns are never money, and a unit in one column's header governs that column
only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import docparse
from docparse.model import Report

from .matrix_build import DETAIL_HEADER, ROW_FIELDS, WAN, Case, cases, render, renderings

CASES = cases()
ALL = [pytest.param(case, rendering, id=f"{case.id}@{rendering}") for case in CASES for rendering in renderings(case)]
CONSISTENT = [p for p in ALL if p.values[0].figures.consistent]
INCONSISTENT = [p for p in ALL if not p.values[0].figures.consistent]
WITH_NON_MONEY_COLUMNS = [p for p in ALL if p.values[0].expected().never_money]

Parsed = Callable[[Case, str], Report]


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> Parsed:
    """Each case rendered and parsed once for the whole module (files built under a temporary folder)."""
    folder: Path = tmp_path_factory.mktemp("header_matrix")
    done: dict[tuple[str, str], Report] = {}

    def get(case: Case, rendering: str) -> Report:
        key = (case.id, rendering)
        if key not in done:
            item = render(case, rendering, folder)
            done[key] = docparse.parse(item.path) if item.path is not None else docparse.parse_text(item.text or "")
        return done[key]

    return get


def _rows(report: Report) -> tuple[tuple[str | Decimal | None, ...], ...]:
    return tuple((r.name, *(getattr(r, f) for f in ROW_FIELDS)) for r in report.money_rows)


def _show(rows: tuple[tuple[object, ...], ...]) -> str:
    return "\n".join(" | ".join("·" if v is None else str(v) for v in row) for row in rows) or "(none)"


@pytest.mark.parametrize(("case", "rendering"), ALL)
def test_money_rows_are_the_table_rows(case: Case, rendering: str, parsed: Parsed) -> None:
    """funds.money_rows: name, budget, adjusted_budget, spent (yuan), weight, rate, score — exactly."""
    got, want = _rows(parsed(case, rendering)), case.expected().money_rows
    assert got == want, (f"header {case.printed_header()}\nread:\n{_show(got)}\nexpected "
                         f"({' | '.join(('name', *ROW_FIELDS))}):\n{_show(want)}")


@pytest.mark.parametrize(("case", "rendering"), ALL)
def test_facts_are_the_total_row(case: Case, rendering: str, parsed: Parsed) -> None:
    """budget / adjusted_budget / spent / execution_rate are the 年度资金总额 row's, null where no column states one."""
    report = parsed(case, rendering)
    want = case.expected().facts
    got = {name: (None if report.facts.get(name) is None else report.facts[name].value) for name in want}
    assert got == want, f"header {case.printed_header()}"


@pytest.mark.parametrize(("case", "rendering"), ALL)
def test_every_printed_amount_is_one_money_mention(case: Case, rendering: str, parsed: Parsed) -> None:
    """The money mentions are the amounts the tables print, in yuan, nothing more and nothing less."""
    got = sorted(m.low for m in parsed(case, rendering).mentions if m.kind == "money")
    want = list(case.expected().money_values)
    missing = sorted((Counter(want) - Counter(got)).elements())
    extra = sorted((Counter(got) - Counter(want)).elements())
    tables = f"{' | '.join(DETAIL_HEADER)} and {case.printed_header()}" if case.detail else case.printed_header()
    assert got == want, f"headers {tables}; missing {missing}; extra {extra}"


@pytest.mark.parametrize(("case", "rendering"), ALL)
def test_every_printed_rate_is_one_percent_mention(case: Case, rendering: str, parsed: Parsed) -> None:
    """The 执行率 cell is the one percent mention; 分值, 得分, 序号 and counts give none."""
    got = sorted(m.low for m in parsed(case, rendering).mentions if m.kind == "percent")
    assert got == list(case.expected().percent_values), f"header {case.printed_header()}"


@pytest.mark.parametrize(("case", "rendering"), WITH_NON_MONEY_COLUMNS)
def test_serial_year_and_count_columns_are_never_money(case: Case, rendering: str, parsed: Parsed) -> None:
    """序号 1 2 3, 年度 2023, 项目个数（个） / 受益人数（人） numbers give no money mention in any unit."""
    never = case.expected().never_money
    read_as_money = {v * scale for v in never for scale in (Decimal(1), WAN)}
    wrong = [(m.text, m.low) for m in parsed(case, rendering).mentions
             if m.kind == "money" and m.low in read_as_money]
    assert not wrong, f"numbers of 序号/年度/count columns read as money: {wrong}"


@pytest.mark.parametrize(("case", "rendering"), CONSISTENT)
def test_no_check_fails_on_a_consistent_table(case: Case, rendering: str, parsed: Parsed) -> None:
    failed = [(c.id, c.message) for c in parsed(case, rendering).checks if c.status == "fail"]
    assert not failed, f"header {case.printed_header()}: {failed}"


@pytest.mark.parametrize(("case", "rendering"), INCONSISTENT)
def test_a_rate_contradicting_its_amounts_fails(case: Case, rendering: str, parsed: Parsed) -> None:
    """执行率 stated 100% where 全年执行数 108 ÷ 全年预算数 120 = 90%: rate.execution fails."""
    report = parsed(case, rendering)
    rate_checks = [(c.id, c.status, c.found, c.expected) for c in report.checks if c.id == "rate.execution"]
    assert any(status == "fail" for _id, status, *_ in rate_checks), (
        f"rate.execution results: {rate_checks or 'none'}; money rows:\n{_show(_rows(report))}")
