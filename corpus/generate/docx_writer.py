"""Write a generated :class:`Document` as .docx with python-docx, in the layout the options ask for.

Options read here: ``headings`` (typed: bold larger text with no style; styled: Word Heading
styles; autonum / autonum_styled: numbers from numbering.xml, not in the paragraph text;
autonum_linked: the Heading styles carry the numbering, paragraphs only name the style),
``blank_paras`` (an empty paragraph before each chapter),
``font`` (the East-Asian font), ``split_runs`` (amounts cut across runs), ``repeat_header``.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from corpus.generate.model import Document, Mention, PageBreak, Para, Table

HEADING_NUM = 90
SIZES = {1: 16, 2: 14, 3: 12, 4: 12}


def _fonts(run_or_style: Any, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    font = run_or_style.font
    font.name = "Times New Roman"
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = run_or_style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi"):
        rfonts.set(qn(attr), "Times New Roman")
    rfonts.set(qn("w:eastAsia"), east_asia)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]


def _lvl_rpr(east_asia: str, size: float, bold: bool) -> Any:
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), "Times New Roman")
    fonts.set(qn("w:eastAsia"), east_asia)
    rpr.append(fonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)
    return rpr


def _abstract(num_id: int, levels: list[tuple[str, str]], east_asia: str, heading: bool) -> Any:
    an = OxmlElement("w:abstractNum")
    an.set(qn("w:abstractNumId"), str(num_id))
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "multilevel")
    an.append(mlt)
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:suff", "nothing"),
                         ("w:lvlText", text.replace("%1", f"%{ilvl + 1}")), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        lvl.append(_lvl_rpr(east_asia, SIZES[ilvl + 1] if heading else 12, heading))
        an.append(lvl)
    return an


class _Numbering:
    """Adds the heading and list abstractNums to numbering.xml and hands out w:num ids."""

    def __init__(self, doc: Any, levels: dict[int, tuple[str, str]], item_level: tuple[str, str],
                 east_asia: str) -> None:
        self.root = doc.part.numbering_part.element
        self.east_asia = east_asia
        self.item_level = tuple(item_level)
        self.next_abstract = HEADING_NUM
        self.next_id = 100
        self.heading_id = self._list([levels[i] for i in sorted(levels)], True)

    def new_list(self) -> int:
        """A fresh enumerated list (its own abstractNum, so it starts at 1 in Word and LibreOffice)."""
        return self._list([self.item_level], False)

    def _list(self, levels: list[tuple[str, str]], heading: bool) -> int:
        an = _abstract(self.next_abstract, levels, self.east_asia, heading)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(an)
        else:
            self.root.append(an)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(self.next_abstract))
        num.append(ref)
        self.root.append(num)
        self.next_abstract += 1
        self.next_id += 1
        return self.next_id - 1


def _num_pr(paragraph: Any, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    lvl = OxmlElement("w:ilvl")
    lvl.set(qn("w:val"), str(ilvl))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(lvl)
    num_pr.append(nid)
    ppr.insert(0, num_pr) if ppr.find(qn("w:pStyle")) is None else ppr.find(qn("w:pStyle")).addnext(num_pr)
    ind = OxmlElement("w:ind")  # no hanging indent from the list
    ind.set(qn("w:left"), "0")
    ind.set(qn("w:firstLine"), "0")
    ppr.append(ind)


def _style_num_pr(style: Any, num_id: int, ilvl: int) -> None:
    """Link a paragraph style to a list level (Word's "link level to style")."""
    ppr = style.element.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", ilvl), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(val))
        num_pr.append(el)
    anchor = ppr.find(qn("w:keepLines")) if ppr.find(qn("w:keepLines")) is not None else ppr.find(qn("w:keepNext"))
    if anchor is not None:
        anchor.addnext(num_pr)
    else:
        ppr.insert(0, num_pr)
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "0")
    ind.set(qn("w:firstLine"), "0")
    ppr.append(ind)


def _runs(paragraph: Any, parts: list[Any], east_asia: str, rng: random.Random | None,
          size: float | None = None, bold: bool | None = None) -> None:
    """Add the parts as runs; with ``rng``, amounts are sometimes cut in two runs as Word does."""
    pieces: list[str] = []
    for part in parts:
        if isinstance(part, Mention) and rng is not None and len(part.text) > 2 and rng.random() < 0.5:
            cut = rng.randrange(1, len(part.text))
            pieces += [part.text[:cut], part.text[cut:]]
        else:
            pieces.append(part if isinstance(part, str) else part.text)
    for text in pieces:
        if text:
            _fonts(paragraph.add_run(text), east_asia, size, bold)


