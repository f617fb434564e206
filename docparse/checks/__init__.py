"""Cross-checks for auditors: figures that must agree, each result with the evidence.

Each check is a small function ``check(report) -> list[CheckResult]`` registered by id in
:mod:`docparse.checks.registry`; tolerances, band table and messages are rules in ``rules/checks/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docparse.checks.registry import CATALOGUE, block_text, checks, note, register, run_checks
from docparse.model.analysis import stage

if TYPE_CHECKING:
    from docparse.model.analysis import Analysis

__all__ = ["CATALOGUE", "block_text", "checks", "note", "register", "run", "run_checks"]


@stage(requires=("document", "report.mentions", "report.facts", "report.money_rows", "report.fund_items",
                 "report.fund_listings", "report.indicators", "report.evaluation_score", "report.evaluation_grade",
                 "fact_candidates"),
       assigns=("report.checks",))
def run(analysis: Analysis) -> None:
    """Pipeline stage: fill ``report.checks`` from every registered check."""
    handed = {"fact_candidates": analysis.fact_candidates}
    analysis.report.checks = run_checks(analysis.report, analysis.document, handed)
