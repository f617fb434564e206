"""End to end on the shipped sample: the whole JSON agrees with its hand-written gold."""

from __future__ import annotations

import json
from functools import cache

import docparse
from tests.conftest import CORPUS

SAMPLE = CORPUS / "samples" / "sample-project-2023.txt"
GOLD = json.loads(SAMPLE.with_suffix(".gold.json").read_text(encoding="utf-8"))


@cache
def _data() -> dict:
    return docparse.parse(SAMPLE).to_dict()


def _flat(sections: list[dict]) -> list[dict]:
    out = []
    for s in sections:
        out.append(s)
        out.extend(_flat(s["children"]))
    return out


def test_report_metadata() -> None:
    report = _data()["report"]
    assert (report["type"], report["title"], report["fiscal_year"], report["unit"]) == (
        GOLD["report_type"], GOLD["title"], GOLD["fiscal_year"], GOLD["unit"])


def test_headings_levels_and_canonical_keys() -> None:
    found = [(s["heading"], s["level"], s["canonical"]) for s in _flat(_data()["sections"])]
    assert found == [(h["text"], h["level"], h["canonical"]) for h in GOLD["headings"]]


def test_money_and_percent_mentions() -> None:
    mentions = _data()["mentions"]
    money = [m for m in mentions if m["kind"] == "money"]
    assert [m["value"] for m in money] == [m["value"] for m in GOLD["money"]]
    assert all(g["text"] in m["text"] for m, g in zip(money, GOLD["money"], strict=True))
    rates = [m for m in mentions if m["kind"] in ("percent", "ratio_points")]
    assert [(m["value"], m["kind"], m["qualifier"]) for m in rates] == [
        (p["value"], p["kind"], p["qualifier"]) for p in GOLD["percents"]]
    # the surface may include the qualifier word ("95%以上"); it always covers the gold surface
    assert all(g["text"] in m["text"] for m, g in zip(rates, GOLD["percents"], strict=True))


def test_counts() -> None:
    counts = [m for m in _data()["mentions"] if m["kind"] == "count"]
    assert [(m["value"], m["unit"]) for m in counts] == [(c["value"], c["unit"]) for c in GOLD["counts"]]
    assert all(g["text"] in m["text"] for m, g in zip(counts, GOLD["counts"], strict=True))


def test_facts() -> None:
    facts = {k: (v["value"] if v else None) for k, v in _data()["facts"].items()}
    assert facts == GOLD["facts"]


def test_fund_items() -> None:
    items = [(i["group"], i["name"], i["value"]) for i in _data()["funds"]["items"]]
    assert items == [(i["group"], i["name"], i["value"]) for i in GOLD["fund_items"]]


def test_checks_pass_as_gold_says() -> None:
    status = {c["id"]: c["status"] for c in _data()["checks"]}
    for expected in GOLD["checks"]:
        assert status.get(expected["id"]) == expected["status"], expected["id"]
    assert "fail" not in status.values()
