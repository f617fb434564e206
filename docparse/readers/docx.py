"""Word (.docx) reader: the package read with zipfile and lxml, its XML walked directly.

What python-docx alone gets wrong and this reader does instead: automatic numbering is rendered
into the text (``一、``, ``（二）``), tables are true grids (a merged cell once, with its spans),
paragraphs and tables keep body order (nested tables too), headers, footers, footnotes and text
boxes are separate blocks with their own role, and each block carries its style, outline level,
bold and font size as layout cues.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docparse.errors import CorruptInput, DocparseError, EncryptedInput, LimitExceeded
from docparse.limits import limits, refuse
from docparse.model import Cell, Document, Provenance, Table, table_text
from docparse.model.document import BlockRole
from docparse.readers import register, sha256_file
from docparse.readers.common import cell_offsets, compact, split_rows
from docparse.readers.docx_package import Package
from docparse.readers.docx_styles import Styles, half_points, on
from docparse.readers.numbering import _W, Numbering, join_label

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WPS_TXBX = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

# Inline containers whose runs belong to the paragraph; deleted / moved-away text is skipped.
_INLINE = {f"{_W}{t}" for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo",
                                 "dir", "bdo", "sdtContent")}
_RPR, _B, _SZ, _VANISH, _RSTYLE, _VAL = (f"{_W}{t}" for t in ("rPr", "b", "sz", "vanish", "rStyle", "val"))
_FLD_CHAR, _INSTR, _FLD_SIMPLE = (f"{_W}{t}" for t in ("fldChar", "instrText", "fldSimple"))


def _is_page_field(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() == "PAGE"


@dataclass(slots=True)
class _Para:
    """A paragraph's text and the formatting of its characters."""

    text: str = ""
    bold_chars: int = 0
    sizes: dict[float, int] = field(default_factory=dict)
    counted: int = 0
    boxes: list[etree._Element] = field(default_factory=list)
    field_code: list[str] = field(default_factory=list)  # instruction of the complex field being read
    field_state: str = ""  # "code" between begin and separate, "page" inside a PAGE field's result


