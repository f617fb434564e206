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


def _crafted(text: str, unit: str, spent: str, rate: str, rest: str) -> str:
    """The sample report with another unit and another spending sentence."""
    sentence = "项目实际支出372.8万元，预算执行率96.58%，结余13.2万元结转下年继续用于管网维护"
    assert sentence in text and "青溪县水利局" in text
    return text.replace("青溪县水利局", unit).replace(sentence, f"项目实际支出{spent}，预算执行率{rate}，{rest}")


@pytest.fixture(scope="session")
def audit_reports(reports: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The parsed fixtures plus two variants of the sample written here: one that spent more than
    its budget (401.2万元 of 386万元, 103.94 %) and one that spent 86.04 % of it."""
    text = DOCUMENTS["sample"].read_text(encoding="utf-8")
    over = _crafted(text, "松浦县农业农村局", "401.2万元", "103.94%", "超支15.2万元由县财政追加安排")
    low = _crafted(text, "河城县行政审批服务局", "332.1万元", "86.04%", "结余53.9万元结转下年")
    return {
        **reports,
        "over": docparse.parse_text(over, "crafted/over-budget.txt").to_dict(),
        "low": docparse.parse_text(low, "crafted/low-execution.txt").to_dict(),
    }
