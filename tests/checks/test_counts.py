"""sum.counts: enumerations of counts against the totals they state."""

from __future__ import annotations

from docparse.checks.counts import count_sums
from docparse.checks.registry import reading

from .build import statuses, with_counts


def run(text: str) -> list:
    rep, doc = with_counts(text)
    with reading(doc):
        return count_sums(rep)


def test_total_then_parts() -> None:
    results = run("单位现有在职人员45人，其中行政人员20人，事业人员25人。")
    assert statuses(results) == ["pass"]
    assert results[0].expected == "45" and results[0].found == "45"
    assert [e["role"] for e in results[0].evidence] == ["item", "item", "total"]


def test_parts_exceeding_total_fail() -> None:
    assert statuses(run("单位现有在职人员45人，其中行政人员20人，事业人员27人。")) == ["fail"]


def test_partial_parts_are_unknown() -> None:
    # "其中" may list only some of the total
    results = run("现有职工50人，其中管理人员20人，技术人员15人。")
    assert statuses(results) == ["unknown"]


def test_parts_then_cue_total() -> None:
    assert statuses(run("新建站点3个、改造站点4个，共计7个。")) == ["pass"]
    assert statuses(run("新建站点3个、改造站点4个，共计8个。")) == ["fail"]


def test_bracketed_parts() -> None:
    text = ("现有人员30人，其中局本级12人（在职在编9人、退休人员2人、协管员1人），"
            "环卫处18人（在职在编10人、临聘人员8人）。")
    results = run(text)
    assert sorted(statuses(results)) == ["pass", "pass", "pass"]
    bad = text.replace("临聘人员8人", "临聘人员9人")
    assert sorted(statuses(run(bad))) == ["fail", "pass", "pass"]


def test_shared_noun_total_elsewhere() -> None:
    text = ("大厅设有综合专窗7个，审改专窗3个，兑现专窗1个，窗口办事严格执行限时办结。\n"
            "其他说明。\n"
            "目前大厅11个办事窗口，2个镇全部应用平台。")
    results = run(text)
    assert statuses(results) == ["pass"]
    assert results[0].expected == "11"
    # a guessed total that does not match gives no result rather than a failure
    assert run(text.replace("11个办事窗口", "12个办事窗口")) == []


def test_approximate_parts_and_single_counts_ignored() -> None:
    assert run("累计进行业务指导200余次，其中现场指导120余次，远程80余次。") == []
    assert run("共办件500件，其中网上办件120件。") == []
    assert run("公共服务站点3个、便民点4个，覆盖7个村。") == []


def test_part_as_large_as_total_is_no_partition() -> None:
    # 12 indicators: 3 of level one, 9 of level two, 12 of level three — levels, not parts
    assert run("该项目共编制12个绩效指标，其中一级指标3个，二级指标9个，三级指标12个。") == []


def test_bracketed_parts_may_be_partial() -> None:
    assert statuses(run("现有职工50人（管理人员20人、技术人员15人），均在岗。")) == ["unknown"]
    assert statuses(run("现有职工50人（管理人员30人、技术人员25人），均在岗。")) == ["fail"]


def test_overlapping_attributes_and_new_things_are_no_parts() -> None:
    assert run("现有职工50人，其中党员30人，女职工25人。") == []
    assert run("现有职工50人，其中本科学历30人，大专学历25人。") == []
    assert statuses(run("设置窗口20个，其中综合窗口12个、专业窗口8个，另设自助终端5个。")) == ["pass"]
    assert run("现有职工50人（党员30人、女职工25人），均在岗。") == []
