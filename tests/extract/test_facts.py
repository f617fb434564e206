"""Report-level facts from cue words, the money block, and derived arrivals."""

from __future__ import annotations

from decimal import Decimal

import docparse
from docparse.extract.facts import summary
from tests.extract.util import analysis_of, run

REPORT = "\n".join([
    "示例镇2023年度道路养护专项资金绩效自评报告",
    "一、项目概况",
    "2023年镇财政批复项目预算200万元（含上年结转项目30万元），调整后预算为210万元。",
    "截至年底资金已全部到位。",
    "二、资金使用情况",
    "全年实际支出189万元，预算执行率为90%。结余资金21万元。",
    "其中：路面修补支出120万元，中标价58万元。",
    "三、自评结论",
    "本项目自评得分91.5分，评价等级为“优”。",
])


def _facts(text: str) -> dict[str, str | None]:
    return summary(run(analysis_of(text), "selfeval_table", "funds", "facts", "evaluation").report)


def test_cues_give_roles_and_components_are_left_out() -> None:
    facts = _facts(REPORT)
    assert facts == {
        "budget": "2000000.00", "adjusted_budget": "2100000.00", "arrived": "2000000.00",
        "spent": "1890000.00", "arrival_rate": None, "execution_rate": "90", "score": "91.5",
        "grade": "优",
    }


def test_same_figure_elsewhere_is_a_source_not_a_second_fact() -> None:
    text = REPORT + "\n四、其他说明\n项目实际支出189万元，已按规定公示。"
    analysis = run(analysis_of(text), "funds", "facts")
    spent = analysis.report.facts["spent"]
    assert spent is not None and spent.value == Decimal("1890000.00")
    assert len(spent.sources) == 1 and spent.sources[0].line == 11


def test_arrival_rate_with_a_budget_gives_the_arrived_amount() -> None:
    text = "年初批复预算80万元，实际到位率为75%。\n实际支出60万元。"
    facts = _facts(text)
    assert (facts["arrived"], facts["arrival_rate"], facts["spent"]) == ("600000.00", "75", "600000.00")


def test_money_block_wins_over_prose() -> None:
    text = "\n".join([
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额： 0 0 0 10 0 0",
        "其中：本年财政拨款 50 48 45.6",
        "本项目共申请预算资金55万元。",
    ])
    facts = _facts(text)
    assert (facts["budget"], facts["adjusted_budget"], facts["spent"]) == ("500000.00", "480000.00", "456000.00")
    assert facts["execution_rate"] is None


def test_component_fund_sections_hold_no_report_facts() -> None:
    text = "\n".join([
        "2022年度省级应急资金绩效自评报告",
        "一、森林消防补助资金(航空护林经费)",
        "共投入航空护林经费预算300万元，资金到位率100%。",
    ])
    analysis = analysis_of(text)
    from docparse import structure

    structure.analyse(analysis)
    facts = summary(run(analysis, "funds", "facts").report)
    assert facts["budget"] is None and facts["arrival_rate"] is None


def test_end_to_end_parse_text() -> None:
    report = docparse.parse_text(REPORT)
    data = report.to_dict()
    assert data["facts"]["budget"]["value"] == "2000000.00"
    assert data["facts"]["spent"]["text"] == "189万元"
    assert data["evaluation"]["grade"]["value"] == "优" and data["evaluation"]["score"]["value"] == "91.5"


def test_a_contradicting_restatement_is_kept_for_the_check() -> None:
    text = "年初预算100万元，实际支出90万元。\n经核实，项目年初预算120万元。\n下达乡镇资金30万元。"
    facts = run(analysis_of(text), "funds", "facts").report.facts
    budget = facts["budget"]
    assert budget is not None and budget.value == Decimal("1000000.00")
    assert [p.line for p in budget.sources] == [2]


def test_capital_numeral_restatement_is_a_source() -> None:
    analysis = analysis_of("项目年初预算数为12万元（大写：壹拾贰万元整）。")
    block = analysis.document.blocks[0]
    start = block.text.index("壹")
    from docparse.model import Mention

    analysis.report.mentions.append(Mention(kind="money", text="壹拾贰万元", value=Decimal("120000.00"),
                                            provenance=block.provenance.at(0, start, start + 5)))
    budget = run(analysis, "facts").report.facts["budget"]
    assert budget is not None and [p.start for p in budget.sources] == [start]


def test_last_year_figures_are_not_this_years_facts() -> None:
    text = "上年度安排资金500万元，实际支出480万元，执行率96%。本年度批复预算620万元，已支出606.7万元，执行率97.85%。"
    facts = _facts(text)
    assert (facts["budget"], facts["spent"], facts["execution_rate"]) == ("6200000.00", "6067000.00", "97.85")


