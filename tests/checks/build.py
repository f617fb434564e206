"""Small builders of reports and documents for the check tests."""

from __future__ import annotations

import re
from decimal import Decimal

from docparse.model import (
    Document,
    Fact,
    FundItem,
    FundListing,
    Indicator,
    Mention,
    MoneyRow,
    Provenance,
    Report,
    SourceInfo,
)
from docparse.model.report import CheckResult
from docparse.readers.text import document_from_text

WAN = Decimal(10000)


def report() -> Report:
    return Report(source=SourceInfo(path=None, format="txt"))


def fact(value: str, text: str | None = None, line: int | None = None, money: bool = True) -> Fact:
    """A fact; money given in 万元 as written ("99", "47.68"), stored in yuan."""
    if money:
        return Fact(Decimal(value) * WAN, text or f"{value}万元", Provenance(line=line), money=True)
    return Fact(Decimal(value), text or value, Provenance(line=line))


def listing(rep: Report, items: list[str], total: str | None = None, group: str | None = None,
            subtotal: str | None = None, total_line: int = 1) -> FundListing:
    """Append fund items (amounts in 万元 as written) and a listing of them to ``rep``."""
    start = len(rep.fund_items)
    for k, amount in enumerate(items):
        rep.fund_items.append(FundItem(f"项目{start + k}", Decimal(amount) * WAN, f"{amount}万元", group))
    result = FundListing(
        items=list(range(start, len(rep.fund_items))), group=group,
        total=fact(total, line=total_line) if total is not None else None,
        subtotal=fact(subtotal, line=total_line + 1) if subtotal is not None else None,
    )
    rep.fund_listings.append(result)
    return result


def row(name: str, budget: str | None = None, adjusted: str | None = None, spent: str | None = None,
        weight: str | None = None, rate: str | None = None, score: str | None = None, r: int = 0) -> MoneyRow:
    """A money row with cell texts as written (amounts in 万元)."""
    out = MoneyRow(name=name, provenance=Provenance(table=0, row=r, block=1))
    for col, (field, text) in enumerate({"budget": budget, "adjusted_budget": adjusted, "spent": spent,
                                         "weight": weight, "rate": rate, "score": score}.items()):
        if text is None:
            continue
        number = Decimal(text.rstrip("%"))
        setattr(out, field, number * WAN if field in ("budget", "adjusted_budget", "spent") else number)
        out.cells[field] = (text, Provenance(table=0, row=r, col=col + 1, block=1))
    return out


def indicator(name: str, weight: str, score: str, met: bool | None = True, r: int = 10) -> Indicator:
    return Indicator(name=name, weight=Decimal(weight), score=Decimal(score), met=met, source="table",
                     provenance=Provenance(table=1, row=r, block=2))


def with_counts(text: str, units: str = "个人件名次") -> tuple[Report, Document]:
    """A report whose count mentions are every "<digits><unit>" (with 余/约 as qualifiers) in ``text``."""
    doc = document_from_text(text)
    rep = report()
    pattern = re.compile(rf"(\d+)(余)?([{units}])")
    for block in doc.blocks:
        for m in pattern.finditer(block.text):
            rep.mentions.append(Mention(
                kind="count", text=m.group(0), value=Decimal(m.group(1)), unit=m.group(3),
                qualifier="more_than" if m.group(2) else None,
                provenance=block.provenance.at(block.index, m.start(), m.end()),
            ))
    return rep, doc


def statuses(results: list[CheckResult]) -> list[str]:
    return [r.status for r in results]
