"""PDF reader: PDFium (pypdfium2) for characters and ruling lines, pdfplumber's table geometry.

Per page: characters → lines → paragraphs; ruled tables → grids with spans; running headers,
footers and page numbers → blocks with role ``header``/``footer``. Paragraphs continue across
page breaks, a table continued on the next page is joined into one (a repeated header row
dropped). Pages without a text layer are reported (``ocr_needed``); a page whose text is
garbled is re-read with pdfplumber and the document says so in its warnings.
PDFium is used for the text because it reads the same characters several times faster than
pdfminer (see ``benchmarks/bench_readers.py``).
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium

from docparse.errors import CorruptInput, EncryptedInput
from docparse.limits import limits, refuse
from docparse.model import Cell, Document, Provenance, Table, table_text
from docparse.ocr.settings import ocr_mode
from docparse.readers import register, sha256_file
from docparse.readers.common import cell_offsets
from docparse.readers.layout_rules import layout_rules
from docparse.readers.pdf_chars import Char, page_chars, page_graphics
from docparse.readers.pdf_layout import FurnitureFinder, Line, join_text, make_lines
from docparse.readers.pdf_streams import check_streams
from docparse.readers.pdf_tables import PdfTable, TooManyRules, find_tables
from docparse.readers.radicals import map_radicals

PASSWORD_ENV = "DOCPARSE_PDF_PASSWORD"

# pdfplumber puts a space wherever glyphs stand apart; next to Chinese text it is spacing, not a word gap.
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) +(?=\S)|(?<=\S) +(?=[\u3000-\u9fff\uff00-\uffef])")


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[tuple[PdfTable, list[list[str]]]] = field(default_factory=list)
    source: str = "pdfium"


def _garbled(text: str) -> bool:
    """Text that cannot be right: replacement/private-use/cid runs, or one CJK glyph for everything."""
    if not text:
        return False
    if "(cid:" in text:
        return True
    bad = sum(1 for ch in text if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff" or ord(ch) < 32)
    if bad > 0.1 * len(text):
        return True
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(cjk) >= 20:
        _, top = Counter(cjk).most_common(1)[0]
        if top > 0.4 * len(cjk):
            return True
    return False


def _cell_text(chars: list[Char]) -> str:
    text = ""
    for line in make_lines(chars):
        text = join_text(text, line.text)
    return map_radicals(text)


def _split_tables(chars: list[Char], tables: list[PdfTable]) -> list[Char]:
    """Hand characters inside a table to its cells; return the rest."""
    if not tables:
        return chars
    rest = []
    for ch in chars:
        cx, cy = ch.cx, ch.cy
        for table in tables:
            x0, top, x1, bottom = table.bbox
            if x0 <= cx <= x1 and top <= cy <= bottom:
                cell = table.cell_of(ch)
                if cell is not None:
                    cell.chars.append(ch)
                break
        else:
            rest.append(ch)
    return rest


def _open_pdfium(path: Path, password: str | None) -> pdfium.PdfDocument:
    """Open with ``password``; a PDF with an owner password only (no password needed to read it) also
    opens when a password is given for other files, as in a batch with one password for many."""
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        if not password or "password" not in str(exc).lower():
            raise
        try:
            return pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:
            raise exc from None


class _Open:
    """An open PDF: pdfium document plus a lazily opened pdfplumber twin for fallbacks."""

    def __init__(self, path: Path, password: str | None) -> None:
        self.path = path
        self.password = password
        self._plumber = None
        try:
            self.pdf = _open_pdfium(path, password)
        except pdfium.PdfiumError as exc:
            message = str(exc)
            if "password" in message.lower():
                if password:
                    raise EncryptedInput(path, "the PDF is encrypted and the password given is wrong") from exc
                raise EncryptedInput(path, "the PDF is encrypted (password-protected); give its password "
                                           f"with --password or in the environment variable {PASSWORD_ENV}") from exc
            raise CorruptInput(path, f"not a readable PDF (corrupt or truncated: {message})") from exc

    def plumber_page(self, index: int):
        import pdfplumber

        if self._plumber is None:
            self._plumber = pdfplumber.open(str(self.path), password=self.password or "")
        return self._plumber.pages[index]

    def close(self) -> None:
        if self._plumber is not None:
            self._plumber.close()
        self.pdf.close()


def _read_page(src: _Open, index: int, document: Document) -> _Page:
    page = src.pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            if count > limits().pdf_page_chars:
                raise refuse(src.path, f"characters on page {index + 1} (too dense to be text)", count,
                             "pdf.page_chars", limits().pdf_page_chars)
            chars = page_chars(textpage.raw, height)
        finally:
            textpage.close()
        graphics = page_graphics(page.raw, width, height)
    finally:
        page.close()
    number = index + 1
    mode = ocr_mode()
    if mode == "always" or (mode == "auto" and not chars and (graphics.images or graphics.paths)):
        return _ocr_page(src, index, width, height, document)
    if not chars:
        if graphics.images or graphics.paths:
            document.warn("ocr_needed", f"page {number} has no text layer (a scanned image?); it needs OCR",
                          page=number)
        return _Page(number, width, height, [])
    for x0, top, x1, bottom in graphics.doubled_boxes():
        for ch in chars:
            if x0 <= ch.cx <= x1 and top <= ch.cy <= bottom:
                ch.bold = True
    try:
        tables = find_tables(graphics.edges) if graphics.edges else []
    except TooManyRules as exc:
        tables = []
        document.warn("tables_skipped", f"page {number}: {exc.args[0]} ruling lines, too many to look for "
                      "tables in; its text is read as paragraphs", page=number)
    rest = _split_tables(chars, tables)
    lines = make_lines(rest, number)
    result = _Page(number, width, height, lines)
    for table in tables:
        result.tables.append((table, [[_cell_text(c.chars)] for c in table.cells]))
    page_text = "".join(ch.text for ch in chars)
    if _garbled(page_text):
        _fallback(src, index, result, document)
        if result.source == "pdfium" and mode == "auto":
            return _ocr_page(src, index, width, height, document)
    for line in result.lines:
        line.text = map_radicals(line.text)
    return result


def _ocr_page(src: _Open, index: int, width: float, height: float, document: Document) -> _Page:
    """Read a page by OCR (``docparse.ocr``): its lines and tables as the text layer would give them."""
    from docparse.ocr.page import read_scanned_page, record

    scanned = read_scanned_page(src.pdf, index, width, document)
    record(document, scanned)
    return _Page(index + 1, width, height, list(scanned.lines), scanned.tables, source="ocr")


def _fallback(src: _Open, index: int, result: _Page, document: Document) -> None:
    """Re-read a garbled page's text with pdfplumber; keep whichever reads better and say so."""
    number = index + 1
    try:
        plumber = src.plumber_page(index)
        lines = plumber.dedupe_chars().extract_text_lines(return_chars=False)  # fake bold drawn twice
        plumber.flush_cache()
    except Exception as exc:  # pdfminer fails in many ways on broken fonts
        document.warn("garbled_text", f"page {number}: text layer looks garbled and could not be re-read ({exc})",
                      page=number)
        return
    text = "".join(ln["text"] for ln in lines)
    if text and not _garbled(text):
        size = result.lines[0].size if result.lines else 0.0
        result.lines = [
            Line(_CJK_SPACE.sub("", ln["text"]), ln["x0"], ln["top"], ln["x1"], ln["bottom"], size, False, number)
            for ln in lines if ln["text"].strip()
        ]
        result.tables = []
        result.source = "pdfplumber"
        document.warn("text_fallback", f"page {number}: PDFium text looked garbled; used pdfplumber's text "
                      "(tables on this page not recovered)", page=number)
    else:
        document.warn("garbled_text", f"page {number}: the text layer is garbled (fonts without a Unicode "
                      "map, e.g. (cid:NN)); the text may be wrong, OCR would help", page=number)


