"""The one column vocabulary: whole labels with their variants, so a role never depends on a neighbour."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from docparse.errors import RuleFileError
from docparse.tables import vocabulary
from docparse.tables.vocabulary import column_role, declared_unit, label_run, label_spans


@pytest.mark.parametrize(("label", "role"), [
    ("年初预算数", "budget"), ("年初预算", "budget"), ("预算数", "budget"), ("年初预算数（A）", "budget"),
    ("批复预算数", "adjusted_budget"), ("全年预算数", "adjusted_budget"), ("调整后预算数", "adjusted_budget"),
    ("调整预算数", "adjusted_budget"), ("全年（调整）预算数", "adjusted_budget"), ("全年预算数(A)", "adjusted_budget"),
    ("预算执行数", "spent"), ("全年执行数", "spent"), ("实际支出数", "spent"), ("执行数", "spent"),
    ("决算数", "spent"), ("全年执行数（B）", "spent"), ("执行率", "rate"), ("执行率（B/A）", "rate"),
    ("预算执行率", "rate"), ("分值", "weight"), ("权重", "weight"), ("执行率权重", "weight"), ("得分", "score"),
    ("执行率得分", "score"), ("年度指标值", "target"), ("实际完成值", "actual"), ("完成值（%）", "rate"),
    ("序号", "serial"), ("年度", "year"), ("受益人数（人）", "count"), ("完成数量（个）", "count"),
    ("偏差原因分析及改进措施", "deviation"), ("评分标准", "note"), ("三级指标", "name"),
])
def test_a_whole_label_names_its_role(label: str, role: str) -> None:
    assert column_role(label) == role


def test_a_budget_like_label_beside_another_is_read_whole() -> None:
    """批复预算数 after 年初预算数 is the adjusted budget, not a second 预算数 (labels glued in one text)."""
    run = label_run("年初预算数批复预算数全年执行数执行率（B/A） 分值 得分")
    assert run is not None
    assert run.roles == ("budget", "adjusted_budget", "spent", "rate", "weight", "score")
    spans = label_spans("年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分")
    assert [role for _, _, role in spans] == ["budget", "adjusted_budget", "spent", "rate", "weight", "score"]


def test_text_that_is_no_label_names_no_column() -> None:
    assert column_role("年度资金总额") is None
    assert column_role("项目资金（万元）") is None
    assert column_role("建设内容") is None


def test_units_declared_in_a_caption_or_a_header() -> None:
    assert declared_unit("单位：万元")[0] == "万元"  # type: ignore[index]
    assert declared_unit("资金量（万元）")[0] == "万元"  # type: ignore[index]
    assert declared_unit("受益人数（人）") is None


@pytest.fixture
def fresh() -> Iterator[None]:
    vocabulary.columns.cache_clear()
    vocabulary.column_role.cache_clear()
    vocabulary.label_run.cache_clear()
    yield
    vocabulary.columns.cache_clear()
    vocabulary.column_role.cache_clear()
    vocabulary.label_run.cache_clear()


def test_a_role_without_a_kind_names_the_file(monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    real = vocabulary.load_yaml

    def fake(name: str) -> Any:
        data = dict(real(name))
        if name == vocabulary.COLUMNS:
            data["roles"] = [*data["roles"], {"role": "unheard_of", "pattern": "某某"}]
        return data

    monkeypatch.setattr(vocabulary, "load_yaml", fake)
    with pytest.raises(RuleFileError, match="unheard_of"):
        vocabulary.columns()
