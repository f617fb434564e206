"""grade.band, consistency.repeated_figure, and the registry."""

from __future__ import annotations

from decimal import Decimal

import pytest

from docparse.checks import CATALOGUE, checks, run_checks
from docparse.checks.consistency import repeated_figures
from docparse.checks.grade import band_of, grade_band, grade_of
from docparse.checks.registry import register
from docparse.model import Fact, Mention, Provenance

from .build import fact, listing, report, row, statuses


def graded(score: str, grade: str):
    rep = report()
    rep.evaluation_score = Fact(Decimal(score), f"{score}分")
    rep.evaluation_grade = Fact(grade, grade)
    return rep


@pytest.mark.parametrize(("score", "band"), [("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"),
                                             ("79.5", "中"), ("60", "中"), ("59.9", "差"), ("0", "差")])
def test_band_table(score: str, band: str) -> None:
    assert band_of(Decimal(score)) == band


def test_grade_words() -> None:
    assert grade_of("优秀") == "优" and grade_of("優") == "优" and grade_of("良好") == "良"
    assert grade_of("合格") == "中" and grade_of("不合格") == "差" and grade_of("很棒") is None


def test_grade_band() -> None:
    assert statuses(grade_band(graded("97", "优秀"))) == ["pass"]
    results = grade_band(graded("87", "优"))
    assert statuses(results) == ["fail"] and results[0].expected == "良"
    assert statuses(grade_band(graded("97", "甲"))) == ["unknown"]
    assert grade_band(report()) == []


def test_fact_restated_in_text_and_table() -> None:
    rep = report()
    rep.facts["budget"] = fact("99", line=3)
    stated = Provenance(line=20, block=20, start=5, end=9)
    rep.mentions.append(Mention("money", "99万元", Decimal(990000), stated, unit="万元"))
    rep.facts["budget"].sources.append(stated)  # type: ignore[union-attr]
    rep.money_rows = [row("年度资金总额", "99.00", "99.00", "98.00")]
    results = repeated_figures(rep)
    assert statuses(results) == ["pass"]
    assert len(results[0].evidence) == 3
    rep.money_rows = [row("年度资金总额", "98.00", "99.00", "98.00")]
    results = repeated_figures(rep)
    assert statuses(results) == ["fail"]
    assert "不一致" in results[0].message


def test_listing_restated_with_another_total() -> None:
    rep = report()
    first = listing(rep, ["9", "3.5"], total="12.5", total_line=1)
    rep.fund_listings.append(type(first)(items=list(first.items), total=fact("12.5", line=30)))
    assert statuses(repeated_figures(rep)) == ["pass"]
    rep.fund_listings[1].total = fact("13.5", line=30)
    assert statuses(repeated_figures(rep)) == ["fail"]


def test_catalogue_is_complete_and_runs_in_order() -> None:
    assert tuple(checks()) == CATALOGUE
    rep = report()
    listing(rep, ["9", "3.5"], total="12.5")
    rep.facts["budget"] = fact("12.5")
    rep.facts["spent"] = fact("12")
    rep.facts["execution_rate"] = fact("96", "96%", money=False)
    results = run_checks(rep)
    assert [r.id for r in results] == ["sum.fund_items", "rate.execution", "order.spent_le_arrived_le_budget"]
    for r in results:
        data = r.to_dict()
        assert data["message"] and data["message_en"] and data["evidence"]
        assert all(set(e) >= {"role", "value", "text", "provenance"} for e in data["evidence"])


def test_unknown_id_and_broken_check(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="unknown check id"):
        register("sum.nothing")
    from docparse.checks import registry

    def broken(rep: object) -> list:
        raise ZeroDivisionError("boom")

    checks()
    monkeypatch.setitem(registry.REGISTRY, "grade.band", broken)
    rep = graded("97", "优")
    assert run_checks(rep) == []
    assert rep.warnings == [{"code": "check_error", "message": "grade.band: ZeroDivisionError: boom"}]


def test_every_check_has_messages_in_both_languages() -> None:
    from docparse.checks.results import messages

    table = messages()["checks"]
    for check_id in CATALOGUE:
        assert {"pass", "fail"} <= set(table[check_id]), check_id
        for entry in table[check_id].values():
            assert entry["zh"] and entry["en"]
