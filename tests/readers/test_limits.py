"""Each limit of ``rules/limits.yaml`` refuses an input beyond it with a line naming the limit (limits
lowered here so the inputs stay a few kilobytes)."""

from __future__ import annotations

import dataclasses
import io
import sys
import zlib
from importlib import import_module
from pathlib import Path

import pytest

import docparse.limits as limits_module
from docparse.errors import LimitExceeded
from docparse.limits import limits
from docparse.readers import read

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "corpus" / "hostile"))
import make  # noqa: E402  corpus/hostile/make.py: the minimal package writer

_USERS = ("docparse.readers.docx", "docparse.readers.docx_package", "docparse.readers.numbering",
          "docparse.readers.pdf", "docparse.readers.pdf_streams", "docparse.readers.guard")


@pytest.fixture
def lowered(monkeypatch: pytest.MonkeyPatch):
    def lower(**changes: int) -> None:
        value = dataclasses.replace(limits(), **changes)
        monkeypatch.setattr(limits_module, "limits", lambda: value)
        for name in _USERS:
            monkeypatch.setattr(sys.modules[name], "limits", lambda: value)

    for name in _USERS:  # the modules whose limits are lowered
        import_module(name)

    return lower


def _refused(path: Path, name: str) -> None:
    with pytest.raises(LimitExceeded) as info:
        read(path)
    assert info.value.line().startswith(f"{path}: ") and name in info.value.line()


def test_table_rows_and_cells(tmp_path: Path, lowered) -> None:
    rows = "".join(f"<w:tr><w:tc>{make.para(str(r))}</w:tc><w:tc>{make.para('1')}</w:tc></w:tr>" for r in range(30))
    path = tmp_path / "rows.docx"
    path.write_bytes(make.basic(make.para(make.BODY) + f"<w:tbl>{rows}</w:tbl>"))
    lowered(table_rows=20)
    _refused(path, "table.rows")
    lowered(table_cells=40)
    _refused(path, "table.cells")
    lowered(table_rows=100, table_cells=100)
    assert read(path).blocks[1].table.n_rows == 30


def test_zip_members_and_total(tmp_path: Path, lowered) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(make.basic(make.para(make.BODY * 50)))
    lowered(zip_members=2)
    _refused(path, "zip.members")
    lowered(zip_total_bytes=2000)
    _refused(path, "zip.total_bytes")


def test_pdf_stream_inflating_beyond_the_limit(tmp_path: Path, lowered) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * 3_000_000  # 3 MB of content, 3 KB deflated
    stream = zlib.compress(content, 9)
    body = io.BytesIO()
    body.write(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
               b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
               b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n")
    body.write(b"4 0 obj<</Length %d/Filter/FlateDecode>>stream\n" % len(stream) + stream + b"\nendstream endobj\n")
    body.write(b"trailer<</Root 1 0 R>>\n%%EOF\n")
    path = tmp_path / "bomb.pdf"
    path.write_bytes(body.getvalue())
    lowered(pdf_stream_bytes=1_000_000)
    _refused(path, "pdf.stream_bytes")
    lowered(pdf_stream_bytes=10_000_000)
    read(path)  # within the limit: read (a page without text)


def test_pdf_pages(tmp_path: Path, lowered) -> None:
    path = ROOT / "corpus" / "fixtures" / "r01-pdf-project-reportlab.pdf"
    lowered(pdf_pages=1)
    _refused(path, "pdf.pages")


def test_file_size(tmp_path: Path, lowered) -> None:
    path = tmp_path / "report.txt"
    path.write_text(make.BODY * 10, encoding="utf-8")
    lowered(file_bytes=100)
    _refused(path, "file_bytes")