class _Walker:
    """Walks body XML in order, turning paragraphs and tables into blocks."""

    def __init__(self, document: Document, styles: Styles, numbering: Numbering, converted: bool = False) -> None:
        self.converted = converted
        self.doc = document
        self.styles = styles
        self.numbering = numbering
        self.paragraph_no = 0
        self.table_no = 0

    # ---- paragraphs -------------------------------------------------------------------------
    def _run_format(self, run: etree._Element, pstyle_bold: bool | None, pstyle_size: float | None):
        bold = size = None
        hidden = False
        rpr = run[0] if len(run) and run[0].tag == _RPR else None
        if rpr is not None:
            rstyle = None
            for prop in rpr:  # one pass over the properties: lxml's find() is slow in this loop
                tag = prop.tag
                if tag == _B:
                    bold = on(prop)
                elif tag == _SZ:
                    size = half_points(prop)
                elif tag == _VANISH:
                    hidden = bool(on(prop))
                elif tag == _RSTYLE:
                    rstyle = prop.get(_VAL)
            if rstyle is not None and (bold is None or size is None):
                cs = self.styles.get(rstyle)
                if cs is not None:
                    bold = cs.bold if bold is None else bold
                    size = cs.size if size is None else size
        if bold is None:
            bold = pstyle_bold if pstyle_bold is not None else self.styles.default_bold
        if size is None:
            size = pstyle_size if pstyle_size is not None else self.styles.default_size
        return bool(bold), size, hidden

    def _collect(self, el: etree._Element, para: _Para, parts: list[str], fmt: tuple) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_W}r":
                bold, size, hidden = self._run_format(child, *fmt)
                if hidden:
                    continue
                before = len(parts)
                self._run_text(child, para, parts)
                n = sum(1 for ch in "".join(parts[before:]) if not ch.isspace())
                if n:
                    para.counted += n
                    if bold:
                        para.bold_chars += n
                    if size is not None:
                        para.sizes[size] = para.sizes.get(size, 0) + n
            elif tag == _FLD_SIMPLE and _is_page_field(child.get(f"{_W}instr", "")):
                parts.append("1")  # a page number: the first page's, as Word shows it on page 1
            elif tag in _INLINE or tag == f"{_W}sdt":
                self._collect(child, para, parts, fmt)
            elif tag == f"{_MC}AlternateContent":
                self._alternate(child, para, parts, fmt)

    def _alternate(self, el: etree._Element, para: _Para, parts: list[str], fmt: tuple) -> None:
        chosen = el.find(f"{_MC}Choice")
        if chosen is None:
            chosen = el.find(f"{_MC}Fallback")
        if chosen is not None:
            self._collect(chosen, para, parts, fmt)

    def _run_text(self, run: etree._Element, para: _Para, parts: list[str]) -> None:
        for child in run:
            tag = child.tag
            if tag == _FLD_CHAR:
                self._field_char(child.get(f"{_W}fldCharType", ""), para, parts)
            elif tag == _INSTR and para.field_state == "code":
                para.field_code.append(child.text or "")
            elif para.field_state in ("code", "page"):
                continue  # a field's code, or a cached page number replaced by "1"
            elif tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                if child.get(f"{_W}type") not in ("page", "column"):
                    parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}sym":
                try:
                    point = int(child.get(f"{_W}char", ""), 16)
                except ValueError:
                    continue
                # beyond Unicode, a lone surrogate half or a private-use symbol-font code: no character
                if 0 <= point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF and not 0xE000 <= point <= 0xF8FF:
                    parts.append(chr(point))
            elif tag in (f"{_W}drawing", f"{_W}pict", f"{_MC}AlternateContent"):
                self._find_boxes(child, para)

    @staticmethod
    def _field_char(kind: str, para: _Para, parts: list[str]) -> None:
        if kind == "begin":
            para.field_state, para.field_code = "code", []
        elif kind == "separate" and para.field_state == "code":
            if _is_page_field("".join(para.field_code)):
                parts.append("1")
                para.field_state = "page"
            else:
                para.field_state = ""
        elif kind == "end":
            if para.field_state == "code" and _is_page_field("".join(para.field_code)):
                parts.append("1")  # a PAGE field without a cached result
            para.field_state = ""

    def _find_boxes(self, el: etree._Element, para: _Para) -> None:
        if el.tag == f"{_MC}AlternateContent":
            choice = el.find(f"{_MC}Choice")
            el = choice if choice is not None else el
        for box in el.iter(f"{_W}txbxContent"):
            # a box inside another box below ``el`` is read through that outer box
            outer = False
            for ancestor in box.iterancestors():
                if ancestor is el:
                    break
                if ancestor.tag == f"{_W}txbxContent":
                    outer = True
                    break
            if not outer:
                para.boxes.append(box)

    def paragraph(self, p: etree._Element, role: BlockRole, top_level: bool, emit: bool = True) -> str:
        """Read one ``w:p``: its displayed text, added as a block when ``emit`` and not empty."""
        ppr = p.find(f"{_W}pPr")
        style_id = num_id = None
        ilvl: int | None = None
        outline: int | None = None
        if ppr is not None:
            ps = ppr.find(f"{_W}pStyle")
            style_id = ps.get(f"{_W}val") if ps is not None else None
            num = ppr.find(f"{_W}numPr")
            if num is not None:
                nid = num.find(f"{_W}numId")
                lvl = num.find(f"{_W}ilvl")
                num_id = nid.get(f"{_W}val") if nid is not None else None
                if lvl is not None and (lvl.get(f"{_W}val") or "").isdigit():
                    ilvl = int(lvl.get(f"{_W}val"))
            ol = ppr.find(f"{_W}outlineLvl")
            if ol is not None and (ol.get(f"{_W}val") or "").isdigit():
                outline = int(ol.get(f"{_W}val"))
        style = self.styles.get(style_id)
        if style is not None:
            if num_id is None:
                num_id = style.num_id
                if ilvl is None:
                    ilvl = style.ilvl
            if outline is None:
                outline = style.outline
        if num_id and ilvl is None:
            ilvl = self._style_level(num_id, style.style_id if style else None)
        para = _Para()
        parts: list[str] = []
        fmt = (style.bold if style else None, style.size if style else None)
        self._collect(p, para, parts, fmt)
        raw = "".join(parts).replace("\t", " ")
        label = self.numbering.advance(num_id, ilvl or 0)
        if top_level:
            self.paragraph_no += 1
        text = raw.strip(" \u3000\u00a0\n")
        if text:
            suffix = "tab"
            if label:
                lvl = self.numbering.level(num_id or "", ilvl or 0)
                suffix = lvl.suffix if lvl is not None else "tab"
                text = join_label(label, suffix, text)
        if text and emit:
            size = max(para.sizes, key=para.sizes.get) if para.sizes else None
            provenance = Provenance(paragraph=self.paragraph_no - 1 if top_level else None)
            self.doc.add(
                "paragraph", text, provenance=provenance, role=role,
                style=style.name if style else None,
                outline_level=outline + 1 if outline is not None and outline < 9 else None,
                bold=para.bold_chars * 10 >= para.counted * 9 if para.counted else None,
                font_size=size, numbering=label or None,
            )
        for box in para.boxes:
            self.walk(box, "textbox" if role == "body" else role, top_level=False)
        return text

    def _style_level(self, num_id: str, style_id: str | None) -> int:
        if style_id:
            for ilvl in range(9):
                lvl = self.numbering.level(num_id, ilvl)
                if lvl is not None and lvl.style == style_id:
                    return ilvl
        return 0

    # ---- tables -------------------------------------------------------------------------------
    def table(self, tbl: etree._Element, role: BlockRole) -> None:
        table_no = self.table_no
        self.table_no += 1
        cells: list[Cell] = []
        nested: list[etree._Element] = []
        anchors: dict[int, Cell] = {}  # column → the cell a vertical merge continues
        lim = limits()
        n_cols = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))
        rows = list(_children(tbl, f"{_W}tr"))
        if len(rows) > lim.table_rows:
            raise refuse(None, f"rows of table {table_no + 1}", len(rows), "table.rows", lim.table_rows)
        for r, tr in enumerate(rows):
            col = 0
            trpr = tr.find(f"{_W}trPr")
            if trpr is not None:
                before = trpr.find(f"{_W}gridBefore")
                if before is not None and (before.get(f"{_W}val") or "").isdigit():
                    col = self._columns(before.get(f"{_W}val"), "w:gridBefore", table_no, r)
            last: Cell | None = None
            for tc in _children(tr, f"{_W}tc"):
                tcpr = tc.find(f"{_W}tcPr")
                span, vmerge, hmerge = 1, None, False
                if tcpr is not None:
                    gs = tcpr.find(f"{_W}gridSpan")
                    if gs is not None and (gs.get(f"{_W}val") or "").isdigit():
                        span = max(1, self._columns(gs.get(f"{_W}val"), "w:gridSpan", table_no, r))
                    vm = tcpr.find(f"{_W}vMerge")
                    if vm is not None:
                        vmerge = vm.get(f"{_W}val", "continue")
                    hm = tcpr.find(f"{_W}hMerge")
                    hmerge = hm is not None and hm.get(f"{_W}val", "continue") == "continue"
                text = self._cell_text(tc, nested, table_no, r, col)
                if hmerge and last is not None:
                    last.colspan += span
                elif vmerge == "continue" and col in anchors:
                    anchor = anchors[col]
                    anchor.rowspan = r - anchor.row + 1
                else:
                    cell = Cell(row=r, col=col, text=text, colspan=span,
                                provenance=Provenance(table=table_no, row=r, col=col))
                    cells.append(cell)
                    last = cell
                    for c in range(col, col + span):
                        anchors.pop(c, None)
                    if vmerge == "restart":
                        anchors[col] = cell
                col += span
                if col > lim.table_columns:
                    raise refuse(None, f"columns reached in row {r + 1} of table {table_no + 1}", col,
                                 "table.columns", lim.table_columns)
            n_cols = max(n_cols, col)
            if len(cells) > lim.table_cells:
                raise refuse(None, f"cells of table {table_no + 1}", len(cells), "table.cells", lim.table_cells)
        tables = [Table(n_rows=len(rows), n_cols=n_cols, cells=cells)]
        if self.converted and cells:  # LibreOffice's .doc import joins tables that touch
            parts = split_rows(cells, n_cols)
            if len(parts) > 1:
                tables = [compact(part) for part in parts]
        for table in tables:
            block = self.doc.add("table", table_text(table), provenance=Provenance(table=table_no), role=role,
                                 table=table)
            cell_offsets(block)
        for inner in nested:
            self.table(inner, role)

    @staticmethod
    def _columns(value: str, what: str, table_no: int, row: int) -> int:
        """A column count written in the file, checked before it sizes anything."""
        count, limit = int(value), limits().table_columns
        if count > limit:
            raise refuse(None, f"{what} in row {row + 1} of table {table_no + 1}", count, "table.columns", limit)
        return count

    def _cell_text(self, tc: etree._Element, nested: list[etree._Element], table_no: int, row: int,
                   col: int) -> str:
        texts: list[str] = []
        for child in _flatten(tc):
            if child.tag == f"{_W}p":
                text = self.paragraph(child, "body", top_level=False, emit=False)
                if text:
                    texts.append(text)
            elif child.tag == f"{_W}tbl":
                nested.append(child)
        return "\n".join(texts)

    # ---- containers ---------------------------------------------------------------------------
    def walk(self, container: etree._Element, role: BlockRole, top_level: bool = True) -> None:
        for child in _flatten(container):
            if child.tag == f"{_W}p":
                self.paragraph(child, role, top_level)
            elif child.tag == f"{_W}tbl":
                self.table(child, role)


