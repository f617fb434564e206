"""Word and PDF versions of some held-out openings: ``files/NAME.docx`` and ``files/NAME.pdf``.

Headings are set in bold (the body in plain text), the title centred and larger, in 仿宋_GB2312
with a 宋体 fallback, as offices type them without heading styles; the PDFs are LibreOffice's.
Their gold is ``gold/NAME.json``.

    python -m corpus.heldout.make_files
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from corpus.generate.convert import convert

HERE = Path(__file__).resolve().parent
# (opening, formats): a spread of numbering habits, metadata preambles and title layouts
CHOSEN = {
    "h03-thirdparty-parts": ("docx", "pdf"),
    "h08-title-multiline-guanyu": ("docx", "pdf"),
    "h21-sichuan-dept-part": ("docx",),
    "h25-dotted": ("docx", "pdf"),
    "h29-inline-heads": ("docx", "pdf"),
    "h36-fullwidth-digits": ("docx",),
    "h37-scores-in-heads": ("pdf",),
    "h41-chapter-section": ("docx",),
}


def _font(run, size: float, bold: bool) -> None:  # type: ignore[no-untyped-def]
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "仿宋_GB2312"
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


def write_docx(annotated: Path, out: Path) -> None:
    doc = Document()
    raw = annotated.read_text(encoding="utf-8").splitlines()
    body = raw[raw.index("%%") + 1:]
    title = next((line.split(":", 1)[1].strip() for line in raw if line.startswith("%title:")), "")
    title_lines, joined = 0, ""
    for line in body:  # the lines the title is set over, all in the title's style
        joined += line.strip()
        if not title or not title.replace(" ", "").startswith(joined.replace(" ", "")):
            break
        title_lines += 1
    for line in body:
        if line.startswith("@") and "|" in line:
            text = line.split("|", 1)[1]
            for piece in text.split("⏎"):
                head, _, rest = piece.partition("⟫")
                p = doc.add_paragraph()
                _font(p.add_run(head), 16, True)
                if rest:
                    _font(p.add_run(rest), 16, False)
            continue
        p = doc.add_paragraph()
        if title_lines:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(line), 22, True)
            title_lines -= 1
        else:
            _font(p.add_run(line), 16, False)
    doc.save(str(out))


def main() -> int:
    files = HERE / "files"
    files.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        pdf_sources = []
        for stem, formats in CHOSEN.items():
            src = Path(tmp) / (stem + ".docx")
            write_docx(HERE / "annotated" / (stem + ".txt"), src)
            if "docx" in formats:
                shutil.copy(src, files / src.name)
            if "pdf" in formats:
                pdf_sources.append(src)
        for pdf in convert(pdf_sources, "pdf", Path(tmp) / "pdf"):
            shutil.copy(pdf, files / pdf.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
