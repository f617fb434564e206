"""Writer bugs that once lost gold: tables closing a .doc/.wps, bold carried over in reportlab PDFs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pypdfium2
import pypdfium2.raw as pdfium_c
from docx.oxml.ns import qn

from corpus.generate import Spec, produce
from corpus.generate.docx_writer import write_docx
from corpus.generate.gold import build
from corpus.generate.model import Para, Table
from corpus.generate.pdf_writer import write_pdf

from .reading import docx_blocks, load, squash

# No page header or footer, and the 绩效自评表 closes the document: LibreOffice's Word 97 export
# used to write such a closing table as one run-together paragraph.
CLOSING_TABLE = {"headings": "autonum", "table": True, "amounts": "wan", "font": "宋体"}


def test_docx_body_ends_with_a_paragraph_after_a_closing_table(tmp_path: Path) -> None:
    doc, _ = build("national", 10, CLOSING_TABLE)
    assert isinstance(doc.blocks[-1], Table)
    path = tmp_path / "closing.docx"
    write_docx(doc, path, CLOSING_TABLE, 10)
    body = [el for el in docx.Document(str(path)).element.body.iterchildren() if el.tag != qn("w:sectPr")]
    assert body[-1].tag == qn("w:p") and body[-2].tag == qn("w:tbl")


def test_doc_and_wps_keep_a_closing_table(tmp_path: Path) -> None:
    specs = [Spec("closing-doc", "national", 10, "doc", CLOSING_TABLE),
             Spec("closing-wps", "project", 11, "wps", CLOSING_TABLE)]
    produce(specs, tmp_path / "out")
    files = [tmp_path / "out" / f"{s.id}.{s.format}" for s in specs]
    cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "back"), *map(str, files)]
    subprocess.run(cmd, check=True, timeout=300, capture_output=True)
    for spec in specs:
        gold, _ = load(tmp_path / "out" / f"{spec.id}.gold.json")
        assert len(gold["tables"]) >= 2
        blocks = docx_blocks(tmp_path / "back" / f"{spec.id}.docx")
        # LibreOffice may split grid columns and joins tables that touch (Word 97 has no way to keep
        # them apart), so compare the rows' cells, not merge grids or table boundaries
        assert _rows([t for k, t in blocks if k == "t"]) == _rows(gold["tables"]), spec.id
        assert [t for k, t in blocks if k == "p"] == gold["paragraphs"], spec.id


def _rows(grids: list[list[list[str | None]]]) -> list[list[str]]:
    return [[c for c in row if c is not None] for grid in grids for row in grid]


def _chars_by_render_mode(path: Path) -> tuple[str, str]:
    """The PDF's characters drawn fill+stroke (fake bold) and those drawn otherwise, in page order."""
    stroked: list[str] = []
    plain: list[str] = []
    pdf = pypdfium2.PdfDocument(str(path))
    for page in pdf:
        textpage = page.get_textpage()
        for i in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
            ch = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(pdfium_c.FPDFText_GetTextObject(textpage.raw, i))
            (stroked if mode == pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE else plain).append(ch)
        textpage.close()
        page.close()
    pdf.close()
    return squash("".join(stroked)), squash("".join(plain))


def test_reportlab_bold_does_not_carry_over_to_later_text(tmp_path: Path) -> None:
    options = {"headings": "typed", "table": True, "furniture": True, "pdf": "reportlab",
               "amounts": "wan", "font": "宋体"}
    doc, gold = build("project", 12, options)
    path = tmp_path / "bold.pdf"
    write_pdf(doc, path, options, 12, gold)
    stroked, plain = _chars_by_render_mode(path)
    paras = [b for b in doc.blocks if isinstance(b, Para)]
    bold_text = squash("".join(p.text for p in paras if p.role in ("title", "heading")) + "".join(
        c.text for t in doc.tables() for row in t.rows for c in row if c is not None and c.bold))
    headings = [squash(p.text) for p in paras if p.role == "heading"]
    body = [squash(p.text)[:10] for p in paras if p.role == "body" and p.text.strip()]
    assert headings and body
    assert all(h in stroked for h in headings)
    assert all(b in plain for b in body)
    assert len(stroked) <= len(bold_text)  # nothing but titles, headings and bold cells is stroked
    assert squash(doc.header) in plain
