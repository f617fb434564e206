"""Characters and ruling lines of one PDF page, read with PDFium (pypdfium2's raw API).

Coordinates are PDF points with the origin at the page's top-left corner (as in pdfplumber):
``x0, top, x1, bottom``.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c


@dataclass(slots=True)
class Char:
    """One glyph of the text layer."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


_FAKE_BOLD_MODES = {pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP}


def _font_is_bold(text_obj: ctypes.c_void_p) -> bool:
    if pdfium_c.FPDFTextObj_GetTextRenderMode(text_obj) in _FAKE_BOLD_MODES:
        return True  # bold drawn by stroking the glyph outline
    font = pdfium_c.FPDFTextObj_GetFont(text_obj)
    if not font:
        return False
    if pdfium_c.FPDFFont_GetWeight(font) >= 600:
        return True
    buf = ctypes.create_string_buffer(128)
    n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, 128)
    name = buf.raw[: max(0, n - 1)].decode("latin-1").lower() if n else ""
    return "bold" in name or "heavy" in name or "black" in name or name.endswith(",b")


def page_chars(textpage_raw, page_height: float) -> list[Char]:
    """Every non-generated, printable character on the page with its box, size and boldness."""
    count = pdfium_c.FPDFText_CountChars(textpage_raw)
    rect = pdfium_c.FS_RECTF()
    is_generated = pdfium_c.FPDFText_IsGenerated
    get_unicode = pdfium_c.FPDFText_GetUnicode
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    get_origin = pdfium_c.FPDFText_GetCharOrigin
    ox, oy = ctypes.c_double(), ctypes.c_double()
    get_size = pdfium_c.FPDFText_GetFontSize
    get_obj = pdfium_c.FPDFText_GetTextObject
    bold_of: dict[int | None, bool] = {}
    out: list[Char] = []
    append = out.append
    for i in range(count):
        if is_generated(textpage_raw, i) == 1:
            continue
        code = get_unicode(textpage_raw, i)
        if code < 32 or 0x7F <= code < 0xA0 or code == 0xFEFF:
            continue
        if 0xDC00 <= code <= 0xDFFF and out and "\ud800" <= out[-1].text <= "\udbff":
            high = out[-1]  # the second half of a character beyond the BMP: joined to the first
            high.text = chr(0x10000 + ((ord(high.text) - 0xD800) << 10) + (code - 0xDC00))
            get_box(textpage_raw, i, rect)
            high.x1 = max(high.x1, rect.right)
            continue
        get_box(textpage_raw, i, rect)
        obj = get_obj(textpage_raw, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value
        bold = bold_of.get(key)
        if bold is None:
            bold = bold_of[key] = bool(obj) and _font_is_bold(obj)
        size = get_size(textpage_raw, i)
        # Vertical extent from the baseline and the font size: some fonts give PDFium no ascent,
        # and their "loose" boxes are the glyph's ink (a comma would sit below its line).
        get_origin(textpage_raw, i, ox, oy)
        base = page_height - oy.value
        append(Char(chr(code), rect.left, base - 0.88 * size, rect.right, base + 0.12 * size, size, bold))
    for ch in out:  # a surrogate half left alone is no character
        if "\ud800" <= ch.text <= "\udfff":
            ch.text = "\ufffd"
    return out


@dataclass(slots=True)
class PageGraphics:
    """Axis-aligned ruling segments (pdfplumber-style edge dicts) and the number of images."""

    edges: list[dict]
    images: int = 0
    paths: int = 0
    text_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)

    def doubled_boxes(self) -> list[tuple[float, float, float, float]]:
        """Boxes of text objects drawn twice, slightly offset: fake bold (PDFium keeps one copy)."""
        out = []
        buckets: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        for box in self.text_boxes:
            key = (round(box[2] - box[0]), int(box[1] // 2))
            for dy in (-1, 0, 1):
                for other in buckets.get((key[0], key[1] + dy), ()):
                    if (abs((box[2] - box[0]) - (other[2] - other[0])) < 0.5 and abs(box[0] - other[0]) <= 1.5
                            and abs(box[1] - other[1]) <= 1.5):
                        out.append(box)
                        break
            buckets.setdefault(key, []).append(box)
        return out


def _mul(m1: tuple, m2: tuple) -> tuple:
    """Matrix product m1 · m2 for PDF matrices (a, b, c, d, e, f)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _edge(x0: float, y0: float, x1: float, y1: float, height: float, out: list[dict]) -> None:
    if abs(y1 - y0) < 1.0 and abs(x1 - x0) >= 1.0:
        lo, hi = sorted((x0, x1))
        top = height - (y0 + y1) / 2
        out.append({"x0": lo, "x1": hi, "top": top, "bottom": top, "width": hi - lo, "height": 0.0,
                    "orientation": "h", "object_type": "line"})
    elif abs(x1 - x0) < 1.0 and abs(y1 - y0) >= 1.0:
        lo, hi = sorted((height - y0, height - y1))
        x = (x0 + x1) / 2
        out.append({"x0": x, "x1": x, "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo,
                    "orientation": "v", "object_type": "line"})


def _path_edges(obj, matrix: tuple, height: float, page_box: tuple[float, float], out: list[dict]) -> None:
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if n <= 1 or n > 200:
        return
    a, b, c, d, e, f = matrix
    x = ctypes.c_float()
    y = ctypes.c_float()
    pts: list[tuple[float, float, int, bool]] = []
    for k in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = x.value, y.value
        pts.append((a * px + c * py + e, b * px + d * py + f, pdfium_c.FPDFPathSegment_GetType(seg),
                    bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    if max(xs) - min(xs) > 0.9 * page_box[0] and max(ys) - min(ys) > 0.9 * page_box[1]:
        return  # a page-sized background or frame, not a table rule
    start = cur = None
    for px, py, kind, close in pts:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = cur = (px, py)
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and cur is not None:
            _edge(cur[0], cur[1], px, py, height, out)
            cur = (px, py)
        else:
            cur = (px, py)
        if close and start is not None and cur is not None:
            _edge(cur[0], cur[1], start[0], start[1], height, out)
            cur = start


def page_graphics(page_raw, page_width: float, page_height: float, max_edges: int = 4000) -> PageGraphics:
    """Ruling segments of all path objects (looking into form XObjects) and the image count."""
    graphics = PageGraphics(edges=[])
    m = pdfium_c.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))

    def visit(count: int, get, parent, parent_matrix: tuple, depth: int) -> None:
        for k in range(count):
            obj = get(parent, k)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                graphics.paths += 1
                if len(graphics.edges) < max_edges:
                    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
                    matrix = _mul((m.a, m.b, m.c, m.d, m.e, m.f), parent_matrix)
                    _path_edges(obj, matrix, page_height, (page_width, page_height), graphics.edges)
            elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT and depth == 0 and len(graphics.text_boxes) < 20000:
                if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    graphics.text_boxes.append((left.value, page_height - top.value, right.value,
                                                page_height - bottom.value))
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                graphics.images += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
                pdfium_c.FPDFPageObj_GetMatrix(obj, m)
                matrix = _mul((m.a, m.b, m.c, m.d, m.e, m.f), parent_matrix)
                visit(pdfium_c.FPDFFormObj_CountObjects(obj), pdfium_c.FPDFFormObj_GetObject, obj, matrix,
                      depth + 1)

    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    visit(pdfium_c.FPDFPage_CountObjects(page_raw), pdfium_c.FPDFPage_GetObject, page_raw, identity, 0)
    return graphics
