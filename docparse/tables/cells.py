"""Table cells: where they stand (:class:`CellRef`, from a true grid or a flattened line) and what they
hold (:class:`Cell` of :class:`Part` — labels, units, numbers, written figures).

Flattened tables come as one cell per line (``238.93 |``), pipe-separated rows, space-separated rows,
or cells glued without any separator; :func:`split_line` is the one splitter of such lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from docparse.chars import to_simplified
from docparse.extract.values import normalise
from docparse.lexicon import marks
from docparse.model.document import Block, Provenance
from docparse.numbers.data import nonmentions, qualifiers, units
from docparse.numbers.found import Found
from docparse.tables.vocabulary import clean, columns

_WS = re.compile(r"[ \t\u3000\u00a0]+")
_RUN = re.compile(r"(?<![0-9A-Za-z.])(?:-(?=[0-9]))?\.?[0-9][0-9.,]*[%‰]?")
_PUNCT = " \t\u3000\u00a0：:，,。;；、！？!?·"
_SENTENCE = re.compile(f"[{re.escape(marks('sentence_ends', 'clause_marks'))}]")
_BLANK = " \t\u3000\u00a0"


def split_line(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Cell spans of a flattened table line and whether it used explicit ``|`` separators.

    A line with pipes is cut at them (a trailing pipe closes the last cell; ``"|"`` alone is one empty
    cell); any other line at its runs of white space."""
    if "|" in text:
        spans, pos = [], 0
        pieces = text.split("|")
        if text.rstrip().endswith("|"):
            pieces = pieces[:-1]
        for piece in pieces:
            spans.append(_strip_span(text, pos, pos + len(piece)))
            pos += len(piece) + 1
        return spans, True
    spans, pos = [], 0
    for m in _WS.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans, False


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _BLANK:
        s += 1
    while e > s and text[e - 1] in _BLANK:
        e -= 1
    return s, e


# ---- where a cell stands ----------------------------------------------------------------------------


@dataclass(slots=True)
class CellRef:
    """One cell's text and where it stands; ``row``/``col`` are the grid slot when the source has a grid."""

    text: str
    provenance: Provenance
    row: int | None = None
    col: int | None = None
    covered: bool = False  # a slot covered by a merge (its text repeats the anchor's)
    solo: bool = False  # the only cell of a pipe-terminated line (empty cells then survive)
    siblings: int = 1  # how many cells the line this cell came from holds

    @property
    def clean(self) -> str:
        """The text for matching labels: simplified, no whitespace, pipes or trailing colon."""
        return clean(normalise(self.text))

    def part(self, start: int, end: int) -> CellRef:
        """The sub-cell ``start:end`` of this cell's text, with narrowed provenance."""
        p = self.provenance
        base = p.start or 0
        sub = Provenance(page=p.page, bbox=p.bbox, paragraph=p.paragraph, table=p.table, row=p.row,
                         col=p.col, line=p.line, block=p.block, start=base + start, end=base + end)
        return CellRef(self.text[start:end], sub, self.row, self.col, self.covered, self.solo, self.siblings)




def grid_rows(block: Block) -> list[list[CellRef]]:
    """A table block's rows, one :class:`CellRef` per grid slot (merged text repeated, ``covered`` set)."""
    table = block.table
    if table is None:
        return []
    anchors = {(c.row, c.col): c for c in table.cells}
    filled = table.filled_grid()
    out: list[list[CellRef]] = []
    for r in range(table.n_rows):
        row: list[CellRef] = []
        for c in range(table.n_cols):
            cell = anchors.get((r, c))
            if cell is not None:
                p = cell.provenance
                prov = Provenance(page=p.page, bbox=p.bbox, paragraph=p.paragraph,
                                  table=p.table, row=r if p.row is None else p.row,
                                  col=c if p.col is None else p.col, line=p.line, block=block.index,
                                  start=p.start, end=p.end)
                row.append(CellRef(cell.text, prov, r, c))
            else:
                prov = Provenance(table=block.provenance.table, row=r, col=c, block=block.index,
                                  page=block.provenance.page)
                row.append(CellRef(filled[r][c], prov, r, c, covered=True))
        out.append(row)
    return out


def split_cells(text: str, index: int, base: Provenance | None = None) -> list[CellRef]:
    """The cells of one flattened table line (block ``index``), whole and as written, empty ones included."""
    spans, piped = split_line(text)
    if not spans:
        spans = [(0, 0)]
    solo = piped and len(spans) == 1 and text.rstrip().endswith("|")
    base = base or Provenance()
    return [CellRef(text[start:end], Provenance(line=base.line, paragraph=base.paragraph, page=base.page,
                                                 block=index, start=start, end=end),
                    row=None, solo=solo, siblings=len(spans)) for start, end in spans]


# ---- what a cell holds --------------------------------------------------------------------------------


