"""Report JSON of the shipped sample and a few generated fixtures, parsed once per session."""

from __future__ import annotations

from typing import Any

import pytest

import docparse
from tests.conftest import CORPUS

DOCUMENTS = {
    "sample": CORPUS / "samples" / "sample-project-2023.txt",
    "evaluation": CORPUS / "fixtures" / "e01-docx-evaluation.docx",
    "table": CORPUS / "fixtures" / "s01-docx-table.docx",
    "altered": CORPUS / "fixtures" / "f02-txt-altered-total.txt",
    "typed": CORPUS / "fixtures" / "p02-txt-typed.txt",
}


@pytest.fixture(scope="session")
def reports() -> dict[str, dict[str, Any]]:
    return {name: docparse.parse(path).to_dict() for name, path in DOCUMENTS.items()}