def test_an_earlier_year_in_the_clause_unless_this_year_follows() -> None:
    analysis = analysis_of("2022年该项目预算为310万元。2023年年初预算数420万元，当年到位420万元。")
    analysis.report.report.fiscal_year = 2023
    facts = summary(run(analysis, "funds", "facts").report)
    assert (facts["budget"], facts["arrived"]) == ("4200000.00", "4200000.00")


def test_several_years_budget_and_cumulative_spending_are_left_out() -> None:
    text = "\n".join(["项目计划投资4600万元，分两年实施。本年度安排资金2100万元，完成投资2058万元。",
                      "自开工以来累计完成投资4412万元。"])
    facts = _facts(text)
    # 完成投资 without a rate beside it is the work done, not what was paid (spent stays null)
    assert (facts["budget"], facts["spent"]) == ("21000000.00", None)


def test_total_after_a_bracket_of_components() -> None:
    facts = _facts("本年度预算资金（含中央补助65万元、区级资金135万元）合计200万元，实际支出186万元。")
    assert (facts["budget"], facts["spent"]) == ("2000000.00", "1860000.00")


def test_share_of_the_budget_is_the_execution_rate_and_arrival_follows_the_adjusted_budget() -> None:
    facts = _facts("本年度实际支出资金276.4万元，占全年预算数290万元的95.31%。资金到位率为100%。")
    assert facts["execution_rate"] == "95.31" and facts["adjusted_budget"] == "2900000.00"
    assert facts["arrived"] == "2900000.00" and facts["spent"] == "2764000.00"


def test_a_total_after_its_parts_takes_the_role_its_clause_names() -> None:
    facts = _facts("本年度预算安排救助资金88万元，上级补助资金42万元，合计130万元。全年实际支出127.4万元。")
    assert (facts["budget"], facts["spent"]) == ("1300000.00", "1274000.00")


def test_budget_and_its_addition_stated_as_parts_of_the_full_year_budget() -> None:
    facts = _facts("年初部门预算1286.4万元，年中追加预算93.6万元，全年预算总额1380万元。全年支出1352.4万元。")
    assert (facts["budget"], facts["adjusted_budget"], facts["spent"]) == (
        "12864000.00", "13800000.00", "13524000.00")


def test_this_years_words_that_look_like_other_years() -> None:
    analysis = analysis_of("2023年以来，根据《2021年专项资金管理办法》下达资金500万元，上年结转资金20万元。"
                           "2022年11月提前下达资金80万元。")
    analysis.report.report.fiscal_year = 2023
    facts = summary(run(analysis, "funds", "facts").report)
    assert facts["budget"] == "5000000.00"
    cands = run(analysis, "facts").fact_candidates
    assert [c.mention.text for c in cands if c.role == "budget"] == ["500万元", "80万元"]


def test_words_after_a_figure_belong_to_it_and_a_target_is_no_fact() -> None:
    text = "\n".join(["1.资金到位情况", "上级补助资金742万元已全部到位，县级配套资金120万元同步落实。",
                      "主推技术到位率≥95%，实际96%。"])
    facts = _facts(text)
    # a fund's name (补助资金) gives no role: 742万元 is what arrived, and no budget is stated
    assert (facts["budget"], facts["arrived"], facts["arrival_rate"]) == (None, "7420000.00", None)


def test_a_flattened_table_row_states_no_prose_fact() -> None:
    facts = _facts("效益指标 | 社会效益指标 | 资金到位率 | 95% | 96% | 20 | 20")
    assert facts["arrival_rate"] is None


def test_words_that_hold_a_cue_without_meaning_it() -> None:
    text = "发放创业担保贷款3560万元。\n中央下达我市转移支付资金236万元。全年到位资金486万元，支出472.9万元。"
    facts = _facts(text)
    assert (facts["budget"], facts["arrived"], facts["spent"]) == ("2360000.00", "4860000.00", "4729000.00")


def test_hard_wrapped_lines_carry_the_cue_and_the_breakdown() -> None:
    text = "\n".join(["2023年度共下达补偿资金1296万元，其中中央资金", "768万元，省级资金528万元。截至年底共支出",
                      "1279.4万元，执行率为98.72%。"])
    facts = _facts(text)
    assert (facts["budget"], facts["spent"], facts["execution_rate"]) == ("12960000.00", "12794000.00", "98.72")


def test_a_line_that_ends_its_sentence_lends_no_cue() -> None:
    facts = _facts("项目年初预算100万元，实际支出90万元。\n其他收入20万元，用于设备维护。")
    assert (facts["budget"], facts["spent"]) == ("1000000.00", "900000.00")