@dataclass(slots=True)
class Part:
    """One piece of a cell: kind is text, unit, cmp, empty, number or mention."""

    kind: str
    start: int
    end: int
    text: str
    found: Found | None = None
    glued: bool = False


@dataclass(slots=True)
class Cell:
    start: int
    end: int
    text: str
    parts: list[Part]
    prose: bool = False
    has_header: bool = False


@cache
def _unit_tokens() -> tuple[str, ...]:
    u = units()
    words = ["%", "‰", *u.percent, *u.money, *u.measures]
    words += ["万" + m for m in u.measures]
    return tuple(sorted(set(words), key=len, reverse=True))


def unit_token(text: str) -> str | None:
    """The unit a cell holds on its own ("%", "万元", "个"), else None."""
    t = text.strip(_PUNCT)
    return t if t in _unit_tokens() else None


@dataclass(slots=True)
class _Figures:
    """A block's written figures ordered by start, with the furthest end reached up to each: the
    figures of a cell and the test whether a span overlaps one are found by bisection, not a scan of
    every figure of the block per cell (a long table block holds thousands)."""

    source: list[Found]
    size: int
    ordered: list[Found]
    starts: list[int]
    reach: list[int]

    def within(self, s: int, e: int) -> list[Found]:
        return self.ordered[bisect_left(self.starts, s):bisect_left(self.starts, e)]

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)
        return k > 0 and self.reach[k - 1] > s


_last: list[_Figures] = []


def _figures(found: list[Found]) -> _Figures:
    """The index of ``found``, kept for the next cell of the same block."""
    if _last and _last[0].source is found and _last[0].size == len(found):
        return _last[0]
    ordered = sorted(found, key=lambda f: f.start)
    reach = list(accumulate((f.end for f in ordered), max))
    index = _Figures(found, len(found), ordered, [f.start for f in ordered], reach)
    _last[:] = [index]
    return index


def make_cell(norm: str, s: int, e: int, found: list[Found]) -> Cell:
    """Parts of the cell ``norm[s:e]``; ``found`` are written figures of the whole block."""
    parts: list[Part] = []
    figures = _figures(found)
    pos = s
    for f in figures.within(s, e):
        if f.start > pos:
            _gap(norm, pos, f.start, figures, parts)
        parts.append(Part("mention", f.start, f.end, norm[f.start:f.end], found=f,
                          glued=f.start > s and norm[f.start - 1] not in _PUNCT))
        pos = max(pos, f.end)
    if pos < e:
        _gap(norm, pos, e, figures, parts)
    text = norm[s:e]
    prose = len(text) >= 25 and bool(_SENTENCE.search(text))
    if not parts:
        parts.append(Part("empty", s, e, ""))
    return Cell(s, e, text, parts, prose)


def _gap(norm: str, s: int, e: int, figures: _Figures, parts: list[Part]) -> None:
    pos = s
    rules = nonmentions()
    for m in _RUN.finditer(norm, s, e):
        rs, re_ = m.start(), m.end()
        while re_ > rs and norm[re_ - 1] in ".,":
            re_ -= 1
        if re_ <= rs or figures.overlaps(rs, re_):
            continue
        after = norm[re_:re_ + 1]
        before = norm[rs - 1:rs] if rs > 0 else ""
        if after and after in rules.bare_not_followed_by and (
                after not in rules.bare_date_characters or "." not in norm[rs:re_]):
            continue
        if after and after in ".．" and not norm[re_ + 1:re_ + 2].isdigit():
            continue
        if before and after and before in "(（" and after in ")）":
            continue
        if before == "第":
            continue
        if rs > pos:
            _text(norm, pos, rs, parts, follows_number=True)
        glued = rs > s and norm[rs - 1] not in _PUNCT
        parts.append(Part("number", rs, re_, norm[rs:re_], glued=glued or (re_ < e and norm[re_] not in _PUNCT)))
        pos = re_
    if pos < e:
        _text(norm, pos, e, parts, follows_number=False)


def _text(norm: str, s: int, e: int, parts: list[Part], follows_number: bool) -> None:
    """A text run; a unit written at its end just before a number becomes its own part."""
    raw = norm[s:e]
    t = raw.strip(_PUNCT)
    if not t:
        return
    off = s + raw.index(t)
    if t in qualifiers().symbols:
        parts.append(Part("cmp", off, off + len(t), t))
        return
    if t in columns().placeholders:
        parts.append(Part("empty", off, off + len(t), t))
        return
    if unit_token(t):
        parts.append(Part("unit", off, off + len(t), t))
        return
    if follows_number and len(t) > 1 and t[-1] in "%‰":
        parts.append(Part("text", off, off + len(t) - 1, t[:-1]))
        parts.append(Part("unit", off + len(t) - 1, off + len(t), t[-1]))
        return
    parts.append(Part("text", off, off + len(t), t))


def folded(text: str) -> str:
    """``text`` in simplified characters, full-width digits and signs made ASCII (same length)."""
    return to_simplified(normalise(text))
