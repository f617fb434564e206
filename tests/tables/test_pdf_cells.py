"""A PDF header cell whose text runs past its rule ("全年预算数（A）（万元）" in a narrow column) keeps its
characters: each goes to the cell it starts in, so the next column's label stays whole."""

from __future__ import annotations

from docparse.readers.pdf_chars import Char
from docparse.readers.pdf_tables import PdfCell, PdfTable


def _table() -> PdfTable:
    cells = [PdfCell(0, 0, 1, 1, (0, 0, 50, 20)), PdfCell(0, 1, 1, 1, (50, 0, 100, 20))]
    return PdfTable((0, 0, 100, 20), [0, 50, 100], [0, 20], cells, {(0, 0): cells[0], (0, 1): cells[1]})


def _char(x0: float, x1: float) -> Char:
    return Char("）", x0, 5, x1, 15, 9, False)


def test_a_character_overflowing_its_rule_stays_in_its_cell() -> None:
    table = _table()
    assert table.cell_of(_char(46.5, 55.5)) is table.cells[0]  # centre past the rule at 50


def test_the_first_character_of_the_next_cell_is_that_cells() -> None:
    table = _table()
    assert table.cell_of(_char(52.0, 61.0)) is table.cells[1]
    assert table.cell_of(_char(49.4, 58.4)) is table.cells[1]  # kerned half a point left of the rule
