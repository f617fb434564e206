"""Header notes give their unit to the values below them, in a true table grid and in flattened rows."""

from __future__ import annotations

from decimal import Decimal

from benchmarks.casecheck import found_mentions
from docparse.numbers import BlockView, govern, scan


def _grid_block(rows: list[list[str]]) -> BlockView:
    """A table block as the readers leave it: cells joined by " | ", rows by newlines, one slot each."""
    text_rows, grid, pos = [], [], 0
    for row in rows:
        slots = []
        for k, cell in enumerate(row):
            if k:
                pos += 3
            slots.append((pos, pos + len(cell), True))
            pos += len(cell)
        pos += 1
        grid.append(slots)
        text_rows.append(" | ".join(row))
    text = "\n".join(text_rows)
    return BlockView(0, text, scan(text), grid=grid)


def _figures(rows: list[list[str]]) -> list[tuple[str, str, Decimal]]:
    block = _grid_block(rows)
    return [(f.kind, block.text[f.start:f.end], f.value) for f in govern([block])[0]]


def test_grid_actual_column_noted_percent_holds_percents() -> None:
    got = _figures([["指标", "目标值（%）", "完成值（%）"], ["巩固率", "95", "97.5"]])
    assert got == [("percent", "95", Decimal("95")), ("percent", "97.5", Decimal("97.5"))]


def test_grid_actual_column_noted_money_holds_money() -> None:
    got = _figures([["指标", "完成值（万元）"], ["项目成本", "15.2"]])
    assert got == [("money", "15.2", Decimal("152000.0"))]


def test_grid_share_column_noted_percent() -> None:
    got = _figures([["项目", "金额（元）", "占比（%）"], ["人员经费", "1,200.00", "60"]])
    assert got == [("money", "1,200.00", Decimal("1200.00")), ("percent", "60", Decimal("60"))]


def test_flattened_full_width_percent_note() -> None:
    got = [(m["kind"], m["text"], m["value"]) for m in found_mentions("指标 | 完成值（％）\n覆盖率 | 95")]
    assert got == [("percent", "95", "95")]


def test_a_weight_or_score_noted_percent_stays_silent() -> None:
    assert found_mentions("指标 | 权重（%） | 得分\n决策 | 20 | 18") == []


def test_a_stray_measure_between_scale_and_yuan() -> None:
    got = [(m["kind"], m["text"], m["value"], m["unit"]) for m in found_mentions("间接费用3万亩元(每亩3元)")]
    assert got == [("money", "3万亩元", "30000.00", "万元"), ("money", "3元", "3.00", "元")]
    got = [(m["kind"], m["text"]) for m in found_mentions("种植300亩元")]
    assert got == [("count", "300亩")]


def test_phase_words_after_numerals_are_no_counts() -> None:
    got = [(m["kind"], m["text"]) for m in found_mentions("开展培训2期，一期工程已完工，二期项目在建。")]
    assert got == [("count", "2期")]
