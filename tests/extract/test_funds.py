"""Itemised fund listings: groups, names, amounts, totals, repeated listings."""

from __future__ import annotations

from decimal import Decimal

from tests.extract.util import analysis_of, run

TEXT = "\n".join([
    "本年度专项资金安排合计60万元。",
    "其中，设备购置：服务器采购12万元，网络交换机、防火墙更新8.5万元，存储扩容9.5万元。运行保障：机房电费6万元，运维外包服务24万元。",
    "二、资金使用情况",
    "年初批复部门预算专项经费60万元，实际支出60万元。",
    "设备购置：服务器采购12万元，网络交换机、防火墙更新8.5万元，存储扩容9.5万元。",
    "运行保障：机房电费6万元，运维外包服务24万元。",
])


def test_groups_names_and_amounts() -> None:
    report = run(analysis_of(TEXT), "funds").report
    got = [(i.group, i.name, i.value) for i in report.fund_items]
    assert got == [
        ("设备购置", "服务器采购", Decimal("120000.00")),
        ("设备购置", "网络交换机、防火墙更新", Decimal("85000.00")),
        ("设备购置", "存储扩容", Decimal("95000.00")),
        ("运行保障", "机房电费", Decimal("60000.00")),
        ("运行保障", "运维外包服务", Decimal("240000.00")),
    ]


def test_repeated_listing_names_the_same_items_under_its_own_total() -> None:
    report = run(analysis_of(TEXT), "funds").report
    listings = report.fund_listings
    assert [(g.group, g.items) for g in listings] == [
        ("设备购置", [0, 1, 2]), ("运行保障", [3, 4]), ("设备购置", [0, 1, 2]), ("运行保障", [3, 4]),
    ]
    first, second = listings[0].total, listings[2].total
    assert first is not None and second is not None
    assert first.value == second.value == Decimal("600000.00")
    assert first.provenance.line == 1 and second.provenance.line == 4
    assert listings[1].total is first


def test_total_before_opener_subtotal_and_closing_total() -> None:
    text = "\n".join([
        "下达补助资金45万元，其中：甲乡15万元，乙乡20万元，丙乡10万元。",
        "分配演出补助：东区3万元，西区2万元，共计5万元。",
        "基本支出：人员经费30万元，公用经费10万元；项目支出：培训经费6万元，宣传经费4万元。以上合计50万元。",
    ])
    report = run(analysis_of(text), "funds").report
    a, b, c, d = report.fund_listings
    assert a.total is not None and a.total.value == Decimal("450000.00") and a.group is None
    assert b.subtotal is not None and b.subtotal.value == Decimal("50000.00") and b.total is None
    assert len(b.items) == 2
    assert (c.group, d.group) == ("基本支出", "项目支出")
    assert c.total is not None and d.total is c.total and c.total.value == Decimal("500000.00")


def test_not_listings() -> None:
    text = "\n".join([
        "年初预算资金80万元，实际支出76万元。",
        "每村补助标准2000元，全镇共12个村。",
        "截至6月底，资金已使用30万元，结余50万元。",
    ])
    report = run(analysis_of(text), "funds").report
    assert report.fund_items == [] and report.fund_listings == []


def test_items_one_per_paragraph() -> None:
    text = "\n".join([
        "一、资金使用情况",
        "办公设备购置：",
        "（1）台式计算机12万元；",
        "（2）打印复印一体机3.6万元；",
        "（3）会议音响系统4.4万元。",
        "合计20万元。",
        "二、项目实施情况",
    ])
    report = run(analysis_of(text), "funds").report
    assert [(i.group, i.name, i.value) for i in report.fund_items] == [
        ("办公设备购置", "台式计算机", Decimal("120000.00")),
        ("办公设备购置", "打印复印一体机", Decimal("36000.00")),
        ("办公设备购置", "会议音响系统", Decimal("44000.00")),
    ]
    (listing,) = report.fund_listings
    assert listing.total is not None and listing.total.value == Decimal("200000.00")


def test_amount_before_name() -> None:
    text = "本项目共安排资金50万元。其中：20万元用于课程开发；18万元用于师资培训；12万元用于教材印制。"
    report = run(analysis_of(text), "funds").report
    assert [(i.name, i.value) for i in report.fund_items] == [
        ("课程开发", Decimal("200000.00")), ("师资培训", Decimal("180000.00")), ("教材印制", Decimal("120000.00")),
    ]
    (listing,) = report.fund_listings
    assert listing.total is not None and listing.total.value == Decimal("500000.00")


def test_groups_with_their_own_subtotals_closed_by_a_total() -> None:
    text = ("资金主要用于以下方面。培训支出12万元，其中：师资费7万元，教材费5万元；"
            "设备支出8万元，其中：电脑6万元，投影仪2万元。合计20万元。")
    report = run(analysis_of(text), "funds").report
    first, second = report.fund_listings
    assert (first.group, second.group) == ("培训支出", "设备支出")
    assert first.subtotal is not None and first.subtotal.value == Decimal("120000.00")
    assert second.subtotal is not None and second.subtotal.value == Decimal("80000.00")
    assert first.total is not None and first.total is second.total and first.total.value == Decimal("200000.00")


def test_a_listing_ends_before_a_figure_of_another_fact() -> None:
    import docparse
    from docparse.extract.facts import summary

    text = "一、项目资金使用情况\n2022年项目预算210万元，其中区级资金150万元、上级补助60万元，全年实际支出205.6万元。"
    report = docparse.parse_text(text)
    items = [(i.name, i.value) for i in report.fund_items]
    assert items == [("区级资金", Decimal("1500000")), ("上级补助", Decimal("600000"))]
    assert summary(report)["spent"] == "2056000.00"
