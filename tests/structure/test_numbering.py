"""Numbering families: every family in full and half width, and the openings that are not numbers."""

from __future__ import annotations

import pytest

from docparse.structure.numbering import cn_number, find_marker
from docparse.structure.text import fold


@pytest.mark.parametrize(
    ("line", "family", "number"),
    [
        ("第一部分 部门基本情况", "part", 1),
        ("第三章　绩效分析", "chapter", 3),
        ("一、项目概况", "cn", 1),
        ("十二、其他需要说明的问题", "cn", 12),
        ("二．绩效目标", "cn", 2),
        ("（一）项目单位基本情况", "paren_cn", 1),
        ("(三)资金管理情况", "paren_cn", 3),
        ("【二】项目实施情况", "paren_cn", 2),
        ("1.资金到位情况", "arabic", 1),
        ("2、资金使用情况", "arabic", 2),
        ("3．资金管理情况", "arabic", 3),
        ("４．满意度指标", "arabic", 4),
        ("（1）数量指标", "paren_arabic", 1),
        ("(2)质量指标", "paren_arabic", 2),
        ("⑶时效指标", "paren_arabic", 3),
        ("1)编制规划", "arabic_paren", 1),
        ("①内设机构", "circled", 1),
        ("⑫其他", "circled", 12),
    ],
)
def test_families(line: str, family: str, number: int) -> None:
    marker = find_marker(fold(line))
    assert marker is not None
    assert (marker.family, marker.number) == (family, number)


@pytest.mark.parametrize(
    "line",
    [
        "一是规范资金拨付程序，二是加强票据审查。",  # enumeration inside a sentence
        "2026.04.20",  # a date
        "2024年12月31日",
        "12.5万元用于设备购置",  # a decimal amount
        "(2022)第0015号",  # a report number
        "〔2023〕45号文件下达资金",
        "项目概况",
    ],
)
def test_not_numbers(line: str) -> None:
    assert find_marker(fold(line)) is None


def test_cn_numbers() -> None:
    assert [cn_number(t) for t in ("一", "九", "十", "十一", "二十", "二十三")] == [1, 9, 10, 11, 20, 23]
    assert cn_number("百") is None


def test_fold_keeps_offsets() -> None:
    text = "（二）績效目標完成情況　１．"
    assert len(fold(text)) == len(text)
    assert fold(text) == "(二)绩效目标完成情况 1."


def test_numerals_enumerated_in_a_phrase() -> None:
    assert find_marker(fold("一、二季度完成投资计划的六成。")) is None
    assert find_marker(fold("一、二等奖各评出三名。")) is None
    assert find_marker(fold("一、二类项目")) is None


@pytest.mark.parametrize(
    ("line", "family", "number"),
    [("1.1 项目背景", "dotted2", 1), ("2.3项目实施进度", "dotted2", 3), ("1.2.4 资金拨付", "dotted3", 4),
     ("Ⅱ、绩效分析", "roman", 2), ("丙、时效指标", "stem", 3)],
)
def test_more_families(line: str, family: str, number: int) -> None:
    marker = find_marker(fold(line))
    assert marker is not None and (marker.family, marker.number) == (family, number)


@pytest.mark.parametrize("line", ["1.5万元用于培训", "3.2%的增幅", "12.31日前完成拨付", "2.5 亿元"])
def test_decimals_are_not_dotted_numbers(line: str) -> None:
    assert find_marker(fold(line)) is None
