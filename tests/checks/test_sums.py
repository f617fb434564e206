"""sum.fund_items: items against subtotals and totals, with tolerance from the printed precision."""

from __future__ import annotations

from decimal import Decimal

from docparse.checks.sums import fund_items

from .build import fact, listing, report, statuses


def test_items_add_up_to_total_pass() -> None:
    rep = report()
    listing(rep, ["9", "3.5", "5", "3", "5", "12", "2.5"], total="99", group="网络")
    listing(rep, ["6", "9.6", "3", "40.4"], total="99", group="大厅")
    results = fund_items(rep)
    assert statuses(results) == ["pass"]
    assert results[0].note is None
    assert results[0].expected == results[0].found == "990000.00"
    assert len(results[0].evidence) == 12
    assert {e["role"] for e in results[0].evidence} == {"item", "total"}


def test_altered_item_fails() -> None:
    rep = report()
    listing(rep, ["9", "3.5", "6", "3"], total="20.5")
    results = fund_items(rep)
    assert statuses(results) == ["fail"]
    assert results[0].expected == "215000.00" and results[0].found == "205000.00"
    assert "不符" in results[0].message and "not the stated total" in (results[0].message_en or "")


def test_integer_amounts_are_exact() -> None:
    # 1435+25+55+700+6+14+18 = 2253 against a stated 2263: a real gap, not rounding
    rep = report()
    listing(rep, ["1435", "25", "55", "700", "6", "14", "18"], total="2263")
    assert statuses(fund_items(rep)) == ["fail"]


def test_rounding_within_half_units_passes_with_note() -> None:
    # 13 items printed to 0.01万元 may drift by 13 × 0.005万元 from their exact sum
    rep = report()
    listing(rep, ["1.11"] * 12 + ["1.13"], total="14.50")
    results = fund_items(rep)
    assert statuses(results) == ["pass"]
    assert results[0].note and "舍入" in results[0].note


def test_rounding_beyond_half_units_fails() -> None:
    # 30 + 30 + 29.99 = 89.99 against a stated 89.97: 0.02万元 is more than 29.99's and 89.97's half-units
    rep = report()
    listing(rep, ["30", "30", "29.99"], total="89.97")
    assert statuses(fund_items(rep)) == ["fail"]


def test_group_subtotals_and_grand_total() -> None:
    rep = report()
    listing(rep, ["9", "3.5"], total="20", group="甲", subtotal="12.5", total_line=1)
    listing(rep, ["6", "1.5"], total="20", group="乙", subtotal="7.5", total_line=1)
    results = fund_items(rep)
    assert statuses(results) == ["pass", "pass", "pass"]
    rep.fund_listings[1].subtotal = fact("8")
    assert statuses(fund_items(rep)) == ["pass", "fail", "fail"]


def test_no_total_no_result() -> None:
    rep = report()
    listing(rep, ["9", "3.5"])
    assert fund_items(rep) == []


def test_part_as_large_as_total_is_not_itemising_it() -> None:
    rep = report()
    listing(rep, ["2179", "2113.63"], total="2179")
    assert fund_items(rep) == []


def test_shortest_form_amounts_are_exact_fixed_decimals_may_be_rounded() -> None:
    # 27, 8.9, 38.6 … printed in their shortest form: nothing was rounded, 0.2万元 is a real gap
    rep = report()
    listing(rep, ["27", "8.9", "38.6", "9.2", "49.1"], total="132.6")
    assert statuses(fund_items(rep)) == ["fail"]
    # the same amounts printed with one fixed decimal may each be rounded by 0.05万元
    rep = report()
    listing(rep, ["27.0", "8.9", "38.6", "9.2", "49.1"], total="132.6")
    results = fund_items(rep)
    assert statuses(results) == ["pass"] and results[0].note


def test_listing_cut_short_by_the_end_of_the_text_is_unknown() -> None:
    from docparse.checks.registry import reading
    from docparse.model import Provenance
    from docparse.readers.text import document_from_text

    text = "一、资金情况\n分配专项资金604万元，其中甲市80万元，乙县23万元，丙区"
    doc = document_from_text(text)
    rep = report()
    listing(rep, ["80", "23"], total="604")
    line = doc.blocks[1].text
    for item, surface in zip(rep.fund_items, ["80万元", "23万元"], strict=True):
        start = line.index(surface)
        item.provenance = Provenance(line=2, block=1, start=start, end=start + len(surface))
    with reading(doc):
        results = fund_items(rep)
    assert statuses(results) == ["unknown"] and "中断" in results[0].message
    with reading(document_from_text(text + "。\n二、其他")):  # complete text: 其中 named only two parts
        [result] = fund_items(rep)
        assert result.status == "unknown" and "部分" in result.message


def test_partial_breakdown_is_unknown_and_a_small_shortfall_fails() -> None:
    rep = report()
    listing(rep, ["45", "20"], total="120")  # 项目预算120万元，其中设备购置45万元、人员培训20万元
    [result] = fund_items(rep)
    assert result.status == "unknown" and "部分" in result.message
    rep = report()
    listing(rep, ["87.5", "2350"], total="2455.5")  # short by 18, less than a part: a discrepancy
    assert statuses(fund_items(rep)) == ["fail"]


def test_amounts_below_the_reports_display_precision_are_exact() -> None:
    from docparse.model import Mention, Provenance

    def make(with_finer: bool):
        rep = report()
        listing(rep, ["12.5", "8.9", "38.6", "9.2"], total="69.4")  # 69.2 printed as 69.4
        if with_finer:  # the report prints 万元 to 2 decimals elsewhere: 12.5 is not a rounded figure
            rep.mentions.append(Mention("money", "223.57万元", Decimal("2235700"), Provenance(line=9)))
        return fund_items(rep)

    results = make(False)
    assert statuses(results) == ["pass"] and results[0].note  # ±0.25万元 of rounding could explain it
    assert statuses(make(True)) == ["fail"]
