"""Checks of the 绩效自评表: the money block, the weights, and the scores.

A report may hold several self-evaluation tables; each starts at a 年度资金总额 row, and indicators
belong to the table whose money block precedes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from docparse.checks.figures import Figure, display_precision, from_fact, from_row, show, tolerance_rules
from docparse.checks.rates import table_rules
from docparse.checks.registry import register
from docparse.checks.results import compare, make, sum_against, sum_of
from docparse.model import Indicator, MoneyRow, Report
from docparse.model.report import CheckResult

MONEY_ROWS = "table.money_rows"
WEIGHTS = "table.weights_total"
SCORE_LE_WEIGHT = "table.score_le_weight"
EXECUTION_SCORE = "table.execution_score"
MET_SCORE = "table.indicator_met_score"
TOTAL_SCORE = "table.total_score"

COLUMN_LABELS = {
    "budget": ("年初预算数", "initial budget"),
    "adjusted_budget": ("全年预算数", "full-year budget"),
    "spent": ("全年执行数", "spent"),
}
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


@dataclass
class SelfEvalTable:
    """One 绩效自评表: its 年度资金总额 row, the rows of its sources, and its indicators."""

    total: MoneyRow | None = None
    sources: list[MoneyRow] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def from_prose(self) -> bool:
        """Indicators read from prose only: no table whose weights and scores must add up."""
        return self.total is None and not self.sources and all(i.source == "text" for i in self.indicators)

    @property
    def scored_row(self) -> MoneyRow | None:
        """The money row that carries the budget-execution weight and score."""
        for row in (self.total, *self.sources):
            if row is not None and row.weight is not None:
                return row
        return None


def is_total_row(row: MoneyRow) -> bool:
    return any(word in row.name for word in table_rules()["total_row_words"])


def _block(prov: object) -> int | None:
    return getattr(prov, "block", None)


def tables(report: Report) -> list[SelfEvalTable]:
    """The self-evaluation tables of the report, in document order."""
    out: list[SelfEvalTable] = []
    for row in report.money_rows:
        if is_total_row(row) or not out:
            out.append(SelfEvalTable(total=row if is_total_row(row) else None))
            if not is_total_row(row):
                out[-1].sources.append(row)
        else:
            out[-1].sources.append(row)
    indicators = [i for i in report.indicators if i.weight is not None or i.score is not None]
    if not indicators:
        return out
    if not out:
        return [SelfEvalTable(indicators=indicators)]
    starts = [_block(t.total.provenance if t.total else t.sources[0].provenance) for t in out]
    for indicator in indicators:
        at = _block(indicator.provenance)
        index = 0
        if at is not None and all(s is not None for s in starts):
            index = max([k for k, s in enumerate(starts) if s is not None and s <= at] or [0])
        out[index].indicators.append(indicator)
    return out


def _weight(indicator: Indicator, role: str = "weight") -> Figure | None:
    if indicator.weight is None:
        return None
    return Figure(role, indicator.weight, "weight", None, indicator.provenance, indicator.name)


def _score(indicator: Indicator, role: str = "score") -> Figure | None:
    if indicator.score is None:
        return None
    return Figure(role, indicator.score, "score", None, indicator.provenance, indicator.name)


@register(MONEY_ROWS)
def money_rows(report: Report) -> list[CheckResult]:
    """年度资金总额 = Σ its sources, column by column, where the total and a source are stated."""
    results: list[CheckResult] = []
    display = display_precision(report.mentions)
    for table in tables(report):
        if table.total is None or not table.sources:
            continue
        for column in table_rules()["sum_columns"]:
            total = from_row("total", table.total, column)
            parts = [f for f in (from_row("source", r, column) for r in table.sources) if f is not None]
            if total is None or not parts:
                continue
            found, tol = sum_against(parts, total, display)
            label, label_en = COLUMN_LABELS[column]
            results.append(compare(MONEY_ROWS, total.value, found, tol, "money",
                                   [*parts, total], label, label_en))
    return results


def _table_weights(table: SelfEvalTable) -> list[Figure]:
    weights = [w for w in (_weight(i) for i in table.indicators) if w is not None]
    row = table.scored_row
    if row is not None:
        figure = from_row("weight", row, "weight")
        if figure is not None:
            weights.insert(0, figure)
    return weights


@register(WEIGHTS)
def weights_total(report: Report) -> list[CheckResult]:
    """Σ分值 = 100 per table; a smaller sum may be a table cut short (unknown), a larger one fails."""
    results: list[CheckResult] = []
    target = Decimal(str(tolerance_rules()["weights_total"]))
    for table in tables(report):
        weights = _table_weights(table)
        if len(weights) < 2 or table.from_prose:
            continue
        found, tol = sum_of(weights)
        if found < target - tol:
            results.append(make(WEIGHTS, "unknown", weights, expected=str(target), found=str(found),
                                shown_expected=show(target, "weight"), shown_found=show(found, "weight")))
        else:
            results.append(compare(WEIGHTS, found, target, tol, "weight", weights, ""))
    return results


def _scored(table: SelfEvalTable) -> list[tuple[Figure, Figure]]:
    """(weight, score) pairs of a table: the budget-execution row and every indicator."""
    pairs = []
    row = table.scored_row
    if row is not None:
        weight, score = from_row("weight", row, "weight"), from_row("score", row, "score")
        if weight is not None and score is not None:
            pairs.append((weight, score))
    for indicator in table.indicators:
        weight, score = _weight(indicator), _score(indicator)
        if weight is not None and score is not None:
            pairs.append((weight, score))
    return pairs


@register(SCORE_LE_WEIGHT)
def score_le_weight(report: Report) -> list[CheckResult]:
    """Each 得分 ≤ its 分值: one failure per row that exceeds, else one pass per table."""
    results: list[CheckResult] = []
    for table in tables(report):
        pairs = _scored(table)
        if not pairs:
            continue
        over = [(w, s) for w, s in pairs if s.value > w.value]
        for weight, score in over:
            results.append(make(SCORE_LE_WEIGHT, "fail", [weight, score], what=score.name or "",
                                expected=weight.value_str(), found=score.value_str(),
                                shown_expected=show(weight.value, "weight"),
                                shown_found=show(score.value, "score")))
        if not over:
            results.append(make(SCORE_LE_WEIGHT, "pass", [f for p in pairs for f in p],
                                found=str(len(pairs))))
    return results


@register(EXECUTION_SCORE)
def execution_score(report: Report) -> list[CheckResult]:
    """预算执行率得分 = 分值 × 执行率 (the rate capped), within the printed precision."""
    results: list[CheckResult] = []
    cap = Decimal(str(tolerance_rules()["execution_score_rate_cap"]))
    for table in tables(report):
        row = table.scored_row
        if row is None:
            continue
        weight, score = from_row("weight", row, "weight"), from_row("score", row, "score")
        rate = from_row("execution_rate", row, "rate")
        if weight is None or score is None:
            continue
        if rate is None:
            spent = from_row("spent", row, "spent")
            base = from_row("adjusted_budget", row, "adjusted_budget") or from_row("budget", row, "budget")
            if spent is None or base is None or base.value <= 0:
                continue
            rate = Figure("execution_rate", (spent.value / base.value * _HUNDRED).quantize(Decimal("0.01")),
                          "rate", None, None, "spent ÷ budget")
        used = min(rate.value, cap)
        expected = (weight.value * used / _HUNDRED).quantize(Decimal("0.0001"))
        tol = score.half + weight.value * rate.half / _HUNDRED
        results.append(compare(EXECUTION_SCORE, score.value, expected, tol, "score",
                               [weight, rate, score], ""))
    return results


def _quantitative(indicator: Indicator) -> bool:
    cmp = indicator.target_cmp
    return cmp is None or cmp.value is not None


@register(MET_SCORE)
def indicator_met_score(report: Report) -> list[CheckResult]:
    """A met indicator scores its full weight; one not met scores less."""
    results: list[CheckResult] = []
    for table in tables(report):
        judged, failed = [], False
        for indicator in table.indicators:
            weight, score = _weight(indicator), _score(indicator)
            if indicator.met is None or weight is None or score is None:
                continue
            judged.append((weight, score))
            if indicator.met and _quantitative(indicator) and weight.value - score.value > score.half:
                expected, expected_en = "已完成，应得满分", "met: full marks"
            elif indicator.met is False and score.value >= weight.value:
                expected, expected_en = "未完成，应扣分", "not met: less than full marks"
            else:
                continue
            found = f"得分{number(score.value)}/分值{number(weight.value)}"
            result = make(MET_SCORE, "fail", [weight, score], what=indicator.name, expected=expected,
                          found=found)
            result.message_en = (result.message_en or "").replace(expected, expected_en).replace(
                found, f"score {number(score.value)} of {number(weight.value)}")
            results.append(result)
            failed = True
        if judged and not failed:
            results.append(make(MET_SCORE, "pass", [f for p in judged for f in p], found=str(len(judged))))
    return results


def number(value: Decimal) -> str:
    return show(value, "count")


@register(TOTAL_SCORE)
def total_score(report: Report) -> list[CheckResult]:
    """The total self-evaluation score = Σ得分 of a complete table (Σ分值 = 100)."""
    listed = [t for t in tables(report) if _scored(t) and not t.from_prose]
    total = from_fact("total", report.evaluation_score, "score") or from_fact(
        "total", report.facts.get("score"), "score")
    if total is None or len(listed) != 1:
        return []
    pairs = _scored(listed[0])
    scores = [s for _, s in pairs]
    found, _ = sum_of(scores)
    weights, _ = sum_of(w for w, _ in pairs)
    target = Decimal(str(tolerance_rules()["weights_total"]))
    if weights != target and found <= total.value + total.half:
        return []  # an incomplete table: its scores cannot reach the total
    return [compare(TOTAL_SCORE, total.value, found, total.half, "score", [*scores, total], "")]
