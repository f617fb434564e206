"""Write a generated document as PDF with reportlab, without LibreOffice.

The text is laid out character by character (Chinese wraps anywhere), so amounts may break across
lines like in real PDFs. Options: ``pdf`` = ``reportlab`` (Adobe's ``STSong-Light`` CID font, not
embedded) or ``reportlab-ttf`` (WenQuanYi Zen Hei embedded); ``wrap_amount`` narrows the text until
an amount breaks across lines; faults ``kangxi`` (CJK radicals U+2F00… in place of the ideographs
they look like), ``encrypted`` (a user password) and ``no_text_layer`` (pages as images only).
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from corpus.generate.model import Document, Mention, PageBreak, Para, Table

WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
PAGE_W, PAGE_H = A4
TOP, BOTTOM, LEFT, RIGHT = 80.0, 70.0, 72.0, 72.0
NO_LINE_START = set("，。、；：？！）》”’%,.;:)")
KANGXI = {unicodedata.normalize("NFKC", chr(cp)): chr(cp) for cp in range(0x2F00, 0x2FD6)}


def _font(options: dict[str, Any]) -> str:
    kind = (options.get("fault") or {}).get("kind")
    if options.get("pdf") == "reportlab-ttf" or kind == "kangxi":
        if "WQY" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("WQY", WQY, subfontIndex=0))
        return "WQY"
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


class _Layout:
    """Places lines on pages; records page furniture and amounts split across lines."""

    def __init__(self, c: canvas.Canvas, font: str, doc: Document, right: float, kangxi: bool,
                 pages: int) -> None:
        self.c, self.font, self.doc, self.right, self.kangxi = c, font, doc, right, kangxi
        self.pages = pages  # the total from an earlier pass (for "共N页")
        self.page = 0
        self.y = 0.0
        self.wrapped_amounts = 0
        self.new_page()

    def width(self, text: str, size: float) -> float:
        return pdfmetrics.stringWidth(text, self.font, size)

    def draw(self, x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        if self.kangxi:
            text = "".join(KANGXI.get(ch, ch) for ch in text)
        t = self.c.beginText(x, y)
        t.setFont(self.font, size)
        if bold:
            t.setTextRenderMode(2)
        t.textOut(text)
        if bold:  # Tr is graphics state: it outlives ET, so bold would carry over to later text
            t.setTextRenderMode(0)
        self.c.drawText(t)

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.y = PAGE_H - TOP
        if self.doc.header:
            self.draw((PAGE_W - self.width(self.doc.header, 9)) / 2, PAGE_H - 50, self.doc.header, 9)
            self.c.line(LEFT, PAGE_H - 56, PAGE_W - self.right, PAGE_H - 56)
        if self.doc.footer:
            foot = self.doc.footer_text(self.page, self.pages)
            self.draw((PAGE_W - self.width(foot, 10)) / 2, 40, foot, 10)

    def room(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def wrap(self, parts: list[Any], size: float, first_indent: float, avail: float) -> list[str]:
        """Greedy character wrap; counts amounts cut by a line end."""
        text = "".join(p if isinstance(p, str) else p.text for p in parts)
        spans: list[tuple[int, int]] = []
        pos = 0
        for p in parts:
            n = len(p if isinstance(p, str) else p.text)
            if isinstance(p, Mention) and p.kind == "money":
                spans.append((pos, pos + n))
            pos += n
        lines: list[str] = []
        start, cur, limit = 0, 0.0, avail - first_indent
        for i, ch in enumerate(text):
            w = self.width(ch, size)
            if cur + w > limit and i > start and ch not in NO_LINE_START:
                lines.append(text[start:i])
                if any(a < i < b for a, b in spans):
                    self.wrapped_amounts += 1
                start, cur, limit = i, 0.0, avail
            cur += w
        lines.append(text[start:])
        return lines

    def paragraph(self, para: Para) -> None:
        size, bold, lead = 12.0, False, 20.0
        if para.role == "title":
            size, bold, lead = 18.0, True, 28.0
        elif para.role in ("subtitle", "toc_title"):
            size = 14.0
        elif para.role == "heading":
            size, bold = {1: 15.0, 2: 13.0}.get(para.level, 12.0), True
            lead = size + 9
        parts = [para.number, *para.parts] if para.number else para.parts
        avail = PAGE_W - LEFT - self.right
        indent = 24.0 if para.role in ("body", "item") else 0.0
        lines = self.wrap(parts, size, indent, avail)
        for k, line in enumerate(lines):
            self.room(lead)
            x = LEFT + (indent if k == 0 else 0.0)
            if para.align == "center":
                x = (PAGE_W - self.width(line, size)) / 2
            elif para.align == "right":
                x = PAGE_W - self.right - self.width(line, size)
            self.y -= lead
            self.draw(x, self.y + 5, line, size, bold)

    def table(self, table: Table) -> None:
        size, lead, pad = 9.0, 12.0, 3.0
        avail = PAGE_W - LEFT - self.right
        widths = table.widths or [1.0] * table.ncols
        cols = [w * avail / sum(widths) for w in widths]
        xs = [LEFT + sum(cols[:i]) for i in range(len(cols) + 1)]
        cell_lines: dict[tuple[int, int], list[str]] = {}
        heights = [lead + 2 * pad] * len(table.rows)
        for r, row in enumerate(table.rows):
            for c, item in enumerate(row):
                if item is None:
                    continue
                w = xs[c + item.colspan] - xs[c] - 2 * pad
                lines = self.wrap(item.parts, size, 0.0, w)
                cell_lines[(r, c)] = lines
                need = len(lines) * lead + 2 * pad
                if item.rowspan == 1:
                    heights[r] = max(heights[r], need)
        for (r, c), lines in cell_lines.items():
            span = table.rows[r][c].rowspan
            if span > 1:
                need = len(lines) * lead + 2 * pad
                have = sum(heights[r:r + span])
                if need > have:
                    heights[r + span - 1] += need - have
        groups: list[tuple[int, int]] = []  # rows that must stay together (a rowspan)
        r = 0
        while r < len(table.rows):
            end = r + max((c.rowspan for c in table.rows[r] if c is not None), default=1)
            k = r
            while k < end:
                end = max(end, k + max((c.rowspan for c in table.rows[k] if c is not None), default=1))
                k += 1
            groups.append((r, end))
            r = end
        self.y -= 6
        first = True
        for a, b in groups:
            h = sum(heights[a:b])
            if self.y - h < BOTTOM and not first:
                self.new_page()
                if table.repeat_header and a >= table.header_rows:
                    self._rows(table, 0, table.header_rows, heights, xs, cell_lines, size, lead, pad)
            self._rows(table, a, b, heights, xs, cell_lines, size, lead, pad)
            first = False
        self.y -= 6

    def _rows(self, table: Table, a: int, b: int, heights: list[float], xs: list[float],
              cell_lines: dict[tuple[int, int], list[str]], size: float, lead: float, pad: float) -> None:
        top = self.y
        for r in range(a, b):
            for c, item in enumerate(table.rows[r]):
                if item is None:
                    continue
                y0 = top - sum(heights[a:r])
                h = sum(heights[r:r + item.rowspan])
                x0, x1 = xs[c], xs[c + item.colspan]
                self.c.rect(x0, y0 - h, x1 - x0, h)
                for k, line in enumerate(cell_lines[(r, c)]):
                    self.draw(x0 + pad, y0 - pad - (k + 1) * lead + 3, line, size, item.bold)
        self.y = top - sum(heights[a:b])


def _render(doc: Document, options: dict[str, Any], right: float, encrypt: Any,
            pages: int = 0) -> tuple[bytes, int, int]:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    c.setTitle("")
    kangxi = (options.get("fault") or {}).get("kind") == "kangxi"
    layout = _Layout(c, _font(options), doc, right, kangxi, pages)
    for block in doc.blocks:
        if isinstance(block, PageBreak):
            layout.new_page()
        elif isinstance(block, Table):
            layout.table(block)
        else:
            layout.paragraph(block)
    c.save()
    return buf.getvalue(), layout.wrapped_amounts, layout.page


def _images_only(data: bytes, path: Path) -> None:
    """Rasterise every page and write a PDF of page images with no text layer."""
    import pypdfium2
    from reportlab.lib.utils import ImageReader

    pdf = pypdfium2.PdfDocument(data)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pdf:
        image = page.render(scale=1.1, grayscale=True).to_pil()
        out = io.BytesIO()
        image.convert("L").save(out, format="PNG", optimize=True)
        c.drawImage(ImageReader(io.BytesIO(out.getvalue())), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    pdf.close()


def write_pdf(doc: Document, path: Path, options: dict[str, Any], seed: int, gold: dict[str, Any]) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    kind = (options.get("fault") or {}).get("kind")
    encrypt = StandardEncryption("docparse", ownerPassword="corpus") if kind == "encrypted" else None
    right = RIGHT
    data, wrapped, pages = _render(doc, options, right, None)
    while options.get("wrap_amount") and not wrapped and right < RIGHT + 60:
        right += 1.5
        data, wrapped, pages = _render(doc, options, right, None)
    if encrypt is not None or "{pages}" in doc.footer:
        data, wrapped, pages = _render(doc, options, right, encrypt, pages)
    if kind == "no_text_layer":
        _images_only(data, path)
    else:
        path.write_bytes(data)
    gold["pdf_wrapped_amounts"] = wrapped
    if doc.footer:
        gold["furniture"] += [doc.footer_text(n, pages) for n in range(1, pages + 1)]
