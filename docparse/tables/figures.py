"""How a number standing in a table column becomes a figure: money in the unit in force, a rate as a
percent, a target or actual in its row's unit; weights and scores as nothing.

:class:`RowState` remembers the unit in force, the columns of the header and where the row stands;
:func:`emit` turns a number into a :class:`Found`. :func:`grid_figures` reads a grid's typed view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from docparse.model.document import Provenance
from docparse.numbers.data import qualifiers, units
from docparse.numbers.found import Found
from docparse.tables.cells import CellRef, make_cell, unit_token
from docparse.tables.view import TableView, TypedCell
from docparse.tables.vocabulary import kind_of

# a number as a cell holds it: no leading zeros, thousands separators well placed
WELL = re.compile(r"-?(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?")


@dataclass(slots=True)
class Placed:
    """A bare number read by its position in a row, kept so that the row can be realigned."""

    col: int
    start: int
    end: int
    text: str
    added: list[Found]
    found: Found | None
    fused: bool
    typed: TypedCell | None = None


@dataclass(slots=True)
class RowState:
    """Where the reading of tables stands: declared unit, header columns (their roles), and the current row.

    Every cell read as a header label or as a value of a column is recorded, with its role, unit and
    provenance, in the typed view of the flattened table it stands in (``view``, kept in ``tables``)."""

    unit: tuple[str, Decimal] | None = None
    cols: list[str] | None = None
    ptr: int = 0
    run: list[str] = field(default_factory=list)
    prev_cols: list[str] | None = None
    last: str = ""
    row_unit: str | None = None
    row_target: Found | None = None
    row_cmp: str | None = None
    row_known: list[Decimal] = field(default_factory=list)
    pending: tuple[Found, list[Found]] | None = None
    stub: bool = False
    # the header line opened with a text cell that names no column (年度资金总额 | 年初预算数 | …): an
    # empty first cell of a following row is that row-label slot (a merged stub), not a value column
    lead_stub: bool = False
    # the cell read opens a line of several cells: a year there (2022年 | 100 | 96) labels its row
    opens_row: bool = False
    # the cell read follows others on its line (a header line goes on past a text column)
    mid_line: bool = False
    # a header's columns, labels and stub when a text cell came right after it: a header cell going on
    # after it (one cell per line: 序号 / 建设内容 / 年度 …) shows that text was a column of the header
    interrupted: tuple[list[str], list[str], bool] | None = None
    # a money column a header line names by a group label (项目 | 预算执行情况（万元） | 分值 …), and where
    # the labels of the header line below it go (年初预算数 | 全年预算数 | 全年执行数 stand in its place)
    group: int | None = None
    splice: int | None = None
    # bare numbers read by position in the current row: column index, surface, where it went, figure
    placed: list[Placed] = field(default_factory=list)
    # the typed views of the flattened tables read so far, the one being read, and the block read
    tables: list[TableView] = field(default_factory=list)
    view: TableView | None = None
    block: int | None = None
    # the last header cell was a text cell guessed to head a column the vocabulary lacks
    guessed: bool = False

    def fresh(self) -> RowState:
        """A state for what follows the end of a table: nothing carried over but the views recorded."""
        return RowState(tables=self.tables, block=self.block)

    def open_view(self) -> TableView:
        """Start the typed view of a new flattened table (a header begins)."""
        self.view = TableView(rows=[[]], unit=self.unit[0] if self.unit else None)
        self.tables.append(self.view)
        return self.view

    def record(self, role: str | None, start: int, end: int, text: str, header: bool = False) -> TypedCell:
        """Record a cell of the current row of the table being read (a view opens if none is)."""
        view = self.view or self.open_view()
        cell = TypedCell(CellRef(text, Provenance(block=self.block, start=start, end=end)), role=role,
                         unit=self.unit[0] if self.unit and kind_of(role) in (None, "money") else None,
                         header=header)
        view.rows[-1].append(cell)
        if header and len(view.rows) - 1 not in view.header_rows:
            view.header_rows.append(len(view.rows) - 1)
        return cell

    def kind(self, i: int) -> str | None:
        """What a number in column ``i`` of the header is read as (money, rate, weight …)."""
        return kind_of(self.cols[i]) if self.cols is not None and 0 <= i < len(self.cols) else None

    def mid_row(self) -> bool:
        """Values of a row were read and its header has columns left."""
        return self.last == "value" and bool(self.cols) and self.ptr < len(self.cols or [])

    def new_row(self, after_index: bool = False) -> None:
        """Start a row; a row label stands after the index column (序号), a row line before it."""
        self.ptr, self.row_unit, self.row_target, self.row_cmp = 0, None, None, None
        self.row_known, self.pending, self.placed = [], None, []
        last = self.view.rows[-1] if self.view is not None else []
        # a row label on a line of its own keeps the values of the line below (年度资金总额 / 500 480 …)
        lone_label = not after_index and len(last) == 1 and not last[0].header and last[0].role is None
        if self.view is not None and last and not lone_label:
            self.view.rows.append([])
        while after_index and self.cols and self.ptr < len(self.cols) and self.kind(self.ptr) == "index":
            self.ptr += 1


def emit(kind: str | None, start: int, end: int, text: str, state: RowState, added: list[Found],
          fused: bool) -> Found | None:
    """The figure a number in a column of kind ``kind`` stands for (added to ``added``), if any."""
    pct = text[-1] if text and text[-1] in "%‰" else ""
    number = Decimal(text.rstrip("%‰").replace(",", ""))
    f: Found | None = None
    if pct:
        factor = units().percent[pct]
        f = Found("percent", start, end, number * factor, unit=pct, scale=factor)
    elif kind == "money":
        state.row_known.append(number)
        if state.unit is not None:
            unit, scale = state.unit
            f = Found("money", start, end, number * scale, unit=unit, scale=scale, unit_from=unit)
    elif kind == "rate":
        f = Found("percent", start, end, number, unit="%", scale=Decimal(1), unit_from="%")
    elif kind == "target":
        if state.row_unit:
            f = _with_unit(number, start, end, state.row_unit)
        else:
            state.pending = (Found("count", start, end, number, comparator=state.row_cmp), added)
    elif kind == "actual":
        if state.row_unit:
            f = _with_unit(number, start, end, state.row_unit)
        elif state.row_target is not None and state.row_target.unit and not fused:
            t = state.row_target
            scale = t.scale or Decimal(1)
            f = Found(t.kind, start, end, number * scale, unit=t.unit, scale=scale, unit_from=t.unit)
    if f is None:
        return None
    f.fused = fused
    if state.row_cmp and kind == "target":
        _compare(f, state.row_cmp)
    added.append(f)
    return f


def _compare(f: Found, cmp: str) -> None:
    f.comparator = cmp
    f.qualifier = qualifiers().prefix.get(cmp)


def _with_unit(number: Decimal, start: int, end: int, unit: str) -> Found | None:
    u = units()
    if unit in u.percent:
        return Found("percent", start, end, number * u.percent[unit], unit=unit, scale=u.percent[unit],
                     unit_from=unit)
    if unit in u.money:
        return Found("money", start, end, number * u.money[unit], unit=unit, scale=u.money[unit],
                     unit_from=unit)
    if unit_token(unit):
        scale = Decimal(1)
        base = unit
        if unit.startswith("万") and unit[1:] in u.measures:
            scale, base = Decimal(10000), unit[1:]
        return Found("count", start, end, number * scale, unit=base, scale=scale, unit_from=unit)
    return None


def resolve(pending: Found, added: list[Found], unit: str) -> None:
    f = _with_unit(pending.value if isinstance(pending.value, Decimal) else pending.low, pending.start,
                   pending.end, unit)
    if f is not None:
        if pending.comparator:
            _compare(f, pending.comparator)
        added.append(f)


def realign(state: RowState, shift: int) -> None:
    """Move the numbers read so far in the row ``shift`` columns right (empty cells were lost)."""
    cols = state.cols or []
    placed, state.placed = state.placed, []
    state.row_known = []
    for p in placed:
        if p.found is not None and p.found in p.added:
            p.added.remove(p.found)
        col = p.col + shift
        role = cols[col] if 0 <= col < len(cols) else None
        if p.typed is not None:
            p.typed.role = role
        found = emit(kind_of(role), p.start, p.end, p.text, state, p.added, p.fused)
        state.placed.append(Placed(col, p.start, p.end, p.text, p.added, found, p.fused, p.typed))


def money_unit(unit: str | None) -> tuple[str, Decimal] | None:
    """A money unit with its factor to yuan."""
    return (unit, units().money[unit]) if unit else None


def grid_figures(view: TableView, norm: str, found: list[Found], state: RowState, added: list[Found]) -> None:
    """The figures of a grid's body cells, each read by the role and unit of the column it stands in."""
    for row in view.rows:
        state.new_row()
        for cell in row:
            ref = cell.ref
            if cell.header or ref.covered or ref.provenance.start is None:
                continue
            part_cell = make_cell(norm, ref.provenance.start, ref.provenance.end or ref.provenance.start, found)
            text = part_cell.text.strip()
            kind = cell.kind
            state.unit = money_unit(cell.unit)
            state.cols = [cell.role] if cell.role else None
            state.ptr = 0
            for part in part_cell.parts:
                if part.kind == "number" and part.text == text and WELL.fullmatch(part.text.rstrip("%‰")):
                    as_kind = kind
                    if as_kind is None and state.unit is not None and not part.text.endswith(("%", "‰")):
                        as_kind = "money"
                    emit(as_kind, part.start, part.end, part.text, state, added, fused=False)
                elif part.kind == "mention" and part.found is not None and kind == "target":
                    state.row_target = part.found
                elif part.kind == "unit":
                    if state.pending is not None:
                        resolve(*state.pending, part.text)
                        state.pending = None
                    state.row_unit = part.text
                elif part.kind == "cmp":
                    state.row_cmp = part.text
    # a declaration governs one table: what follows the table starts afresh
    state.unit, state.cols, state.view = None, None, None
