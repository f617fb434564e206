"""Habits of real published pages (issue 13), each with a short text written for the test: reports run
together on one line, web-page furniture, headings in table rows, contents lists without page
numbers, inline pinyin, and the ways units, types, years and titles are written."""

from __future__ import annotations

from tests.structure.helpers import flat, run_text


def meta(text: str) -> tuple[str | None, str | None, int | None, str | None]:
    r = run_text(text).report.report
    return r.type, r.unit, r.fiscal_year, r.title


# --- run-together reports: the numbering sequence, not line starts, shows the headings ---------------

def test_report_on_one_line_with_titles_run_into_their_bodies() -> None:
    a = run_text("河西县第二中学校舍维修资金绩效自评报告一、基本情况(一)项目概况本校2022年维修教学楼两栋"
                 "(二)项目绩效目标全年完成维修面积3000平方米二、项目资金使用情况资金全部用于维修工程"
                 "三、存在的问题及原因分析施工期与教学期冲突四、几点建议提前下达资金\n")
    assert flat(a) == [("一、基本情况", 1), ("(一)项目概况", 2), ("(二)项目绩效目标", 2),
                       ("二、项目资金使用情况", 1), ("三、存在的问题及原因分析", 1), ("四、几点建议", 1)]
    assert [s.canonical for s in a.report.sections] == ["basic_info", "funds", "problems", "suggestions"]
    assert a.report.report.title == "河西县第二中学校舍维修资金绩效自评报告"


def test_run_together_headings_with_their_own_punctuation() -> None:
    a = run_text("某镇2023年度道路硬化资金绩效自评报告\n根据要求，现报告如下：一、项目概况：硬化村道12公里。"
                 "二、绩效目标完成情况：完成率100%。三、存在问题：养护资金不足。\n")
    assert flat(a) == [("一、项目概况", 1), ("二、绩效目标完成情况", 1), ("三、存在问题", 1)]


def test_numbers_out_of_sequence_inside_prose_do_not_cut() -> None:
    """"一、二季度" and a lone "三、" later in a sentence carry no sequence: the paragraph stays whole."""
    a = run_text("某区2023年度托育补助资金绩效自评报告\n一、项目概况\n"
                 "一、二季度共补助托育机构8家，第三、四批资金于年底前拨付，涉及三、五两个街道的机构。\n")
    assert flat(a) == [("一、项目概况", 1)]


def test_enumerated_amounts_inside_a_run_together_section_are_not_headings() -> None:
    a = run_text("某县2021年度水毁修复资金绩效自评报告一、资金概况安排资金800万元，分为:1.道路修复资金共计500万元;"
                 "2.堤防修复资金共计300万元。二、资金使用情况全年支出790万元。\n")
    assert flat(a) == [("一、资金概况", 1), ("二、资金使用情况", 1)]


def test_a_numbered_line_stating_only_a_year_or_a_total_is_no_heading() -> None:
    a = run_text("某局2023年度项目绩效自评报告\n一、项目情况\n1、2023年\n全年完成任务。\n"
                 "2.专项资金共计120万元。\n其中省级资金80万元。\n二、存在问题\n无。\n")
    assert flat(a) == [("一、项目情况", 1), ("二、存在问题", 1)]


# --- web-page furniture --------------------------------------------------------------------------

def test_breadcrumb_and_page_lines_are_furniture_and_the_breadcrumb_names_the_office() -> None:
    _, unit, year, title = meta(
        "网站首页 >> 信息公开 >> 长岭县水利局 >> 正文\n长岭县2022年第二批山洪灾害防治项目绩效自评报告\n"
        "发布日期：2023-02-11  来源：  点击数：\n一、绩效目标分解下达情况\n下达资金160万元。\n")
    assert (unit, year, title) == ("长岭县水利局", 2022, "长岭县2022年第二批山洪灾害防治项目绩效自评报告")


def test_the_sites_own_name_is_the_last_resort_for_the_unit() -> None:
    _, unit, _, _ = meta("欢迎访问丰源县政协网站！\n部门整体支出绩效评价报告\n一、基本情况\n全年支出600万元。\n")
    assert unit == "丰源县政协"


def test_document_numbers_page_marks_and_aggregator_wrappers_are_never_titles() -> None:
    _, _, _, title = meta("邻财〔2024〕9号\n关于农村客运补贴资金绩效自评的报告\n第1页 / 共4页\n"
                          "一、项目基本情况\n补贴班线42条。\n")
    assert title == "关于农村客运补贴资金绩效自评的报告"
    _, _, _, title = meta("单位绩效自评报告\n单位绩效自评报告精品9篇\n单位绩效自评报告1\n一、基本情况\n本单位…\n")
    assert title == "单位绩效自评报告"


