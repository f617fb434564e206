"""Small helpers for structure tests: run the stage on text or on hand-built documents."""

from __future__ import annotations

from typing import Any

from docparse.model import Document, Report, SourceInfo
from docparse.pipeline import Analysis
from docparse.readers.text import document_from_text
from docparse.structure import analyse


def run(document: Document) -> Analysis:
    analysis = Analysis(document=document, report=Report(source=SourceInfo(path=None, format=document.format)))
    analyse(analysis)
    return analysis


def run_text(text: str) -> Analysis:
    return run(document_from_text(text))


def flat(analysis: Analysis) -> list[tuple[str, int]]:
    return [(s.heading, s.level) for s in analysis.report.all_sections()]


def codes(analysis: Analysis) -> list[str]:
    return [w["code"] for w in analysis.report.warnings]


def warning(analysis: Analysis, code: str) -> list[dict[str, Any]]:
    return [w for w in analysis.report.warnings if w["code"] == code]
