"""Pages OCR cannot read, OCR switched off, and an install without the OCR extra."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from corpus.generate.scans import Degrade, degrade, encode, image_pdf
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def blank_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A page scanned with nothing on it but scanner noise (an empty back side)."""
    path = tmp_path_factory.mktemp("blank") / "blank.pdf"
    how = Degrade(noise=8.0, jpeg=70, grey=True)
    page = degrade(Image.new("RGB", (1240, 1754), "white"), how, 150, 1)
    image_pdf([encode(page, how)], 150, path)
    return path


def _docparse(*args: str, ocr: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DOCPARSE_OCR": ocr}
    return subprocess.run(
        [sys.executable, "-m", "docparse", *args], capture_output=True, text=True, timeout=300, env=env, cwd=ROOT
    )


def test_check_on_a_page_ocr_finds_nothing_on_says_so_and_exits_2(blank_scan):
    out = _docparse("check", str(blank_scan), ocr="auto")
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert "page 1 could not be read" in out.stderr and "OCR" in out.stderr


def test_check_with_ocr_off_names_the_page_needing_ocr_and_exits_2(blank_scan):
    out = _docparse("check", str(blank_scan), ocr="never")
    assert out.returncode == 2
    assert "page 1 could not be read" in out.stderr and "needs OCR" in out.stderr


def test_parse_records_the_unreadable_page_in_source(blank_scan):
    import json

    out = _docparse("parse", "--ocr", "auto", str(blank_scan), ocr="never")  # the option beats the environment
    assert out.returncode == 0, out.stderr
    source = json.loads(out.stdout)["source"]
    assert source["ocr"]["pages"] == [1] and source["ocr"]["unreadable_pages"] == [1]


def test_scanned_page_without_the_ocr_extra_names_the_extra(blank_scan):
    code = (
        "import sys; sys.modules['rapidocr'] = None\n"  # as if docparse[ocr] were not installed
        "import os; os.environ['DOCPARSE_OCR'] = 'auto'\n"
        "import docparse\n"
        "from docparse.errors import DocparseError\n"
        f"try:\n    docparse.parse({str(blank_scan)!r})\n"
        "except DocparseError as exc:\n    print(type(exc).__name__, exc.line())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("OcrUnavailable") and "docparse[ocr]" in out.stdout
    assert str(blank_scan) in out.stdout
