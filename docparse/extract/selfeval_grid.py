"""The 绩效自评表 in a true grid: header rows map columns to roles; rows below them are read by column.

Merged cells repeat their text over the slots they cover (一级/二级指标 spanning rows); a table
continued on the next page without its header keeps the previous header's columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docparse.extract.cells import CellRef
from docparse.extract.selfeval_rows import (
    SCORE_NOTE,
    SelfEvalTable,
    is_end,
    keeps,
    make_indicator,
    money_label,
    money_row,
    roles_in,
    unit_of,
)
from docparse.extract.values import bare_number
from docparse.extract.vocab import rules, word_map
from docparse.model.report import MoneyRow


@dataclass
class GridState:
    money_cols: dict[int, str] | None = None
    unit: str | None = None
    declared: str | None = None  # the unit a line above the table declares ("单位：元")
    ind_cols: dict[int, str] | None = None
    ind_ncols: int = 0
    level1: str | None = None
    level2: str | None = None
    block: list[MoneyRow] = field(default_factory=list)


def _header_map(row: list[CellRef], variants: dict[str, list[str]]) -> dict[int, str]:
    cols: dict[int, str] = {}
    for i, cell in enumerate(row):
        if cell.covered and i > 0 and row[i - 1].text == cell.text:
            continue
        found = roles_in(cell.clean, variants)
        if found:
            cols[i] = found[-1]
    return cols


def read_grid(rows: list[list[CellRef]], out: SelfEvalTable, state: GridState) -> None:
    money_v = word_map("selfeval_table", "money_columns")
    ind_v = word_map("selfeval_table", "indicator_columns")
    if rows and state.ind_cols is not None and state.ind_ncols != len(rows[0]):
        state.ind_cols = None
    for r, row in enumerate(rows):
        ind = _header_map(row, ind_v)
        if len({v for v in ind.values()} & {"level1", "level2", "name", "target", "actual"}) >= 3:
            state.ind_cols, state.ind_ncols, state.money_cols = ind, len(row), None
            state.level1 = state.level2 = None
            continue
        mon = _header_map(row, money_v)
        if len(set(mon.values()) & {"budget", "adjusted_budget", "spent", "rate"}) >= 2:
            _flush(state, out)
            state.money_cols, state.ind_cols = mon, None
            state.unit = unit_of([c for rr in rows[max(0, r - 2): r + 1] for c in rr]) or state.declared
            continue
        if state.money_cols is not None:
            label = next((( money_label(c.clean), c) for c in row
                          if not c.covered and c.col not in state.money_cols and money_label(c.clean)), None)
            if label is not None:
                (name, _), cell = label
                values = [(role, row[i], row[i].text) for i, role in state.money_cols.items()
                          if i < len(row) and not row[i].covered]
                state.block.append(money_row(name, values, state.unit, cell))
                continue
            _flush(state, out)
            state.money_cols = None
        if state.ind_cols is not None:
            _grid_indicator_row(row, out, state)
    _flush(state, out)


def _flush(state: GridState, out: SelfEvalTable) -> None:
    if state.block and keeps(state.block, set((state.money_cols or {}).values())):
        out.money_rows.extend(state.block)
    state.block = []


def _grid_indicator_row(row: list[CellRef], out: SelfEvalTable, state: GridState) -> None:
    cols = state.ind_cols or {}
    first = next((c for c in row if c.clean), None)
    if first is None:
        return
    if any(w in first.clean for w in rules("selfeval_table")["total_rows"]) and is_end(first.clean):
        nums = [(i, bare_number(c.text)) for i, c in enumerate(row) if not c.covered]
        by_role = {cols.get(i): v for i, v in nums if v is not None}
        out.total_weight = by_role.get("weight", out.total_weight)
        out.total_score = by_role.get("score", out.total_score)
        out.total_provenance = first
        state.ind_cols = None
        return
    if is_end(first.clean):
        state.ind_cols = None
        return
    fields: dict[str, str | None] = {}
    name_cell: CellRef | None = None
    for i, role in cols.items():
        if i >= len(row):
            continue
        cell = row[i]
        if role == "level1":
            state.level1 = SCORE_NOTE.sub("", cell.clean) or state.level1
        elif role == "level2":
            state.level2 = cell.clean or state.level2
        elif role == "name":
            name_cell = None if cell.covered else cell
        elif not cell.covered or role in ("weight", "score"):
            fields[role] = None if cell.covered else cell.text
    if name_cell is None or not name_cell.clean:
        return
    ind = make_indicator(name_cell, state.level1, state.level2, fields, name_cell)
    if ind is not None:
        out.indicators.append(ind)


# ---- flattened text -------------------------------------------------------------------------------
