"""Rates and order: 执行率 = 支出 ÷ 预算, 到位率 = 到位 ÷ 计划, and 支出 ≤ 到位 ≤ 预算.

A rate holds when the printed rate, give or take half its last digit, meets what the printed
amounts (each give or take half its last digit) allow.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from docparse.checks.figures import (
    Figure,
    MentionIndex,
    Places,
    from_fact,
    from_mention,
    from_row,
    role_mentions,
    same_place,
    show,
    table_places,
)
from docparse.checks.registry import block_text, note, register
from docparse.checks.results import compare, make
from docparse.extract.facts import other_subjects
from docparse.model import Fact, Mention, MoneyRow, Report
from docparse.model.report import CheckResult
from docparse.rules import rule_file

EXECUTION = "rate.execution"
ARRIVAL = "rate.arrival"
ORDER = "order.spent_le_arrived_le_budget"

LABELS = {
    "budget": ("年初预算", "initial budget"),
    "adjusted_budget": ("全年预算（调整后预算）", "full-year (adjusted) budget"),
    "spent": ("支出", "spent"),
    "arrived": ("到位资金", "funds arrived"),
    "execution_rate": ("执行率", "execution rate"),
    "arrival_rate": ("到位率", "arrival rate"),
}
_HUNDRED = Decimal(100)
_SHOWN = Decimal("0.0001")


@cache
def fact_rules() -> dict[str, Any]:
    return rule_file("checks/facts.yaml", ["execution_rate", "arrival_rate", "order"])


@cache
def table_rules() -> dict[str, Any]:
    return rule_file("checks/table.yaml", ["total_row_words", "sum_columns", "rate_denominators"])


def rate_result(check_id: str, rate: Figure, numerator: Figure, denominator: Figure,
                what: str = "", what_en: str = "") -> CheckResult | None:
    """The printed ``rate`` against ``numerator ÷ denominator`` with the printed precisions' slack."""
    if denominator.value <= 0:
        return None
    exact = numerator.value / denominator.value * _HUNDRED
    low = (numerator.value - numerator.half) / (denominator.value + denominator.half) * _HUNDRED
    spread = exact - low
    if denominator.value > denominator.half:
        high = (numerator.value + numerator.half) / (denominator.value - denominator.half) * _HUNDRED
        spread = max(spread, high - exact)
    label, label_en = LABELS.get(denominator.role, (denominator.role, denominator.role))
    return compare(check_id, rate.value, exact.quantize(_SHOWN), rate.half + spread, "rate",
                   [rate, numerator, denominator], what or label, what_en or label_en, plain=rate.half,
                   stated=rate)


def restated(role: str) -> list[Mention]:
    """Figures of ``role`` standing right after their cue word in the text (see rules/checks/facts.yaml)."""
    rule = fact_rules().get("restated") or {}
    return role_mentions(note("fact_candidates"), role, int(rule.get("max_gap", 3)),
                         tuple(rule.get("blockers", ())), block_text)


def _subjects_apart(report: Report, names: list[str]) -> tuple[str, str] | None:
    """Two of the facts ``names`` said of different subjects (their bases name different things)."""
    facts: list[Fact | None] = [report.facts.get(n) for n in names]
    subjects = [f.basis.subject for f in facts if f is not None and f.basis is not None and f.basis.subject]
    for i, a in enumerate(subjects):
        for b in subjects[i + 1:]:
            if other_subjects(a, b):
                return a, b
    return None


def _apart_reason(apart: tuple[str, str]) -> tuple[str, str]:
    return (f"所述对象不同（{apart[0]} / {apart[1]}）", f"the figures are said of different subjects "
            f"({apart[0]} / {apart[1]})")


def _first_pass(results: list[CheckResult]) -> CheckResult | None:
    for result in results:
        if result.status == "pass":
            return result
    return results[0] if results else None


