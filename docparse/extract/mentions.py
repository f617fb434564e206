"""Collect figures into ``report.mentions``: the ones the NLP component found in each block, plus
bare numbers governed by units declared elsewhere (table headers, 单位：万元), in document order."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from docparse.model import Block, Mention, Provenance
from docparse.model.analysis import stage
from docparse.model.document import table_text
from docparse.numbers import BlockView, Found, govern, scan

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis
    from docparse.model.document import Document
    from docparse.tables.view import TableView

_SKIP_ROLES = ("header", "footer")


@stage(requires=("document", "layout"), assigns=("report.mentions", "text_tables"))
def collect(analysis: Analysis) -> None:
    """Fill ``analysis.report.mentions`` (and each block Doc's ``mentions`` spans) in document order,
    and ``analysis.text_tables`` with the typed view of each table flattened to text lines."""
    from docparse.nlp.config import enabled

    docs = analysis.docs if enabled("docs") else []  # spaCy Docs only where asked for: not on the hot path
    headings = analysis.layout.heading_blocks
    blocks = analysis.document.blocks
    views = []
    for i, block in enumerate(blocks):
        if block.role in _SKIP_ROLES:
            continue
        doc = docs[i] if i < len(docs) else None
        figures = doc._.figures if doc is not None and doc._.figures is not None else scan(block.text)
        views.append(BlockView(index=i, text=block.text, found=list(figures), grid=_grid_spans(block),
                               heading=i in headings, body=block.kind == "paragraph" and block.is_body))
    tables: list[TableView] = []
    governed = govern(views, tables)
    analysis.text_tables = _located(tables, blocks)
    mentions: list[Mention] = []
    for view in views:
        block = blocks[view.index]
        figures = governed.get(view.index, [])
        if view.index < len(docs):
            from docparse.nlp.components.mentions import set_figures

            set_figures(docs[view.index], figures)
        mentions.extend(to_mention(block, view.index, f) for f in figures)
    analysis.report.mentions = mentions


def text_tables(document: Document) -> list[TableView]:
    """The typed views of the tables flattened to text lines in ``document``, as :func:`collect` reads
    them (for a reader of tables run without the mentions stage)."""
    views = [BlockView(index=i, text=b.text, found=list(scan(b.text)), grid=_grid_spans(b),
                       body=b.kind == "paragraph" and b.is_body)
             for i, b in enumerate(document.blocks) if b.role not in _SKIP_ROLES]
    tables: list[TableView] = []
    govern(views, tables)
    return _located(tables, document.blocks)


def _located(tables: list[TableView], blocks: list[Block]) -> list[TableView]:
    """Each recorded cell's provenance: its block's (line, page …) narrowed to the cell's span."""
    for table in tables:
        for row in table.rows:
            for cell in row:
                p = cell.ref.provenance
                if p.block is not None and p.start is not None and p.end is not None:
                    cell.ref.provenance = blocks[p.block].provenance.at(p.block, p.start, p.end)
        for line in table.lines:
            for ref in line:
                p = ref.provenance
                ref.provenance = blocks[p.block].provenance.at(p.block, p.start, p.end)
    return tables


def to_mention(block: Block, index: int, f: Found) -> Mention:
    """A report :class:`Mention` for figure ``f`` of block ``block``."""
    prov: Provenance = block.provenance.at(index, f.start, f.end)
    value: Decimal | tuple[Decimal, Decimal] = f.value
    return Mention(
        kind=f.kind,  # type: ignore[arg-type]
        text=block.text[f.start:f.end],
        value=value,
        provenance=prov,
        unit=f.unit,
        scale=f.scale,
        qualifier=f.qualifier,
        comparator=f.comparator,
        direction=f.direction,  # type: ignore[arg-type]
        unit_from=f.unit_from,
    )


def _grid_spans(block: Block) -> list[list[tuple[int, int, bool] | None]] | None:
    """For each (row, col) slot: the span of the cell covering it in the block text and whether the
    slot is that cell's anchor; None when the block text is not the table's text."""
    table = block.table
    if block.kind != "table" or table is None or block.text != table_text(table):
        return None
    grid: list[list[tuple[int, int, bool] | None]] = [[None] * table.n_cols for _ in range(table.n_rows)]
    pos = 0
    by_row: dict[int, list] = {}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if cell.row < table.n_rows:
            by_row.setdefault(cell.row, []).append(cell)
    for r in range(table.n_rows):
        for k, cell in enumerate(by_row.get(r, [])):
            if k:
                pos += 3
            span = (pos, pos + len(cell.text))
            for rr in range(cell.row, min(cell.row + cell.rowspan, table.n_rows)):
                for cc in range(cell.col, min(cell.col + cell.colspan, table.n_cols)):
                    grid[rr][cc] = (*span, rr == cell.row and cc == cell.col)
            pos += len(cell.text)
        pos += 1
    return grid
