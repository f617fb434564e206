"""The .docx reader on Word files built in the tests: numbering, order, grids, furniture, cues."""

from __future__ import annotations

import zipfile

import pytest

from docparse.errors import CorruptInput, DocparseError
from docparse.readers import read
from tests.readers import builders


@pytest.fixture(scope="module")
def doc(sample_docx):
    return read(sample_docx)


def test_auto_numbering_rendered_into_text(doc):
    body = [b.text for b in doc.body if b.kind == "paragraph"]
    assert body == builders.EXPECTED_PARAGRAPHS


def test_numbering_label_kept_apart(doc):
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["（一）项目概况"].numbering == "（一）"
    assert by_text["第十一章补充材料"].numbering == "第十一章"
    assert by_text[builders.EXPECTED_PARAGRAPHS[3]].numbering is None


def test_body_order_puts_the_table_where_it_stands(doc):
    kinds = [b.kind for b in doc.body]
    assert kinds[4] == "table" and kinds.count("table") == 1
    assert doc.body[3].text.startswith("本项目") and doc.body[5].text == "1.资金来源清晰。"


def test_table_is_a_grid_with_spans_stored_once(doc):
    block = next(b for b in doc.blocks if b.kind == "table")
    table = block.table
    assert (table.n_rows, table.n_cols) == (4, 4)
    assert table.grid() == builders.TABLE_ROWS
    merged = {(c.row, c.col): (c.rowspan, c.colspan) for c in table.cells}
    assert merged[(1, 0)] == (2, 1) and merged[(3, 0)] == (1, 2)
    assert sum(c.text == "产出指标" for c in table.cells) == 1
    for cell in table.cells:
        assert cell.provenance.table == 0 and cell.provenance.row == cell.row and cell.provenance.col == cell.col
        assert block.text[cell.provenance.start:cell.provenance.end] == cell.text


def test_header_footer_textbox_apart_from_body(doc):
    roles = {b.text: b.role for b in doc.blocks}
    assert roles[builders.HEADER_TEXT] == "header"
    assert roles[builders.FOOTER_TEXT] == "footer"
    assert roles[builders.TEXTBOX_TEXT] == "textbox"
    body_text = "\n".join(b.text for b in doc.body)
    assert builders.HEADER_TEXT not in body_text and builders.FOOTER_TEXT not in body_text


def test_layout_cues_and_provenance(doc):
    title = doc.body[0]
    assert title.bold is True and title.font_size == 18.0
    assert doc.body[1].bold is True and doc.body[2].bold is False
    paragraphs = [b for b in doc.body if b.kind == "paragraph"]
    assert [b.provenance.paragraph for b in paragraphs] == list(range(len(paragraphs)))
    assert doc.format == "docx" and doc.sha256 and len(doc.sha256) == 64


def test_styles_outline_levels_and_page_field(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("绩效目标", level=1)
    document.add_heading("年度目标", level=2)
    document.add_paragraph("正文")
    builders._page_field(document.sections[0].footer.paragraphs[0])
    path = tmp_path / "styled.docx"
    document.save(str(path))
    result = read(path)
    heads = [(b.text, b.outline_level, b.style) for b in result.body]
    assert heads == [("绩效目标", 1, "Heading 1"), ("年度目标", 2, "Heading 2"), ("正文", None, "Normal")]
    assert [b.text for b in result.blocks if b.role == "footer"] == ["- 1 -"]


def test_nested_table_is_its_own_block(tmp_path):
    import docx

    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "内层一"
    inner.cell(1, 0).text = "内层二"
    document.add_paragraph("表后段落")
    path = tmp_path / "nested.docx"
    document.save(str(path))
    blocks = read(path).body
    assert [b.kind for b in blocks] == ["table", "table", "paragraph"]
    assert blocks[0].table.grid() == [["外层", ""]]
    assert blocks[1].table.grid() == [["内层一"], ["内层二"]]
    assert blocks[1].provenance.table == 1


@pytest.mark.parametrize("damage", ["truncate", "not_zip", "no_document"])
def test_damaged_docx_is_one_clear_error(sample_docx, tmp_path, damage):
    path = tmp_path / f"{damage}.docx"
    data = sample_docx.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "not_zip":
        path.write_bytes(b"this is not a word file at all\n" * 10)
    else:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("hello.txt", "x")
    with pytest.raises(CorruptInput) as info:
        read(path)
    line = info.value.line()
    assert str(path) in line and "\n" not in line


def test_encrypted_docx_named(tmp_path):
    # An encrypted Office file is an OLE2 container holding an EncryptionInfo stream.
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(DocparseError) as info:
        read(path)
    assert "password" in info.value.line() and info.value.code == "E006"


def test_footnotes_are_blocks_of_their_own(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("正文引用")
    paragraph._p.append(parse_xml(f'<w:r {builders.W_NS}><w:footnoteReference w:id="1"/></w:r>'))
    plain = tmp_path / "plain.docx"
    document.save(str(plain))
    notes = (
        f'<w:footnotes {builders.W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>资料来源：示例统计。</w:t></w:r></w:p></w:footnote></w:footnotes>'
    )
    rel = ('<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.openxmlformats.org/'
           'officeDocument/2006/relationships/footnotes"/></Relationships>')
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.decode("utf-8").replace("</Relationships>", rel).encode("utf-8")
            dst.writestr(item, data)
        dst.writestr("word/footnotes.xml", notes)
    result = read(path)
    assert [b.text for b in result.body] == ["正文引用"]
    assert [(b.text, b.role) for b in result.blocks if b.role == "footnote"] == [("资料来源：示例统计。", "footnote")]


def test_text_box_in_alternate_content_read_once(tmp_path):
    import docx
    from docx.oxml import parse_xml

    box = "<w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent>"
    xml = (
        f'<w:r {builders.W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    document = docx.Document()
    paragraph = document.add_paragraph("锚点段落")
    paragraph._p.append(parse_xml(xml))
    path = tmp_path / "box.docx"
    document.save(str(path))
    blocks = read(path).blocks
    assert [(b.text, b.role) for b in blocks] == [("锚点段落", "body"), ("框内文字", "textbox")]


def test_page_field_shows_the_first_page_not_the_cached_value(tmp_path):
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("正文")
    footer = document.sections[0].footer.paragraphs[0]
    footer.add_run("第")
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', "<w:t>7</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        footer._p.append(parse_xml(f"<w:r {builders.W_NS}>{xml}</w:r>"))
    footer.add_run("页，共")
    footer._p.append(parse_xml(f'<w:fldSimple {builders.W_NS} w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r>'
                               "</w:fldSimple>"))
    footer.add_run("页")
    path = tmp_path / "fields.docx"
    document.save(str(path))
    assert [b.text for b in read(path).blocks if b.role == "footer"] == ["第1页，共9页"]
