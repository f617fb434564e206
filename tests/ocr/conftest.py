"""Scans made from the generated fixtures (``corpus.generate.scans``), each read by OCR once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from corpus.generate.scans import scan
from docparse.model import Document
from tests.conftest import CORPUS

FIXTURES = CORPUS / "fixtures"


@contextmanager
def ocr_mode(mode: str) -> Iterator[None]:
    old = os.environ.get("DOCPARSE_OCR")
    os.environ["DOCPARSE_OCR"] = mode
    try:
        yield
    finally:
        if old is None:
            del os.environ["DOCPARSE_OCR"]
        else:
            os.environ["DOCPARSE_OCR"] = old


def read(path: Path, mode: str) -> tuple[Document, dict[str, Any]]:
    """The document and the report's JSON data of ``path`` read with OCR ``mode``."""
    from docparse.pipeline import analyse
    from docparse.readers.pdf import read_pdf

    with ocr_mode(mode):
        document = read_pdf(path)
    return document, analyse(document).to_dict()


@pytest.fixture(scope="session")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scans")


@pytest.fixture(scope="session")
def table_scan(scans: Path) -> dict[str, Any]:
    """The 绩效自评表 page scanned at 200 dpi with skew, noise, blur, JPEG and a red stamp over figures."""
    source = FIXTURES / "s02-pdf-table-reportlab-ttf.pdf"
    path = scan(source, scans / "table-worst.pdf", 200, "worst", seed=7)
    ref_doc, ref = read(source, "never")
    doc, got = read(path, "auto")
    return {"path": path, "ref_doc": ref_doc, "ref": ref, "doc": doc, "got": got}


@pytest.fixture(scope="session")
def prose_scan(scans: Path) -> dict[str, Any]:
    """The first page of a prose report scanned at 150 dpi, skewed and noisy, greyscale JPEG."""
    source = FIXTURES / "r01-pdf-project-reportlab.pdf"
    path = scan(source, scans / "prose-noisy.pdf", 150, "noisy", seed=3, pages=[0])
    ref_doc, ref = read(source, "never")
    doc, got = read(path, "auto")
    return {"path": path, "ref_doc": ref_doc, "ref": ref, "doc": doc, "got": got}
