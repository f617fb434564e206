"""The PDF reader on LibreOffice conversions of the test Word files and on drawn edge cases."""

from __future__ import annotations

import pytest
from rapidfuzz.distance import Levenshtein

from docparse.errors import CorruptInput, EncryptedInput
from docparse.readers import read
from docparse.readers.pdf import _garbled, read_pdf
from tests.readers import builders, pdfs


@pytest.fixture(scope="module")
def long_pdf(converted):
    return read(converted["long.pdf"])


def test_paragraphs_equal_the_word_text(long_pdf, long_docx):
    _, expected, _ = long_docx
    got = [b.text for b in long_pdf.body if b.kind == "paragraph"]
    cer = Levenshtein.distance("\n".join(got), "\n".join(expected)) / len("\n".join(expected))
    assert cer <= 0.005, (cer, got[:5])
    assert got == expected


def test_table_continued_on_next_page_is_one_grid(long_pdf, long_docx):
    _, _, grid = long_docx
    tables = [b for b in long_pdf.body if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0].table
    assert table.grid() == grid  # repeated header row on the next page dropped
    pages = {c.provenance.page for c in table.cells}
    assert len(pages) >= 2
    for cell in table.cells:
        assert tables[0].text[cell.provenance.start:cell.provenance.end] == cell.text
        assert cell.provenance.bbox is not None


def test_running_header_and_page_numbers_kept_apart(long_pdf):
    furniture = [b for b in long_pdf.blocks if b.role != "body"]
    assert {b.role for b in furniture} == {"header", "footer"}
    assert long_pdf.pages and long_pdf.pages >= 3
    footers = [b.text for b in furniture if b.role == "footer"]
    assert footers == [f"- {n} -" for n in range(1, long_pdf.pages + 1)]
    body = "\n".join(b.text for b in long_pdf.body)
    assert builders.LONG_HEADER not in body
    assert all(b.provenance.page and b.provenance.bbox for b in long_pdf.blocks)


def test_cues_from_layout(long_pdf):
    title = long_pdf.body[0]
    assert title.font_size == 16.0 and long_pdf.body[2].font_size == 12.0


def test_sample_pdf_numbering_and_merged_cells(converted):
    document = read(converted["sample.pdf"])
    texts = [b.text for b in document.body if b.kind == "paragraph"]
    for heading in ("一、基本情况", "（一）项目概况", "（二）绩效目标", "三、存在的问题", "第十一章补充材料"):
        assert heading in texts
    table = next(b.table for b in document.body if b.kind == "table")
    assert table.grid() == builders.TABLE_ROWS


@pytest.fixture(scope="module")
def edge(tmp_path_factory):
    return read(pdfs.edge_cases(tmp_path_factory.mktemp("pdf") / "edge.pdf"))


def test_radicals_mapped_without_nfkc(edge):
    assert edge.body[0].text == "一般公共预算门户网站，户"


def test_fake_bold_collapsed_and_bold(edge):
    block = edge.body[1]
    assert block.text == "二、绩效目标" and block.bold is True


def test_amount_split_across_lines_rejoined(edge):
    assert edge.body[2].text.endswith("7.3万元，已全部拨付到位。")


def test_page_without_text_needs_ocr(edge):
    assert [w["page"] for w in edge.warnings if w["code"] == "ocr_needed"] == [2]


def test_encrypted_pdf(tmp_path):
    path = pdfs.encrypted(tmp_path / "locked.pdf")
    with pytest.raises(EncryptedInput) as info:
        read(path)
    assert str(path) in info.value.line() and "DOCPARSE_PDF_PASSWORD" in info.value.line()
    assert read_pdf(path, password="secret").body[0].text == "加密的文件"
    with pytest.raises(EncryptedInput):
        read_pdf(path, password="wrong")


def test_encrypted_pdf_password_from_environment(tmp_path, monkeypatch):
    path = pdfs.encrypted(tmp_path / "locked.pdf")
    monkeypatch.setenv("DOCPARSE_PDF_PASSWORD", "secret")
    assert read(path).body[0].text == "加密的文件"


@pytest.mark.parametrize("damage", ["garbage", "no_header", "truncated"])
def test_damaged_pdf(converted, tmp_path, damage):
    data = converted["long.pdf"].read_bytes()
    path = tmp_path / f"{damage}.pdf"
    if damage == "garbage":
        path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    elif damage == "no_header":
        path.write_bytes(b"<html>not a pdf</html>")
    else:
        path.write_bytes(data[: len(data) // 3])
    try:
        document = read(path)
    except CorruptInput as exc:
        assert str(path) in exc.line() and "\n" not in exc.line()
        assert damage != "no_header" or "not a PDF" in exc.line()
    else:
        assert damage == "truncated"
        assert any(w["code"] == "truncated" for w in document.warnings)


def test_garbled_text_detected():
    assert _garbled("(cid:12)(cid:13)(cid:14)")
    assert _garbled("区" * 30 + "的")
    assert _garbled("\ue001\ue002\ue003abc")
    assert not _garbled("本项目年初预算安排资金128.5万元，到位率100%。")


def test_garbled_page_falls_back_to_pdfplumber(converted, monkeypatch):
    import docparse.readers.pdf as pdf_reader

    real = pdf_reader.page_chars

    def garbled(textpage, height):
        chars = real(textpage, height)
        for ch in chars:
            ch.text = "\ue0a0"  # what a font without a Unicode map gives
        return chars

    monkeypatch.setattr(pdf_reader, "page_chars", garbled)
    document = read(converted["long.pdf"])
    assert [w["page"] for w in document.warnings if w["code"] == "text_fallback"] == list(
        range(1, document.pages + 1))
    assert document.body[0].text == "示例县2023年度农村公益事业项目绩效自评报告"
    assert "\ue0a0" not in "".join(b.text for b in document.blocks)


def test_page_of_rules_is_not_searched_for_tables(tmp_path):
    document = read(pdfs.dense_grid(tmp_path / "grid.pdf"))
    assert [w["page"] for w in document.warnings if w["code"] == "tables_skipped"] == [1]
    assert [b.text for b in document.body] == ["坐标纸页面"]


def test_bookmarks_give_outline_levels(converted):
    document = read(converted["styled.pdf"])
    levels = [(b.text, b.outline_level) for b in document.body if b.outline_level is not None]
    assert levels == builders.STYLED_HEADINGS
