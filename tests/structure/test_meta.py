"""Report metadata: title, evaluated year, unit, project and report type."""

from __future__ import annotations

from tests.structure.helpers import run_text


def meta(text: str) -> dict[str, object]:
    return run_text(text).report.report.to_dict()


def test_title_split_over_two_lines_and_unit_from_title() -> None:
    m = meta("松林县交通运输局2022年度农村公路养护\n绩效自评报告\n一、项目概况\n养护农村公路三百公里。\n")
    assert m["title"] == "松林县交通运输局2022年度农村公路养护绩效自评报告"
    assert m["unit"] == "松林县交通运输局" and m["fiscal_year"] == 2022
    assert m["type"] == "project_self_evaluation"


def test_title_broken_after_the_year() -> None:
    m = meta("石桥县2023年度\n中央财政水利发展资金绩效自评报告\n报送单位：石桥县水务局\n"
             "一、绩效目标分解下达情况\n内容。\n")
    assert m["title"] == "石桥县2023年度中央财政水利发展资金绩效自评报告"
    assert m["unit"] == "石桥县水务局"


def test_gov_page_metadata_is_skipped() -> None:
    text = ("预算绩效管理\n- 索引号: abc/2025-00003\n- 发布机构: 青山市农业农村局\n- 发布日期: 2025-04-29\n"
            "青山市农业农村局2024年度部门整体支出绩效自评报告\n一、部门基本情况\n内容。\n")
    m = meta(text)
    assert m["title"] == "青山市农业农村局2024年度部门整体支出绩效自评报告"
    assert m["fiscal_year"] == 2024  # the evaluated year, not the 2025 publication date
    assert m["type"] == "department_overall"


def test_site_boilerplate_is_not_the_title() -> None:
    text = ("水利项目绩效自评报告（通用5篇）\n欢迎阅读水利项目绩效自评报告，下面是小编整理的范文。\n"
            "水利项目绩效自评报告 篇1\n一、项目概况\n内容。\n")
    assert meta(text)["title"] == "水利项目绩效自评报告"


def test_year_in_brackets_beside_a_table_title() -> None:
    text = ("项目支出绩效自评表\n（2023年度）\n项目名称 | 乡村道路维护\n主管部门 | 东湖区交通局\n"
            "实施单位 | 东湖区公路站\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n")
    m = meta(text)
    assert m["title"] == "项目支出绩效自评表"
    assert m["fiscal_year"] == 2023
    assert m["type"] == "self_evaluation_table"
    assert m["unit"] == "东湖区公路站"
    assert m["project"] == "乡村道路维护"


def test_unit_from_a_founding_sentence() -> None:
    text = ("2021年度政务服务专项经费绩效报告\n一、项目概况\n（一）项目单位基本情况\n"
            "临江县政务服务管理局成立于2019年3月，是县政府工作部门。\n")
    m = meta(text)
    assert m["unit"] == "临江县政务服务管理局" and m["fiscal_year"] == 2021
    assert m["project"] == "政务服务专项经费"


def test_unit_from_a_label_and_from_a_signature() -> None:
    m = meta("部门整体支出绩效评价报告\n部门（单位）名称：北坡市城市管理监督中心\n一、部门基本概况\n内容。\n")
    assert m["unit"] == "北坡市城市管理监督中心" and m["type"] == "department_overall"
    m = meta("项目支出绩效自评报告\n一、项目概况\n内容。\n二、绩效情况\n内容。\n南湾县林业局\n2024年3月10日\n")
    assert m["unit"] == "南湾县林业局"


def test_third_party_evaluation() -> None:
    text = ("河口县乡村振兴项目资金\n绩效评价报告\n受河口县财政局委托，我所对该项目实施了绩效评价，报告如下：\n"
            "一、基本情况\n内容。\n")
    m = meta(text)
    assert m["type"] == "evaluation_report" and m["title"] == "河口县乡村振兴项目资金绩效评价报告"


