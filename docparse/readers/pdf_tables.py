"""Ruled tables of a PDF page as true grids: pdfplumber's edge geometry, spans from cell sizes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from docparse.readers.common import split_rows
from docparse.readers.pdf_chars import Char

TOLERANCE = 3.0
OVERFLOW_SLACK = 1.0  # points a character may start left of its cell's rule
MAX_CROSSINGS = 400_000  # h × v rule pairs to test; beyond this a page is a drawing, not a form
MAX_POINTS = 3000


class TooManyRules(Exception):
    """A page with so many ruling lines that looking for tables would take minutes."""


@dataclass(slots=True)
class PdfCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: tuple[float, float, float, float]
    chars: list[Char] = field(default_factory=list)


@dataclass(slots=True)
class PdfTable:
    """One table found on a page: column and row boundaries and its cells (anchors only)."""

    bbox: tuple[float, float, float, float]
    xs: list[float]
    ys: list[float]
    cells: list[PdfCell]
    slots: dict[tuple[int, int], PdfCell] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def cell_at(self, x: float, y: float) -> PdfCell | None:
        r = bisect_right(self.ys, y) - 1
        c = bisect_right(self.xs, x) - 1
        return self.slots.get((r, c))

    def cell_of(self, ch: Char) -> PdfCell | None:
        """The cell a character was written in: where it starts, so that text overflowing a narrow cell
        ("全年预算数（A）（万元）" running past the rule) stays in its cell (a point of slack for kerning)."""
        return self.cell_at(min(ch.x0 + OVERFLOW_SLACK, ch.cx), ch.cy)


def _cluster(values: list[float], tolerance: float = 1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _grid(boxes: list[tuple[float, float, float, float]]) -> PdfTable | None:
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 2 or len(ys) < 2:
        return None
    cells: list[PdfCell] = []
    slots: dict[tuple[int, int], PdfCell] = {}
    for x0, top, x1, bottom in sorted(boxes, key=lambda b: (b[1], b[0])):
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0 or (r0, c0) in slots:
            continue
        cell = PdfCell(r0, c0, r1 - r0, c1 - c0, (x0, top, x1, bottom))
        cells.append(cell)
        for r in range(r0, r1):
            for c in range(c0, c1):
                slots.setdefault((r, c), cell)
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return PdfTable(bbox, xs, ys, cells, slots)


def _split(table: PdfTable) -> list[PdfTable]:
    """Tables drawn touching each other come out as one grid: cut it where the column lines change
    (one table's grid against another's); each part gets its own grid."""
    parts = split_rows(table.cells, table.n_cols)
    if len(parts) == 1:
        return [table]
    return [grid for grid in (_grid([c.bbox for c in part]) for part in parts) if grid is not None]


def find_tables(edges: list[dict]) -> list[PdfTable]:
    """Tables bounded by ruling lines; a single ruled box (1 × 1) is not a table."""
    if len(edges) < 4:
        return []
    merged = merge_edges(edges, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE)
    merged = [e for e in merged if (e["width"] if e["orientation"] == "h" else e["height"]) >= TOLERANCE]
    if sum(e["orientation"] == "h" for e in merged) < 2 or sum(e["orientation"] == "v" for e in merged) < 2:
        return []
    n_h = sum(e["orientation"] == "h" for e in merged)
    if n_h * (len(merged) - n_h) > MAX_CROSSINGS:
        raise TooManyRules(len(merged))
    intersections = edges_to_intersections(merged, TOLERANCE, TOLERANCE)
    if len(intersections) > MAX_POINTS:  # cell search is quadratic in the crossing points
        raise TooManyRules(len(merged))
    cells = intersections_to_cells(intersections)
    out = []
    for group in cells_to_tables(cells):
        table = _grid(group)
        if table is None:
            continue
        out.extend(part for part in _split(table) if len(part.cells) >= 2)
    return out