@dataclass
class _Layout:
    """Document-wide measures: body margins and the usual line pitch per font size."""

    left: float
    right: float
    pitch: dict[float, float]
    centre: float = 0.0  # the page's horizontal centre
    spacing: float = 0.0  # usual line pitch as a multiple of the font size (from the most common lines)

    @classmethod
    def measure(cls, pages: list[_Page]) -> _Layout:
        x0s, x1s = [], []
        pitches: dict[float, list[float]] = {}
        for page in pages:
            body = [ln for ln in page.lines if ln.role == "body"]
            x0s += [ln.x0 for ln in body]
            x1s += [ln.x1 for ln in body]
            for a, b in itertools.pairwise(body):
                if abs(a.size - b.size) < 0.5 and b.top > a.top:
                    pitches.setdefault(round(a.size), []).append(b.top - a.top)
        x0s.sort()
        x1s.sort()
        left = x0s[len(x0s) // 10] if x0s else 0.0
        right = x1s[(len(x1s) * 9) // 10] if x1s else 0.0
        pitch = {k: sorted(v)[len(v) // 2] for k, v in pitches.items()}
        widths = sorted(p.width for p in pages)
        ratios = sorted(p / k for k, v in pitches.items() if k for p in v)
        spacing = ratios[len(ratios) // 4] if ratios else 0.0  # low quartile: lines within a paragraph
        return cls(left, right, pitch, widths[len(widths) // 2] / 2 if widths else 0.0, spacing)

    def full(self, line: Line, after: Line | None = None) -> bool:
        """Whether ``line`` was wrapped: the next line's first word would not have fitted on it."""
        lead = after.lead if after is not None else 0.0
        size = max(line.size, 1.0)
        if self._symmetric(line):  # centred: wrapped when its width plus that word exceeds the text width
            return (line.x1 - line.x0) + lead >= (self.right - self.left) - 2 * size
        return line.x1 + lead >= self.right - size

    def _symmetric(self, line: Line) -> bool:
        """As far from both margins (or from both page edges) and not starting at the left margin."""
        before = line.x0 - self.left
        if before <= max(line.size, 1.0) or abs(before - 2 * line.size) <= 1.5:
            return False  # at the margin, or at a two-character first-line indent
        middle = (line.x0 + line.x1) / 2
        tolerance = max(line.size / 2, 3.0)
        return abs(middle - (self.left + self.right) / 2) <= tolerance or abs(middle - self.centre) <= tolerance

    def centred(self, line: Line) -> bool:
        """Centred between the margins or on the page, farther in than a two-character indent."""
        return line.x0 - self.left > 2.5 * max(line.size, 1.0) and self._symmetric(line)

    def indented(self, line: Line) -> bool:
        return line.x0 > self.left + 0.8 * max(line.size, 1.0) and not self.centred(line)

    def breaks(self, a: Line, b: Line) -> bool:
        """Whether line ``b`` starts a new paragraph after line ``a``."""
        if abs(a.size - b.size) >= 1.0:
            return True
        if not self.full(a, b) or self.indented(b):
            return True
        if a.page == b.page:
            # the pitch of this size, but no more than body lines' spacing scaled to it: two short
            # title paragraphs give no wrapped lines to learn from
            usual = min(filter(None, (self.pitch.get(round(a.size)), self.spacing * a.size)), default=None)
            if usual and b.top - a.top > 1.3 * usual:
                return True
        rules = layout_rules()
        return bool(a.text and a.text[-1] in rules.sentence_end and rules.list_label.match(b.text))


class _Builder:
    """Emits blocks in reading order, joining paragraphs and tables across page breaks."""

    def __init__(self, document: Document, layout: _Layout) -> None:
        self.doc = document
        self.layout = layout
        self.para: list[Line] = []
        self.last_table: tuple[Table, PdfTable, int] | None = None  # block table, geometry, block index
        self.table_no = 0

    def flush(self) -> None:
        if not self.para:
            return
        first = self.para[0]
        text = ""
        spans: list[tuple[int, int, float]] = []
        for line in self.para:
            text = join_text(text, line.text)
            if hasattr(line, "confidence"):  # read by OCR
                spans.append((len(text) - len(line.text), len(text), line.confidence))
        same = [ln for ln in self.para if ln.page == first.page]
        bbox = (min(ln.x0 for ln in same), min(ln.top for ln in same), max(ln.x1 for ln in same),
                max(ln.bottom for ln in same))
        self.doc.add("paragraph", text, provenance=Provenance(page=first.page, bbox=_round(bbox)),
                     bold=all(ln.bold for ln in self.para), font_size=first.size, confidence=spans or None)
        self.para = []

    def line(self, line: Line) -> None:
        if self.para and self.layout.breaks(self.para[-1], line):
            self.flush()
        self.para.append(line)
        self.last_table = None

    def table(self, page: _Page, geometry: PdfTable, texts: list[list[str]], first_on_page: bool) -> None:
        self.flush()
        if first_on_page and self.last_table is not None and _continues(self.last_table[1], geometry):
            self._extend(page, geometry, texts)
            return
        table_no = self.table_no
        self.table_no += 1
        cells = [
            Cell(c.row, c.col, text[0], c.rowspan, c.colspan,
                 Provenance(page=page.number, bbox=_round(c.bbox), table=table_no, row=c.row, col=c.col))
            for c, text in zip(geometry.cells, texts, strict=True)
        ]
        table = Table(geometry.n_rows, geometry.n_cols, cells)
        block = self.doc.add("table", table_text(table), table=table,
                             provenance=Provenance(page=page.number, bbox=_round(geometry.bbox), table=table_no))
        cell_offsets(block)
        _cell_confidence(block, cells, texts)
        self.last_table = (table, geometry, block.index)

    def _extend(self, page: _Page, geometry: PdfTable, texts: list[list[str]]) -> None:
        assert self.last_table is not None
        table, _, block_index = self.last_table
        skip = _repeated_header_rows(table, geometry, [t[0] for t in texts])
        offset = table.n_rows - skip
        table_no = table.cells[0].provenance.table if table.cells else None
        added, kept = [], []
        for c, text in zip(geometry.cells, texts, strict=True):
            if c.row < skip:
                continue
            added.append(Cell(c.row + offset, c.col, text[0], c.rowspan, c.colspan,
                              Provenance(page=page.number, bbox=_round(c.bbox), table=table_no,
                                         row=c.row + offset, col=c.col)))
            kept.append(text)
        table.cells.extend(added)
        table.n_rows = offset + geometry.n_rows
        block = self.doc.blocks[block_index]
        block.text = table_text(table)
        cell_offsets(block)
        _cell_confidence(block, added, kept)
        self.last_table = (table, geometry, block_index)

    def page(self, page: _Page) -> None:
        # OCR lines carry their reading rank (two columns read one after the other)
        items: list[tuple[float, int, object]] = [(getattr(ln, "order", ln.top), 1, ln) for ln in page.lines
                                                  if ln.role == "body"]
        items += [(t.bbox[1], 0, (t, texts)) for t, texts in page.tables]
        items.sort(key=lambda it: (it[0], it[1]))
        for i, (_, kind, item) in enumerate(items):
            if kind == 0:
                geometry, texts = item  # type: ignore[misc]
                self.table(page, geometry, texts, first_on_page=i == 0)
            else:
                self.line(item)  # type: ignore[arg-type]
        if items and items[-1][1] == 1:
            self.last_table = None


def _cell_confidence(block, cells: list[Cell], texts: list[list]) -> None:
    """OCR'd cells (``[text, confidence]``): their confidence over their span of the block's text."""
    spans = [(c.provenance.start, c.provenance.end, t[1]) for c, t in zip(cells, texts, strict=True)
             if len(t) > 1 and c.provenance.start is not None]
    if spans:
        block.confidence = [*(block.confidence or []), *spans]


def _repeated_header_rows(table: Table, geometry: PdfTable, texts: list[str], most: int = 3) -> int:
    """How many leading rows of the continuation repeat the table's own first rows."""
    def rows(cells: list[tuple[int, int, int, int, str]]) -> dict[int, list[tuple[int, int, int, str]]]:
        out: dict[int, list[tuple[int, int, int, str]]] = {}
        for row, col, rowspan, colspan, text in sorted(cells):
            out.setdefault(row, []).append((col, rowspan, colspan, text))
        return out

    old = rows([(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells if c.row < most])
    new = rows([(c.row, c.col, c.rowspan, c.colspan, t) for c, t in zip(geometry.cells, texts, strict=True)
                if c.row < most])
    count = 0
    while count < most and count in old and old.get(count) == new.get(count):
        count += 1
    if any(c.row < count < c.row + c.rowspan for c in geometry.cells):
        return 0  # a header cell spanning past the repeated rows: not a clean repeat
    return count


def _continues(prev: PdfTable, new: PdfTable) -> bool:
    """Same columns (within 2 pt) — the next page's table carries on the previous one."""
    if len(prev.xs) != len(new.xs):
        return False
    return all(abs(a - b) <= 2.0 for a, b in zip(prev.xs, new.xs, strict=True))


def _round(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(bbox[0], 2), round(bbox[1], 2), round(bbox[2], 2), round(bbox[3], 2))


def read_pdf_file(path: Path, password: str | None = None) -> Document:
    """Read a PDF into a Document (body blocks, then running headers/footers)."""
    src = _Open(path, password)
    document = Document(path=str(path), format="pdf")
    try:
        n_pages = len(src.pdf)
        if n_pages == 0:
            raise CorruptInput(path, "not a readable PDF (no pages; corrupt or truncated)")
        if n_pages > limits().pdf_pages:
            raise refuse(path, "pages", n_pages, "pdf.pages", limits().pdf_pages)
        document.pages = n_pages
        pages: list[_Page] = []
        for index in range(n_pages):
            try:
                pages.append(_read_page(src, index, document))
            except pdfium.PdfiumError as exc:
                raise CorruptInput(path, f"page {index + 1} cannot be read (corrupt PDF: {exc})") from exc
        bookmarks = _bookmarks(src.pdf)
    finally:
        src.close()
    finder = FurnitureFinder([(p.height, p.lines) for p in pages])
    finder.mark()
    builder = _Builder(document, _Layout.measure(pages))
    for page in pages:
        builder.page(page)
    builder.flush()
    for page in pages:
        for line in page.lines:
            if line.role != "body":
                document.add("paragraph", line.text, role=line.role,  # type: ignore[arg-type]
                             provenance=Provenance(page=page.number,
                                                   bbox=_round((line.x0, line.top, line.x1, line.bottom))),
                             bold=line.bold, font_size=line.size)
    _outline_levels(document, bookmarks)
    if _truncated(path):
        document.warn("truncated", f"{path.name} does not end with %%EOF: the file may be cut short")
    if not any(b.is_body for b in document.blocks) and not any(w["code"] == "ocr_needed"
                                                                for w in document.warnings):
        document.warn("no_text", "the PDF holds no text")
    return document


def _bookmarks(pdf: pdfium.PdfDocument) -> list[tuple[int, str, int]]:
    """The PDF's outline (bookmarks) as (level from 1, title without spaces, page from 1)."""
    out = []
    try:
        for item in pdf.get_toc(max_depth=9):
            dest = item.get_dest()
            index = dest.get_index() if dest is not None else None
            if index is not None:
                out.append((item.level + 1, re.sub(r"\s+", "", item.get_title()), index + 1))
    except pdfium.PdfiumError:
        return []
    return out


def _outline_levels(document: Document, bookmarks: list[tuple[int, str, int]]) -> None:
    """Give a body paragraph the level of the bookmark that points at it (Word headings export)."""
    if not bookmarks:
        return
    candidates: dict[int, list] = {}
    for block in document.body:
        if block.kind == "paragraph" and block.provenance.page is not None:
            candidates.setdefault(block.provenance.page, []).append(block)
    for level, title, page in bookmarks:
        if not title:
            continue
        for block in candidates.get(page, []):
            if block.outline_level is None and re.sub(r"\s+", "", block.text).startswith(title):
                block.outline_level = level
                break


def _truncated(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 2048))
        tail = fh.read()
    return b"%%EOF" not in tail


@register(".pdf")
def read_pdf(path: Path, password: str | None = None) -> Document:
    """Read a .pdf (``password`` for an encrypted file, else ``$DOCPARSE_PDF_PASSWORD`` if set)."""
    if password is None:
        password = os.environ.get(PASSWORD_ENV) or None
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise CorruptInput(path, "not a PDF (no %PDF- header)")
    check_streams(path)
    document = read_pdf_file(path, password)
    document.sha256 = sha256_file(path)
    return document