def test_a_breadcrumb_line_is_not_glued_to_the_title() -> None:
    _, _, year, title = meta("您所在的位置：首页\n>> 公开目录 >> 绩效管理\n2021年度绩效评价\n"
                             "项目全年预算数为300万元，执行数为300万元。\n")
    assert (title, year) == ("2021年度绩效评价", 2021)


def test_tick_box_options_of_a_form_are_never_headings() -> None:
    a = run_text("某县2022年度项目支出绩效自评报告\n一、项目基本情况\n项目类型：1、部门预算项目 □ 2、县直专项 ☑\n"
                 "1、持续性项目 ☑ 2、新增性项目 □\n二、绩效目标完成情况\n全部完成。\n")
    assert flat(a) == [("一、项目基本情况", 1), ("二、绩效目标完成情况", 1)]


def test_a_page_list_bullet_before_a_heading_is_read_past() -> None:
    a = run_text("某市民政局关于2022年度养老服务补助资金绩效自评报告\n  • 来源：某市民政局\n"
                 "  • 一、绩效目标分解下达情况\n    (一)资金下达情况\n下达资金210万元。\n")
    assert flat(a) == [("一、绩效目标分解下达情况", 1), ("(一)资金下达情况", 2)]


# --- headings in table rows, letter-spaced; contents without page numbers -------------------------

def test_numbered_title_alone_in_a_table_row_is_a_heading_but_a_row_label_is_not() -> None:
    a = run_text("某县财政支出项目绩效评价报告\n一、项 目 概 况 | ||||\n项目负责人 | 王某 | |\n"
                 "1.年度目标完成情况 |\n二、项目绩效情况 | |||\n完成率 | 100% | |\n")
    assert flat(a) == [("一、项 目 概 况", 1), ("二、项目绩效情况", 1)]
    assert [s.canonical for s in a.report.sections] == ["basic_info", "performance"]


def test_contents_without_page_numbers_is_not_the_section_tree() -> None:
    a = run_text("某局2023年度项目支出绩效评价报告\n目录\n摘要\n一、项目基本情况\n（一）项目背景\n二、评价结论\n"
                 "附件1.评分表\n摘要\n本项目得分90分。\n一、项目基本情况\n（一）项目背景\n项目始于2021年。\n"
                 "二、评价结论\n等级为优。\n")
    assert flat(a) == [("一、项目基本情况", 1), ("（一）项目背景", 2), ("二、评价结论", 1)]


def test_contents_of_an_excerpt_cut_before_the_body_gives_no_headings() -> None:
    a = run_text("某县2023年度衔接资金重点绩效评价报告\n目录\n前言\n一、项目概况\n二、评价结论\n"
                 "前言\n受某县财政局委托，本所对衔接资金开展评价。根据《某县\n")
    assert flat(a) == []


# --- traditional script with inline pinyin ----------------------------------------------------------

def test_inline_pinyin_is_read_past_in_title_labels_and_year() -> None:
    _, unit, year, title = meta(
        "項(xiàng)目支出績(jī)效自評(píng)報(bào)告\n評(píng)價(jià)年度:2021\n"
        "預(yù)算部門(mén)單位(公章):嶺東縣林業(yè)局\n一、基本情況\n全年造林1.2萬畝。\n")
    assert (title, year, unit) == ("項(xiàng)目支出績(jī)效自評(píng)報(bào)告", 2021, "嶺東縣林業(yè)局")


# --- the unit -----------------------------------------------------------------------------------------

def test_short_name_in_the_title() -> None:
    _, unit, _, _ = meta("东坡区残联2023年度残疾人两项补贴资金绩效自评报告\n一、绩效目标分解下达情况\n下达资金。\n")
    assert unit == "东坡区残联"


def test_unit_from_the_opening_sentence() -> None:
    _, unit, _, _ = meta("2022年度水产养殖补助项目绩效自评报告\n"
                         "为加强资金管理，湖口县农业农村局对本项目开展了绩效自评。\n一、项目基本情况\n补助养殖户120户。\n")
    assert unit == "湖口县农业农村局"
    _, unit, _, _ = meta("2022年度河道保洁项目绩效自评报告\n湖口县水利局认真组织开展了自评工作。\n"
                         "一、项目基本情况\n保洁。\n")
    assert unit == "湖口县水利局"


