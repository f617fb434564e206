"""``sum.fund_items``: itemised amounts add up to the subtotal of their group and to the stated total.

A breakdown carried on after a ；-break in the same sentence (groups × items) counts with the listing it
continues; one short of its total by more than any part it names is partial (其中 names only some parts):
``unknown``, not ``fail``."""

from __future__ import annotations

from decimal import Decimal

from docparse.checks.buckets import grade_buckets
from docparse.checks.figures import Figure, display_precision, from_fact, show
from docparse.checks.registry import block_text, register
from docparse.checks.results import compare, make, messages, sum_against
from docparse.lexicon import marks
from docparse.model import Fact, FundListing, Report
from docparse.model.report import CheckResult

CHECK = "sum.fund_items"


def _item_figures(report: Report, listing: FundListing, seen: set[int] | None = None) -> list[Figure]:
    out = []
    for index in listing.items:
        if not 0 <= index < len(report.fund_items) or (seen is not None and index in seen):
            continue
        if seen is not None:
            seen.add(index)
        item = report.fund_items[index]
        out.append(Figure("item", item.value, "money", item.text, item.provenance, item.name))
    return out


def _fact_key(fact: Fact) -> tuple[object, ...]:
    prov = fact.provenance
    if prov is not None:
        return ("at", prov.block, prov.start, prov.line, prov.paragraph, prov.table, prov.row, prov.col)
    return ("value", fact.value, fact.text)


def _breaks_off(last: Figure) -> bool:
    """The document ends within the listing: its last item stands in the last block, and no sentence
    ends after it (an excerpt cut short)."""
    block = getattr(last.provenance, "block", None)
    end = getattr(last.provenance, "end", None)
    if block is None or end is None or block_text(block + 1) is not None:
        return False
    text = block_text(block)
    return text is not None and not any(ch in text[end:] for ch in marks("full_stops"))


def _not_a_partition(parts: list[Figure], total: Figure) -> bool:
    """Two or more positive parts, one as large as the total: the parts do not itemise that total."""
    return len(parts) > 1 and all(p.value > 0 for p in parts) and any(p.value >= total.value for p in parts)


def _item_place(report: Report, listing: FundListing, index: int) -> tuple[int, int] | None:
    if not listing.items or not 0 <= listing.items[index] < len(report.fund_items):
        return None
    prov = report.fund_items[listing.items[index]].provenance
    if prov is None or prov.block is None or prov.start is None:
        return None
    return prov.block, (prov.end or prov.start) if index == -1 else prov.start


def _continuations(report: Report) -> dict[int, list[FundListing]]:
    """For each listing stating a total or subtotal, the listings without one that carry on its breakdown
    in the same sentence after a ；-break (two projects × three items: "其中甲工程A8万元，B2.5万元；乙工程A6万元…")."""
    out: dict[int, list[FundListing]] = {}
    listings = report.fund_listings
    for k, listing in enumerate(listings):
        if listing.total is None and listing.subtotal is None:
            continue
        follow: list[FundListing] = []
        last = _item_place(report, listing, -1)
        for nxt in listings[k + 1:]:
            first = _item_place(report, nxt, 0)
            if nxt.total is not None or nxt.subtotal is not None or last is None or first is None:
                break
            text = block_text(last[0])
            if first[0] != last[0] or text is None or first[1] < last[1] or any(
                    ch in text[last[1]:first[1]] for ch in marks("full_stops", "line_breaks")):
                break
            follow.append(nxt)
            last = _item_place(report, nxt, -1)
        out[id(listing)] = follow
    return out


def _short_unknown(result: CheckResult, parts: list[Figure], total: Figure, found: Decimal, what: str,
                   reason: str) -> CheckResult:
    text = messages()["reasons"][reason]
    return make(CHECK, "unknown", [*parts, total], what=what, expected=result.expected, found=result.found,
                shown_expected=show(found, "money"), shown_found=show(total.value, "money"),
                reason=text["zh"], reason_en=text["en"])


def _partial(parts: list[Figure], total: Figure, found: Decimal) -> bool:
    """Short of the total by more than any part it names: the breakdown names only some of the parts."""
    return bool(parts) and total.value - found > max(p.value for p in parts)


def _group_label(listing: FundListing) -> str:
    return f"“{listing.group}”" if listing.group else "资金明细"


@register(CHECK)
def fund_items(report: Report) -> list[CheckResult]:
    """Each group's items against its subtotal; the groups under one total against that total."""
    results: list[CheckResult] = []
    display = display_precision(report.mentions)
    follows = _continuations(report)
    for listing in report.fund_listings:
        subtotal = from_fact("subtotal", listing.subtotal, name=listing.group)
        items = _item_figures(report, listing)
        for nxt in follows.get(id(listing), []):
            items += _item_figures(report, nxt)
        if subtotal is None or not items or _not_a_partition(items, subtotal):
            continue
        found, tol = sum_against(items, subtotal, display)
        what = f"{_group_label(listing)}小计"
        result = compare(CHECK, subtotal.value, found, tol, "money", [*items, subtotal], what, stated=subtotal)
        if result.status == "fail" and found < subtotal.value and _partial(items, subtotal, found):
            result = _short_unknown(result, items, subtotal, found, what, "partial")
        results.append(result)
    by_total: dict[tuple[object, ...], list[FundListing]] = {}
    for listing in report.fund_listings:
        if listing.total is not None:
            by_total.setdefault(_fact_key(listing.total), []).append(listing)
    for listings in by_total.values():
        total = from_fact("total", listings[0].total)
        if total is None:
            continue
        parts: list[Figure] = []
        seen: set[int] = set()
        for listing in listings:
            subtotal = from_fact("subtotal", listing.subtotal, name=listing.group)
            if subtotal is not None and not (len(listings) == 1 and subtotal.value == total.value):
                parts.append(subtotal)
                seen.update(listing.items)
            else:
                parts.extend(_item_figures(report, listing, seen))
                for nxt in follows.get(id(listing), []):
                    parts.extend(_item_figures(report, nxt, seen))
        if not parts or _not_a_partition(parts, total):
            continue
        found, tol = sum_against(parts, total, display)
        groups = [g.group for g in listings if g.group]
        what = "、".join(f"“{g}”" for g in groups) + "合计" if groups else "资金明细合计"
        result = compare(CHECK, total.value, found, tol, "money", [*parts, total], what, stated=total)
        if result.status == "fail" and found < total.value and _breaks_off(parts[-1]):
            result = _short_unknown(result, parts, total, found, what, "breaks_off")
        elif result.status == "fail" and found < total.value and _partial(parts, total, found):
            result = _short_unknown(result, parts, total, found, what, "partial")
        results.append(result)
    return results + grade_buckets(report)
