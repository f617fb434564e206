"""Tables with a true grid (Word, PDF): column headers and row stubs by position, merged cells included."""

from __future__ import annotations

from decimal import Decimal

from docparse.numbers.cells import make_cell
from docparse.numbers.data import units
from docparse.numbers.found import Found
from docparse.numbers.labels import declared_unit, label_run
from docparse.numbers.rows import WELL, RowState, emit, resolve


def read_grid(grid: list[list[tuple[int, int, bool] | None]], found: list[Found], norm: str, state: RowState,
              added: list[Found]) -> None:
    """A table with a true grid: column headers and row stubs by position, merged cells included."""
    n_cols = max((len(r) for r in grid), default=0)
    col_kind: list[str | None] = [None] * n_cols
    col_unit: list[tuple[str, Decimal] | None] = [None] * n_cols
    table_unit = state.unit
    for row in grid:
        row_unit: tuple[str, Decimal] | None = None
        state.new_row()
        for slot in row:
            if slot is None:
                continue
            text = norm[slot[0]:slot[1]].strip()
            decl = declared_unit(text)
            if decl is not None:
                rest = (text[: decl[1]] + text[decl[2]:]).strip(" ：:，,")
                if rest.startswith("单位") or not rest:
                    table_unit = (decl[0], units().money[decl[0]])
                elif label_run(rest) is None:
                    row_unit = (decl[0], units().money[decl[0]])
        for c, slot in enumerate(row):
            if slot is None or not slot[2]:
                continue
            s, e, _ = slot
            cell = make_cell(norm, s, e, found)
            text = cell.text.strip()
            decl = declared_unit(text)
            rest = text
            if decl is not None:
                rest = (text[: decl[1]] + text[decl[2]:]).strip(" ：:，,")
            run = label_run(rest) if rest else None
            if run is not None and run.prefix_end == 0 and run.suffix_start >= len(rest) and len(run.kinds) == 1:
                for cc in range(c, n_cols):
                    if row[cc] is None or row[cc][:2] != (s, e):
                        break
                    col_kind[cc] = run.kinds[0]
                    if decl is not None and run.kinds[0] in ("actual", "target"):
                        col_kind[cc] = "money"  # 完成值（万元）: money in the noted unit
                    if decl is not None:
                        col_unit[cc] = (decl[0], units().money[decl[0]])
                continue
            unit = col_unit[c] or row_unit or table_unit
            state.unit = unit
            state.cols = [col_kind[c]] if col_kind[c] else None
            state.ptr = 0
            for part in cell.parts:
                if part.kind == "number" and part.text == text and WELL.fullmatch(part.text.rstrip("%‰")):
                    kind = col_kind[c]
                    if kind is None and unit is not None and not part.text.endswith(("%", "‰")):
                        kind = "money"
                    emit(kind, part.start, part.end, part.text, state, added, fused=False)
                elif part.kind == "mention" and part.found is not None and col_kind[c] == "target":
                    state.row_target = part.found
                elif part.kind == "unit":
                    if state.pending is not None:
                        resolve(*state.pending, part.text)
                        state.pending = None
                    state.row_unit = part.text
                elif part.kind == "cmp":
                    state.row_cmp = part.text
    # a declaration governs one table: what follows the table starts afresh
    state.unit, state.cols = None, None
