"""From characters to lines to paragraphs; page furniture (running headers, footers, page numbers).

Chinese text wraps anywhere, so lines are joined without a space unless both sides are Latin
letters or digits with a word gap; an amount split at the line end (``7.3万`` / ``元``) comes back
whole. Fake bold (each glyph drawn twice, slightly offset) is collapsed to one glyph and counts as bold.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from docparse.readers.layout_rules import layout_rules
from docparse.readers.pdf_chars import Char


@dataclass(slots=True)
class Line:
    """One printed line: its text, box, dominant font size and whether it is bold."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    page: int = 0
    role: str = "body"
    lead: float = 0.0  # width of the first unbreakable run (what would not fit on the line above)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%)]}.,;:!?'\"/-+&")


def _ascii_start(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "([{'\"/-+&")


def _dedupe(chars: list[Char]) -> tuple[list[Char], bool]:
    """Drop glyphs drawn again at (almost) the same place; report whether any were dropped."""
    kept: list[Char] = []
    dropped = False
    for ch in chars:
        tol = max(1.0, 0.15 * ch.size)
        dup = False
        for prev in kept[-3:]:
            if prev.text == ch.text and abs(prev.x0 - ch.x0) <= tol and abs(prev.top - ch.top) <= tol:
                dup = True
                break
        if dup:
            dropped = True
        else:
            kept.append(ch)
    return kept, dropped


def line_text(chars: list[Char]) -> str:
    """Text of one line of characters sorted left to right, with spaces only where words part.

    A run of real space glyphs counts as many spaces as fit the gap it stands in (a PDF writer
    often draws one space and moves the pen for the rest).
    """
    out: list[str] = []
    prev: Char | None = None
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch.text == " ":
            j = i
            while j < n and chars[j].text == " ":
                j += 1
            if prev is not None and j < n:
                width = ch.x1 - ch.x0
                count = j - i
                if width > 0.5:
                    count = max(count, round((chars[j].x0 - prev.x1) / width))
                out.append(" " * min(count, 8))
            i = j
            continue
        spaced = bool(out) and out[-1].endswith(" ")
        if prev is not None and not spaced:
            gap = ch.x0 - prev.x1
            size = max(ch.size, prev.size, 1.0)
            word_gap = gap > 0.15 * size and _ascii_word(prev.text) and _ascii_start(ch.text)
            if gap > 1.5 * size or word_gap:
                out.append(" ")
        out.append(ch.text)
        prev = ch
        i += 1
    return "".join(out).strip()


def make_lines(chars: list[Char], page: int = 0) -> list[Line]:
    """Group characters into lines (by vertical centre) in top-to-bottom order."""
    if not chars:
        return []
    groups: list[list[Char]] = []
    current: list[Char] = []
    ref_cy = ref_h = 0.0
    for ch in sorted(chars, key=lambda c: (c.top + c.bottom)):
        cy = (ch.top + ch.bottom) / 2
        h = max(ch.bottom - ch.top, 1.0)
        if current and abs(cy - ref_cy) <= 0.45 * min(h, ref_h):
            current.append(ch)
            continue
        if current:
            groups.append(current)
        current = [ch]
        ref_cy, ref_h = cy, h
    groups.append(current)
    lines = []
    for group in groups:
        group.sort(key=lambda c: c.x0)
        group, doubled = _dedupe(group)
        text = line_text(group)
        if not text:
            continue
        sizes = Counter(round(c.size, 1) for c in group if not c.text.isspace())
        visible = [c for c in group if not c.text.isspace()]
        bold = doubled or (bool(visible) and sum(c.bold for c in visible) * 10 >= len(visible) * 9)
        lines.append(Line(text, min(c.x0 for c in group), min(c.top for c in group), max(c.x1 for c in group),
                          max(c.bottom for c in group), sizes.most_common(1)[0][0] if sizes else 0.0, bold, page,
                          lead=_lead_width(group)))
    lines.sort(key=lambda ln: ln.top)
    return lines




def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _lead_width(chars: list[Char]) -> float:
    """Width of the line's first run that cannot be split: a number or word with its punctuation."""
    visible = [c for c in chars if not c.text.isspace()]
    if not visible:
        return 0.0
    no_break_before = layout_rules().no_break_before
    end = 0
    if not _is_cjk(visible[0].text) and visible[0].text not in no_break_before:
        while end + 1 < len(visible) and not _is_cjk(visible[end + 1].text) and (
            visible[end + 1].text not in "（(【「『“‘"
        ):
            end += 1
    while end + 1 < len(visible) and visible[end + 1].text in no_break_before:
        end += 1
    return visible[end].x1 - visible[0].x0


def join_text(left: str, right: str) -> str:
    """Join a wrapped line to the next: a space only between two Latin words."""
    if not left:
        return right
    if not right:
        return left
    a, b = left[-1], right[0]
    if a.isascii() and a.isalpha() and b.isascii() and b.isalpha():
        return f"{left} {right}"
    return left + right


# ---- page furniture ---------------------------------------------------------------------------

def is_page_number(text: str) -> bool:
    return bool(layout_rules().page_number.match(text.strip()))


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


@dataclass
class FurnitureFinder:
    """Marks lines near the top or bottom edge that repeat across pages, and page numbers."""

    pages: list[tuple[float, list[Line]]] = field(default_factory=list)  # (page height, lines)
    zone: float = 0.12
    edge_lines: int = 2

    def _candidates(self, height: float, lines: list[Line]) -> list[tuple[Line, str]]:
        out = []
        for ln in lines[: self.edge_lines]:
            if ln.top < height * self.zone:
                out.append((ln, "header"))
        for ln in lines[-self.edge_lines:]:
            if ln.bottom > height * (1 - self.zone) and all(ln is not c for c, _ in out):
                out.append((ln, "footer"))
        return out

    def mark(self) -> None:
        n_pages = len(self.pages)
        seen: Counter[tuple[str, str]] = Counter()
        per_page = []
        for height, lines in self.pages:
            cands = self._candidates(height, lines)
            per_page.append(cands)
            for sig in {(role, _signature(ln.text)) for ln, role in cands}:
                seen[sig] += 1
        need = max(2, (n_pages + 1) // 2)
        for (height, lines), cands in zip(self.pages, per_page, strict=True):
            for ln, role in cands:
                repeated = n_pages >= 2 and seen[(role, _signature(ln.text))] >= need
                alone = n_pages == 1 and _set_apart(ln, lines, role, height)
                if repeated or alone or is_page_number(ln.text):
                    ln.role = role


def _set_apart(line: Line, lines: list[Line], role: str, height: float) -> bool:
    """On a single page nothing repeats: a small line at the very edge, far from the text, is furniture."""
    if len(lines) < 2:
        return False
    if role == "header":
        if line is not lines[0] or line.top > 0.08 * height:
            return False
        other = lines[1]
        gap = other.top - line.bottom
    else:
        if line is not lines[-1] or line.bottom < 0.92 * height:
            return False
        other = lines[-2]
        gap = line.top - other.bottom
    return line.size < other.size and gap > 2 * line.height
