"""One direction of flow: Document → annotated Document → Report → Report with checks.

Each stage is a function ``stage(analysis) -> None`` that reads what earlier stages left on the
:class:`Analysis` and adds its own results to ``analysis.report``. No stage calls back into an
earlier one. Stages are named in :data:`STAGES` as ``"module:function"`` and imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any

from docparse.model import Document, Report, SourceInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc

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


@dataclass
class Analysis:
    """Working state handed from stage to stage for one document."""

    document: Document
    report: Report
    # Anything a stage wants to hand to later stages (e.g. block → section index).
    notes: dict[str, Any] = field(default_factory=dict)
    _docs: list[Doc] | None = None

    @property
    def docs(self) -> list[Doc]:
        """spaCy Docs, one per block, computed on first use."""
        if self._docs is None:
            from docparse.nlp import annotate

            self._docs = annotate(self.document)
        return self._docs


@cache
def _stage(name: str) -> Callable[[Analysis], None]:
    module, func = name.split(":")
    return getattr(import_module(module), func)


def analyse(document: Document) -> Report:
    """Run every stage over ``document`` and return the finished report."""
    source = SourceInfo(
        path=document.path, format=document.format, sha256=document.sha256,
        pages=document.pages, converted_from=document.converted_from,
    )
    analysis = Analysis(document=document, report=Report(source=source))
    analysis.report.warnings.extend(document.warnings)
    for name in STAGES:
        _stage(name)(analysis)
    return analysis.report