def test_several_bodies_named_together() -> None:
    _, unit, _, title = meta("北川省交通运输厅、财政厅\n关于2023年度农村公路养护资金绩效自评情况的报告\n"
                             "一、基本情况\n养护里程9000公里。\n")
    assert unit == "北川省交通运输厅、财政厅"
    assert title == "北川省交通运输厅、财政厅关于2023年度农村公路养护资金绩效自评情况的报告"


def test_the_long_name_a_label_gives_for_the_titles_short_one() -> None:
    _, unit, _, _ = meta("峨山县教育体育局2023年度学生资助资金项目支出绩效自评报告\n"
                         "部门名称(公章)：峨山彝族自治县教育体育局\n一、项目基本情况\n资助学生3000人。\n")
    assert unit == "峨山彝族自治县教育体育局"


def test_a_firm_that_reports_is_the_unit_when_no_evaluated_body_is_named() -> None:
    kind, unit, year, _ = meta("东江县2019-2021年度农村饮水资金绩效评价报告\n"
                               "按照工作安排，信达联合会计师事务所(特殊普通合伙)受东江县财政局委托，对该资金开展绩效评价。\n"
                               "一、基本情况\n三年安排资金900万元。\n")
    assert (kind, unit, year) == ("evaluation_report", "信达联合会计师事务所(特殊普通合伙)", None)


def test_a_form_makers_line_is_not_the_unit() -> None:
    _, unit, _, _ = meta("某县财政支出项目绩效评价报告\n项目单位 青溪县卫生健康局\n青溪县财政局(制)\n"
                         "一、项目概况\n项目资金300万元。\n")
    assert unit == "青溪县卫生健康局"


def test_a_field_shared_by_two_labels() -> None:
    _, unit, _, _ = meta("蔬菜保供项目绩效目标自评表(2022年度)\n实施单位/项目负责人石岭区农技中心/张某\n"
                         "主管部门农业农村厅\n")
    assert unit == "石岭区农技中心"


# --- the report type ----------------------------------------------------------------------------------

def test_a_report_on_the_self_evaluation_work_is_not_a_self_evaluation() -> None:
    kind, *_ = meta("云溪市林业局关于2023年度项目绩效自评工作的报告\n市财政局：\n一、加强组织领导\n成立工作专班。\n")
    assert kind == "other"


def test_a_notice_of_evaluation_results_is_an_evaluation_report() -> None:
    kind, unit, year, _ = meta("松江市财政局关于2023年度市级项目支出绩效评价结果的通报\n各部门：\n"
                                   "一、评价工作开展情况\n评价项目18个。\n")
    assert (kind, unit, year) == ("evaluation_report", "松江市财政局", 2023)


def test_an_intermediary_ticked_as_evaluator_makes_an_evaluation_report() -> None:
    kind, *_ = meta("某县财政支出项目绩效评价报告\n评价机构：中介机构R 部门(单位)评价组□\n一、项目概况\n资金。\n")
    assert kind == "evaluation_report"


def test_department_overall_from_content_when_there_is_no_title() -> None:
    kind, unit, _, _ = meta("一、自评结论\n（一）部门整体绩效自评得分\n清河县档案局2023年部门整体绩效自评得分92分。\n")
    assert (kind, unit) == ("department_overall", "清河县档案局")


def test_a_results_page_holding_forms_is_a_table_page_with_its_own_title() -> None:
    kind, _, year, title = meta("龙湾镇2023年部门决算中项目绩效自评结果\n项目支出绩效自评表 |\n"
                                "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n")
    assert (kind, year, title) == ("self_evaluation_table", 2023, "龙湾镇2023年部门决算中项目绩效自评结果")


# --- the evaluated year and the title -----------------------------------------------------------------

def test_bracketed_year_under_the_title_names_the_evaluated_year() -> None:
    _, _, year, title = meta("某局2022年农田建设资金项目支出绩效自评报告\n(2023年度)\n一、项目基本情况\n建设。\n")
    assert (year, title) == (2023, "某局2022年农田建设资金项目支出绩效自评报告")


def test_a_fragment_of_the_title_does_not_replace_it() -> None:
    _, _, _, title = meta("某县林业局2023年护林员补助项目支出绩效自评报告\n项目名称：2023年护林员补助项目支出\n"
                          "绩效自评报告\n一、项目基本情况\n护林员60名。\n")
    assert title == "某县林业局2023年护林员补助项目支出绩效自评报告"


