"""Every case of the labelled sentence set in corpus/sentences/ comes out exactly right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.casecheck import check_case

SENTENCES = Path(__file__).resolve().parents[2] / "corpus" / "sentences"


def _cases() -> list[dict]:
    out = []
    for path in sorted(SENTENCES.glob("*.jsonl")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


CASES = _cases()


def test_the_set_is_large_and_covers_every_kind() -> None:
    assert len(CASES) >= 300
    kinds = {m["kind"] for c in CASES for m in c["mentions"]}
    assert kinds == {"money", "percent", "ratio_points", "count"}
    assert any(m.get("unit_from") for c in CASES for m in c["mentions"])
    assert sum(1 for c in CASES if not c["mentions"]) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    assert check_case(case) == []


def test_check_case_notices_a_wrong_value() -> None:
    case = {"text": "全年执行数99万元。", "mentions": [{"kind": "money", "text": "99万元", "value": "99.00"}]}
    assert check_case(case) != []
