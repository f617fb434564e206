"""The seed report and the real corpus (../shared, skipped where absent): the issue's quality bar."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import docparse
from docparse.extract.facts import summary


def test_seed_facts_and_fund_items(shared_dir: Path) -> None:
    path = shared_dir / "seed" / "lixian-2020-network-and-hall-funds.txt"
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    report = docparse.parse(str(path))
    facts = summary(report)
    for name in ("budget", "spent", "arrival_rate", "arrived"):
        assert Decimal(facts[name]) == Decimal(gold["facts"][name]), name
    got = [(i.group, i.name, i.value) for i in report.fund_items]
    assert got == [(i["group"], i["name"], Decimal(i["value"])) for i in gold["fund_items"]]
    assert len(report.fund_listings) == 4
    assert {tuple(g.items) for g in report.fund_listings} == {(0, 1, 2, 3, 4, 5, 6), (7, 8, 9, 10)}


def test_real_self_evaluation_tables_yield_money_rows_and_indicators(shared_dir: Path) -> None:
    texts = shared_dir / "corpus" / "real" / "texts"
    for stem, n_rows, n_indicators in (("003", 5, 2), ("024", 4, 10), ("062", 4, 3), ("019", 4, 7), ("032", 4, 7)):
        report = docparse.parse(str(texts / f"{stem}.txt"))
        assert len(report.money_rows) == n_rows, stem
        assert len([i for i in report.indicators if i.source == "table"]) == n_indicators, stem


def test_real_corpus_facts_accuracy(shared_dir: Path) -> None:
    real = shared_dir / "corpus" / "real"
    ok = total = 0
    for path in sorted((real / "texts").glob("*.txt")):
        gold = json.loads((real / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))["facts"]
        got = summary(docparse.parse(str(path)))
        for name, want in gold.items():
            total += 1
            have = got.get(name)
            if want is None or have is None:
                ok += want is None and have is None
            else:
                ok += want == have if name == "grade" else Decimal(want) == Decimal(have)
    assert ok / total >= 0.90
