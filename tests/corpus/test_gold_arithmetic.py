"""The gold of every fixture is arithmetically consistent, and its check verdicts follow from it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from .reading import golds, load

GOLDS = golds()
BANDS = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))


def _d(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _r2(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def _grade(score: Decimal) -> str:
    return next(g for floor, g in BANDS if score >= floor)


def _status(gold: dict, check_id: str) -> str | None:
    return next((c["status"] for c in gold["checks"] if c["id"] == check_id), None)


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.name.removesuffix(".gold.json") for p in GOLDS])
def test_gold_is_consistent(gold_path: Path) -> None:
    gold, _ = load(gold_path)
    facts = gold["facts"]
    verdicts = {c["id"]: c["status"] for c in gold["checks"]}
    assert set(verdicts.values()) <= {"pass", "fail"}

    if "sum.fund_items" in verdicts:
        total = sum(Decimal(i["value"]) for i in gold["fund_items"])
        assert (total == Decimal(gold["fund_total"])) == (verdicts["sum.fund_items"] == "pass")

    base = _d(facts["adjusted_budget"]) or _d(facts["budget"])
    if "rate.execution" in verdicts:
        rate = _r2(Decimal(facts["spent"]) / base * 100)
        assert (rate == Decimal(facts["execution_rate"])) == (verdicts["rate.execution"] == "pass")
    if "rate.arrival" in verdicts:
        assert _r2(Decimal(facts["arrived"]) / base * 100) == Decimal(facts["arrival_rate"])
    if "order.spent_le_arrived_le_budget" in verdicts:
        assert Decimal(facts["spent"]) <= Decimal(facts["arrived"]) <= base

    if "sum.counts" in verdicts:
        staff = [Decimal(c["value"]) for c in gold["counts"][:3]]
        assert staff[0] == staff[1] + staff[2] and {c["unit"] for c in gold["counts"][:3]} == {"人"}

    rows = gold["money_rows"]
    if rows:
        total, *parts = rows
        for key in ("budget", "adjusted_budget", "spent"):
            assert Decimal(total[key]) == sum(Decimal(p[key]) for p in parts)
        weight, rate = Decimal(total["weight"]), Decimal(total["rate"])
        assert Decimal(total["score"]) == _r2(weight * min(rate, Decimal(100)) / 100)
        inds = gold["indicators"]
        assert weight + sum(Decimal(i["weight"]) for i in inds) == 100
        for ind in inds:
            w, s = Decimal(ind["weight"]), Decimal(ind["score"])
            assert s == w if ind["met"] else s < w
        summed = Decimal(total["score"]) + sum(Decimal(i["score"]) for i in inds)
        stated = Decimal(gold["evaluation"]["score"])
        assert (summed == stated) == (verdicts["table.total_score"] == "pass")

    evaluation = gold["evaluation"]
    if evaluation["score"] is not None:
        assert evaluation["grade"] == _grade(Decimal(evaluation["score"]))
        assert facts["score"] == evaluation["score"] and facts["grade"] == evaluation["grade"]
        assert verdicts.get("grade.band") == "pass"


def test_each_content_fault_makes_its_check_fail() -> None:
    expected = {"altered_item": "sum.fund_items", "altered_total": "sum.fund_items",
                "altered_rate": "rate.execution", "altered_score": "table.total_score"}
    seen = set()
    for path in GOLDS:
        gold, _ = load(path)
        kind = (gold.get("fault") or {}).get("kind")
        failing = {c["id"] for c in gold["checks"] if c["status"] == "fail"}
        if kind in expected:
            assert failing == {expected[kind]}
            seen.add(kind)
        else:
            assert failing == set()
    assert seen == set(expected)


def test_money_values_are_yuan_with_two_decimals() -> None:
    for path in GOLDS:
        gold, _ = load(path)
        for m in gold["money"]:
            values = m["value"] if isinstance(m["value"], list) else [m["value"]]
            for v in values:
                assert Decimal(v) == _r2(Decimal(v)) and v.count(".") == 1 and len(v.split(".")[1]) == 2
            if m["qualifier"] == "range":
                assert Decimal(values[0]) < Decimal(values[1])
