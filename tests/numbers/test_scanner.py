"""Figures written with their unit: offsets, values, units, scales, qualifiers, directions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docparse.numbers import scan


def _one(text: str):
    found = scan(text)
    assert len(found) == 1, [(text[f.start:f.end], f.kind) for f in found]
    return found[0]


def test_offsets_point_at_the_original_surface() -> None:
    text = "其中：１２．５万元用于培训，3.5万元用于印刷。"
    found = scan(text)
    assert [text[f.start:f.end] for f in found] == ["１２．５万元", "3.5万元"]
    assert [f.value for f in found] == [Decimal("125000"), Decimal("35000")]


@pytest.mark.parametrize(("text", "unit", "scale"), [
    ("40.4万元", "万元", "10000"), ("2.35亿元", "亿元", "100000000"), ("800元", "元", "1"),
    ("15千元", "千元", "1000"), ("3千万元", "千万元", "10000000"),
])
def test_money_unit_and_scale(text: str, unit: str, scale: str) -> None:
    f = _one(text)
    assert (f.kind, f.unit, f.scale) == ("money", unit, Decimal(scale))


def test_money_is_decimal_never_float() -> None:
    f = _one("补助0.1万元")
    assert isinstance(f.value, Decimal) and f.value == Decimal("1000")


def test_the_word_shu_is_not_a_range() -> None:
    f = _one("全年执行数99万元")
    assert f.value == Decimal("990000") and f.qualifier is None


def test_header_word_alone_is_no_amount() -> None:
    assert scan("金额（万元）") == []
    assert scan("单位：万元") == []


@pytest.mark.parametrize(("text", "qualifier", "comparator"), [
    ("约3万元", "approx", "约"), ("3万元左右", "approx", "左右"), ("近3万元", "approx", "近"),
    ("95%以上", "at_least", "以上"), ("不低于95%", "at_least", "不低于"), ("≥95%", "at_least", "≥"),
    ("超过95%", "at_least", "超过"), ("5%以下", "at_most", "以下"), ("不超过5万元", "at_most", "不超过"),
    ("5%以内", "at_most", "以内"), ("≤5万元", "at_most", "≤"), ("50余万元", "more_than", "余"),
    ("200多次", "more_than", "多"), ("3至5万元", "range", "至"), ("3~5万元", "range", "~"),
])
def test_qualifiers(text: str, qualifier: str, comparator: str) -> None:
    f = _one(text)
    assert (f.qualifier, f.comparator) == (qualifier, comparator)


def test_range_values_are_pairs_in_yuan() -> None:
    f = _one("3万至5万元")
    assert f.value == (Decimal("30000"), Decimal("50000"))
    g = _one("3-5万元")
    assert g.value == (Decimal("30000"), Decimal("50000"))


@pytest.mark.parametrize(("text", "direction", "value"), [
    ("下降5.2%", "down", "5.2"), ("减少3万元", "down", "30000"), ("增长了12%", "up", "12"),
    ("提高2.3个百分点", "up", "2.3"),
])
def test_directions(text: str, direction: str, value: str) -> None:
    f = _one(text)
    assert f.direction == direction and f.value == Decimal(value)


def test_negatives_keep_their_sign() -> None:
    assert _one("-5.2万元").value == Decimal("-52000")
    assert _one("负5.2万元").value == Decimal("-52000")
    assert scan("2021-2022年") == []


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("5‰", "percent", "0.5"), ("千分之五", "percent", "0.5"), ("百分之九十五", "percent", "95"),
    ("2.3个百分点", "ratio_points", "2.3"), ("三个", "count", "3"), ("100平方米", "count", "100"),
])
def test_kinds(text: str, kind: str, value: str) -> None:
    f = _one(text)
    assert (f.kind, f.value) == (kind, Decimal(value))


@pytest.mark.parametrize("text", [
    "〔2020〕10号", "[2022]4号", "【2021】", "2019年6月", "电话0736-7612345", "5号楼", "一件事一次办",
    "三抓三优", "六稳六保", "最后一公里", "一是", "自评得分10分", "x万元", "点击查看>> 万元", "第3名",
    "一次性", "入伍人数",
])
def test_not_mentions(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("年末结余 2 050 300.00 元。", "2 050 300.00 元", "2050300.00"),
    ("付款45 600.50元", "45 600.50元", "45600.50"),
    ("累计拨付 3 100 000元", "3 100 000元", "3100000"),
])
def test_digit_groups_set_apart_by_spaces_are_one_amount(text: str, surface: str, value: str) -> None:
    f = _one(text)
    assert (text[f.start:f.end], f.kind, f.value) == (surface, "money", Decimal(value))


@pytest.mark.parametrize(("text", "surfaces"), [
    ("年度资金总额 100 120 108.5万元", ["108.5万元"]),  # cells of a space-separated row: no groups
    ("完成 2 000 万元", []),  # one group without decimals may be two cells: nothing certain
])
def test_spaced_cells_are_not_joined(text: str, surfaces: list[str]) -> None:
    assert [text[f.start:f.end] for f in scan(text)] == surfaces


@pytest.mark.parametrize("text", ["资金执行率＝实际支出/预算×100%", "完成值(B/A×100%)", "权重*100%"])
def test_the_100_percent_of_a_formula_is_no_figure(text: str) -> None:
    assert scan(text) == []


def test_a_formula_keeps_only_its_stated_result() -> None:
    text = "资金到位率=（到位数÷下达数）×100%=98.6%"
    assert [(text[f.start:f.end], f.value) for f in scan(text)] == [("=98.6%", Decimal("98.6"))]


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("结余 1, 205.50 万元", "1, 205.50 万元", "12055000.00"),
    ("支出3, 406, 000元", "3, 406, 000元", "3406000"),
])
def test_a_comma_typed_with_a_space_between_thousands(text: str, surface: str, value: str) -> None:
    f = _one(text)
    assert (text[f.start:f.end], f.value) == (surface, Decimal(value))


@pytest.mark.parametrize("text", ["浏览次数：12,506次", "阅读量 88", "点击数：1203", "上一篇：关于下达资金的通知"])
def test_web_page_counters_and_navigation_are_no_figures(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(("text", "surfaces"), [
    ("维修费支出2.40（万元）", [("2.40（万元）", "money", Decimal("24000.00"))]),
    ("参训12（人）", []),  # only a money unit stands in brackets after its number
    ("资金（万元）：", []),
])
def test_money_unit_in_brackets_after_its_number(text: str, surfaces: list) -> None:
    assert [(text[f.start:f.end], f.kind, f.value) for f in scan(text)] == surfaces
