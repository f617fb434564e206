"""Helpers the Word and PDF readers share."""

from __future__ import annotations

from typing import Protocol, TypeVar

from docparse.model import Block, Cell, Table


class _GridCell(Protocol):
    row: int
    col: int
    rowspan: int
    colspan: int


C = TypeVar("C", bound=_GridCell)


def cell_offsets(block: Block) -> None:
    """Point each cell's provenance at its characters in the table block's text (``table_text``)."""
    assert block.table is not None
    rows: dict[int, list[Cell]] = {}
    for cell in sorted(block.table.cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(cell.row, []).append(cell)
    pos = 0
    for r in range(block.table.n_rows):
        for i, cell in enumerate(rows.get(r, [])):
            if i:
                pos += 3  # " | "
            cell.provenance.block = block.index
            cell.provenance.start = pos
            cell.provenance.end = pos + len(cell.text)
            pos += len(cell.text)
        pos += 1  # "\n"


def split_rows(cells: list[C], n_cols: int) -> list[list[C]]:
    """Cells of tables drawn (or converted) as one grid, split where the column lines change.

    A row boundary no cell crosses is cut when the column boundaries used above and below it
    hardly overlap (one table's grid against another's); the best cut first, then recursively.
    """

    def inner(part: list[C]) -> set[int]:
        out = set()
        for c in part:
            out.update(b for b in (c.col, c.col + c.colspan) if 0 < b < n_cols)
        return out

    rows = sorted({c.row for c in cells})
    crossing = set()
    for c in cells:
        crossing.update(range(c.row + 1, c.row + c.rowspan))
    best: tuple[float, int] | None = None
    for k in rows[1:]:
        if k in crossing:
            continue
        above, below = inner([c for c in cells if c.row < k]), inner([c for c in cells if c.row >= k])
        if not above or not below:
            continue
        score = len(above & below) / min(len(above), len(below))
        if score < 0.5 and (best is None or score < best[0]):
            best = (score, k)
    if best is None:
        return [cells]
    k = best[1]
    return split_rows([c for c in cells if c.row < k], n_cols) + split_rows([c for c in cells if c.row >= k], n_cols)


def compact(cells: list[Cell]) -> Table:
    """A table of the given cells alone: rows from 0, only the column boundaries they use."""
    bounds = sorted({b for c in cells for b in (c.col, c.col + c.colspan)})
    index = {b: i for i, b in enumerate(bounds)}
    top = min(c.row for c in cells)
    for c in cells:
        start, end = index[c.col], index[c.col + c.colspan]
        c.row -= top
        c.col, c.colspan = start, end - start
        c.provenance.row, c.provenance.col = c.row, c.col
    return Table(n_rows=max(c.row + c.rowspan for c in cells), n_cols=len(bounds) - 1, cells=cells)