def test_a_usage_rate_of_something_else_is_no_execution_rate() -> None:
    assert _facts("全年出院病人2.1万人次，病床使用率89.3%。")["execution_rate"] is None
    assert _facts("已发放补贴3640.2万元，发放率99.78%。")["execution_rate"] == "99.78"


def test_basic_expenditure_is_a_part_of_spending() -> None:
    assert _facts("2022年基本支出4218.57万元，主要用于人员工资福利和日常公用经费。")["spent"] is None


def test_each_fact_carries_its_basis() -> None:
    text = "一、资金情况\n本项目年初预算安排资金86万元，实际支出80.5万元，预算执行率93.6%。"
    report = docparse.parse_text(text)
    spent = report.to_dict()["facts"]["spent"]
    assert spent["basis"]["cue"] == "实际支出"
    prov = spent["basis"]["provenance"]
    line = text.split("\n")[prov["line"] - 1]
    assert line[prov["start"]:prov["end"]] == "实际支出"
    budget = report.to_dict()["facts"]["budget"]
    assert budget["basis"]["cue"] == "安排资金" and "本项目" in budget["basis"]["subject"]


def test_one_of_several_projects_is_no_fact_and_the_candidates_are_warned() -> None:
    text = ("我所2024年实施两个项目。水质监测项目预算资金38万元，实际支出36.2万元；\n"
            "仪器更新项目预算资金57万元，实际支出55万元。")
    report = docparse.parse_text(text)
    assert report.facts["budget"] is None and report.facts["spent"] is None
    warning = next(w for w in report.warnings if w["code"] == "fact_ambiguous" and w["fact"] == "budget")
    assert [(c["value"], c["subject"]) for c in warning["candidates"]] == [
        ("380000.00", "水质监测项目"), ("570000.00", "仪器更新项目")]


def test_a_department_category_is_another_scope() -> None:
    facts = _facts("经审议，批复我站项目支出260万元，其中包含苗木补植经费18万元。\n全年预算执行率100%。")
    assert facts["spent"] is None and facts["budget"] is None


def test_figures_of_parts_in_the_paragraphs_after_a_breakdown_opener() -> None:
    text = "\n".join(["二、资金使用", "本县收到省级农业补助资金合计960万元，已支出720万元，资金支付率75%。其中：",
                      "收到种业补助资金300万元，已支出30万元，资金支付率10%。", "三、存在问题", "进度偏慢。"])
    report = docparse.parse_text(text)
    assert summary(report)["execution_rate"] == "75" and summary(report)["spent"] == "7200000.00"
    assert [c.status for c in report.checks if c.id == "consistency.repeated_figure"] in ([], ["pass"])


def test_a_total_smaller_than_its_own_parts_is_left_null() -> None:
    analysis = run(analysis_of("下达给我局资金0.62万元，其中：造林补助2.8万元，抚育补助1.1万元。"), "funds", "facts")
    assert analysis.report.facts["budget"] is None
    assert any(w["code"] == "fact_below_parts" for w in analysis.report.warnings)


def test_investment_done_is_spending_only_beside_its_rate() -> None:
    assert _facts("该项目下达资金48万元，实际完成投资46.9万元。")["spent"] is None
    assert _facts("该项目下达资金48万元，实际完成投资46.9万元，资金支付率97.71%。")["spent"] == "469000.00"


def test_a_fund_name_gives_no_role() -> None:
    facts = _facts("本年度专项资金绩效评价资金总计73.4万元，其中养护费40万元，检测费33.4万元。")
    assert facts["budget"] is None


def test_a_bracket_splitting_a_figure_into_budget_and_addition() -> None:
    facts = _facts("一、资金概况\n美丽乡村整治行动资金526万元（财政预算480万元，年中追加示范村资金46万元）。")
    assert (facts["budget"], facts["adjusted_budget"]) == ("4800000.00", "5260000.00")
    # parts that do not add up to the figure settle nothing
    facts = _facts("一、资金概况\n美丽乡村整治行动资金526万元（财政预算480万元，年中追加示范村资金40万元）。")
    assert (facts["budget"], facts["adjusted_budget"]) == (None, None)


def test_basis_subject_is_the_clause_the_cue_stands_in() -> None:
    import docparse

    text = ("某县农业农村局2023年度耕地保护专项资金绩效自评报告\n一、基本情况\n"
            "为改善全镇高标准农田灌溉条件，县财政安排耕地保护专项资金120万元，用于沟渠修缮。\n")
    budget = docparse.parse_text(text).to_dict()["facts"]["budget"]
    assert budget["value"] == "1200000.00"
    assert budget["basis"]["cue"] == "安排"
    assert budget["basis"]["subject"] == "县财政耕地保护专项资金"