def _stated_rates(report: Report, rate_name: str) -> list[Figure]:
    """The rate as stated wherever the report states it, one figure per distinct value, leaving out
    statements that are a 绩效自评表 cell (those are checked row by row)."""
    main = from_fact(rate_name, report.facts.get(rate_name), "rate")
    if main is None:
        return []
    figures = [main]
    fact = report.facts[rate_name]
    mentions = MentionIndex(report.mentions)
    for prov in getattr(fact, "sources", []) or []:
        mention = mentions.at(prov)
        if mention is not None and mention.kind == "percent":
            figures.append(from_mention(rate_name, mention, "rate"))
    cells = table_places(report.money_rows)
    if main.provenance in cells:  # the text restating the table's rate
        figures += [from_mention(rate_name, m, "rate") for m in restated(rate_name)
                    if m.kind == "percent" and m.provenance not in cells]
    rate_cells = Places(row.cells["rate"][1] for row in report.money_rows if "rate" in row.cells)
    out: list[Figure] = []
    values: set[Decimal] = set()
    for figure in figures:
        if figure.provenance in rate_cells or figure.value in values:
            continue
        values.add(figure.value)
        out.append(figure)
    return out


def _fact_rate(report: Report, check_id: str, rate_name: str) -> list[CheckResult]:
    rule = fact_rules()[rate_name]
    rates = _stated_rates(report, rate_name)
    if not rates:
        return []
    numerator = from_fact(rule["numerator"], report.facts.get(rule["numerator"]))
    denominators = [f for f in (from_fact(name, report.facts.get(name)) for name in rule["denominators"])
                    if f is not None]
    if numerator is None or not denominators:
        missing = [LABELS[n] for n in (rule["numerator"], *rule["denominators"])
                   if report.facts.get(n) is None]
        return [make(check_id, "unknown", rates, found=rates[0].value_str(),
                     shown_found=show(rates[0].value, "rate"),
                     reason="未说明" + "、".join(m[0] for m in missing),
                     reason_en="not stated: " + ", ".join(m[1] for m in missing))]
    results = []
    beside: dict[int, list[Mention]] = {}  # the amounts stated after their cue, by block
    for m in restated(numerator.role):
        if m.kind == "money" and m.provenance.block is not None and m.low != numerator.value:
            beside.setdefault(m.provenance.block, []).append(m)
    for rate in rates:
        block = getattr(rate.provenance, "block", None)
        numerators = [numerator] + [  # the amount stated beside the rate ("支出X万元，执行率为Y%")
            from_mention(numerator.role, m, "money") for m in (beside.get(block, []) if block is not None else [])]
        tried = [r for r in (rate_result(check_id, rate, n, d) for n in numerators for d in denominators)
                 if r is not None]
        chosen = _first_pass(tried)
        if chosen is None:
            results.append(make(check_id, "unknown", [rate, numerator, *denominators], found=rate.value_str(),
                                reason="预算为零", reason_en="the budget is zero"))
            continue
        apart = _subjects_apart(report, [rate_name, rule["numerator"], *rule["denominators"]])
        if chosen.status == "fail" and apart is not None:
            zh, en = _apart_reason(apart)
            chosen = make(check_id, "unknown", [rate, numerator, *denominators], found=rate.value_str(),
                          shown_found=show(rate.value, "rate"), reason=zh, reason_en=en)
        elif chosen.status == "fail":
            chosen.evidence = [f.evidence() for f in (rate, numerator, *denominators)]
        results.append(chosen)
    return results


def _row_denominator(row: MoneyRow) -> Figure | None:
    for column in table_rules()["rate_denominators"]:
        figure = from_row(column, row, column)
        if figure is not None:
            return figure
    return None


