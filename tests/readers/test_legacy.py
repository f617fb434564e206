""".doc/.wps through LibreOffice, misnamed files, and a missing or slow converter."""

from __future__ import annotations

import shutil

import pytest

from docparse.errors import ConversionTimeout, MissingProgram
from docparse.readers import legacy, read
from tests.readers import builders


def test_doc_converted_and_read(converted):
    document = read(converted["sample.doc"])
    assert document.converted_from == ".doc" and document.format == "docx"
    texts = [b.text for b in document.body if b.kind == "paragraph"]
    assert "一、基本情况" in texts and "（二）绩效目标" in texts and builders.EXPECTED_PARAGRAPHS[3] in texts
    assert {b.role for b in document.blocks} >= {"header", "footer"}


def test_wps_suffix(converted, tmp_path):
    path = tmp_path / "sample.wps"
    shutil.copyfile(converted["sample.doc"], path)
    document = read(path)
    assert document.converted_from == ".wps"
    assert builders.EXPECTED_PARAGRAPHS[1] in [b.text for b in document.body]


def test_docx_that_is_really_a_doc(converted, tmp_path):
    path = tmp_path / "misnamed.docx"
    shutil.copyfile(converted["sample.doc"], path)
    document = read(path)
    assert any(w["code"] == "misnamed" and ".doc" in w["message"] for w in document.warnings)
    assert "一、基本情况" in [b.text for b in document.body]


def test_missing_soffice_names_program_and_install(converted, tmp_path, monkeypatch):
    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    with pytest.raises(MissingProgram) as info:
        read(converted["sample.doc"])
    line = info.value.line()
    assert "soffice" in line and "apt-get install libreoffice-writer-nogui" in line
    assert str(converted["sample.doc"]) in line


def test_conversion_timeout(converted, tmp_path):
    with pytest.raises(ConversionTimeout) as info:
        legacy.convert_to_docx(converted["sample.doc"], tmp_path, timeout=0.05)
    assert "LibreOffice" in info.value.line()


def test_misnamed_doc_without_soffice_says_what_it_is(converted, tmp_path, monkeypatch):
    path = tmp_path / "misnamed.docx"
    shutil.copyfile(converted["sample.doc"], path)
    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    with pytest.raises(MissingProgram) as info:
        read(path)
    assert "really a Word 97-2003 .doc" in info.value.line() and "soffice" in info.value.line()
