"""Word automatic numbering: formats, label templates, restarts and overrides."""

from __future__ import annotations

import pytest
from lxml import etree

from docparse.readers.numbering import Numbering, chinese_count, format_number, join_label
from tests.readers.builders import NUMBERING_XML, W_NS


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                         (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一")])
def test_chinese_counting(n, text):
    assert chinese_count(n) == text


@pytest.mark.parametrize(("n", "fmt", "text"), [
    (3, "chineseCounting", "三"), (12, "chineseCountingThousand", "十二"), (2, "ideographTraditional", "乙"),
    (11, "ideographTraditional", "甲"), (12, "decimalFullWidth", "１２"), (3, "decimalEnclosedCircle", "③"),
    (2, "chineseLegalSimplified", "贰"), (10, "chineseLegalSimplified", "壹拾"), (4, "upperRoman", "IV"),
    (28, "lowerLetter", "bb"), (7, "decimal", "7"), (5, "ideographDigital", "五"), (3, "decimalZero", "03"),
    (2, "decimalEnclosedParen", "⑵"),
])
def test_formats(n, fmt, text):
    assert format_number(n, fmt) == text


def _numbering(xml: str = NUMBERING_XML) -> Numbering:
    return Numbering(etree.fromstring(xml.encode()))


def test_levels_restart_below_a_higher_level():
    num = _numbering()
    labels = [num.advance("1", lvl) for lvl in (0, 1, 2, 2, 1, 2, 0, 1)]
    assert labels == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）"]


def test_start_override_gives_a_fresh_sequence_and_shared_abstract_continues():
    num = _numbering()
    assert [num.advance("1", 0), num.advance("1", 0)] == ["一、", "二、"]
    assert num.advance("3", 0) == "一、"  # num 3 restarts the same list at 1
    assert num.advance("4", 0) == "第十一章"  # startOverride 11
    assert num.advance("4", 0) == "第十二章"
    assert num.advance("1", 0) == "三、"  # num 1 keeps its own count


def test_multi_level_template_and_legal_numbering():
    xml = f"""<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/>
        <w:lvlText w:val="(%3)"/></w:lvl>
    </w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""
    num = _numbering(xml)
    assert num.advance("5", 0) == "一"
    assert num.advance("5", 1) == "1.1"  # isLgl: the higher level shown as a decimal
    assert num.advance("5", 2) == "(3)"
    assert num.advance("5", 0) == "二"
    assert num.advance("5", 2) == "(4)"  # lvlRestart 0: never restarts


def test_level_override_replaces_the_level():
    xml = NUMBERING_XML.replace(
        "</w:numbering>",
        '<w:num w:numId="9"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/>'
        '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride>'
        "</w:num></w:numbering>",
    )
    num = _numbering(xml)
    assert num.advance("9", 0) == "第4条"
    assert num.advance("0", 0) is None and num.advance("77", 0) is None


def test_join_label_by_suffix():
    assert join_label("一、", "nothing", "基本情况") == "一、基本情况"
    assert join_label("1.", "tab", "概况") == "1.概况"
    assert join_label("第一章", "space", "总则") == "第一章 总则"
