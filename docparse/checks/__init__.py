"""Cross-checks for auditors: figures that must agree, each result with the evidence.

Each check is a small function ``check(report) -> list[CheckResult]`` registered by id in
:mod:`docparse.checks.registry`; tolerances, band table and messages are rules in ``rules/checks/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docparse.checks.registry import CATALOGUE, block_text, checks, note, register, run_checks

if TYPE_CHECKING:
    from docparse.pipeline import Analysis

__all__ = ["CATALOGUE", "block_text", "checks", "note", "register", "run", "run_checks"]


def run(analysis: Analysis) -> None:
    """Pipeline stage: fill ``report.checks`` from every registered check."""
    analysis.report.checks = run_checks(analysis.report, analysis.document, analysis.notes)