def test_traditional_characters() -> None:
    m = meta("東山市文化和旅遊局2022年度項目支出績效自評報告\n一、項目概況\n內容。\n")
    assert m["title"] == "東山市文化和旅遊局2022年度項目支出績效自評報告"
    assert m["unit"] == "東山市文化和旅遊局" and m["fiscal_year"] == 2022


def test_placeholder_years_give_none() -> None:
    m = meta("农村文化建设专项补助项目绩效评价自查报告\n20XX年我县共有xx个行政村。\n一、项目基本情况\n内容。\n")
    assert m["fiscal_year"] is None and m["unit"] is None


def test_same_title_with_two_years_gives_no_year() -> None:
    text = ("《西岭区林业局2022年度部门整体绩效自评表.docx》可在线阅读和下载。\n"
            "西岭区林业局2023年度部门整体绩效自评表\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值\n")
    m = meta(text)
    assert m["title"] == "西岭区林业局2023年度部门整体绩效自评表"
    assert m["fiscal_year"] is None and m["type"] == "self_evaluation_table"


def test_year_from_the_text_when_the_title_has_none() -> None:
    text = ("某市体育局关于全民健身设施补助资金的自评报告\n发布时间:2023-04-23\n"
            "按照市财政局做好2022年度绩效自评的通知，现将有关情况报告如下：\n"
            "一、资金下达情况\n2022年下达补助资金八十万元。\n")
    m = meta(text)
    assert m["fiscal_year"] == 2022 and m["unit"] == "某市体育局"


def test_unit_line_above_the_title_joins_only_when_set_together() -> None:
    together = meta("北岭县行政审批服务局\n2021年度部门整体支出绩效评价报告\n一、部门概况\n内容。\n")
    assert together["title"] == "北岭县行政审批服务局2021年度部门整体支出绩效评价报告"
    apart = meta("北岭县行政审批服务局\n\n2021年度部门整体支出绩效评价报告\n\n一、部门概况\n内容。\n")
    assert apart["title"] == "2021年度部门整体支出绩效评价报告"
    assert together["unit"] == apart["unit"] == "北岭县行政审批服务局"


def test_unit_with_a_sub_unit_and_other_organisation_words() -> None:
    assert meta("南川市生态环境局北湖分局2023年度项目支出绩效自评报告\n一、项目概况\n内容。\n")["unit"] == \
        "南川市生态环境局北湖分局"
    assert meta("长河县总工会2022年度部门整体支出绩效自评报告\n一、部门概况\n内容。\n")["unit"] == "长河县总工会"
    assert meta("长河县实验小学2022年度项目支出绩效自评报告\n一、项目概况\n内容。\n")["unit"] == "长河县实验小学"


def test_finance_department_evaluation() -> None:
    text = ("长河县2022年度农村饮水工程专项资金绩效评价报告\n县财政局组织开展了重点绩效评价，现将结果报告如下。\n"
            "一、项目基本情况\n内容。\n")
    assert meta(text)["type"] == "evaluation_report"


def test_unit_name_holding_an_organisation_word() -> None:
    m = meta("项目支出绩效\n自评表\n（2021年度）\n填报单位：西坝市人力资源和社会保障局\u3000\u3000单位：万元\n")
    assert m["unit"] == "西坝市人力资源和社会保障局"
    assert meta("东岸县人民政府办公室2022年度部门整体支出绩效自评报告\n一、部门概况\n内容。\n")["unit"] == \
        "东岸县人民政府办公室"


def test_evaluation_report_with_the_place_above_the_title() -> None:
    text = ("北塘县\n2023年度乡村道路养护项目绩效评价报告\n委托单位：北塘县财政局\n"
            "评价机构：北塘某某会计师事务所有限公司\n"
            "一、项目基本情况\n（一）项目概况\n乡村道路养护项目由北塘县交通运输局负责组织实施。\n")
    m = meta(text)
    assert m["title"] == "北塘县2023年度乡村道路养护项目绩效评价报告"
    assert m["type"] == "evaluation_report" and m["unit"] == "北塘县交通运输局"
