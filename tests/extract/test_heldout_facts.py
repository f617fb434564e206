"""The held-out excerpts of corpus/heldout_facts through the whole pipeline, against their gold."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import docparse
from docparse.extract.facts import summary

FOLDER = Path(__file__).resolve().parents[2] / "corpus" / "heldout_facts"
TEXTS = sorted((FOLDER / "texts").glob("*.txt"))
IND_FIELDS = ("level1", "level2", "target", "actual", "weight", "score", "met")
ROW_FIELDS = ("budget", "adjusted_budget", "spent", "weight", "rate", "score")


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
        return a == b
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except ArithmeticError:
        return str(a) == str(b)


def test_the_set_is_there() -> None:
    assert 60 <= len(TEXTS) <= 80
    assert all((FOLDER / "gold" / f"{p.stem}.json").exists() for p in TEXTS)


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_heldout_excerpt(path: Path) -> None:
    gold = json.loads((FOLDER / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    report = docparse.parse(str(path))
    got = summary(report)
    wrong = {k: (v, got[k]) for k, v in gold["facts"].items() if not _same(got[k], v)}
    assert not wrong, f"facts (want, got): {wrong}"
    evaluation = report.to_dict()["evaluation"]
    for key in ("score", "grade"):
        value = evaluation[key]["value"] if evaluation[key] else None
        assert _same(value, gold["evaluation"][key]), f"evaluation.{key}: {value}"
    have = {(i.group, i.name, i.value) for i in report.fund_items}
    for item in gold["fund_items"]:
        assert (item["group"], item["name"], Decimal(item["value"])) in have, item
    rows = {r.name: r.to_dict() for r in report.money_rows}
    for row in gold["money_rows"]:
        assert row["name"] in rows, row["name"]
        for field in ROW_FIELDS:
            assert _same(rows[row["name"]][field], row[field]), (row["name"], field, rows[row["name"]][field])
    indicators = [i.to_dict() for i in report.indicators]
    for want in gold["indicators"]:
        ind = next((i for i in indicators if want["name"] in i["name"]), None)
        assert ind is not None, f"indicator {want['name']} missing"
        for field in IND_FIELDS:
            if field in want:
                assert _same(ind[field], want[field]), (want["name"], field, ind[field])
