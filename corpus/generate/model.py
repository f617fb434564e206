"""The abstract document the generator builds before writing it in a file format."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mention:
    """A number as written, with the value gold records for it."""

    kind: str  # money, percent, ratio_points, count
    text: str
    value: str | list[str]
    qualifier: str | None = None
    unit: str | None = None
    unit_from: str | None = None
    comparator: str | None = None

    def gold(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "value": self.value, "qualifier": self.qualifier}
        if self.kind in ("percent", "ratio_points"):
            out["kind"] = self.kind
        if self.kind == "count":
            out["unit"] = self.unit
        if self.kind == "money" and self.unit:
            out["unit"] = self.unit
        if self.unit_from:
            out["unit_from"] = self.unit_from
        if self.comparator:
            out["comparator"] = self.comparator
        return out


def join(parts: list[Any]) -> str:
    return "".join(p if isinstance(p, str) else p.text for p in parts)


@dataclass
class Para:
    """A paragraph: title line, heading, body text, enumerated item or table-of-contents line."""

    parts: list[Any]
    role: str = "body"  # title, heading, body, item, toc, caption
    level: int = 0  # heading level (1…4); for items the list number
    number: str = ""  # numbering as displayed ("一、", "（二）", "1.") — not in parts
    canonical: str | None = None
    numbered: bool = False  # the number comes from the numbering scheme (may be automatic)
    align: str = "left"
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return join(self.parts)

    @property
    def text(self) -> str:
        return self.number + self.body


@dataclass
class Cell:
    parts: list[Any]
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False

    @property
    def text(self) -> str:
        return join(self.parts)


@dataclass
class Table:
    """A grid; ``rows[r][c]`` is a Cell at its top-left slot, None where a merge covers it."""

    rows: list[list[Cell | None]]
    header_rows: int = 1
    repeat_header: bool = False
    widths: list[float] = field(default_factory=list)  # relative column widths

    @property
    def ncols(self) -> int:
        return len(self.rows[0])

    def grid(self) -> list[list[str | None]]:
        return [[c.text if c is not None else None for c in row] for row in self.rows]

    def mentions(self) -> list[Mention]:
        return [p for row in self.rows for c in row if c is not None for p in c.parts
                if isinstance(p, Mention)]


@dataclass
class PageBreak:
    pass


@dataclass
class Document:
    """Blocks in reading order plus page furniture and the gold facts known at build time."""

    blocks: list[Any] = field(default_factory=list)
    header: str | None = None
    footer: str = ""  # page-number footer template: "- {page} -" or "第{page}页 共{pages}页"

    def footer_text(self, page: int, pages: int) -> str:
        return self.footer.format(page=page, pages=pages)
    meta: dict[str, Any] = field(default_factory=dict)

    def paragraphs(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        for b in self.blocks:
            if isinstance(b, Para):
                out.extend(p for p in b.parts if isinstance(p, Mention))
            elif isinstance(b, Table):
                out.extend(b.mentions())
        return out
