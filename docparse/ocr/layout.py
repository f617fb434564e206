"""OCR text boxes → printed lines in PDF points, in reading order, ready for the PDF reader's paragraphs.

Boxes on one row that stand close are one line (the engine sometimes cuts a line at a wide gap);
boxes far apart stay separate lines so that two columns are not run together. A page with two
columns of text is read column by column between the elements that span both (titles, tables).
The font size of a line is estimated from its box height; body lines within a small margin of the
page's usual height get exactly the usual size, so that only real size changes (headings) show.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from docparse.readers.pdf_layout import Line, join_text

# The engine's box around a CJK line is taller than the glyphs' em square by about this factor.
BOX_TO_SIZE = 0.80
SAME_SIZE = 0.12  # relative height difference still counted as the body size
MERGE_GAP = 2.0  # boxes on a row closer than this many sizes are one line


@dataclass(slots=True)
class OcrBox:
    """One text box from the engine, in image pixels, with the engine's confidence."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float
    chars: list[tuple[str, float, float]] | None = None  # each glyph's text, x0, x1 (when the engine gives them)

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


def split_at(box: OcrBox, cuts: list[float]) -> list[OcrBox]:
    """The box cut at the x positions ``cuts`` (pixels), by its glyphs' centres; whole without glyphs."""
    if not box.chars or not cuts:
        return [box]
    parts: list[list[tuple[str, float, float]]] = []
    last = None
    for ch in box.chars:
        centre = (ch[1] + ch[2]) / 2
        slot = sum(1 for c in cuts if c < centre)
        if slot != last:
            parts.append([])
            last = slot
        parts[-1].append(ch)
    if len(parts) == 1:
        return [box]
    return [
        OcrBox("".join(c[0] for c in part), part[0][1], box.top, part[-1][2], box.bottom, box.confidence, part)
        for part in parts
    ]


@dataclass(slots=True)
class OcrLine(Line):
    """A printed line read by OCR: a :class:`Line` with the engine's confidence and its reading rank."""

    confidence: float = 1.0
    order: float = 0.0


def rows(boxes: list[OcrBox]) -> list[list[OcrBox]]:
    """Boxes grouped by vertical centre into rows, top to bottom, each row left to right."""
    out: list[list[OcrBox]] = []
    current: list[OcrBox] = []
    ref_cy = ref_h = 0.0
    for box in sorted(boxes, key=lambda b: b.cy):
        if current and abs(box.cy - ref_cy) <= 0.45 * min(box.height, ref_h):
            current.append(box)
            continue
        if current:
            out.append(sorted(current, key=lambda b: b.x0))
        current = [box]
        ref_cy, ref_h = box.cy, box.height
    if current:
        out.append(sorted(current, key=lambda b: b.x0))
    return out


_FULL = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


_NUMBERED = re.compile(r"(?:^|(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]))\((\d{1,2})\) ?(?=[\u4e00-\u9fff])")


def cjk_punctuation(text: str) -> str:
    """ASCII punctuation the engine reads beside Chinese text in its full-width form (（大写：…）), as
    Chinese typesetting prints it; between digits and Latin letters it stays (1,234.00, (1))."""
    text = _NUMBERED.sub(r"（\1）", text)  # (1)农村公路… as a Chinese list prints it
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in _FULL:
            continue
        before = chars[i - 1] if i else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if ch == "(":
            inner = text[i + 1 : i + 20].split(")")[0].split("）")[0]
            near = _cjk(before) or any(_cjk(c) for c in inner)
        elif ch == ")":
            inner = text[max(0, i - 20) : i].rsplit("(", 1)[-1].rsplit("（", 1)[-1]
            near = any(_cjk(c) for c in inner)
        else:
            near = _cjk(before) or (_cjk(after) and not before.isdigit())
        if near:
            chars[i] = _FULL[ch]
    return "".join(chars)


def join_row(boxes: list[OcrBox]) -> str:
    """The text of boxes read as one line: joined as a wrapped line would be, a space at a wide gap."""
    text = ""
    prev: OcrBox | None = None
    for box in boxes:
        part = cjk_punctuation(box.text.strip())
        if prev is not None and box.x0 - prev.x1 > 1.5 * max(prev.height, 1.0) * BOX_TO_SIZE:
            text = f"{text} {part}" if text else part
        else:
            text = join_text(text, part)
        prev = box
    return text


def _lead(text: str, width: float) -> float:
    """Width of the line's first unbreakable run, from the average glyph width of the line."""
    if not text:
        return 0.0
    per_char = width / max(len(text), 1)
    run = 1
    if text[0].isascii() and text[0].isalnum():
        while run < len(text) and text[run].isascii() and not text[run].isspace():
            run += 1
    return per_char * run


def to_lines(boxes: list[OcrBox], scale: float, page: int) -> list[OcrLine]:
    """Lines in PDF points (``scale`` pixels per point), close boxes of a row merged."""
    out: list[OcrLine] = []
    for row in rows(boxes):
        groups: list[list[OcrBox]] = [[row[0]]]
        for box in row[1:]:
            prev = groups[-1][-1]
            if box.x0 - prev.x1 <= MERGE_GAP * max(prev.height, box.height) * BOX_TO_SIZE:
                groups[-1].append(box)
            else:
                groups.append([box])
        for group in groups:
            text = join_row(group)
            if not text:
                continue
            x0 = min(b.x0 for b in group) / scale
            x1 = max(b.x1 for b in group) / scale
            top = min(b.top for b in group) / scale
            bottom = max(b.bottom for b in group) / scale
            size = statistics.median(b.height for b in group) / scale * BOX_TO_SIZE
            out.append(
                OcrLine(
                    text,
                    x0,
                    top,
                    x1,
                    bottom,
                    size,
                    False,
                    page,
                    lead=_lead(text, x1 - x0),
                    confidence=min(b.confidence for b in group),
                    order=top,
                )
            )
    _snap_sizes(out)
    return out


