"""Tables with a true grid (Word, PDF): header labels name their columns by position, merged cells
included; a unit in a header governs its own column, one in a caption or 单位 cell the whole table."""

from __future__ import annotations

from docparse.tables.cells import CellRef
from docparse.tables.view import TableView, TypedCell
from docparse.tables.vocabulary import column_role, label_run, without_unit


def read_grid(rows: list[list[CellRef]], unit: str | None = None) -> TableView:
    """The typed view of a grid (rows of slots; merged slots ``covered``); ``unit`` is a caption's unit."""
    n_cols = max((len(r) for r in rows), default=0)
    col_role: list[str | None] = [None] * n_cols
    col_unit: list[str | None] = [None] * n_cols
    view = TableView(unit=unit)
    for r, row in enumerate(rows):
        row_unit: str | None = None
        for ref in row:
            body, declared = without_unit(ref.text.strip())
            if declared is None:
                continue
            if body.startswith("单位") or not body:
                view.unit = declared
            elif label_run(body) is None:
                row_unit = declared  # 项目资金（万元） heading the row's stub
        typed: list[TypedCell] = []
        labels = 0
        for c, ref in enumerate(row):
            role = None if ref.covered else column_role(ref.text)
            if role is None:
                above = ref.covered and any(t.ref.text == ref.text and t.header for t in _left(typed, c))
                typed.append(TypedCell(ref, col_role[c], col_unit[c] if above else
                                       _unit(col_role, col_unit, c, row_unit, view.unit), header=above))
                continue
            labels += 1
            _, declared = without_unit(ref.text.strip())
            for cc in range(c, n_cols):
                if cc > c and not (cc < len(row) and row[cc].covered and row[cc].text == ref.text):
                    break
                col_role[cc] = "amount" if declared and role in ("actual", "target") else role
                col_unit[cc] = declared or col_unit[cc]
            typed.append(TypedCell(ref, col_role[c], declared, header=True))
        if labels:
            view.header_rows.append(r)
        view.rows.append(typed)
    return view


def _left(typed: list[TypedCell], c: int) -> list[TypedCell]:
    """The typed slot just left of ``c`` in the row being read (a label spanning columns reaches on)."""
    return typed[c - 1:c] if c > 0 else []


def _unit(col_role: list[str | None], col_unit: list[str | None], c: int, row_unit: str | None,
          table_unit: str | None) -> str | None:
    if c >= len(col_role):
        return row_unit or table_unit
    if col_role[c] in ("serial", "year", "count"):
        return None  # a 序号, a year or a count is never money, whatever unit the table declares
    return col_unit[c] or row_unit or table_unit
