"""The document model every reader produces: ordered blocks with layout cues and provenance.

Readers know file formats and nothing about reports; everything after them works on
a :class:`Document` only, whatever format it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

BlockKind = Literal["paragraph", "table"]
BlockRole = Literal["body", "header", "footer", "footnote", "textbox"]


@dataclass(slots=True)
class Provenance:
    """Where a piece of text stands in the source file.

    Only the fields that make sense for the format are set: ``line`` for text files,
    ``paragraph``/``table``/``row``/``col`` for Word, ``page``/``bbox`` for PDF.
    ``start``/``end`` are character offsets into the block text (set on mentions and cells).
    """

    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    line: int | None = None
    block: int | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if isinstance(value, tuple) else value
        return out

    def at(self, block: int, start: int, end: int) -> Provenance:
        """A copy narrowed to the character span ``start:end`` of block ``block``."""
        return Provenance(
            page=self.page, bbox=self.bbox, paragraph=self.paragraph, table=self.table,
            row=self.row, col=self.col, line=self.line, block=block, start=start, end=end,
        )


@dataclass(slots=True)
class Cell:
    """One cell of a table grid, stored once at its top-left slot with its spans."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    provenance: Provenance = field(default_factory=Provenance)


@dataclass(slots=True)
class Table:
    """A true cell grid: merged cells appear once, with ``rowspan``/``colspan``."""

    n_rows: int
    n_cols: int
    cells: list[Cell] = field(default_factory=list)

    def grid(self) -> list[list[str | None]]:
        """Rows × columns of text; slots covered by a merge (not its anchor) are ``None``."""
        out: list[list[str | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            if cell.row < self.n_rows and cell.col < self.n_cols:
                out[cell.row][cell.col] = cell.text
        return out

    def filled_grid(self) -> list[list[str]]:
        """Rows × columns of text with merged cells' text repeated in every slot they cover."""
        out = [[""] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.rowspan, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.colspan, self.n_cols)):
                    out[r][c] = cell.text
        return out

    def row_texts(self) -> list[list[str]]:
        """Each row's cell texts in column order, merged cells given once (at their anchor)."""
        rows: list[list[str]] = [[] for _ in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            if cell.row < self.n_rows:
                rows[cell.row].append(cell.text)
        return rows


@dataclass(slots=True)
class Block:
    """A paragraph or a table, in reading order.

    ``text`` of a table block is its rows joined by newlines, cells by `` | ``, so that text-level
    stages (headings, mentions) see tables too; the grid itself is in ``table``.
    Layout cues are ``None`` when the reader cannot tell. ``outline_level`` is 1-based (1 = top level,
    Word's ``w:outlineLvl`` 0 becomes 1); ``numbering`` is the rendered automatic-numbering label.
    """

    index: int
    kind: BlockKind
    text: str
    provenance: Provenance = field(default_factory=Provenance)
    role: BlockRole = "body"
    style: str | None = None
    outline_level: int | None = None
    bold: bool | None = None
    font_size: float | None = None
    numbering: str | None = None
    table: Table | None = None
    confidence: list[tuple[int, int, float]] | None = None  # OCR: (start, end, confidence) spans of text

    @property
    def is_body(self) -> bool:
        return self.role == "body"


@dataclass(slots=True)
class Document:
    """What a reader returns: ordered blocks plus facts about the file."""

    path: str | None
    format: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    sha256: str | None = None
    converted_from: str | None = None
    warnings: list[dict[str, Any]] = field(default_factory=list)
    ocr: dict[str, Any] | None = None  # pages read by OCR: engine, pages, mean/min confidence

    @property
    def body(self) -> list[Block]:
        """Blocks in the main text flow (no page headers, footers, footnotes)."""
        return [b for b in self.blocks if b.is_body]

    def add(self, kind: BlockKind, text: str, **kwargs: Any) -> Block:
        """Append a block with the next index and return it."""
        block = Block(index=len(self.blocks), kind=kind, text=text, **kwargs)
        self.blocks.append(block)
        return block

    def warn(self, code: str, message: str, **extra: Any) -> None:
        self.warnings.append({"code": code, "message": message, **extra})


def table_text(table: Table) -> str:
    """The flat text of a table block: rows by newline, cells by `` | ``."""
    return "\n".join(" | ".join(row) for row in table.row_texts())
