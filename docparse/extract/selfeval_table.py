"""The 绩效自评表 (self-evaluation table): its money block (年度资金总额 …) and its indicator rows.

Every table grid is read once into its typed view (:mod:`docparse.tables`) and the money block and
indicator rows are taken from it by the role of each column; the money rows of tables flattened into
text lines and their indicator rows are taken from the typed views the mentions stage recorded
(``analysis.text_tables``). All go, in document order, into ``report.money_rows`` and the table
indicators; the table's totals (合计 row) are handed on as ``analysis.selfeval``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docparse.model.analysis import stage
from docparse.tables.cells import grid_rows
from docparse.tables.flat_indicators import read_text_indicators
from docparse.tables.grid import read_grid
from docparse.tables.selfeval import GridState, SelfEvalTable, read_text_view, read_view
from docparse.tables.vocabulary import declared_unit

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis
    from docparse.model.document import Document
    from docparse.tables.view import TableView

__all__ = ["SelfEvalTable", "extract", "read"]


def read(document: Document, text_tables: list[TableView] | None = None) -> SelfEvalTable:
    """Money rows and indicator rows of every self-evaluation table in ``document``; ``text_tables``:
    the typed views of its flattened tables (read here when not given)."""
    out = SelfEvalTable()
    state = GridState()
    for block in document.blocks:
        if block.kind == "table" and block.table is not None and block.is_body:
            before = [b for b in document.blocks[max(0, block.index - 3):block.index]
                      if b.kind == "paragraph" and b.is_body]
            state.declared = next((d[0] for b in reversed(before) if (d := declared_unit(b.text))), None)
            read_view(read_grid(grid_rows(block), state.declared), out, state)
    paragraphs = [b for b in document.blocks if b.kind == "paragraph" and b.is_body]
    if text_tables is None:
        from docparse.extract.mentions import text_tables as read_text_tables

        text_tables = read_text_tables(document)
    body = {b.index for b in paragraphs}
    done = (-1, 0)
    for view in text_tables:
        if all(c.ref.provenance.block in body for row in view.rows for c in row):
            read_text_view(view, out)
    for view in text_tables:
        done = read_text_indicators(view, out, done)
    return out


@stage(requires=("document", "text_tables"), assigns=("selfeval", "report.money_rows", "report.indicators"))
def extract(analysis: Analysis) -> None:
    """Stage: fill ``report.money_rows`` and the table indicators; hand the table on as ``analysis.selfeval``."""
    table = read(analysis.document, analysis.text_tables)
    analysis.selfeval = table
    analysis.report.money_rows = table.money_rows
    analysis.report.indicators = list(table.indicators)
