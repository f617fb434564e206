"""Collect the mention spans the NLP components left on each block's Doc into ``report.mentions``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docparse.pipeline import Analysis


def collect(analysis: Analysis) -> None:
    """Mentions in document order (filled by the numbers component once it is in the pipeline)."""
    _ = analysis.docs