def _flatten(container: etree._Element):
    """Block-level children, looking through content controls and custom XML wrappers."""
    for child in container:
        tag = child.tag
        if tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else child
            if content is not None:
                yield from _flatten(content)
        elif tag == f"{_MC}AlternateContent":
            choice = child.find(f"{_MC}Choice")
            if choice is not None:
                yield from _flatten(choice)
        else:
            yield child


def _children(el: etree._Element, tag: str):
    for child in _flatten(el):
        if child.tag == tag:
            yield child


def _sniff(path: Path) -> str | None:
    """What the bytes say the file is when it is not a zip: 'ole', 'rtf', or None."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    return None


def _is_encrypted_ole(path: Path) -> bool:
    marker = "EncryptionInfo".encode("utf-16-le")
    with path.open("rb") as fh:
        data = fh.read(64 << 20)
    return marker in data


def read_docx_file(path: Path, format_name: str = "docx", converted: bool = False) -> Document:
    """Read a .docx package (any suffix) into a Document; ``converted``: written by LibreOffice."""
    if not zipfile.is_zipfile(path):
        raise CorruptInput(path, "not a readable .docx (not a zip archive: corrupt or truncated)")
    package = Package(path)
    try:
        styles_parts = package.related("styles")
        styles = Styles(package.xml(styles_parts[0]) if styles_parts else None)
        numbering_parts = package.related("numbering")
        numbering = Numbering(package.xml(numbering_parts[0]) if numbering_parts else None,
                              styles.numbering_style_links())
        document = Document(path=str(path), format=format_name)
        walker = _Walker(document, styles, numbering, converted)
        body = package.xml(package.main).find(f"{_W}body")
        if body is None:
            raise CorruptInput(path, "corrupt .docx (document.xml has no body)")
        if converted:
            numbering.join_lists([el.get(f"{_W}val", "") for el in body.iter(f"{_W}numId")])
        walker.walk(body, "body")
        for reltype, tag in (("footnotes", "footnote"), ("endnotes", "endnote")):
            for notes in package.related(reltype):
                for note in package.xml(notes).iterfind(f"{_W}{tag}"):
                    if note.get(f"{_W}type") in (None, "normal"):
                        walker.walk(note, "footnote", top_level=False)
        for reltype in ("header", "footer"):
            for name in _ordered_parts(package, body, reltype):
                walker.walk(package.xml(name), reltype, top_level=False)  # type: ignore[arg-type]
    except DocparseError as exc:
        raise exc.at(path) from exc.__cause__
    except MemoryError as exc:
        raise LimitExceeded(path, "the .docx needs more memory than is available to read") from exc
    except (KeyError, ValueError, OverflowError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise CorruptInput(path, f"corrupt .docx ({exc.__class__.__name__}: {exc})") from exc
    except RecursionError as exc:
        raise CorruptInput(path, "corrupt .docx (elements nested too deeply to read)") from exc
    finally:
        package.close()
    return document


def _ordered_parts(package: Package, body: etree._Element, reltype: str) -> list[str]:
    """Header or footer parts in the order the sections reference them, each once."""
    seen: list[str] = []
    for ref in body.iter(f"{_W}{reltype}Reference"):
        name = package.target(ref.get(_R_ID))
        if name is not None and name not in seen:
            seen.append(name)
    for extra in package.related(reltype):
        if extra not in seen:
            seen.append(extra)
    return seen


@register(".docx")
def read_docx(path: Path) -> Document:
    """Read a .docx; a Word 97-2003 or RTF file misnamed .docx is converted and says so."""
    kind = _sniff(path)
    if kind == "ole" and _is_encrypted_ole(path):
        raise EncryptedInput(path, "the .docx is password-protected (encrypted); save it without a password")
    if kind in ("ole", "rtf"):
        from docparse.readers.legacy import convert_and_read

        what = "a Word 97-2003 .doc" if kind == "ole" else "an RTF file"
        document = convert_and_read(path, suffix=".doc" if kind == "ole" else ".rtf",
                                    why=f"file named .docx is really {what}")
        document.warn("misnamed", f"{path.name} is really {what}, not a .docx; converted with LibreOffice")
        return document
    document = read_docx_file(path)
    document.sha256 = sha256_file(path)
    return document
