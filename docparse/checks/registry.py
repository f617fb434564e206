"""The catalogue: every check is a function ``check(report) -> list[CheckResult]`` registered by id.

Checks read only the report (and, through :func:`block_text`, the text of the document it came from)
and never change it; :func:`run_checks` runs them in catalogue order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import import_module
from typing import Any

from docparse.model import Document, Report
from docparse.model.report import CheckResult
from docparse.ocr.confidence import demote_uncertain

Check = Callable[[Report], list[CheckResult]]

# The check ids, in the order results are reported (fixed: the generator's gold uses them).
CATALOGUE = (
    "sum.fund_items", "sum.counts",
    "rate.execution", "rate.arrival", "order.spent_le_arrived_le_budget",
    "consistency.repeated_figure",
    "table.money_rows", "table.weights_total", "table.score_le_weight", "table.execution_score",
    "table.indicator_met_score", "table.total_score",
    "grade.band",
)
# Modules whose import registers checks.
MODULES = (
    "docparse.checks.sums", "docparse.checks.counts", "docparse.checks.rates",
    "docparse.checks.consistency", "docparse.checks.table", "docparse.checks.grade",
)

REGISTRY: dict[str, Check] = {}
_document: ContextVar[Document | None] = ContextVar("docparse_checks_document", default=None)
_notes: ContextVar[dict[str, Any] | None] = ContextVar("docparse_checks_notes", default=None)


def register(check_id: str) -> Callable[[Check], Check]:
    """Decorator: add ``func`` to the registry under ``check_id`` (one of :data:`CATALOGUE`)."""
    if check_id not in CATALOGUE:
        raise ValueError(f"unknown check id {check_id!r}")

    def decorate(func: Check) -> Check:
        REGISTRY[check_id] = func
        return func

    return decorate


def checks() -> dict[str, Check]:
    """Every registered check, by id, in catalogue order."""
    for module in MODULES:
        import_module(module)
    return {cid: REGISTRY[cid] for cid in CATALOGUE if cid in REGISTRY}


@contextmanager
def reading(document: Document | None, notes: dict[str, Any] | None = None) -> Iterator[None]:
    """Make ``document``'s text and the earlier stages' ``notes`` available to checks for a while
    (through :func:`block_text` and :func:`note`)."""
    token, notes_token = _document.set(document), _notes.set(notes)
    try:
        yield
    finally:
        _document.reset(token)
        _notes.reset(notes_token)


def note(name: str) -> Any:
    """What an earlier stage handed on as ``analysis.<name>`` (``None`` when absent)."""
    notes = _notes.get()
    return None if notes is None else notes.get(name)


def block_text(index: int) -> str | None:
    """The text of block ``index`` of the document being checked, or ``None`` when unknown."""
    document = _document.get()
    if document is None or not 0 <= index < len(document.blocks):
        return None
    return document.blocks[index].text


def run_checks(report: Report, document: Document | None = None, notes: dict[str, Any] | None = None,
               only: tuple[str, ...] | None = None) -> list[CheckResult]:
    """Run the registered checks (or ``only`` those ids) over ``report``; results in catalogue order."""
    results: list[CheckResult] = []
    with reading(document, notes):
        for check_id, func in checks().items():
            if only is not None and check_id not in only:
                continue
            try:
                results.extend(func(report))
            except Exception as exc:  # a broken check must not lose the report
                report.warnings.append({
                    "code": "check_error", "message": f"{check_id}: {exc.__class__.__name__}: {exc}",
                })
    demote_uncertain(results, document)  # a figure OCR read with low confidence never makes a fail
    return results
