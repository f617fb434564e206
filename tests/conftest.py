"""Shared test fixtures: paths to the project's corpus and to ``../shared`` (skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Scanned pages are OCR'd by default; the tests of other parts read them as before (``ocr_needed``),
# and tests/ocr sets the mode it tests (child processes inherit this).
os.environ.setdefault("DOCPARSE_OCR", "never")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests that need it skip cleanly where it is absent."""
    if not (SHARED / "corpus" / "real" / "texts").is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return SHARED


def shared_real_texts() -> list[Path]:
    """The shared real corpus texts (empty where ../shared is absent), for parametrised tests."""
    folder = SHARED / "corpus" / "real" / "texts"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []
