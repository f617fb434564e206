"""Habits of offices the shared corpus shows rarely or never: each with a short example of its own."""

from __future__ import annotations

import pytest

from docparse.structure.outline import canonical
from tests.structure.helpers import flat, run_text


def test_square_and_tortoise_shell_brackets_number_like_round_ones() -> None:
    a = run_text("某县教育局2023年度资金绩效自评报告\n一、绩效目标\n〔一〕总体目标\n入园率达到九成。\n"
                 "〔二〕年度目标\n新增学位八百个。\n二、存在问题\n[一]师资不足\n教师缺口较大。\n")
    assert flat(a) == [("一、绩效目标", 1), ("〔一〕总体目标", 2), ("〔二〕年度目标", 2),
                       ("二、存在问题", 1), ("[一]师资不足", 2)]


def test_document_number_in_tortoise_shell_brackets_is_no_heading() -> None:
    a = run_text("某县财政局2023年度资金绩效评价报告\n一、项目概况\n〔2023〕15号文件下达了资金。\n")
    assert flat(a) == [("一、项目概况", 1)]


def test_standards_style_numbers_with_a_space() -> None:
    a = run_text("某新区2022年度试点资金绩效评价报告\n1 项目基本情况\n1.1 项目背景\n试点区域二十平方公里。\n"
                 "1.2 项目资金\n安排资金一亿元。\n2 评价结论\n得分八十七分。\n")
    assert flat(a) == [("1 项目基本情况", 1), ("1.1 项目背景", 2), ("1.2 项目资金", 2), ("2 评价结论", 1)]
    assert [s.canonical for s in a.report.sections] == ["basic_info", "conclusion"]


def test_table_rows_with_a_number_and_a_space_are_no_headings() -> None:
    """Without a "1.1" heading straight after its "1 …" line, a bare number is a table row or score."""
    a = run_text("某局2017年部门整体支出绩效自评报告\n一、评分情况\n1 资金分配合规\n2 资金使用合规\n"
                 "40 社会效益(可选项)\n二、存在问题\n预算编制不够准确。\n")
    assert flat(a) == [("一、评分情况", 1), ("二、存在问题", 1)]


def test_heading_with_scores_in_brackets_stays_a_heading() -> None:
    a = run_text("某县2022年度客运补贴资金绩效评价报告\n一、绩效评价指标分析\n"
                 "（一）项目决策（满分15分，得分13分）\n依据充分。\n（二）项目过程（满分25分，得分21分）\n"
                 "拨付规范。\n二、评价结论\n良。\n")
    assert [h for h, _ in flat(a)] == ["一、绩效评价指标分析", "（一）项目决策（满分15分，得分13分）",
                                       "（二）项目过程（满分25分，得分21分）", "二、评价结论"]


def test_spaces_around_the_number_and_full_stop_numbers() -> None:
    a = run_text("某镇2022年度整治项目绩效自评报告\n一、 基本情况\n村庄保洁全覆盖。\n二 、绩效目标\n"
                 "垃圾日产日清。\n三．完成情况\n（一）．数量指标\n配备保洁员。\n四、　存在问题\n经费不足。\n")
    assert flat(a) == [("一、 基本情况", 1), ("二 、绩效目标", 1), ("三．完成情况", 1),
                       ("（一）．数量指标", 2), ("四、　存在问题", 1)]


def test_year_in_chinese_numerals() -> None:
    a = run_text("二〇二三年度河道综合治理项目绩效自评报告\n报告单位：某市水务局\n一、项目概况\n清淤十公里。\n")
    assert a.report.report.fiscal_year == 2023
    assert a.report.report.unit == "某市水务局"


def test_chinese_numeral_date_is_not_the_evaluated_year() -> None:
    a = run_text("河道治理项目绩效自评报告\n某市水务局\n二〇二四年三月\n一、项目概况\n2023年完成清淤十公里。\n")
    assert a.report.report.fiscal_year == 2023


def test_title_over_three_lines_under_the_units_name() -> None:
    a = run_text("某州林业和草原局\n关于2022年度中央财政林业改革发展资金\n绩效自评情况的报告\n州财政局：\n"
                 "现将有关情况报告如下。\n一、绩效目标分解下达情况\n资金已下达。\n")
    meta = a.report.report
    assert meta.title == "某州林业和草原局关于2022年度中央财政林业改革发展资金绩效自评情况的报告"
    assert (meta.unit, meta.fiscal_year) == ("某州林业和草原局", 2022)


def test_evaluated_unit_labels_and_the_organising_finance_department() -> None:
    a = run_text("某县2022年度医疗救助资金重点绩效评价报告\n评价机构：某某会计师事务所有限公司\n"
                 "被评价单位：某县医疗保障局\n一、项目基本情况\n救助困难群众。\n")
    assert a.report.report.unit == "某县医疗保障局"
    assert a.report.report.type == "evaluation_report"
    b = run_text("某市2021年度公交补贴资金重点绩效评价报告\n某市财政局\n2022年8月\n一、项目基本情况\n"
                 "项目实施单位为某市交通运输局。\n二、评价结论\n中。\n")
    assert b.report.report.unit == "某市交通运输局"


def test_finance_department_named_in_the_title_stays_the_unit() -> None:
    a = run_text("某县财政局2022年度部门整体支出绩效自评报告\n一、部门概况\n负责全县财政收支管理。\n")
    assert a.report.report.unit == "某县财政局"


def test_evaluated_unit_from_the_letter_opening() -> None:
    a = run_text("关于2022年度社区工作者薪酬补助资金\n重点绩效评价情况的报告\n市人民政府：\n"
                 "市财政局组织对某市民政局管理的薪酬补助资金开展了重点绩效评价。\n一、项目基本情况\n正文。\n")
    assert a.report.report.type == "evaluation_report"
    assert a.report.report.unit == "某市民政局"


def test_finance_department_organising_an_evaluation_of_a_project() -> None:
    a = run_text("某区2022年度养老驿站运营补贴项目绩效评价报告\n"
                 "区财政局组织开展了养老驿站运营补贴项目绩效评价，评价对象的项目单位为某区民政局。\n"
                 "一、项目基本情况\n正文。\n")
    assert a.report.report.type == "evaluation_report"
    assert a.report.report.unit == "某区民政局"


def test_self_evaluation_notice_from_the_finance_department_is_no_evaluation_report() -> None:
    a = run_text("某局2022年度部门整体支出绩效自评报告\n根据县财政局组织开展部门整体支出绩效评价工作的通知要求，"
                 "现将自评情况报告如下：\n一、部门概况\n正文。\n")
    assert a.report.report.type == "department_overall"


@pytest.mark.parametrize(("heading", "key"), [
    ("部门整体支出绩效自评结果应用情况", "result_application"),
    ("部门（单位）整体支出绩效评价结果应用情况", "result_application"),
    ("评价结论及结果应用", "conclusion"),
    ("附：项目支出绩效自评表", "attachments"),
    ("附录", "attachments"),
    ("资金到位及执行情况", "funds"),
    ("自评组织实施情况", "evaluation_work"),
    ("组织管理情况", "implementation"),
    ("项目实施的主要成效", "performance"),
    ("对策建议", "suggestions"),
    ("存在的问题及建议", "problems"),
    ("部门主要职能", "basic_info"),
    ("其他", "other"),
    ("附属设施建设情况", None),
    ("建议和改进举措", "suggestions"),
    ("和谐社区建设", None),
])
def test_heading_variants_of_other_offices(heading: str, key: str | None) -> None:
    assert canonical(heading)[0] == key


def test_chapters_with_sections_and_parts_numbered_in_digits() -> None:
    a = run_text("某市2022年度专项资金绩效评价报告\n第一章 总论\n第一节 评价目的\n正文。\n第二节 评价方法\n"
                 "正文。\n第二章 项目概况\n正文。\n")
    assert flat(a) == [("第一章 总论", 1), ("第一节 评价目的", 2), ("第二节 评价方法", 2), ("第二章 项目概况", 1)]
    b = run_text("某市2022年度专项资金绩效评价报告\n第1部分 项目概况\n一、背景\n正文。\n第2部分 评价结论\n良。\n")
    assert flat(b) == [("第1部分 项目概况", 1), ("一、背景", 2), ("第2部分 评价结论", 1)]


def test_closing_bracket_only_and_digit_full_stop_characters() -> None:
    a = run_text("某县2023年度项目绩效自评报告\n一）项目概况\n⒈建设内容\n建设道路。\n⒉资金情况\n一百万元。\n"
                 "二）存在问题\n无。\n")
    assert flat(a) == [("一）项目概况", 1), ("⒈建设内容", 2), ("⒉资金情况", 2), ("二）存在问题", 1)]
    assert [s.canonical for s in a.report.sections] == ["basic_info", "problems"]


def test_title_set_in_parts_and_letter_spaced() -> None:
    a = run_text("桃源县水利局 2023年度 农村水利项目绩效自评报告\n一、项目概况\n正文。\n")
    assert a.report.report.title == "桃源县水利局 2023年度 农村水利项目绩效自评报告"
    assert (a.report.report.unit, a.report.report.fiscal_year) == ("桃源县水利局", 2023)
    b = run_text("绩 效 自 评 报 告\n实施单位：某县公路中心\n一、项目概况\n正文。\n")
    assert b.report.report.title == "绩效自评报告"


def test_rows_with_tabs_between_cells_are_no_headings() -> None:
    a = run_text("某县2023年度项目绩效自评报告\n一、项目概况\n正文。\n二、资金明细\n1.\t人员经费\t120万元\n"
                 "2.\t公用经费\t30万元\n三、存在问题\n无。\n")
    assert flat(a) == [("一、项目概况", 1), ("二、资金明细", 1), ("三、存在问题", 1)]


def test_stacked_targets_stating_figures_are_a_list() -> None:
    a = run_text("某县2023年度项目绩效自评报告\n一、绩效目标\n（一）产出指标\n1.新建校舍3栋\n2.新增学位500个\n"
                 "3.竣工验收合格率100%\n（二）效益指标\n入学率提高。\n二、存在问题\n无。\n")
    assert flat(a) == [("一、绩效目标", 1), ("（一）产出指标", 2), ("（二）效益指标", 2), ("二、存在问题", 1)]


def test_stacked_titles_without_figures_stay_headings() -> None:
    a = run_text("某县2023年度项目绩效自评报告\n一、绩效目标完成情况\n（一）产出指标\n1.数量指标\n2.质量指标\n"
                 "全部完成。\n二、存在问题\n无。\n")
    assert [h for h, _ in flat(a)] == ["一、绩效目标完成情况", "（一）产出指标", "1.数量指标", "2.质量指标",
                                       "二、存在问题"]


def test_financial_capital_numbers() -> None:
    a = run_text("某縣衛生健康局2023年度項目支出績效自評報告\n壹、項目概況\n正文。\n貳、績效目標\n正文。\n")
    assert flat(a) == [("壹、項目概況", 1), ("貳、績效目標", 1)]
    assert [s.canonical for s in a.report.sections] == ["basic_info", "goals"]


def test_unit_in_brackets_under_the_title() -> None:
    a = run_text("2023年度项目支出绩效自评报告\n（某县人民医院）\n一、项目概况\n正文。\n")
    assert a.report.report.unit == "某县人民医院"
    b = run_text("2023年度部门整体支出绩效自评报告\n某市财政局（本级）\n一、部门概况\n正文。\n")
    assert b.report.report.unit == "某市财政局"


def test_finance_department_reporting_its_evaluation() -> None:
    a = run_text("某县财政局关于2022年度农村道路建设项目的绩效评价报告\n一、项目概况\n正文。\n二、评价结论\n良。\n")
    assert a.report.report.type == "evaluation_report"
    b = run_text("某县财政局2022年度部门整体支出绩效评价报告\n一、部门概况\n正文。\n")
    assert b.report.report.type == "department_overall"


def test_heading_running_on_past_its_topic() -> None:
    a = run_text("某县2023年度项目绩效自评报告\n一、项目基本情况，包括项目背景、主要内容及资金安排\n正文。\n")
    assert [s.canonical for s in a.report.sections] == ["basic_info"]


def test_two_units_side_by_side_under_the_title() -> None:
    a = run_text("某市2023年度农业转移支付资金绩效自评报告\n某市农业农村局  某市财政局\n一、绩效目标分解下达情况\n"
                 "资金已下达。\n")
    assert a.report.report.unit == "某市农业农村局"


def test_a_bare_unit_label_and_a_money_unit_line() -> None:
    a = run_text("2022年度基本药物补助资金绩效自评报告\n单位：某街道社区卫生服务中心\n1、基本情况\n正文。\n")
    assert a.report.report.unit == "某街道社区卫生服务中心"
    b = run_text("2022年度基本药物补助资金绩效自评报告\n单位：万元\n1、基本情况\n正文。\n")
    assert b.report.report.unit is None


def test_evaluated_unit_named_before_the_year() -> None:
    a = run_text("某市2023年度公园开放补助资金绩效评价报告\n受某市财政局委托，某某管理咨询有限公司对某市园林局"
                 "2023年度公园开放补助资金进行了绩效评价。\n一、基本情况\n正文。\n")
    assert a.report.report.type == "evaluation_report"
    assert a.report.report.unit == "某市园林局"


def test_monitoring_report_is_other() -> None:
    a = run_text("某区2024年上半年重点项目绩效运行监控情况报告\n某区财政局\n一、监控工作开展情况\n正文。\n")
    assert a.report.report.type == "other"


def test_parallel_phrases_set_above_their_text_are_headings() -> None:
    a = run_text("某县2023年度项目绩效自评报告\n一、项目组织实施情况\n（一）强化组织领导，层层压实项目建设工作责任\n"
                 "成立了领导小组，定期调度项目进展。\n（二）规范资金管理，确保项目资金专款专用\n严格执行资金管理办法。\n"
                 "二、存在问题\n无。\n")
    assert [h for h, _ in flat(a)] == ["一、项目组织实施情况", "（一）强化组织领导，层层压实项目建设工作责任",
                                       "（二）规范资金管理，确保项目资金专款专用", "二、存在问题"]


def test_the_same_phrases_stacked_or_closed_by_a_full_stop_are_a_list() -> None:
    stacked = run_text("某县2023年度项目绩效自评报告\n一、绩效目标\n1、组织送戏下乡等活动，丰富城乡居民精神文化生活\n"
                       "2、更新农家书屋出版物，提升基层文化设施使用效率\n3、项目覆盖全县十个乡镇，惠及城乡居民\n"
                       "年度指标详见附表。\n二、存在问题\n无。\n")
    assert flat(stacked) == [("一、绩效目标", 1), ("二、存在问题", 1)]
    closed = run_text("某县2023年度项目绩效自评报告\n一、绩效目标\n1、组织送戏下乡等活动，丰富城乡居民精神文化生活.\n"
                      "全年演出百场。\n2、更新农家书屋出版物，提升基层文化设施使用效率.\n全年更新图书。\n"
                      "二、存在问题\n无。\n")
    assert flat(closed) == [("一、绩效目标", 1), ("二、存在问题", 1)]


def test_parenthesised_ideograph_characters() -> None:
    a = run_text("某县2023年度专项资金绩效自评报告\n一、项目概况\n㈠项目背景\n正文。\n㈡项目资金\n正文。\n"
                 "二、存在问题\n无。\n")
    assert flat(a) == [("一、项目概况", 1), ("㈠项目背景", 2), ("㈡项目资金", 2), ("二、存在问题", 1)]
