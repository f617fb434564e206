"""Tables with a true grid (Word, PDF): header labels name their columns by position, merged cells
included. A unit in a column's header governs that column only; one in a caption, a 单位 cell or the
cell heading the row labels (项目资金（万元）) governs the table's money columns."""

from __future__ import annotations

from docparse.tables.cells import CellRef
from docparse.tables.view import TableView, TypedCell
from docparse.tables.vocabulary import column_role, label_run, noted_label, without_unit

# columns whose numbers are never money, whatever unit the table declares
_NEVER_MONEY = ("serial", "year", "count")


def read_grid(rows: list[list[CellRef]], unit: str | None = None) -> TableView:
    """The typed view of a grid (rows of slots; merged slots ``covered``); ``unit`` is a caption's unit."""
    n_cols = max((len(r) for r in rows), default=0)
    col_role: list[str | None] = [None] * n_cols
    col_unit: list[str | None] = [None] * n_cols
    view = TableView(unit=unit)
    for r, row in enumerate(rows):
        roles = [None if ref.covered else column_role(ref.text) for ref in row]
        header = any(roles)
        row_unit: str | None = None
        for c, ref in enumerate(row):
            body, declared = without_unit(ref.text.strip())
            if declared is None or roles[c] is not None:
                continue
            if body.startswith("单位") or not body:
                view.unit = declared
            elif header and c == _stub(row, roles) and not ref.covered:
                view.unit = declared  # 项目资金（万元） heading the row labels: the block's unit
            elif header and noted_label(body) and not ref.covered:
                roles[c] = "amount"  # 资金量（万元） in a header row: a money column of its own
            elif label_run(body) is None:
                row_unit = declared  # 项目资金（万元） spanning the rows it heads
        typed: list[TypedCell] = []
        for c, ref in enumerate(row):
            role = roles[c]
            if role is None:
                up = view.rows[-1][c:c + 1] if view.rows else []
                above = ref.covered and (_label(typed[c - 1:c], ref) or _label(up, ref))
                typed.append(TypedCell(ref, col_role[c], col_unit[c] if above else
                                       _unit(col_role, col_unit, c, row_unit, view.unit), header=above))
                continue
            _, declared = without_unit(ref.text.strip())
            for cc in range(c, n_cols):
                if cc > c and not (cc < len(row) and row[cc].covered and row[cc].text == ref.text):
                    break
                col_role[cc] = "amount" if declared and role in ("actual", "target") else role
                col_unit[cc] = declared or col_unit[cc]
            typed.append(TypedCell(ref, col_role[c], col_unit[c], header=True))
        if header:
            view.header_rows.append(r)
        view.rows.append(typed)
    return view


def _label(neighbour: list[TypedCell], ref: CellRef) -> bool:
    """The slot left of or above a covered one is the label that covers it (a merge across or down)."""
    return bool(neighbour) and neighbour[0].header and neighbour[0].ref.text == ref.text


def _stub(row: list[CellRef], roles: list[str | None]) -> int:
    """The slot heading the row labels: the first one not covered by a merge nor a 序号 column."""
    return next((c for c, ref in enumerate(row) if not ref.covered and roles[c] != "serial"), 0)


def _unit(col_role: list[str | None], col_unit: list[str | None], c: int, row_unit: str | None,
          table_unit: str | None) -> str | None:
    if c >= len(col_role):
        return row_unit or table_unit
    if col_role[c] in _NEVER_MONEY:
        return None
    return col_unit[c] or row_unit or table_unit
