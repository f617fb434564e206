"""Units declared once, applied to the bare numbers they govern.

The document's blocks are walked in reading order: a table grid is read once into its typed view
(:mod:`docparse.tables`) and each body number takes the role and unit of its column; a flattened line
is read cell by cell with the same vocabulary; prose keeps the figures written with their unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from docparse.chars import to_simplified
from docparse.model.document import Provenance
from docparse.numbers.data import units
from docparse.numbers.found import Found
from docparse.numbers.normalise import normalise_chars

if TYPE_CHECKING:
    from docparse.tables.cells import CellRef
    from docparse.tables.figures import RowState
    from docparse.tables.view import TableView


@dataclass(slots=True)
class BlockView:
    """What the governor needs of a block."""

    index: int
    text: str
    found: list[Found]
    # per (row, col) slot: span of the covering cell in the text, and whether the slot is its anchor
    grid: list[list[tuple[int, int, bool] | None]] | None = None
    heading: bool = False
    # a paragraph of the body text: its line may be a row of a table flattened to text
    body: bool = True


def govern(blocks: list[BlockView], tables: list[TableView] | None = None) -> dict[int, list[Found]]:
    """Every figure per block index: the written ones plus the bare numbers a declared unit governs;
    the typed view of every table flattened to text lines is added to ``tables`` when given."""
    # the table layer reads cells with the number rules of this package: imported once those are loaded
    from docparse.tables.figures import RowState, grid_figures
    from docparse.tables.flat import read_line
    from docparse.tables.grid import read_grid

    state = RowState(tables=[] if tables is None else tables)
    # the flattened table whose lines are being recorded: from its header to the next heading or table
    region: TableView | None = None
    work: list[tuple[BlockView, list[Found], set[int]]] = []
    for n, block in enumerate(blocks):
        norm = normalise_chars(block.text)
        if block.heading and not _table_goes_on(state, norm):
            state, region = state.fresh(), None
        state.block = block.index
        added: list[Found] = []
        dropped: set[int] = set()
        work.append((block, added, dropped))
        following = next((b.text for b in blocks[n + 1:n + 3] if b.text.strip(_PUNCT_ONLY)), None)
        if following is not None and block.grid is None:
            wrapped = _wrapped_unit(norm, block.found, normalise_chars(following))
            if wrapped is not None:
                block.found = [*block.found, wrapped]
        if block.grid is not None:
            view = read_grid(_slots(norm, block.grid), state.unit[0] if state.unit else None)
            grid_figures(view, norm, block.found, state, added)
        else:
            # labels are matched in simplified characters (項目資金（萬元） 年初預算數 …), one for one
            state = read_line(to_simplified(norm), block.found, state, added, dropped)
            if block.body:
                region = _keep_line(block, region, state.view)
    out: dict[int, list[Found]] = {}
    for block, added, dropped in work:
        kept = [f for f in block.found if id(f) not in dropped]
        out[block.index] = sorted(kept + added, key=lambda f: (f.start, f.end))
    return out


def _keep_line(block: BlockView, region: TableView | None, view: TableView | None) -> TableView | None:
    """The line as whole cells in the lines of the flattened table it stands in (the one it opens, and
    the one before when a header opens mid-line); returns the table whose lines go on."""
    from docparse.tables.cells import split_cells

    line = split_cells(block.text, block.index)
    for table in {id(t): t for t in (region, view) if t is not None}.values():
        table.lines.append(line)
    return view or region


def _table_goes_on(state: RowState, norm: str) -> bool:
    """A line taken for a heading that is a cell of the table being read: a number alone while the row
    has columns left, or a money-block row label (…9.5 / 其中：财政拨款 read as "9.5 其中：财政拨款")."""
    from docparse.tables.vocabulary import money_label

    text = norm.strip(" |")
    if not state.cols or not text:
        return False
    return (state.mid_row() and _NUMBER.fullmatch(text) is not None) or money_label(text) is not None


def _slots(norm: str, grid: list[list[tuple[int, int, bool] | None]]) -> list[list[CellRef]]:
    """Grid slots as cells located by their span in the block text (merged slots covered)."""
    from docparse.tables.cells import CellRef

    return [[CellRef(norm[s[0]:s[1]], Provenance(start=s[0], end=s[1]), r, c, covered=not s[2])
             if s is not None else CellRef("", Provenance(), r, c, covered=True)
             for c, s in enumerate(row)] for r, row in enumerate(grid)]


_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?%?")
_PUNCT_ONLY = " \t\u3000\u00a0，,。.、；;：:！!？?"
_TAIL = re.compile(r"(?<![0-9A-Za-z.])(?:0|[1-9]\d*)(?:\.\d+)?([万亿千]?)$")


def _wrapped_unit(norm: str, found: list[Found], following: str) -> Found | None:
    """A number ending a line whose unit opens the next line ("…73.72万" / "元…"), as PDFs wrap."""
    m = _TAIL.search(norm.rstrip())
    if m is None or any(f.end > m.start() for f in found):
        return None
    u = units()
    for unit in sorted(u.money, key=len, reverse=True):
        whole = m.group(1) + unit
        if following.startswith(unit) and whole in u.money:
            number = Decimal(m.group(0)[: len(m.group(0)) - len(m.group(1))])
            return Found("money", m.start(), m.end(), number * u.money[whole], unit=whole,
                         scale=u.money[whole], unit_from=whole)
    for sign, factor in u.percent.items():
        if following.startswith(sign) and not m.group(1):
            return Found("percent", m.start(), m.end(), Decimal(m.group(0)) * factor, unit=sign, scale=factor,
                         unit_from=sign)
    return None
