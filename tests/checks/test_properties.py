"""Property tests: the sum check against a plain reference of the printed-precision rule."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from docparse.checks.sums import fund_items

from .build import listing, report

amounts = st.lists(st.integers(min_value=1, max_value=99_999), min_size=2, max_size=12)


def reference(items: list[str], total: str) -> str:
    """pass when equal or within the summed half-units (fixed decimals), else fail; exact when the
    figures are printed with differing decimals. A breakdown short of its total by more than any of
    its items names only some parts: unknown instead of fail."""
    decimals = {len(x.partition(".")[2]) for x in [*items, total]}
    found = sum(Decimal(x) for x in items)
    diff = abs(found - Decimal(total))
    if len(decimals) > 1:
        verdict = "pass" if diff == 0 else "fail"
    else:
        half = Decimal(5).scaleb(-decimals.pop() - 1)
        verdict = "pass" if diff <= half * (len(items) + 1) else "fail"
    partial = Decimal(total) - found > max(Decimal(x) for x in items)
    return "unknown" if verdict == "fail" and partial else verdict


@settings(max_examples=80, deadline=None)
@given(amounts, st.integers(min_value=-40, max_value=40), st.sampled_from([1, 2]))
def test_fixed_decimals(cents: list[int], shift: int, places: int) -> None:
    unit = Decimal(1).scaleb(-places)
    items = [f"{Decimal(c) * unit:.{places}f}" for c in cents]
    total = f"{sum(Decimal(c) for c in cents) * unit + shift * unit:.{places}f}"
    if Decimal(total) <= 0:
        return
    rep = report()
    listing(rep, items, total=total)
    if any(Decimal(i) >= Decimal(total) for i in items):
        assert fund_items(rep) == []  # a part as large as the total itemises something else
        return
    [result] = fund_items(rep)
    assert result.status == reference(items, total)
    assert (result.note is not None) == (result.status == "pass" and shift != 0)


@settings(max_examples=60, deadline=None)
@given(amounts, st.integers(min_value=-3, max_value=3))
def test_shortest_form(cents: list[int], shift: int) -> None:
    items = [str(Decimal(c) / 100) for c in cents]  # 12.5, 3, 0.07: shortest form
    total = str(sum(Decimal(c) for c in cents) / 100 + shift)
    rep = report()
    listing(rep, items, total=total)
    results = fund_items(rep)
    if any(Decimal(i) >= Decimal(total) for i in items) or Decimal(total) <= 0:
        assert results == []
        return
    assert [r.status for r in results] == [reference(items, total)]
