"""A document builder that numbers headings and keeps the gold in step with the text."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from corpus.generate.model import Cell, Document, Mention, PageBreak, Para, Table
from corpus.generate.numbers import IDEOGRAPH, Writer, chinese_count

# Heading numbering per level: (number format, text around it). Word's names for the formats.
LEVELS = {
    "standard": {1: ("chineseCounting", "%1、"), 2: ("chineseCounting", "（%1）"),
                 3: ("decimal", "%1."), 4: ("decimal", "（%1）")},
    "ideograph": {1: ("chineseCounting", "%1、"), 2: ("chineseCounting", "（%1）"),
                  3: ("ideographTraditional", "%1、"), 4: ("decimal", "（%1）")},
    "alt": {1: ("chineseCounting", "%1、"), 2: ("chineseCounting", "（%1）"),
            3: ("decimal", "%1、"), 4: ("decimal", "%1）")},
}
# Enumerated statements: "1、…" — or "（1）…" where level 3 headings already use "1、".
ITEM_LEVELS = {"standard": ("decimal", "%1、"), "ideograph": ("decimal", "%1、"), "alt": ("decimal", "（%1）")}


def render_number(fmt: str, lvl_text: str, n: int) -> str:
    """The number Word displays for counter ``n`` in format ``fmt``."""
    if fmt == "chineseCounting":
        digit = chinese_count(n)
    elif fmt == "ideographTraditional":
        digit = IDEOGRAPH[(n - 1) % len(IDEOGRAPH)]
    else:
        digit = str(n)
    return lvl_text.replace("%1", digit)


class Builder:
    """Appends blocks to a :class:`Document`; headings are numbered as they are added."""

    def __init__(self, rng: random.Random, options: dict[str, Any]) -> None:
        self.rng = rng
        self.options = options
        self.money = Writer(rng, options.get("amounts", "wan"))
        scheme = options.get("numbering", "standard")
        self.levels = LEVELS[scheme]
        self.item_level = ITEM_LEVELS[scheme]
        self.doc = Document(meta={"levels": self.levels, "item_level": self.item_level})
        self.counters = [0] * 6
        self.item_counter = 0
        self.styles: dict[str, int] = {}
        self.fault = (options.get("fault") or {}).get("kind")
        self.gold: dict[str, Any] = {
            "facts": dict.fromkeys(("budget", "adjusted_budget", "arrived", "spent", "arrival_rate",
                                    "execution_rate", "score", "grade")),
            "fund_items": [], "fund_total": None, "money_rows": [], "indicators": [],
            "evaluation": {"score": None, "grade": None}, "checks": {},
        }

    # -- blocks ---------------------------------------------------------------------------------------
    def title(self, lines: list[str]) -> None:
        for line in lines:
            self.doc.blocks.append(Para([line], role="title", align="center"))

    def centered(self, text: str) -> None:
        self.doc.blocks.append(Para([text], role="subtitle", align="center"))

    def h(self, level: int, title: str, canonical: str | None = None) -> None:
        self.counters[level] += 1
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = 0
        self.item_counter = 0
        fmt, lvl_text = self.levels[level]
        number = render_number(fmt, lvl_text, self.counters[level])
        self.doc.blocks.append(Para([title], role="heading", level=level, number=number,
                                    canonical=canonical if level == 1 else None, numbered=True))

    def lead(self, level: int, title: str, body: str) -> None:
        """"（一）标题。正文…" on one line: gold lists it as an ambiguous heading; the number is typed."""
        self.counters[level] += 1
        fmt, lvl_text = self.levels[level]
        number = render_number(fmt, lvl_text, self.counters[level])
        self.doc.blocks.append(Para([title + "。" + body], role="lead", level=level, number=number,
                                    meta={"heading": number + title}))

    def unnumbered_heading(self, title: str, canonical: str | None) -> None:
        self.doc.blocks.append(Para([title], role="heading", level=1, canonical=canonical))

    def p(self, *parts: str | Mention) -> None:
        self.doc.blocks.append(Para(_merge(parts)))

    def item(self, *parts: str | Mention) -> None:
        """An enumerated statement ("1、…。") that is a list item, not a heading."""
        self.item_counter += 1
        number = render_number(*self.item_level, self.item_counter)
        self.doc.blocks.append(Para(_merge(parts), role="item", level=self.item_counter,
                                    number=number, numbered=True))

    def toc(self, lines: list[tuple[str, int]]) -> None:
        self.doc.blocks.append(Para(["目  录"], role="toc_title", align="center"))
        for text, page in lines:
            self.doc.blocks.append(Para([f"{text}{'…' * 6}{page}"], role="toc"))
        self.doc.blocks.append(PageBreak())

    def table(self, table: Table) -> None:
        self.doc.blocks.append(table)

    def page_break(self) -> None:
        self.doc.blocks.append(PageBreak())

    # -- gold -----------------------------------------------------------------------------------------
    def check(self, check_id: str, passes: bool = True) -> None:
        """Record what a checker must conclude; a failing claim is never overwritten by a pass."""
        current = self.gold["checks"].get(check_id)
        if current == "fail":
            return
        self.gold["checks"][check_id] = "pass" if passes else "fail"

    def drop_check(self, check_id: str) -> None:
        self.gold["checks"][check_id] = None

    def fact(self, name: str, value: Decimal | str | None) -> None:
        if value is None:
            return
        self.gold["facts"][name] = value if isinstance(value, str) else str(value)

    def style(self, name: str, n: int) -> int:
        """One of ``n`` phrasings, drawn once per document and kept for all its sentences."""
        if name not in self.styles:
            self.styles[name] = self.rng.randrange(n)
        return self.styles[name]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p


def _merge(parts: tuple[str | Mention, ...]) -> list[str | Mention]:
    out: list[str | Mention] = []
    for part in parts:
        if part == "":
            continue
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        else:
            out.append(part)
    return out


def cell(*parts: str | Mention, rowspan: int = 1, colspan: int = 1, bold: bool = False) -> Cell:
    return Cell(_merge(parts), rowspan, colspan, bold)


def grid(rows: list[list[Cell]], ncols: int) -> list[list[Cell | None]]:
    """Place cells row by row into an ``ncols`` grid, skipping slots that earlier spans cover."""
    out: list[list[Cell | None]] = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        line: list[Cell | None] = [None] * ncols
        c = 0
        for item in row:
            while (r, c) in covered:
                c += 1
            line[c] = item
            for dr in range(item.rowspan):
                for dc in range(item.colspan):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
            c += item.colspan
        while c < ncols and (r, c) in covered:
            c += 1
        if c != ncols:
            raise ValueError(f"row {r} fills {c} of {ncols} columns")
        out.append(line)
    return out
