"""Helpers the Word and PDF readers share."""

from __future__ import annotations

from docparse.model import Block, Cell


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
