"""Heading detection on realistic report text: every family, inline headings, and the guards."""

from __future__ import annotations

from docparse.model import Document, Provenance, Table
from tests.structure.helpers import flat, run, run_text, warning

NESTED = """\
清河县农业农村局2023年度高标准农田建设项目绩效自评报告
一、项目基本情况
（一）项目概况
1.项目立项依据
（1）政策依据
根据省级文件要求实施建设。
①省级补助标准
每亩补助一千五百元。
②县级配套标准
每亩配套三百元。
（2）建设内容
新建灌溉渠道十二公里。
2.项目资金安排
年初安排预算资金三百万元。
（二）绩效目标
项目年度目标为新建高标准农田一万亩。
二、项目资金使用情况
资金全部按进度拨付。
"""


def test_families_nest_in_document_order() -> None:
    got = flat(run_text(NESTED))
    assert got == [
        ("一、项目基本情况", 1), ("（一）项目概况", 2), ("1.项目立项依据", 3), ("（1）政策依据", 4),
        ("①省级补助标准", 5), ("②县级配套标准", 5), ("（2）建设内容", 4), ("2.项目资金安排", 3),
        ("（二）绩效目标", 2), ("二、项目资金使用情况", 1),
    ]


def test_parts_and_chapters_above_cn() -> None:
    text = ("某区教育局2022年度部门整体支出绩效评价报告\n第一部分 部门概况\n一、部门职能\n负责全区教育工作。\n"
            "二、机构设置\n内设七个科室。\n第二部分 绩效评价情况\n一、评价结论\n自评得分九十二分。\n")
    assert flat(run_text(text)) == [
        ("第一部分 部门概况", 1), ("一、部门职能", 2), ("二、机构设置", 2),
        ("第二部分 绩效评价情况", 1), ("一、评价结论", 2),
    ]


def test_half_width_and_full_width_variants() -> None:
    text = ("一．项目概况\n(一)项目单位情况\n单位位于县城。\n１、资金到位\n已全部到位。\n2．资金使用\n已全部使用。\n"
            "(1)支出明细\n购置设备。\n二、绩效情况\n完成全部目标。\n")
    assert flat(run_text(text)) == [
        ("一．项目概况", 1), ("(一)项目单位情况", 2), ("１、资金到位", 3), ("2．资金使用", 3),
        ("(1)支出明细", 4), ("二、绩效情况", 1),
    ]


def test_top_level_may_be_arabic() -> None:
    text = "1.项目概况\n本项目为道路养护。\n（1）养护里程\n共养护八十公里。\n2.绩效目标\n道路完好率达到九成。\n"
    assert flat(run_text(text)) == [("1.项目概况", 1), ("（1）养护里程", 2), ("2.绩效目标", 1)]


def test_excerpt_starting_mid_structure() -> None:
    text = "（二）项目效益情况\n群众满意度较高。\n五、评价结论\n（一）总体评价\n项目实施效果良好。\n"
    assert flat(run_text(text)) == [("（二）项目效益情况", 2), ("五、评价结论", 1), ("（一）总体评价", 2)]


def test_inline_heading_split_from_body() -> None:
    text = ("一、基本情况\n（一）项目概况\n"
            "（1）“智慧校园”平台运维经费。该平台覆盖全县四十所学校，年度运维经费用于服务器租赁和安全防护。\n"
            "（2）教师培训经费。全年组织培训二十期，参训教师一千二百人次。\n"
            "（二）部门概况\n1、组织机构设置及人员情况：局机关内设六个股室，现有在职人员四十二人。\n")
    a = run_text(text)
    got = flat(a)
    assert ("（1）“智慧校园”平台运维经费", 3) in got
    assert ("（2）教师培训经费", 3) in got
    sec = next(s for s in a.report.all_sections() if s.heading.startswith("（1）"))
    assert sec.title == "“智慧校园”平台运维经费" and sec.number == "（1）"
    assert ("1、组织机构设置及人员情况", 3) in got


def test_number_alone_on_its_line_joins_the_next() -> None:
    text = "一、基本情况\n1.机构设置\n内设五个科室。\n2.\n人员编制\n编制人数三十人。\n3.职责职能\n负责全县水利工作。\n"
    a = run_text(text)
    assert flat(a) == [("一、基本情况", 1), ("1.机构设置", 2), ("2.\n人员编制", 2), ("3.职责职能", 2)]
    two = a.report.all_sections()[2]
    assert two.block == 3 and {3, 4} <= a.layout.heading_blocks


