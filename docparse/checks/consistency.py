"""``consistency.repeated_figure``: a figure stated in several places says the same everywhere.

Three kinds of repetition: a fact restated in the text (``Fact.sources``, read back from the mentions
there), a fact stated both in the text and in the 绩效自评表 total row, and an itemised listing given
twice under totals of its own.
"""

from __future__ import annotations

from docparse.checks.figures import (
    Figure,
    FigureKind,
    MentionIndex,
    Places,
    from_fact,
    from_mention,
    from_row,
    same_place,
    show,
    table_places,
)
from docparse.checks.rates import restated
from docparse.checks.registry import register
from docparse.checks.results import make
from docparse.checks.table import is_total_row
from docparse.model import MoneyRow, Report
from docparse.model.report import CheckResult

CHECK = "consistency.repeated_figure"

FACT_LABELS = {
    "budget": ("年初预算", "the initial budget"),
    "adjusted_budget": ("全年预算（调整后预算）", "the full-year budget"),
    "arrived": ("到位资金", "funds arrived"),
    "spent": ("支出", "the spending"),
    "arrival_rate": ("到位率", "the arrival rate"),
    "execution_rate": ("执行率", "the execution rate"),
    "score": ("自评得分", "the score"),
}
# fact name → the 年度资金总额 row column stating the same figure.
ROW_COLUMNS = {"budget": "budget", "adjusted_budget": "adjusted_budget", "spent": "spent",
               "execution_rate": "rate"}


def _kind(name: str) -> FigureKind:
    if name.endswith("_rate"):
        return "rate"
    return "score" if name == "score" else "money"


def _agree(figures: list[Figure]) -> bool:
    first = figures[0]
    return all(abs(f.value - first.value) <= f.half + first.half for f in figures[1:])


def _result(label: tuple[str, str], figures: list[Figure], kind: FigureKind) -> CheckResult:
    status = "pass" if _agree(figures) else "fail"
    values = sorted({f.value for f in figures})
    shown = " / ".join(show(v, kind) for v in values)
    found = " / ".join(f.value_str() for f in figures)
    result = make(CHECK, status, figures, what=label[0], found=found, shown_found=shown,
                  expected=figures[0].value_str())
    result.message_en = (result.message_en or "").replace(label[0], label[1], 1)
    return result


def _total_row(report: Report) -> MoneyRow | None:
    rows = [r for r in report.money_rows if is_total_row(r)]
    return rows[0] if len(rows) == 1 else None


@register(CHECK)
def repeated_figures(report: Report) -> list[CheckResult]:
    """One result per fact stated in more than one place, and per listing stated twice."""
    results: list[CheckResult] = []
    row = _total_row(report)
    mentions = MentionIndex(report.mentions)
    cells = table_places(report.money_rows)
    parts = [i.provenance for i in report.fund_items if i.provenance is not None]
    for name, label in FACT_LABELS.items():
        kind = _kind(name)
        main = from_fact(name, report.facts.get(name), kind)
        if main is None:
            continue
        figures = [main]
        fact = report.facts[name]
        for prov in getattr(fact, "sources", []) or []:
            mention = mentions.at(prov)
            if mention is not None and not same_place(mention.provenance, main.provenance):
                figures.append(from_mention(name, mention, kind))
        if main.provenance in cells:  # the text restating the table's figure
            known = Places([*parts, *(f.provenance for f in figures)])
            for mention in restated(name):
                if mention.provenance not in cells and mention.provenance not in known:
                    figures.append(from_mention(name, mention, kind))
                    known.add(mention.provenance)
        column = ROW_COLUMNS.get(name)
        if row is not None and column is not None:
            cell = from_row(name, row, column)
            if cell is not None and cell.provenance not in Places(f.provenance for f in figures):
                figures.append(cell)
        if len(figures) > 1:
            results.append(_result(label, figures, kind))
    results.extend(_repeated_listings(report))
    return results


def _repeated_listings(report: Report) -> list[CheckResult]:
    """The same items listed twice under two stated totals: the totals agree (once per pair of totals)."""
    out: list[CheckResult] = []
    seen: dict[tuple[int, ...], Figure] = {}
    pairs: set[tuple[str, str]] = set()
    for listing in report.fund_listings:
        total = from_fact("total", listing.total, name=listing.group)
        key = tuple(sorted(listing.items))
        if total is None or not key:
            continue
        earlier = seen.get(key)
        if earlier is None:
            seen[key] = total
            continue
        pair = (repr(earlier.provenance), repr(total.provenance))
        if same_place(earlier.provenance, total.provenance) or pair in pairs:
            continue
        pairs.add(pair)
        out.append(_result(("所列资金的总额", "the total of the itemised funds"), [earlier, total], "money"))
    return out