@register(EXECUTION)
def execution_rate(report: Report) -> list[CheckResult]:
    """Every 执行率 of the self-evaluation table rows, and the report's stated execution rate."""
    results: list[CheckResult] = []
    for row in report.money_rows:
        rate = from_row("execution_rate", row, "rate")
        spent = from_row("spent", row, "spent")
        denominator = _row_denominator(row)
        if rate is None or spent is None or denominator is None:
            continue
        if denominator.value == 0:
            if spent.value != 0:
                results.append(make(EXECUTION, "unknown", [rate, spent, denominator], found=rate.value_str(),
                                    reason=f"{row.name}预算为零", reason_en=f"{row.name}: the budget is zero"))
            continue
        label, label_en = LABELS[denominator.role]
        result = rate_result(EXECUTION, rate, spent, denominator, f"{row.name}，{label}",
                             f"{row.name}, {label_en}")
        if result is not None:
            results.append(result)
    results.extend(_fact_rate(report, EXECUTION, "execution_rate"))
    return results


@register(ARRIVAL)
def arrival_rate(report: Report) -> list[CheckResult]:
    """The report's 到位率 against 到位资金 ÷ 预算."""
    return _fact_rate(report, ARRIVAL, "arrival_rate")


def _statements(report: Report, names: tuple[str, ...]) -> list[Figure]:
    """Each statement of the facts ``names``: the fact itself, then each restatement right after its cue
    word with another value (a report may state a figure as it stands in two sentences)."""
    out: list[Figure] = []
    values: set[Decimal] = set()
    for name in names:
        figure = from_fact(name, report.facts.get(name))
        if figure is None:
            continue
        out.append(figure)
        values.add(figure.value)
        for m in restated(name):
            if m.kind == "money" and m.low not in values:
                out.append(from_mention(name, m, "money"))
                values.add(m.low)
    return out


def _first_chain(options: list[list[Figure]]) -> list[Figure] | None:
    """The first choice of one statement per fact (in the order :func:`itertools.product` lists them)
    that is in order; a partial choice already out of order is not extended, so the search stays small
    where a long report restates a figure many times."""
    chain: list[Figure] = []

    def extend(level: int) -> bool:
        if level == len(options):
            return True
        for figure in options[level]:
            if all(a.value - figure.value <= a.half + figure.half for a in chain):
                chain.append(figure)
                if extend(level + 1):
                    return True
                chain.pop()
        return False

    return list(chain) if extend(0) else None


@register(ORDER)
def spent_arrived_budget(report: Report) -> list[CheckResult]:
    """支出 ≤ 到位 ≤ 预算 among the report-level facts that are stated (at least two of them).

    Where the text states a figure twice with different values, the order holds when some choice of the
    statements keeps it (the larger of two budgets bounds the rest)."""
    options: list[list[Figure]] = []
    for name in fact_rules()["order"]:
        names = ("budget", "adjusted_budget") if name == "budget" else (name,)
        stated = _statements(report, names)
        if stated:
            options.append(stated)
    if len(options) < 2:
        return []
    facts = [max((f for f in o if f.role in ("budget", "adjusted_budget") and report.facts.get(f.role)
                  and same_place(f.provenance, report.facts[f.role].provenance)), key=lambda f: f.value,
                 default=o[0]) for o in options]
    chain = _first_chain(options)
    status = "pass" if chain is not None else "fail"
    apart = _subjects_apart(report, ["spent", "arrived", "budget", "adjusted_budget"])
    if status == "fail" and apart is not None:
        zh, en = _apart_reason(apart)
        return [make(ORDER, "unknown", facts, what="支出、到位、预算", reason=zh, reason_en=en)]
    chain = chain or facts
    shown = " ≤ ".join(f"{LABELS[f.role][0]}{show(f.value, 'money')}" for f in chain)
    shown_en = " ≤ ".join(f"{LABELS[f.role][1]} {show(f.value, 'money')}" for f in chain)
    found = ", ".join(f"{f.role}={f.value_str()}" for f in chain)
    result = make(ORDER, status, chain, what="支出、到位、预算", found=found, shown_found=shown,
                  expected=" <= ".join(f.role for f in chain))
    result.message_en = (result.message_en or "").replace(shown, shown_en).replace(
        "支出、到位、预算", "spent, arrived, budget")
    return [result]