def test_goal_statements_are_not_headings() -> None:
    text = ("二、项目绩效目标\n（一）总体目标\n"
            "1、完成农村道路硬化二十公里，惠及沿线八个行政村；\n"
            "2、新建错车道四十处，提升道路通行能力和安全水平；\n"
            "3、群众满意度达到百分之九十以上。\n"
            "（二）年度目标\n按期完成全部建设任务。\n")
    assert flat(run_text(text)) == [("二、项目绩效目标", 1), ("（一）总体目标", 2), ("（二）年度目标", 2)]


def test_enumerated_allocations_are_not_headings() -> None:
    text = ("一、资金分配情况\n根据省级文件对资金进行了分配，具体如下：\n"
            "1.分配东城区文化站建设补助四十万元。\n"
            "2.按服务人口测算，给予西城区二十万元，南城区十五万元，北城区十二万元。\n"
            "3.按场次补助送戏下乡活动，每场补助三千元，共计三十万元。\n"
            "二、绩效目标完成情况\n全部完成。\n")
    assert flat(run_text(text)) == [("一、资金分配情况", 1), ("二、绩效目标完成情况", 1)]


def test_inline_enumeration_is_not_a_heading() -> None:
    text = "一、部门概况\n年度主要工作：1.完成城区巡查监督工作。2.做好系统平台的日常维护。3.按期完成考核。\n"
    text += "1.完成城区巡查监督工作。2.做好系统平台的日常维护。3.对各类信息进行收集整理。\n"
    assert flat(run_text(text)) == [("一、部门概况", 1)]


def test_list_restarting_inside_its_own_family() -> None:
    text = ("一、基本情况\n1.机构设置\n内设五个科室。\n2.职责职能\n"
            "1.贯彻执行城市管理方面的法律法规。\n2.负责指导全区城市管理工作。\n3.承办区政府交办的其他事项。\n"
            "二、绩效情况\n完成年度目标。\n")
    assert flat(run_text(text)) == [("一、基本情况", 1), ("1.机构设置", 2), ("2.职责职能", 2), ("二、绩效情况", 1)]


def test_yi_shi_er_shi_are_list_items() -> None:
    text = "一、存在的问题\n一是资金拨付进度偏慢。\n二是项目前期工作不够扎实。\n二、改进措施\n加快资金拨付。\n"
    assert flat(run_text(text)) == [("一、存在的问题", 1), ("二、改进措施", 1)]


def test_dates_and_document_numbers_are_not_headings() -> None:
    text = ("某县林业局\n2026.04.20\n一、项目概况\n（2023）第0012号\n"
            "12.5万元用于苗木采购。\n2024年12月31日前全部完工。\n二、绩效情况\n完成造林一千亩。\n")
    assert flat(run_text(text)) == [("一、项目概况", 1), ("二、绩效情况", 1)]


def test_table_of_contents_kept_apart() -> None:
    text = ("某市文旅局2023年度部门整体支出绩效自评报告\n目  录\n一、部门概况……………………1\n"
            "二、部门整体支出情况………………3\n三、绩效评价结论……………5\n"
            "一、部门概况\n本局内设九个科室。\n二、部门整体支出情况\n全年支出八百万元。\n三、绩效评价结论\n自评为优。\n")
    a = run_text(text)
    assert [h for h, _ in flat(a)] == ["一、部门概况", "二、部门整体支出情况", "三、绩效评价结论"]
    assert a.layout.toc_blocks == {1, 2, 3, 4}
    assert all(s.block > 4 for s in a.report.sections)


def test_toc_without_page_numbers() -> None:
    text = ("目录\n一、项目概况\n二、绩效目标\n一、项目概况\n本项目为饮水工程。\n二、绩效目标\n完成管网改造。\n")
    a = run_text(text)
    assert [h for h, _ in flat(a)] == ["一、项目概况", "二、绩效目标"]
    assert a.layout.toc_blocks == {0, 1, 2}


def test_pipe_table_cells_are_not_headings() -> None:
    text = ("项目支出绩效自评表(2023年度) |\n项目名称 |\n办公设备购置 |\n1.项目年度目标完成情况 |\n"
            "2.项目实施内容及过程概述 |\n一级指标 | 二级指标 | 三级指标 |\n")
    assert flat(run_text(text)) == []