def test_a_report_title_after_a_sites_item_number_is_the_title_not_a_heading() -> None:
    a = run_text("某文库\n1、石湖街道2022年度单位项目支出绩效评价自评报告部门(单位)名称:石湖街道办事处"
                 "项目名称:环卫支出\n")
    assert flat(a) == []
    assert a.report.report.title == "石湖街道2022年度单位项目支出绩效评价自评报告"


def test_a_body_introduced_with_its_short_name_is_the_unit() -> None:
    _, unit, _, _ = meta("省级助残资金项目2019年度绩效自评报告\n根据有关规定，江北省残疾人联合会(以下简称“省残联”)"
                         "成立自评专班。\n一、项目基本情况\n资金1200万元。\n")
    assert unit == "江北省残疾人联合会"


def test_two_bodies_opening_a_clause_are_the_unit() -> None:
    _, unit, _, _ = meta("根据有关规定，南岭省交通运输厅、财政厅认真组织开展了2023年度车购税资金绩效自评。\n"
                         "一、绩效目标分解下达情况\n下达资金。\n")
    assert unit == "南岭省交通运输厅、财政厅"


def test_a_numbered_family_keeps_its_depth_after_an_unnumbered_annex() -> None:
    a = run_text("某局2022年部门整体支出绩效自评报告\n一、自评结论\n（一）自评得分\n得分95分。\n附件：部门整体自评表\n"
                 "二、佐证材料\n（一）基本情况\n全年支出800万元。\n")
    assert flat(a) == [("一、自评结论", 1), ("（一）自评得分", 2), ("附件：部门整体自评表", 1),
                       ("二、佐证材料", 1), ("（一）基本情况", 2)]


def test_self_evaluation_section_over_scores_is_the_conclusion() -> None:
    a = run_text("某市交通运输局关于2023年度省级专项资金绩效自评报告\n一、基本情况\n资金3000万元。\n二、自评情况\n"
                 "（一）自评分数\n得分90分。\n")
    assert [s.canonical for s in a.report.sections] == ["basic_info", "conclusion"]


def test_the_tail_of_a_form_alone_is_a_table_page() -> None:
    kind, unit, year, title = meta("产出指标数量指标补助人数≥300人 20 时效指标按时拨付率=100% 20 "
                                   "效益指标社会效益指标群众知晓率≥90% 30 合计100 评价结论按期完成。\n")
    assert (kind, unit, year, title) == ("self_evaluation_table", None, None, None)


def test_a_run_together_title_ends_at_its_first_title_word_when_the_body_follows() -> None:
    a = run_text("某县档案馆2023年度部门整体支出绩效自评报告一、部门概况(一)主要职能负责全县档案的收集和管理工作"
                 "(二)存在的问题及原因分析库房面积不足二、绩效目标实现情况全部完成\n")
    assert flat(a) == [("一、部门概况", 1), ("(一)主要职能", 2), ("(二)存在的问题及原因分析", 2),
                       ("二、绩效目标实现情况", 1)]


def test_pinyin_in_the_title_does_not_hide_the_report_type() -> None:
    kind, *_ = meta("部門(mén)整體(tǐ)支出績(jī)效自評(píng)報(bào)告\n一、部門(mén)基本情況\n本局…\n")
    assert kind == "department_overall"


def test_a_sentence_announcing_the_report_is_not_its_title() -> None:
    _, _, _, title = meta("某县水利局关于河湖管护资金绩效自评情况的报告\n县财政局:\n"
                          "现将我局2022年度河湖管护资金绩效自评情况报告如下:\n一、项目基本情况\n管护河道。\n")
    assert title == "某县水利局关于河湖管护资金绩效自评情况的报告"


def test_items_listed_inside_a_sentence_are_not_run_together_headings() -> None:
    a = run_text("某县2023年度公共卫生资金绩效自评报告\n一、资金使用情况\n"
                 "全年支出主要包括(一)人员经费(二)公用经费(三)设备购置,合计支出560万元。\n")
    assert flat(a) == [("一、资金使用情况", 1)]


def test_an_early_sentence_saying_what_a_body_does_names_the_unit() -> None:
    _, unit, _, _ = meta("项目绩效自评报告\n一、项目基本情况\n（一）绩效目标情况\n"
                         "宁远市科学技术局主要有部门预算项目和专项两类支出，总预算900万元。\n")
    assert unit == "宁远市科学技术局"
