"""Session fixtures: the sample Word files, and their PDF/.doc made by LibreOffice once per run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.readers import builders


def _need_soffice() -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed; see README for the test command")


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory) -> Path:
    return builders.build_docx(tmp_path_factory.mktemp("docx") / "sample.docx")


@pytest.fixture(scope="session")
def long_docx(tmp_path_factory) -> tuple[Path, list[str], list[list[str]]]:
    return builders.build_long_docx(tmp_path_factory.mktemp("long") / "long.docx")


@pytest.fixture(scope="session")
def converted(tmp_path_factory, sample_docx, long_docx) -> dict[str, Path]:
    """LibreOffice conversions of the sample files, in one soffice start per target."""
    _need_soffice()
    out = tmp_path_factory.mktemp("converted")
    return {
        "sample.pdf": builders.convert(sample_docx, out, "pdf"),
        "long.pdf": builders.convert(long_docx[0], out, "pdf"),
        "sample.doc": builders.convert(sample_docx, out, "doc"),
        "styled.pdf": builders.convert(builders.build_styled_docx(out / "styled.docx"), out, "pdf"),
    }