def _snap_sizes(lines: list[OcrLine]) -> None:
    """Give lines within ``SAME_SIZE`` of the page's usual (body) size exactly that size; round the rest."""
    body = [ln.size for ln in lines if len(ln.text) >= 8]
    if not body:
        body = [ln.size for ln in lines]
    if not body:
        return
    usual = statistics.median(body)
    for ln in lines:
        if abs(ln.size - usual) <= SAME_SIZE * usual:
            ln.size = round(usual * 2) / 2
        else:
            ln.size = round(ln.size * 2) / 2


# ---- reading order ------------------------------------------------------------------------------


def _line_rows(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Lines grouped into printed rows (by vertical centre), top to bottom, each left to right."""
    out: list[list[OcrLine]] = []
    for ln in sorted(lines, key=lambda ln: (ln.top + ln.bottom) / 2):
        cy, h = (ln.top + ln.bottom) / 2, ln.bottom - ln.top
        if out:
            ref = out[-1][0]
            if abs(cy - (ref.top + ref.bottom) / 2) <= 0.45 * min(h, ref.bottom - ref.top):
                out[-1].append(ln)
                continue
        out.append([ln])
    return [sorted(row, key=lambda ln: ln.x0) for row in out]


def _join_rows(lines: list[OcrLine]) -> list[OcrLine]:
    """Lines of one column: the parts of a printed row are one line, a space at each gap (as the text
    layer reads a row: "填报单位：某某局    单位：万元")."""
    out: list[OcrLine] = []
    for row in _line_rows(lines):
        first = row[0]
        for ln in row[1:]:
            first.text = f"{first.text} {ln.text}"
            first.x1 = max(first.x1, ln.x1)
            first.top = min(first.top, ln.top)
            first.bottom = max(first.bottom, ln.bottom)
            first.confidence = min(first.confidence, ln.confidence)
        out.append(first)
    return out


def _gutter(lines: list[OcrLine], width: float) -> float | None:
    """The x of a column gutter: the place in the page's middle third fewest lines cross."""
    if len(lines) < 6:
        return None
    best_x, best_n = None, None
    x = width * 0.3
    while x <= width * 0.7:
        n = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        if best_n is None or n < best_n or (n == best_n and abs(x - width / 2) < abs(best_x - width / 2)):
            best_x, best_n = x, n
        x += 2.0
    return best_x


def _two_columns(band: list[OcrLine], gutter: float) -> bool:
    left = [ln for ln in band if ln.x1 <= gutter]
    right = [ln for ln in band if ln.x0 >= gutter]
    if len(left) < 3 or len(right) < 3:
        return False
    paired = sum(1 for a in left if any(min(a.bottom, b.bottom) - max(a.top, b.top) > 0 for b in right))
    return paired >= 3 and paired >= 0.4 * min(len(left), len(right))


def order_lines(lines: list[OcrLine], width: float, spanning: list[tuple[float, float]] = ()) -> list[OcrLine]:
    """Reading order: one column top to bottom, or two columns left then right between spanning
    elements (lines crossing the gutter, and the ``spanning`` (top, bottom) ranges of tables).
    Sets each line's ``order`` (a top coordinate the reader sorts tables and lines by)."""
    lines = [ln for row in _line_rows(lines) for ln in row]
    gutter = _gutter(lines, width)
    if gutter is None:
        return _join_rows(lines)
    # a row with a line across the gutter spans the page: all of it is one line
    lines = [
        ln for row in _line_rows(lines) for ln in (_join_rows(row) if any(x.x0 < gutter < x.x1 for x in row) else row)
    ]
    table_tops = sorted(top for top, _ in spanning)
    bands: list[list[OcrLine]] = []
    current: list[OcrLine] = []
    prev_top = float("-inf")
    for ln in lines:
        crosses = ln.x0 < gutter < ln.x1
        table_between = any(prev_top < top <= ln.top for top in table_tops)
        if current and (crosses or table_between):
            bands.append(current)
            current = []
        current.append(ln)
        if crosses:
            bands.append(current)
            current = []
        prev_top = ln.top
    if current:
        bands.append(current)
    out: list[OcrLine] = []
    for band in bands:
        if not _two_columns(band, gutter):
            out.extend(_join_rows(band))
            continue
        left = [ln for ln in band if (ln.x0 + ln.x1) / 2 < gutter]
        right = [ln for ln in band if (ln.x0 + ln.x1) / 2 >= gutter]
        column = join_column(left) + join_column(right)
        first, last = band[0].top, max(ln.top for ln in band)
        for i, ln in enumerate(column):
            ln.order = first + (last - first) * (i / max(len(column), 1))
        out.extend(column)
    return out


def join_column(lines: list[OcrLine]) -> list[OcrLine]:
    """Lines of one column joined into paragraph lines: a line that reaches the column's right edge
    runs on into the next unless that one is indented or of another size."""
    if not lines:
        return []
    lines = sorted(lines, key=lambda ln: ln.top)
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    out: list[OcrLine] = [lines[0]]
    for ln in lines[1:]:
        prev = out[-1]
        size = max(prev.size, 1.0)
        full = prev.x1 >= right - 1.5 * size
        indented = ln.x0 > left + 0.8 * size
        if full and not indented and abs(prev.size - ln.size) < 1.0 and ln.top - prev.bottom < 1.5 * size:
            prev.text = join_text(prev.text, ln.text)
            prev.x1 = max(prev.x1, ln.x1)
            prev.bottom = max(prev.bottom, ln.bottom)
            prev.confidence = min(prev.confidence, ln.confidence)
        else:
            out.append(ln)
    return out