def test_table_blocks_are_never_headings() -> None:
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "一、项目概况", provenance=Provenance(paragraph=0))
    table = Table(n_rows=2, n_cols=1)
    doc.add("table", "一、产出指标\n二、效益指标", provenance=Provenance(table=0), table=table)
    doc.add("paragraph", "二、绩效情况", provenance=Provenance(paragraph=1))
    a = run(doc)
    assert [h for h, _ in flat(a)] == ["一、项目概况", "二、绩效情况"]
    assert a.layout.block_sections[1] is a.report.sections[0]


def test_word_cues_style_and_numbering() -> None:
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "县水利局2023年度项目支出绩效自评报告", style="Title")
    doc.add("paragraph", "项目概况", style="Heading 1", outline_level=0, bold=True)
    doc.add("paragraph", "（一）项目单位情况", numbering="（一）", style="List Paragraph")
    doc.add("paragraph", "本局内设六个股室。")
    doc.add("paragraph", "绩效目标", style="Heading 1", outline_level=0)
    a = run(doc)
    assert flat(a) == [("项目概况", 1), ("（一）项目单位情况", 2), ("绩效目标", 1)]
    assert [s.canonical for s in a.report.sections] == ["basic_info", "goals"]


def test_flattened_page_with_inline_headings() -> None:
    body = ("2021 年老年活动中心运营经费绩效评价报告 一、项目概况 (一)立项依据 1.政策文件 活动中心运营经费用于 "
            "开展老年文体活动和购置活动器材。 2. 目标完成情况 全年举办文体活动三十场, 服务 "
            "老年人五千人次。 (二)年度绩效目标 完成全部服务任务。")
    a = run_text(body)
    assert flat(a) == [("一、项目概况", 1), ("(一)立项依据", 2), ("1.政策文件", 3),
                       ("2. 目标完成情况", 3), ("(二)年度绩效目标", 2)]
    assert a.report.report.title == "2021 年老年活动中心运营经费绩效评价报告"
    assert 0 in a.layout.block_spans


def test_skipped_and_repeated_numbers_are_warnings() -> None:
    text = ("一、项目概况\n概况内容。\n三、资金使用情况\n使用内容。\n（一）资金到位\n已到位。\n（一）资金执行\n"
            "已执行。\n四、绩效情况\n绩效内容。\n")
    a = run_text(text)
    assert len(a.report.sections) == 3
    skipped = warning(a, "heading_number_skipped")
    repeated = warning(a, "heading_number_repeated")
    assert [w["heading"] for w in skipped] == ["三、资金使用情况"]
    assert [w["heading"] for w in repeated] == ["（一）资金执行"]


def test_every_block_in_exactly_one_section() -> None:
    a = run_text(NESTED)
    blocks = a.document.blocks
    owners = a.layout.block_sections
    assert len(owners) == len(blocks)
    assert owners[0] is None  # the title is preamble
    spans = [(s.block, s.end_block) for s in a.report.sections]
    covered = [b for start, end in spans for b in range(start, end + 1)]
    assert covered == list(range(1, len(blocks)))
    for b, owner in enumerate(owners[1:], 1):
        assert owner is not None and owner.block <= b <= owner.end_block
        assert not any(c.block <= b <= c.end_block for c in owner.children)


def test_itemised_amounts_are_not_headings() -> None:
    text = ("三、资金使用情况\n全年支出情况如下：\n1.人员经费：120万元；\n2.公用经费：80万元；\n3.项目经费：46万元。\n"
            "四、绩效情况\n完成年度目标。\n")
    assert flat(run_text(text)) == [("三、资金使用情况", 1), ("四、绩效情况", 1)]


def test_bold_short_titles_stay_headings() -> None:
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "一、绩效目标", bold=True, font_size=16)
    doc.add("paragraph", "（一）年度目标。", bold=True, font_size=14)
    doc.add("paragraph", "（二）长期目标。", bold=True, font_size=14)
    doc.add("paragraph", "通过三年建设，使全县农村供水保障水平显著提高，群众满意度稳步提升。", bold=False, font_size=12)
    plain = Document(path=None, format="txt")
    for b in doc.blocks:
        plain.add("paragraph", b.text)
    assert [h for h, _ in flat(run(doc))] == ["一、绩效目标", "（一）年度目标", "（二）长期目标"]
    assert [h for h, _ in flat(run(plain))] == ["一、绩效目标"]


