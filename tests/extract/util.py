"""Build analyses for extractor tests: a text's blocks with hand-made mentions (no other stage needed)."""

from __future__ import annotations

import re
from decimal import Decimal

from docparse.model import Mention, Report, SourceInfo
from docparse.pipeline import Analysis
from docparse.readers.text import document_from_text

_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|元|%)")
_SCALE = {"万元": Decimal(10000), "元": Decimal(1)}


def analysis_of(text: str) -> Analysis:
    """One block per line; every "<number>万元/元/%" in it a money or percent mention."""
    document = document_from_text(text)
    analysis = Analysis(document=document, report=Report(source=SourceInfo(path=None, format="txt")))
    for block in document.blocks:
        for m in _FIGURE.finditer(block.text):
            number, unit = Decimal(m.group(1)), m.group(2)
            kind = "percent" if unit == "%" else "money"
            value = number if kind == "percent" else (number * _SCALE[unit]).quantize(Decimal("0.01"))
            analysis.report.mentions.append(Mention(
                kind=kind, text=m.group(0), value=value, unit=unit,
                provenance=block.provenance.at(block.index, m.start(), m.end()),
            ))
    return analysis


def run(analysis: Analysis, *stages: str) -> Analysis:
    """Run the named extract stages (``"funds"``, ``"facts"`` …) in order."""
    from importlib import import_module

    for stage in stages:
        import_module(f"docparse.extract.{stage}").extract(analysis)
    return analysis
