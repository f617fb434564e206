"""Every text of the shared real corpus and the seed parses into JSON that validates."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse
from docparse.export.json import validation_errors
from tests.conftest import CORPUS, SHARED, shared_real_texts


def _texts() -> list[Path]:
    seed = sorted((SHARED / "seed").glob("*.txt")) if (SHARED / "seed").is_dir() else []
    return shared_real_texts() + seed


@pytest.mark.parametrize("path", _texts(), ids=lambda p: p.name)
def test_shared_text_parses_and_validates(path: Path, shared_dir: Path) -> None:
    data = docparse.parse(path).to_dict()
    assert validation_errors(data) == []
    assert data["source"]["sha256"]


@pytest.mark.parametrize("path", sorted((CORPUS / "samples").glob("*.txt")), ids=lambda p: p.name)
def test_corpus_samples_parse_and_validate(path: Path) -> None:
    assert validation_errors(docparse.parse(path).to_dict()) == []
