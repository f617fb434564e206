"""Generated fixtures (corpus/fixtures, docx/pdf/txt with gold): every money-row and indicator cell recovered."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

import docparse

FIXTURES = Path(__file__).resolve().parents[2] / "corpus" / "fixtures"
UNREADABLE = {"encrypted", "corrupt", "no_text_layer", "truncated"}


def _cases() -> list[Path]:
    out = []
    for path in sorted(FIXTURES.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        fault = (gold.get("fault") or {}).get("kind")
        if gold.get("format") in ("docx", "pdf", "txt") and gold.get("money_rows") and fault not in UNREADABLE:
            out.append(path)
    return out


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except InvalidOperation:
        return "".join(str(a).split()) == "".join(str(b).split())


@pytest.mark.parametrize("gold_path", _cases(), ids=lambda p: p.name.removesuffix(".gold.json"))
def test_table_cells_recovered(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = gold_path.with_name(gold_path.name.replace(".gold.json", f".{gold['format']}"))
    report = docparse.parse(str(source)).to_dict()
    rows = {r["name"]: r for r in report["funds"]["money_rows"]}
    for want in gold["money_rows"]:
        got = rows[want["name"]]
        for field in ("budget", "adjusted_budget", "spent", "weight", "rate", "score"):
            assert _same(got[field], want[field]), (want["name"], field)
    text = json.dumps(gold.get("tables"), ensure_ascii=False) + "".join(gold.get("paragraphs") or [])
    indicators = {i["name"]: i for i in report["indicators"]}
    for want in gold.get("indicators") or []:
        got = indicators[want["name"]]
        for field in ("target", "actual", "weight", "score", "met", "level1", "level2"):
            if field.startswith("level") and want[field] not in text:
                continue  # a level the document never writes
            assert _same(got[field], want[field]), (want["name"], field)
