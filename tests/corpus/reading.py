"""Independent readers for the tests: docx text with Word list numbers rendered, tables, PDF text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

FIXTURES = Path(__file__).resolve().parents[2] / "corpus" / "fixtures"
_CN = "〇一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def golds() -> list[Path]:
    return sorted(FIXTURES.glob("*.gold.json"))


def load(gold_path: Path) -> tuple[dict[str, Any], Path]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold, gold_path.with_name(gold_path.name.replace(".gold.json", "." + gold["format"]))


def _chinese(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def _format(fmt: str, n: int) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand"):  # the same below 100; LibreOffice writes the latter
        return _chinese(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "decimal":
        return str(n)
    raise AssertionError(f"numFmt {fmt} not rendered by the test reader")


class _Lists:
    """Word list numbering from numbering.xml: counters per w:num, deeper levels reset."""

    def __init__(self, document: Any) -> None:
        root = document.part.numbering_part.element
        self.abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in an.findall(qn("w:lvl")):
                def val(tag: str, lvl: Any = lvl) -> str | None:
                    el = lvl.find(qn(tag))
                    return None if el is None else el.get(qn("w:val"))
                levels[int(lvl.get(qn("w:ilvl")))] = (val("w:numFmt"), val("w:lvlText"), int(val("w:start") or 1))
            self.abstract[an.get(qn("w:abstractNumId"))] = levels
        self.nums = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val"))
                     for n in root.findall(qn("w:num"))}
        self.counters: dict[str, dict[int, int]] = {}

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.abstract[self.nums[num_id]]
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl][1]
        for k in range(ilvl + 1):
            text = text.replace(f"%{k + 1}", _format(levels[k][0], counters.get(k, levels[k][2])))
        return text


def docx_blocks(path: Path) -> list[tuple[str, Any]]:
    """Body blocks in order: ("p", rendered text) for non-empty paragraphs, ("t", grid) for tables."""
    document = docx.Document(str(path))
    lists = _Lists(document)
    out: list[tuple[str, Any]] = []
    tables = iter(document.tables)
    paragraphs = iter(document.paragraphs)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            para = next(paragraphs)
            num_pr = child.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is None and para.style is not None and para.style.element.pPr is not None:
                num_pr = para.style.element.pPr.find(qn("w:numPr"))  # numbering linked to the style
            label = ""
            if num_pr is not None and num_pr.find(qn("w:numId")).get(qn("w:val")) != "0":
                label = lists.label(num_pr.find(qn("w:numId")).get(qn("w:val")),
                                    int(num_pr.find(qn("w:ilvl")).get(qn("w:val"))))
            text = para.text.strip()
            if text:
                out.append(("p", label + text))
        elif child.tag == qn("w:tbl"):
            out.append(("t", table_grid(next(tables))))
    return out


def table_grid(table: Any) -> list[list[str | None]]:
    """Cell texts; a slot covered by a horizontal or vertical merge is None."""
    rows, cols = len(table.rows), len(table.columns)
    grid: list[list[str | None]] = []
    for r in range(rows):
        line: list[str | None] = []
        for c in range(cols):
            tc = table.cell(r, c)._tc
            covered = (c and table.cell(r, c - 1)._tc is tc) or (r and table.cell(r - 1, c)._tc is tc)
            line.append(None if covered else table.cell(r, c).text)
        grid.append(line)
    return grid


def docx_furniture(path: Path) -> list[str]:
    section = docx.Document(str(path)).sections[0]
    return [p.text for part in (section.header, section.footer) for p in part.paragraphs if p.text]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def in_order(needles: list[str], haystack: str) -> list[str]:
    """The needles that cannot be found in ``haystack`` in the given order."""
    missing, pos = [], 0
    for needle in needles:
        at = haystack.find(needle, pos)
        if at < 0:
            missing.append(needle)
        else:
            pos = at + len(needle)
    return missing
