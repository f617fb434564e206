"""The gold lists every amount, percentage and count that stands in a fixture's text — no more, no less."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from .reading import golds, load

GOLDS = golds()
MEASURES = "人次|平方米|公里|个|件|次|人|名|户|套|所|场|册|处|项|亩|份"
COUNT = re.compile(rf"(?<![\d.,第每])(?:\d+|[一二三四五六七八九十两]+)(?:余)?(?:{MEASURES})(?!百分点|性)")
PERCENT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?[%‰]")
MONEY = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?:万余元|万元|亿元|元)")
YEAR = re.compile(r"\d{4}年")


def _texts(gold: dict) -> list[str]:
    cells = [c for t in gold["tables"] for row in t for c in row if c]
    return [YEAR.sub("", t) for t in gold["paragraphs"] + cells]


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.name.removesuffix(".gold.json") for p in GOLDS])
def test_every_number_in_the_text_is_in_the_gold(gold_path: Path) -> None:
    gold, _ = load(gold_path)
    texts = _texts(gold)
    found_counts = Counter(m for t in texts for m in COUNT.findall(t))
    assert found_counts == Counter(c["text"] for c in gold["counts"])
    found_percents = Counter(m for t in texts for m in PERCENT.findall(t))
    assert found_percents == Counter(p["text"] for p in gold["percents"] if p["kind"] == "percent")
    found_money = sum(len(MONEY.findall(t)) for t in texts)
    written = [m for m in gold["money"] if not m.get("unit_from") and re.search(r"\d", m["text"])]
    assert found_money == len(written)
    assert all(m["text"] in "".join(texts) for m in gold["money"])
