"""Structure: headings, the section tree, the canonical outline, report type and metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docparse.pipeline import Analysis


def analyse(analysis: Analysis) -> None:
    """Fill ``report.report`` (title) — the full heading detector replaces this."""
    body = analysis.document.body
    if body:
        analysis.report.report.title = body[0].text
