"""OCR'd scanned tables (rules/numbers/ocr.yaml): misread comparators and percent signs, and the
分值 digits glued in front of a rate that cannot exceed 100%."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docparse.numbers import scan


def _percents(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [(text[f.start:f.end], f.value, f.qualifier) for f in scan(text) if f.kind == "percent"]


@pytest.mark.parametrize(("text", "want"), [
    ("资料归档率8工90%工93%8", [("90%", Decimal(90), "at_least"), ("93%", Decimal(93), "at_least")]),
    ("公众满意率^80%", [("80%", Decimal(80), "at_least")]),
    ("完成施工95%", [("95%", Decimal(95), None)]),  # 工 ends a word here, no comparator
])
def test_comparator_lookalikes(text: str, want: list) -> None:
    assert _percents(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("培训合格率6298%299%6", [("98%", Decimal(98), "at_least"), ("99%", Decimal(99), "at_least")]),
    ("资金发放率15100%100%15", [("100%", Decimal(100), None), ("100%", Decimal(100), None)]),
    ("农户知晓率1088%^90%10", [("88%", Decimal(88), None), ("90%", Decimal(90), "at_least")]),
])
def test_weight_glued_in_front_of_a_bounded_rate(text: str, want: list) -> None:
    assert _percents(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("合格率180%。", [("180%", Decimal(180), None)]),  # no run-together row: as written
    ("产值增长率280%3", [("280%", Decimal(280), None)]),  # a growth rate may exceed 100%
    ("营业收入增长250%，", [("250%", Decimal(250), None)]),
])
def test_rates_above_100_stay_as_written_elsewhere(text: str, want: list) -> None:
    assert _percents(text) == want


def test_dollar_read_for_percent_only_inside_a_run_together_row() -> None:
    assert _percents("检测合格率97$97%") == [("97$", Decimal(97), None), ("97%", Decimal(97), None)]
    assert _percents("价格5$。") == []


@pytest.mark.parametrize(("text", "want"), [
    ("药物使用量较上年下降63%3%6持续", [("3%", Decimal(3), None), ("3%", Decimal(3), None)]),
    ("投诉率下降了12%，2%为重复投诉", [("12%", Decimal(12), None), ("2%", Decimal(2), None)]),  # prose
    ("收入增长32%2%", [("32%", Decimal(32), None), ("2%", Decimal(2), None)]),  # no next cell glued
])
def test_target_and_actual_run_together_behind_the_weight(text: str, want: list) -> None:
    assert _percents(text) == want
