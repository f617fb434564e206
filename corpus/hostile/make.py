"""Write the hostile inputs of ``corpus/hostile/`` and ``cases.json`` (what docparse must answer).

    python corpus/hostile/make.py [OUT_DIR]

Each file is small and crafted by hand, deterministic byte for byte: damaged zip members, unsafe
XML, numbers in the file beyond docparse's limits, symbol codes out of range, random bytes under a
Word suffix, PDFs too dense or with an owner password only. ``cases.json`` gives for each file the
exit code of ``docparse parse`` and the error code (exit 2) or a fragment of the JSON (exit 0).
Large inputs (megabytes of text, 100,000 paragraphs) are made on the fly by the tests and
``benchmarks/bench_scale.py`` instead.
"""

from __future__ import annotations

import io
import json
import random
import struct
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DATE = (1980, 1, 1, 0, 0, 0)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'numbering" Target="numbering.xml"/></Relationships>'
)
BODY = "某县2023年度农田灌溉项目绩效自评报告。项目年初预算120万元，全年支出114万元，执行率95%。"


def para(text: str, extra: str = "") -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r>{extra}</w:p>"


def document(body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')


def docx(parts: dict[str, str | bytes], stored: tuple[str, ...] = ()) -> bytes:
    """A zip package of ``parts`` (document.xml deflated unless named in ``stored``)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, _DATE)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def basic(body: str, rels_doctype: str = "", prolog: str = "", numbering: str | None = None,
          stored: tuple[str, ...] = ()) -> bytes:
    parts: dict[str, str | bytes] = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS.format(
        doctype=rels_doctype), "word/document.xml": document(body, prolog)}
    if numbering is not None:
        parts["word/_rels/document.xml.rels"] = DOC_RELS
        parts["word/numbering.xml"] = numbering
    return docx(parts, stored)


def _member_offset(data: bytes, name: str) -> tuple[int, int]:
    """Where member ``name``'s data starts in the zip, and its compressed size."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    start = info.header_offset
    name_len, extra_len = struct.unpack("<HH", data[start + 26:start + 30])
    return start + 30 + name_len + extra_len, info.compress_size


def bad_crc() -> bytes:
    data = bytearray(basic(para(BODY), stored=("word/document.xml",)))
    start, size = _member_offset(bytes(data), "word/document.xml")
    data[start + size - 40] ^= 0x01  # one bit of the stored text: the CRC no longer matches
    return bytes(data)


def broken_deflate() -> bytes:
    data = bytearray(basic(para(BODY * 20)))
    start, size = _member_offset(bytes(data), "word/document.xml")
    data[start + size // 3:start + size // 3 + 16] = b"\xff" * 16
    return bytes(data)


def encrypted_part() -> bytes:
    data = bytearray(basic(para(BODY)))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("_rels/.rels")
    data[info.header_offset + 6] |= 0x01  # general-purpose flag, local header
    central = bytes(data).rfind(b"PK\x01\x02", 0, bytes(data).find(b"PK\x05\x06"))
    pos = bytes(data).find(b"PK\x01\x02")
    while pos != -1 and pos <= central:
        name_len = struct.unpack("<H", data[pos + 28:pos + 30])[0]
        if bytes(data[pos + 46:pos + 46 + name_len]) == b"_rels/.rels":
            data[pos + 8] |= 0x01  # and in the central directory
        pos = bytes(data).find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def declared_huge() -> bytes:
    """The central directory says document.xml is 2 GB (the data is a few bytes)."""
    data = bytearray(basic(para(BODY)))
    pos = bytes(data).find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack("<H", data[pos + 28:pos + 30])[0]
        if bytes(data[pos + 46:pos + 46 + name_len]) == b"word/document.xml":
            data[pos + 24:pos + 28] = struct.pack("<I", 0x7FFFFFFF)
        pos = bytes(data).find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def ratio_bomb() -> bytes:
    """40 MB of blanks inside a paragraph, deflated to some 40 KB."""
    return basic(para(BODY) + "<w:p><w:r><w:t xml:space=\"preserve\">" + " " * 40_000_000 + "</w:t></w:r></w:p>")


def numbering_start() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W}">'
            '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1000000000000"/>'
            '<w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def numbered(text: str) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{text}</w:t></w:r></w:p>")


def table(tr_pr: str = "", tc_pr: str = "") -> str:
    return (f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{tr_pr}"
            f"<w:tc>{tc_pr}<w:p><w:r><w:t>年初预算数</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>120</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")


def nested_tables(depth: int) -> str:
    inner = para("最内层")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    return para(BODY) + inner


def laughs() -> str:
    ents = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    return f"<!DOCTYPE w:document [{ents}]>"


def random_bytes(seed: int, size: int = 4096) -> bytes:
    rng = random.Random(seed)
    data = bytes(rng.getrandbits(8) for _ in range(size))
    return b"\x00\x01" + data[2:] if data[:2] in (b"PK", b"\xd0\xcf", b"{\\") else data


def pdf(draw, encrypt=None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt)
    draw(c)
    c.save()
    return buf.getvalue()


def _text_page(c) -> None:
    c.setFont("STSong-Light", 12)
    for i, line in enumerate((BODY[:20], BODY[20:])):
        c.drawString(72, 760 - 20 * i, line)
    c.showPage()


def _dense_page(c) -> None:
    c.setFont("Helvetica", 1)
    line = "1234567890" * 60
    for row in range(200):  # 200 lines of 600 characters: 120,000 on one page
        c.drawString(5, 835 - row * 4.1, line)
    c.showPage()


def owner_only() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return pdf(_text_page, StandardEncryption("", ownerPassword="owner-only", canPrint=1))


def build() -> dict[str, tuple[bytes, dict]]:
    """File name → (bytes, expected answer)."""
    err = lambda code, *contains: {"exit": 2, "code": code, "contains": list(contains)}  # noqa: E731
    ok = lambda *contains: {"exit": 0, "contains": list(contains)}  # noqa: E731
    return {
        "zip-bad-crc.docx": (bad_crc(), err("E005", "word/document.xml", "CRC")),
        "zip-broken-deflate.docx": (broken_deflate(), err("E005", "word/document.xml")),
        "zip-encrypted-part.docx": (encrypted_part(), err("E006", "_rels/.rels", "encrypted")),
        "zip-declared-2gb.docx": (declared_huge(), err("E011", "zip.member_bytes")),
        "zip-ratio-bomb.docx": (ratio_bomb(), err("E011", "zip.ratio")),
        "xml-external-entity.docx": (basic(para(BODY), rels_doctype=(
            '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>')), err("E012", "_rels/.rels", "DOCTYPE")),
        "xml-billion-laughs.docx": (basic(para("&i;"), prolog=laughs()), err("E012", "word/document.xml")),
        "xml-nested-too-deep.docx": (basic(nested_tables(300)), err("E005", "word/document.xml")),
        "numbering-start-1e12.docx": (basic(numbered(BODY), numbering=numbering_start()),
                                      err("E011", "numbering_value", "w:start")),
        "table-gridspan-1e9.docx": (basic(para(BODY) + table(tc_pr='<w:tcPr><w:gridSpan w:val="1000000000"/>'
                                                               "</w:tcPr>")),
                                    err("E011", "w:gridSpan", "table.columns")),
        "table-gridbefore-1e8.docx": (basic(para(BODY) + table(tr_pr='<w:trPr><w:gridBefore w:val="100000000"/>'
                                                                "</w:trPr>")), err("E011", "w:gridBefore")),
        "sym-beyond-unicode.docx": (basic(para(BODY, '<w:r><w:sym w:font="Symbol" w:char="FFFFFFFFFFFFFFFFFF"/>'
                                                     "</w:r>")), ok("120万元")),
        "sym-lone-surrogate.docx": (basic(para(BODY, '<w:r><w:sym w:font="Symbol" w:char="D800"/></w:r>')),
                                    ok("120万元")),
        "random-bytes.doc": (random_bytes(17), err("E005", "not a Word 97-2003 or WPS document")),
        "random-bytes.wps": (random_bytes(18), err("E005", "not a Word 97-2003 or WPS document")),
        "pdf-dense-page.pdf": (pdf(_dense_page), err("E011", "pdf.page_chars", "page 1")),
        "pdf-owner-password-only.pdf": (owner_only(), ok("120万元")),
    }


def main(out: Path = HERE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    cases = {}
    for name, (data, expected) in build().items():
        (out / name).write_bytes(data)
        cases[name] = expected
    (out / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} hostile files in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