def _field(paragraph: Any, instr: str, east_asia: str) -> None:
    """A Word field (PAGE, NUMPAGES) with "1" as its cached result."""
    for kind, text in (("begin", None), (None, f" {instr} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        _fonts(run, east_asia, 10.5)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == "1":
            run.text = text
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            run._r.append(el)


def _field_footer(section: Any, template: str, east_asia: str) -> None:
    """The footer template with {page} and {pages} as PAGE and NUMPAGES fields."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            _field(p, "PAGE", east_asia)
        elif piece == "{pages}":
            _field(p, "NUMPAGES", east_asia)
        elif piece:
            _fonts(p.add_run(piece), east_asia, 10.5)


def _table(doc: Any, table: Table, east_asia: str) -> None:
    nrows, ncols = len(table.rows), table.ncols
    t = doc.add_table(rows=nrows, cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.autofit = False
    widths = table.widths or [1.0] * ncols
    scale = 15.8 / sum(widths)
    for c, w in enumerate(widths):
        t.columns[c].width = Cm(w * scale)
    for row in t.rows:
        for c, cell_ in enumerate(row.cells):
            cell_.width = Cm(widths[c] * scale)
    slots = [list(row.cells) for row in t.rows]  # before any merge: one cell per slot
    for r, row in enumerate(table.rows):
        for c, item in enumerate(row):
            if item is None:
                continue
            target = slots[r][c]
            if item.rowspan > 1 or item.colspan > 1:
                target = target.merge(slots[r + item.rowspan - 1][c + item.colspan - 1])
            para = target.paragraphs[0]
            _runs(para, item.parts, east_asia, None, 9, item.bold or None)
    if table.repeat_header:
        for r in range(table.header_rows):
            tr_pr = t.rows[r]._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:tblHeader"))


def write_docx(document: Document, path: Path, options: dict[str, Any], seed: int) -> None:
    rng = random.Random(seed) if options.get("split_runs") else None
    east_asia = options.get("font", "宋体")
    mode = options.get("headings", "typed")
    doc = new_docx()
    _fonts(doc.styles["Normal"], east_asia, 12)
    for level in range(1, 5):
        style = doc.styles[f"Heading {level}"]
        _fonts(style, east_asia, SIZES[level], True)
        style.font.color.rgb = RGBColor(0, 0, 0)
    numbering = _Numbering(doc, document.meta["levels"], document.meta["item_level"], east_asia)
    if mode == "autonum_linked":
        for level in range(1, 5):
            _style_num_pr(doc.styles[f"Heading {level}"], numbering.heading_id, level - 1)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3.2), Cm(2.8)
    item_num: int | None = None
    for block in document.blocks:
        if isinstance(block, PageBreak):
            doc.add_page_break()
            continue
        if isinstance(block, Table):
            _table(doc, block, east_asia)
            continue
        para: Para = block
        if para.role != "item":
            item_num = None
        if para.role in ("title", "subtitle", "toc_title"):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _runs(p, para.parts, east_asia, None, 20 if para.role == "title" else 14, para.role == "title")
        elif para.role == "heading":
            if options.get("blank_paras") and para.level == 1:
                doc.add_paragraph()  # an empty line typed before each chapter
            auto = mode.startswith("autonum") and para.numbered
            styled = mode in ("styled", "autonum_styled", "autonum_linked")
            p = doc.add_paragraph(style=f"Heading {para.level}" if styled else None)
            if mode == "autonum_linked":  # the number comes from the style; none for unnumbered headings
                if not auto:
                    _num_pr(p, 0, 0)
                parts = para.parts if auto else [para.number, *para.parts]
            elif auto:
                _num_pr(p, numbering.heading_id, para.level - 1)
                parts = para.parts
            else:
                parts = [para.number, *para.parts]
            _runs(p, parts, east_asia, None, None if styled else SIZES[para.level], True)
        elif para.role == "item":
            p = doc.add_paragraph()
            if mode.startswith("autonum"):
                if item_num is None:
                    item_num = numbering.new_list()
                _num_pr(p, item_num, 0)
                p.paragraph_format.first_line_indent = Pt(24)
                _runs(p, para.parts, east_asia, rng)
            else:
                p.paragraph_format.first_line_indent = Pt(24)
                _runs(p, [para.number, *para.parts], east_asia, rng)
        else:
            p = doc.add_paragraph()
            if para.align == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if para.role in ("body", "lead"):
                p.paragraph_format.first_line_indent = Pt(24)
            parts = [para.number, *para.parts] if para.number else para.parts
            _runs(p, parts, east_asia, rng if para.role in ("body", "lead") else None)
    if document.blocks and isinstance(document.blocks[-1], Table):
        # Word always closes the body with a paragraph; without one, LibreOffice's Word 97 export
        # writes a closing table's cells as one run-together paragraph (the .doc loses the table).
        doc.add_paragraph()
    if document.header:
        hp = section.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _fonts(hp.add_run(document.header), east_asia, 9)
    if document.footer:
        _field_footer(section, document.footer, east_asia)
    doc.core_properties.author = "docparse corpus"
    doc.save(str(path))
