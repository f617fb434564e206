"""The readers' rule files: radical table and PDF layout cues."""

from __future__ import annotations

import unicodedata

from docparse.readers.layout_rules import layout_rules
from docparse.readers.pdf_layout import is_page_number
from docparse.readers.radicals import map_radicals, radical_table


def test_every_kangxi_radical_maps_to_its_ideograph():
    table = radical_table()
    for code in range(0x2F00, 0x2FD6):
        assert table[code] == unicodedata.normalize("NFKC", chr(code))
    assert map_radicals("⻔⻓⻘⻚") == "门长青页"


def test_only_radicals_change():
    text = "户籍，资金（万元）：１２３"
    assert map_radicals(text) == text  # NFKC would give 戶 and ASCII punctuation


def test_layout_cues():
    rules = layout_rules()
    assert rules.list_label.match("（三）绩效目标") and rules.list_label.match("2.资金")
    assert not rules.list_label.match("2023年度")
    for text in ("- 3 -", "第3页", "第 2 页 共 9 页", "3/10", "12"):
        assert is_page_number(text), text
    assert not is_page_number("第三部分")
