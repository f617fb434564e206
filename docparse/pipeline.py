"""One direction of flow: Document → annotated Document → Report → Report with checks.

Each stage is a function ``stage(analysis) -> None`` declared with
:func:`docparse.model.analysis.stage`: it reads what it ``requires`` from the
:class:`~docparse.model.analysis.Analysis` and sets what it ``assigns``. No stage calls back into an
earlier one. Stages are named in :data:`STAGES` as ``"module:function"``; :func:`stages` imports them
and checks once that each one's requirements are set by the stages before it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module

from docparse.model import Document, Report, SourceInfo
from docparse.model.analysis import Analysis, check_order

__all__ = ["STAGES", "Analysis", "analyse", "stages"]

STAGES: list[str] = [
    "docparse.structure:analyse",
    "docparse.extract.mentions:collect",
    "docparse.extract.selfeval_table:extract",
    "docparse.extract.funds:extract",
    "docparse.extract.facts:extract",
    "docparse.extract.indicators:extract",
    "docparse.extract.evaluation:extract",
    "docparse.checks:run",
]


@cache
def _stage(name: str) -> Callable[[Analysis], None]:
    module, func = name.split(":")
    return getattr(import_module(module), func)


@cache
def stages() -> tuple[Callable[[Analysis], None], ...]:
    """The stage functions in order, after checking that each one's ``requires`` are assigned earlier."""
    funcs = tuple(_stage(name) for name in STAGES)
    check_order([f.stage_info for f in funcs])  # type: ignore[attr-defined]
    return funcs


def analyse(document: Document) -> Report:
    """Run every stage over ``document`` and return the finished report."""
    source = SourceInfo(
        path=document.path, format=document.format, sha256=document.sha256,
        pages=document.pages, converted_from=document.converted_from,
        ocr={k: v for k, v in document.ocr.items() if not k.startswith("_")} if document.ocr else None,
    )
    analysis = Analysis(document=document, report=Report(source=source))
    analysis.report.warnings.extend(document.warnings)
    for run in stages():
        run(analysis)
    return analysis.report
