"""Typed values: comparisons, money cells, met/not met, glued numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docparse.extract.values import bare_number, comparison, meets, money
from docparse.tables.fused import split_equal_halves, split_fused


@pytest.mark.parametrize(
    ("text", "op", "value", "unit"),
    [
        ("≥95%", "≥", "95", "%"),
        ("≤90万元", "≤", "90", "万元"),
        ("=100%", "=", "100", "%"),
        ("90%以上", "≥", "90", "%"),
        ("不低于98%", "≥", "98", "%"),
        ("≥100百分比", "≥", "100", "%"),
        ("126处", "=", "126", "处"),
        ("大于等于95%", "≥", "95", "%"),
        ("5天以内", "≤", "5", "天"),
    ],
)
def test_comparison_typed(text: str, op: str, value: str, unit: str) -> None:
    cmp = comparison(text)
    assert cmp is not None
    assert (cmp.op, cmp.value, cmp.unit) == (op, Decimal(value), unit)


def test_qualitative_target_has_no_value() -> None:
    cmp = comparison("达成预期指标")
    assert cmp is not None and cmp.value is None and cmp.text == "达成预期指标"
    assert comparison("—") is None and comparison("") is None


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        ("≥95%", "96.5%", True),
        ("≥95%", "94%", False),
        ("≤90万元", "90", True),
        ("≤90万元", "95万元", False),
        ("≤50万元", "476800元", True),
        ("=100%", "100%", True),
        ("达成预期指标", "达成预期指标", True),
        ("效果明显", "未达到预期", False),
        ("12月", "已完成", True),
        ("≥120处", "126处", True),
        ("≥3次", "5人", None),
    ],
)
def test_meets(target: str, actual: str, met: bool | None) -> None:
    assert meets(comparison(target), comparison(actual)) is met


def test_money_cells_in_yuan() -> None:
    assert money("89.974", "万元") == (Decimal("899740.00"), "万元")
    assert money("50万元", "元") == (Decimal("500000.00"), "万元")
    assert money("1,234.5", None) == (Decimal("1234.50"), "元")
    assert money("合计", "万元") is None
    assert bare_number("100.00%") == Decimal("100.00")
    assert bare_number("≥5") is None


def _cut(run: str, roles: list[str]) -> list[tuple[str, str]] | None:
    parts = split_fused(run, roles)
    return None if parts is None else [(run[s:e], role) for s, e, role in parts]


def test_split_fused_uses_the_rate() -> None:
    roles = ["adjusted_budget", "spent", "rate"]
    assert _cut("60006000100", roles) == [("6000", "adjusted_budget"), ("6000", "spent"), ("100", "rate")]
    assert _cut("80万元63.1278.90", roles) == [("80万元", "adjusted_budget"), ("63.12", "spent"), ("78.90", "rate")]
    assert _cut("12.512.5100", roles) == [("12.5", "adjusted_budget"), ("12.5", "spent"), ("100", "rate")]


def test_split_equal_halves() -> None:
    assert split_equal_halves("1515") == ("15", "15")
    assert split_equal_halves("1510") is None
    assert split_equal_halves("0505") is None