def test_letter_spaced_lines_are_not_flattened_pages() -> None:
    text = ("某 县 财 政 局 绩 效 评 价 报 告\n一 、 项 目 概 况\n项目于去年三月开工建设。\n"
            "二、绩效情况\n完成全部任务。\n")
    assert [lv for _, lv in flat(run_text(text))] == [1, 1]


def test_dotted_numbering_nests() -> None:
    text = ("1. 项目概况\n1.1 项目背景\n为改善学校办学条件实施本项目。\n1.2 项目内容\n新建教学楼一栋。\n"
            "1.2.1 土建工程\n完成主体结构施工。\n2. 绩效分析\n各项指标全部完成。\n")
    got = flat(run_text(text))
    assert ("1.1 项目背景", 2) in got and ("1.2 项目内容", 2) in got and ("1.2.1 土建工程", 3) in got


def test_word_toc_styles_are_toc() -> None:
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "一、项目概况\t1", style="toc 1")
    doc.add("paragraph", "二、绩效情况\t3", style="toc 1")
    doc.add("paragraph", "一、项目概况", style="Heading 1", outline_level=1)
    doc.add("paragraph", "项目于今年完工。")
    doc.add("paragraph", "二、绩效情况", style="Heading 1", outline_level=1)
    a = run(doc)
    assert [h for h, _ in flat(a)] == ["一、项目概况", "二、绩效情况"]
    assert a.layout.toc_blocks == {0, 1}


def test_unnumbered_word_heading_below_a_numbered_one() -> None:
    doc = Document(path=None, format="docx")
    doc.add("paragraph", "一、项目概况", style="Heading 1", outline_level=1)
    doc.add("paragraph", "建设背景", style="Heading 2", outline_level=2)
    doc.add("paragraph", "项目位于县城北部。")
    doc.add("paragraph", "二、绩效情况", style="Heading 1", outline_level=1)
    doc.add("paragraph", "附件：项目支出绩效自评表")
    assert flat(run(doc)) == [("一、项目概况", 1), ("建设背景", 2), ("二、绩效情况", 1),
                              ("附件：项目支出绩效自评表", 1)]


def test_inline_headings_with_short_figures_stay_headings() -> None:
    text = ("（一）预算管理情况\n1、预算编制。按照零基预算原则编制预算。\n2、预算执行。全年预算执行率97.76%。\n"
            "3、结转结余。年末结转结余79.65万元。\n（二）绩效目标完成情况\n全部完成。\n")
    assert [h for h, _ in flat(run_text(text))] == ["（一）预算管理情况", "1、预算编制", "2、预算执行", "3、结转结余",
                                                   "（二）绩效目标完成情况"]


def test_field_lists_are_not_headings() -> None:
    text = ("一、项目概况\n（一）项目名称：城区背街小巷改造\n（二）实施单位：某县住房和城乡建设局\n"
            "（三）项目资金：480万元\n二、绩效目标\n完成改造二十条街巷。\n")
    assert flat(run_text(text)) == [("一、项目概况", 1), ("二、绩效目标", 1)]


def test_title_and_body_on_one_line_separated_by_a_space() -> None:
    text = ("一、项目概况 本项目位于县城北部，总投资五百万元，建设内容为道路硬化。\n"
            "二、绩效目标 完成道路硬化十公里，群众满意度达到百分之九十。\n")
    assert flat(run_text(text)) == [("一、项目概况", 1), ("二、绩效目标", 1)]


def test_heading_run_onto_the_end_of_a_paragraph() -> None:
    text = ("一、资金情况\n（一）资金投入情况分析\n1.资金到位情况分析\n"
            "全年实际到位资金三百万元，资金均按规定拨付。2.资金执行情况分析\n"
            "截至年底支出二百八十万元。\n3.资金管理情况分析\n实行专账核算。\n")
    a = run_text(text)
    assert flat(a) == [("一、资金情况", 1), ("（一）资金投入情况分析", 2), ("1.资金到位情况分析", 3),
                       ("2.资金执行情况分析", 3), ("3.资金管理情况分析", 3)]
    two = a.report.all_sections()[3]
    assert two.block == 3 and two.provenance is not None and two.provenance.start > 0
    assert a.layout.block_spans[3][1][1] is two


def test_a_sentence_ending_in_a_number_is_not_a_trailing_heading() -> None:
    text = "一、项目概况\n1.项目背景\n内容。\n全年完成任务的情况见下表。3.资金管理\n二、绩效情况\n完成。\n"
    assert [h for h, _ in flat(run_text(text))] == ["一、项目概况", "1.项目背景", "二、绩效情况"]
