"""The one typed view of a table: header cells with the role and unit of their columns, body cells
with the role and unit in force where they stand, and where every cell came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from docparse.tables.cells import CellRef
from docparse.tables.vocabulary import kind_of


@dataclass(slots=True)
class TypedCell:
    """One slot of a table: its cell, the role of its column (budget, spent, rate …) and the money unit
    in force there (its column's header, its row, a caption). ``header`` marks a label naming a column."""

    ref: CellRef
    role: str | None = None
    unit: str | None = None
    header: bool = False

    @property
    def kind(self) -> str | None:
        """What a number here is read as: money, rate, weight, score, target, actual, …"""
        return kind_of(self.role)

    @property
    def text(self) -> str:
        return self.ref.text


@dataclass(slots=True)
class TableView:
    """A table read once: rows of typed cells (one per grid slot), the header rows among them, the
    unit a caption or a 单位 cell declares for the whole table, and for a table flattened to text the
    lines it stands on."""

    rows: list[list[TypedCell]] = field(default_factory=list)
    header_rows: list[int] = field(default_factory=list)
    unit: str | None = None
    # a table flattened to text: the lines it was read from, each as its whole cells (empty ones too)
    lines: list[list[CellRef]] = field(default_factory=list)

    def roles(self, r: int) -> dict[int, str]:
        """Column → role of the labels that row ``r`` holds: its own and those merged down into it from
        the header row above (分值 spanning a two-row header); a label merged across columns once."""
        out: dict[int, str] = {}
        row = self.rows[r]
        for i, cell in enumerate(row):
            if not cell.header or cell.role is None:
                continue
            if cell.ref.covered and i > 0 and row[i - 1].ref.text == cell.ref.text:
                continue
            out[i] = cell.role
        return out
