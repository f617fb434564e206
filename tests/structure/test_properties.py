"""Properties that hold for any text: no crash, every block in exactly one section, levels nest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.structure.helpers import run_text

PIECES = ["一、", "二、", "（一）", "(二)", "1.", "2、", "（1）", "①", "第一部分", "附件：", "一是", "目录",
          "项目概况", "资金使用情况", "绩效目标", "，", "。", "：", "2023年度", "12.5万元", "……3", " | ", "\t"]
LINE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
LINES = st.lists(LINE, min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(LINES)
def test_any_text_gives_a_consistent_tree(lines: list[str]) -> None:
    text = "\n".join(lines)
    if not text.strip():
        return
    a = run_text(text)
    sections = a.report.all_sections()
    owners = a.layout.block_sections
    assert len(owners) == len(a.document.blocks)
    for sec in sections:
        assert sec.level >= 1 and sec.end_block is not None and sec.block <= sec.end_block
        for child in sec.children:
            assert child.level > sec.level
            assert sec.block <= child.block <= sec.end_block
    for b, owner in enumerate(owners):
        if owner is not None:
            assert owner.block <= b <= owner.end_block
    assert a.layout.toc_blocks.isdisjoint({s.block for s in sections})
