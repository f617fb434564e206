"""The 绩效自评表 (self-evaluation table): its money block (年度资金总额 …) and its indicator rows.

Tables come as true grids (Word, PDF) or flattened into text lines; both are read, in document
order, into ``report.money_rows`` and the table indicators. The table's totals (合计 row) are handed
on as ``analysis.selfeval``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docparse.extract.cells import grid_rows, text_cells
from docparse.extract.selfeval_grid import GridState, read_grid
from docparse.extract.selfeval_rows import SelfEvalTable, declared_unit
from docparse.extract.selfeval_stream import read_stream
from docparse.model.analysis import stage

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis
    from docparse.model.document import Document

__all__ = ["SelfEvalTable", "extract", "read"]


def read(document: Document) -> SelfEvalTable:
    """Money rows and indicator rows of every self-evaluation table in ``document``."""
    out = SelfEvalTable()
    state = GridState()
    for block in document.blocks:
        if block.kind == "table" and block.table is not None and block.is_body:
            before = [b for b in document.blocks[max(0, block.index - 3):block.index]
                      if b.kind == "paragraph" and b.is_body]
            state.declared = next((u for b in reversed(before) if (u := declared_unit(b.text))), None)
            read_grid(grid_rows(block), out, state)
    paragraphs = [b for b in document.blocks if b.kind == "paragraph" and b.is_body]
    if paragraphs:
        read_stream(text_cells(paragraphs), out)
    return out


@stage(requires=("document",), assigns=("selfeval", "report.money_rows", "report.indicators"))
def extract(analysis: Analysis) -> None:
    """Stage: fill ``report.money_rows`` and the table indicators; hand the table on as ``analysis.selfeval``."""
    table = read(analysis.document)
    analysis.selfeval = table
    analysis.report.money_rows = table.money_rows
    analysis.report.indicators = list(table.indicators)
