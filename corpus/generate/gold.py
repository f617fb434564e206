"""Build one report (document + gold) from a seed and options, and assemble its gold JSON."""

from __future__ import annotations

import random
from typing import Any

from corpus.generate.builder import Builder
from corpus.generate.model import Document, Para, Table
from corpus.generate.reports import REPORTS

# The check each content fault makes fail.
FAULT_CHECKS = {"altered_item": "sum.fund_items", "altered_total": "sum.fund_items",
                "altered_rate": "rate.execution", "altered_score": "table.total_score"}
HALF = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")", "“": '"', "”": '"'})


def _heading(p: Para) -> dict[str, Any]:
    if p.role == "lead":
        return {"text": p.meta["heading"], "level": p.level, "canonical": None, "ambiguous": True}
    return {"text": p.text, "level": p.level, "canonical": p.canonical}


def half_width(doc: Document, meta: dict[str, Any]) -> None:
    """Turn the full-width punctuation of all text (not amounts) into half-width forms."""
    for block in doc.blocks:
        if isinstance(block, Para):
            block.number = block.number.translate(HALF)
            if "heading" in block.meta:
                block.meta["heading"] = block.meta["heading"].translate(HALF)
            block.parts = [p.translate(HALF) if isinstance(p, str) else p for p in block.parts]
        elif isinstance(block, Table):
            for row in block.rows:
                for c in row:
                    if c is not None:
                        c.parts = [p.translate(HALF) if isinstance(p, str) else p for p in c.parts]
    doc.meta["levels"] = {k: (f, t.translate(HALF)) for k, (f, t) in doc.meta["levels"].items()}
    doc.meta["item_level"] = tuple(x.translate(HALF) for x in doc.meta["item_level"])
    meta["title"] = meta["title"].translate(HALF)


def localise(doc: Document, meta: dict[str, Any], place_kind: str, found: dict[str, Any]) -> None:
    """Write 区/市 where the template says 县 (全县 → 全区, 县级 → 区级) for districts and cities."""
    if place_kind == "县":
        return
    table = str.maketrans({"县": place_kind})
    for block in doc.blocks:
        if isinstance(block, Para):
            block.parts = [p.translate(table) if isinstance(p, str) else p for p in block.parts]
        elif isinstance(block, Table):
            for row in block.rows:
                for c in row:
                    if c is not None:
                        c.parts = [p.translate(table) if isinstance(p, str) else p for p in c.parts]
    if doc.header:
        doc.header = doc.header.translate(table)
    for key in ("title", "unit", "project"):
        if meta.get(key):
            meta[key] = meta[key].translate(table)
    for record in found["fund_items"] + found["indicators"] + found["money_rows"]:
        for key, value in record.items():
            if isinstance(value, str):
                record[key] = value.translate(table)


def build(kind: str, seed: int, options: dict[str, Any]) -> tuple[Document, dict[str, Any]]:
    """The document and its gold (without file-specific keys) for report ``kind``."""
    b = Builder(random.Random(seed), options)
    meta = REPORTS[kind](b)
    localise(b.doc, meta, meta.pop("place_kind"), b.gold)
    if options.get("punctuation") == "half":
        half_width(b.doc, meta)
    kind_of_fault = (options.get("fault") or {}).get("kind")
    if kind_of_fault in FAULT_CHECKS and b.gold["checks"].get(FAULT_CHECKS[kind_of_fault]) != "fail":
        raise ValueError(f"fault {kind_of_fault} does not apply to a {kind} report with options {options}")
    doc = b.doc
    mentions = doc.mentions()
    paras = doc.paragraphs()
    furniture = []
    if doc.header:
        furniture.append(doc.header)
    gold: dict[str, Any] = {
        "source": "generated", "complete": True, **meta,
        "headings": [_heading(p) for p in paras if p.role in ("heading", "lead")],
        "money": [m.gold() for m in mentions if m.kind == "money"],
        "percents": [m.gold() for m in mentions if m.kind in ("percent", "ratio_points")],
        "counts": [m.gold() for m in mentions if m.kind == "count"],
        "facts": b.gold["facts"],
        "fund_items": b.gold["fund_items"], "fund_total": b.gold["fund_total"],
        "money_rows": b.gold["money_rows"], "indicators": b.gold["indicators"],
        "evaluation": b.gold["evaluation"],
        "checks": [{"id": k, "status": v} for k, v in b.gold["checks"].items() if v],
        "paragraphs": [p.text for p in paras],
        "toc": [p.text for p in paras if p.role == "toc"],
        "tables": [t.grid() for t in doc.tables()],
        "furniture": furniture,
    }
    return doc, gold
