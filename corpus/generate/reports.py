"""The report types: each function fills a :class:`Builder` with one report's outline and text."""

from __future__ import annotations

from decimal import Decimal

from corpus.generate import vocab
from corpus.generate.builder import Builder, cell, grid
from corpus.generate.figures import draw
from corpus.generate.model import Mention, Table
from corpus.generate.numbers import WAN, chinese_count, count, percent, plain, rounded
from corpus.generate.parts import (
    Context,
    arrival_sentence,
    budget_sentence,
    extra_amounts,
    fund_listing,
    goal_targets,
    indicator_prose,
    performance_levels,
    score_sentence,
    shown_score,
    spending_sentence,
    staff,
)
from corpus.generate.tables import funds_table, money_cell, self_eval_tables


def context(b: Builder, theme_index: int | None = None) -> Context:
    rng = b.rng
    theme = vocab.THEMES[theme_index if theme_index is not None else rng.randrange(len(vocab.THEMES))]
    county = rng.choice(vocab.PLACE_HEAD) + rng.choice(vocab.PLACE_TAIL) + rng.choice(vocab.PLACE_KIND)
    year = rng.randint(2018, 2025)
    fig = draw(rng, theme, weak=bool(b.options.get("weak")))
    return Context(theme, county, county + theme.dept, year, theme.project, fig)


def _title(b: Builder, text: str, split_at: str) -> str:
    if b.options.get("title_split") and split_at in text:
        head, _, tail = text.partition(split_at)
        b.title([head + split_at, tail] if tail else [text])
    else:
        b.title([text])
    return text


def _header(b: Builder, ctx: Context) -> None:
    if b.options.get("furniture"):
        b.doc.header = f"{ctx.unit}{ctx.year}年度绩效自评材料"
        b.doc.footer = "第{page}页 共{pages}页" if b.options.get("footer") == "page_of" else "- {page} -"


def _toc(b: Builder, headings: list[str]) -> None:
    if b.options.get("toc"):
        b.toc([(h, i + 1) for i, h in enumerate(headings)])


def _attach_table(b: Builder, ctx: Context, score: Decimal) -> None:
    if not b.options.get("table"):
        return
    b.page_break()
    b.unnumbered_heading(f"附件：{ctx.year}年度项目支出绩效自评表", "attachments")
    for t in self_eval_tables(b, ctx, ctx.unit, score):
        b.table(t)


def _goal_items(b: Builder, ctx: Context) -> None:
    for goal in ctx.theme.goals:
        b.item(goal)
    b.item("项目覆盖全县", count(ctx.fig.towns, "个"), "乡镇，惠及", ctx.theme.beneficiary[0], "。")


def _problems(b: Builder) -> None:
    for text in b.rng.sample(list(vocab.PROBLEMS), k=2):
        b.p(text)


def _suggestions(b: Builder, lead: bool = False) -> None:
    if lead:
        for title, body in b.rng.sample(list(vocab.LEAD_ITEMS), k=b.rng.randint(2, 3)):
            b.lead(2, title, body)
        return
    for text in b.rng.sample(list(vocab.SUGGESTIONS), k=2):
        b.p(text)


def project_seed_outline(b: Builder) -> dict:
    """项目支出绩效自评报告 with the 项目概况 … 其他需要说明的问题 outline."""
    ctx = context(b, b.options.get("theme"))
    title = _title(b, f"{ctx.year}年度{ctx.project}支出绩效自评报告", ctx.project)
    b.centered(f"编报单位：{ctx.unit}")
    _header(b, ctx)
    tops = ["一、项目概况", "二、项目绩效目标", "三、项目资金使用及管理情况", "四、项目组织实施情况",
            "五、项目绩效情况", "六、项目自评结果", "七、其他需要说明的问题"]
    _toc(b, tops)
    score = shown_score(b, ctx)
    b.h(1, "项目概况", "basic_info")
    b.h(2, "项目单位基本情况")
    staff(b, ctx)
    b.h(2, "项目基本情况")
    fund_listing(b, ctx, f"{ctx.project}是{ctx.year}年度县级财政安排的重点支出项目，资金主要用于以下方面。")
    b.h(1, "项目绩效目标", "goals")
    b.h(2, "项目绩效总目标")
    _goal_items(b, ctx)
    b.h(2, f"{ctx.year}年度绩效目标")
    goal_targets(b, ctx)
    b.h(1, "项目资金使用及管理情况", "funds")
    b.h(2, "项目资金安排落实情况")
    budget_sentence(b, ctx)
    arrival_sentence(b, ctx)
    funds_table(b, ctx)
    b.h(2, "项目资金实际使用情况")
    spending_sentence(b, ctx)
    extra_amounts(b, ctx)
    b.h(2, "项目资金管理情况")
    b.p("项目资金实行专账核算、专款专用，严格按照财务管理制度和资金管理办法审批支付，未发现截留、挤占和挪用等问题。")
    b.h(1, "项目组织实施情况", "implementation")
    b.h(2, "项目组织情况")
    b.p(ctx.theme.work[0] + ctx.theme.work[2])
    b.h(2, "项目管理情况")
    b.p(ctx.theme.work[1] + f"项目于{ctx.year}年12月底前全部完成。")
    n_rules = b.rng.randint(2, 6)
    b.p(b.rng.choice(["全年开展督导检查", "项目实施期间组织现场调度"]),
        count(b.rng.randint(2, 9) * 10, "次", "more_than"), "，制定完善管理制度",
        Mention("count", chinese_count(n_rules) + "项", str(n_rules), unit="项"), "，发现问题均已整改到位。")
    b.h(1, "项目绩效情况", "performance")
    performance_levels(b, ctx, 2)
    b.h(1, "项目自评结果", "conclusion")
    score_sentence(b, ctx, score)
    b.h(1, "其他需要说明的问题", "other")
    if b.chance(0.5):
        _suggestions(b, lead=True)
    else:
        b.p(b.rng.choice(vocab.OTHER))
    _attach_table(b, ctx, score)
    return _meta(ctx, "project_self_evaluation", title, ctx.project)


def project_national_outline(b: Builder) -> dict:
    """项目支出绩效自评报告 with the 基本情况 … 其他需要说明的问题 outline."""
    ctx = context(b, b.options.get("theme"))
    title = _title(b, f"{ctx.unit}{ctx.year}年度{ctx.project}绩效自评报告", ctx.unit)
    _header(b, ctx)
    tops = ["一、基本情况", "二、绩效目标", "三、绩效自评工作开展情况", "四、资金使用情况", "五、绩效目标实现情况",
            "六、存在的问题及原因分析", "七、有关建议", "八、其他需要说明的问题"]
    _toc(b, tops)
    score = shown_score(b, ctx)
    b.h(1, "基本情况", "basic_info")
    b.h(2, "单位基本情况")
    staff(b, ctx)
    b.h(2, "项目基本情况")
    b.p(f"{ctx.project}由{ctx.unit}组织实施，实施期限为{ctx.year}年1月至12月。")
    fund_listing(b, ctx, "项目资金安排如下。")
    b.h(1, "绩效目标", "goals")
    b.h(2, "总体目标")
    _goal_items(b, ctx)
    b.h(2, "阶段性目标")
    goal_targets(b, ctx)
    b.h(1, "绩效自评工作开展情况", "evaluation_work")
    b.p("单位成立了由主要负责人任组长的绩效自评工作小组，制定自评工作方案，采取资料核查、现场查看和问卷调查相结合的方式开展自评，共发放调查问卷",
        count(b.rng.randint(40, 300), "份"), "。")
    b.h(1, "资金使用情况", "funds")
    b.h(2, "资金到位情况")
    budget_sentence(b, ctx)
    arrival_sentence(b, ctx)
    funds_table(b, ctx)
    b.h(2, "资金使用情况")
    spending_sentence(b, ctx)
    extra_amounts(b, ctx)
    b.h(2, "资金管理情况")
    b.p("单位严格执行预算管理和国库集中支付制度，资金支付手续完备，会计核算规范。")
    b.h(1, "绩效目标实现情况", "performance")
    performance_levels(b, ctx, 2, with_l4=True)
    b.h(2, "自评结论")
    score_sentence(b, ctx, score)
    b.h(1, "存在的问题及原因分析", "problems")
    _problems(b)
    b.h(1, "有关建议", "suggestions")
    _suggestions(b, lead=True)
    b.h(1, "其他需要说明的问题", "other")
    b.p(b.rng.choice(vocab.OTHER))
    _attach_table(b, ctx, score)
    return _meta(ctx, "project_self_evaluation", title, ctx.project)


def evaluation_report(b: Builder) -> dict:
    """绩效评价报告 by a third party for the finance department (决策/过程/产出/效益 analysis)."""
    ctx = context(b, b.options.get("theme"))
    firm = ctx.county[:-1] + b.rng.choice(["正信", "华审", "明诚", "中和", "天衡"]) + "会计师事务所有限公司"
    title = _title(b, f"{ctx.county}{ctx.year}年度{ctx.project}绩效评价报告", ctx.county)
    b.centered(f"委托单位：{ctx.county}财政局")
    b.centered(f"评价机构：{firm}")
    _header(b, ctx)
    tops = ["一、项目基本情况", "二、绩效评价工作开展情况", "三、综合评价情况及评价结论", "四、绩效评价指标分析",
            "五、主要经验及做法、存在的问题及原因分析", "六、有关建议", "七、其他需要说明的问题"]
    _toc(b, tops)
    score = shown_score(b, ctx)
    b.h(1, "项目基本情况", "basic_info")
    b.h(2, "项目概况")
    b.p(f"{ctx.project}由{ctx.unit}负责组织实施。")
    fund_listing(b, ctx, "项目资金主要用于以下方面。")
    b.h(2, "项目绩效目标")
    _goal_items(b, ctx)
    goal_targets(b, ctx)
    b.h(1, "绩效评价工作开展情况", "evaluation_work")
    b.h(2, "评价目的、对象和范围")
    b.p(f"本次评价对象为{ctx.year}年度{ctx.project}的全部资金，评价旨在了解资金使用效益，为后续预算安排提供参考。")
    b.h(2, "评价原则、方法和指标体系")
    b.p("评价遵循科学公正、分类管理、绩效相关的原则，采用比较法、因素分析法和公众评判法，从决策、过程、产出、效益",
        Mention("count", "四个", "4", unit="个"), "方面构建评价指标体系。")
    b.h(2, "评价工作过程")
    b.p("评价组实地走访", count(b.rng.randint(3, 9), "个"), "乡镇，查阅资料", count(b.rng.randint(60, 400), "份"),
        "，访谈相关人员", count(b.rng.randint(20, 90), "人"), "。")
    b.h(1, "综合评价情况及评价结论", "conclusion")
    score_sentence(b, ctx, score, external=True)
    b.h(1, "绩效评价指标分析", "performance")
    b.h(2, "项目决策情况")
    b.p("项目立项依据充分，符合相关政策规划，绩效目标与项目实际基本匹配。")
    b.h(2, "项目过程情况")
    budget_sentence(b, ctx)
    arrival_sentence(b, ctx)
    funds_table(b, ctx)
    spending_sentence(b, ctx)
    extra_amounts(b, ctx)
    b.h(2, "项目产出情况")
    for s in ctx.fig.indicators:
        if s.ind.level1 == "产出指标":
            b.p(*indicator_prose(b, s))
    b.h(2, "项目效益情况")
    for s in ctx.fig.indicators:
        if s.ind.level1 != "产出指标":
            b.p(*indicator_prose(b, s))
    b.h(1, "主要经验及做法、存在的问题及原因分析", "problems")
    b.h(2, "主要经验及做法")
    b.p(ctx.theme.work[2])
    b.h(2, "存在的问题及原因分析")
    _problems(b)
    b.h(1, "有关建议", "suggestions")
    _suggestions(b, lead=b.chance(0.5))
    b.h(1, "其他需要说明的问题", "other")
    b.p(b.rng.choice(vocab.OTHER))
    _attach_table(b, ctx, score)
    return _meta(ctx, "evaluation_report", title, ctx.project)


def department_overall(b: Builder) -> dict:
    """部门整体支出绩效评价报告; with ``long_table`` a project spending list across pages."""
    ctx = context(b, b.options.get("theme"))
    fig = draw(b.rng, ctx.theme, scale=15, groups=vocab.DEPT_GROUPS)
    ctx.fig = fig
    title = _title(b, f"{ctx.unit}{ctx.year}年度部门整体支出绩效评价报告", ctx.unit)
    _header(b, ctx)
    tops = ["一、部门基本情况", "二、部门整体支出管理及使用情况", "三、部门整体支出绩效情况",
            "四、存在的问题及原因分析", "五、改进措施和有关建议", "六、其他需要说明的问题"]
    _toc(b, tops)
    b.h(1, "部门基本情况", "basic_info")
    b.h(2, "部门职能")
    b.p(f"{ctx.unit}的主要职责是{ctx.theme.duty.removeprefix('负责')}。")
    b.h(2, "机构和人员情况")
    staff(b, ctx)
    b.h(1, "部门整体支出管理及使用情况", "funds")
    b.h(2, "预算收入情况")
    budget_sentence(b, ctx)
    arrival_sentence(b, ctx)
    funds_table(b, ctx)
    b.h(2, "预算支出情况")
    fund_listing(b, ctx, f"{ctx.year}年度部门预算安排情况如下。")
    spending_sentence(b, ctx)
    extra_amounts(b, ctx)
    b.h(1, "部门整体支出绩效情况", "performance")
    b.h(2, "主要产出情况")
    for s in fig.indicators:
        if s.ind.level1 == "产出指标" and s.ind.kind != "text":
            b.p(*indicator_prose(b, s, scored=False))
    b.h(2, "主要效益情况")
    for s in fig.indicators:
        if s.ind.level1 != "产出指标" and s.ind.kind != "text":
            b.p(*indicator_prose(b, s, scored=False))
    b.h(2, "自评得分情况")
    score = fig.score
    b.p(f"按照部门整体支出绩效评价指标体系，经自评，{ctx.unit}{ctx.year}年度部门整体支出绩效评价得分为"
        f"{plain(score)}分，等级为“{_grade(score)}”。")
    b.fact("score", plain(score))
    b.fact("grade", _grade(score))
    b.gold["evaluation"] = {"score": plain(score), "grade": _grade(score)}
    b.check("grade.band")
    b.h(1, "存在的问题及原因分析", "problems")
    _problems(b)
    b.h(1, "改进措施和有关建议", "suggestions")
    _suggestions(b)
    b.h(1, "其他需要说明的问题", "other")
    b.p(b.rng.choice(vocab.OTHER))
    if b.options.get("long_table"):
        b.unnumbered_heading(f"附表：{ctx.year}年度项目支出明细表", "attachments")
        b.table(_spending_list(b, ctx))
    return _meta(ctx, "department_overall", title, None)


def _grade(score: Decimal) -> str:
    from corpus.generate.figures import grade_of
    return grade_of(score)


def _spending_list(b: Builder, ctx: Context) -> Table:
    """序号|项目名称|全年预算数|全年执行数|执行率 for many projects, long enough to cross a page."""
    unit = "元" if b.options.get("amounts") == "yuan" else "万元"
    rows = [[cell(t, bold=True) for t in ("序号", "项目名称", f"全年预算数（{unit}）", f"全年执行数（{unit}）",
                                          "执行率")]]
    names = [f"{town}{item}" for town in vocab.TOWNS for _, items in ctx.theme.groups for item in items]
    b.rng.shuffle(names)
    tb = ts = Decimal(0)
    for i, name in enumerate(names[: b.options.get("long_rows", 56)]):
        budget = Decimal(b.rng.randint(20, 900)) * WAN / 10
        spent = rounded(budget * Decimal(b.rng.uniform(0.8, 1.0)) / WAN, 2) * WAN
        tb += budget
        ts += spent
        rows.append([cell(str(i + 1)), cell(name), cell(money_cell(b, budget, unit)),
                     cell(money_cell(b, spent, unit)), cell(percent(rounded(spent / budget * 100), 2))])
    rows.append([cell("合计", colspan=2, bold=True), cell(money_cell(b, tb, unit)), cell(money_cell(b, ts, unit)),
                 cell(percent(rounded(ts / tb * 100), 2))])
    return Table(grid(rows, 5), header_rows=1, repeat_header=bool(b.options.get("repeat_header")),
                 widths=[0.6, 3.2, 1.4, 1.4, 1.0])


def transfer_payment(b: Builder) -> dict:
    """专项/转移支付资金绩效自评报告 (绩效目标分解下达 / 完成情况分析 / 偏离原因和改进措施)."""
    ctx = context(b, b.options.get("theme"))
    level = b.rng.choice(["中央", "省级"])
    short = ctx.project.removesuffix("项目")
    ctx.fig.groups = [("资金来源", [(f"{level}财政补助资金", ctx.fig.total - ctx.fig.total // 5 // WAN * WAN),
                                     ("县级财政配套资金", ctx.fig.total // 5 // WAN * WAN)])]
    ctx.fig.groups = [(g, [(n, v) for n, v in items if v]) for g, items in ctx.fig.groups]
    title = _title(b, f"{ctx.county}{ctx.year}年度{level}{short}转移支付资金绩效自评报告", "年度")
    b.centered(f"报送单位：{ctx.unit}")
    _header(b, ctx)
    tops = ["一、绩效目标分解下达情况", "二、绩效目标完成情况分析", "三、偏离绩效目标的原因和下一步改进措施"]
    _toc(b, tops)
    score = shown_score(b, ctx)
    b.h(1, "绩效目标分解下达情况", "goals")
    b.h(2, "资金下达情况")
    fund_listing(b, ctx, f"{ctx.year}年，我{ctx.county[-1]}共收到{short}资金，具体如下。")
    budget_sentence(b, ctx)
    b.h(2, "绩效目标分解情况")
    b.p(f"县{ctx.theme.dept}结合实际制定了资金分配方案和区域绩效目标，主要目标如下：")
    _goal_items(b, ctx)
    goal_targets(b, ctx)
    b.h(1, "绩效目标完成情况分析", "performance")
    b.h(2, "资金投入情况分析")
    b.h(3, "项目资金到位情况分析")
    arrival_sentence(b, ctx)
    funds_table(b, ctx)
    b.h(3, "项目资金执行情况分析")
    spending_sentence(b, ctx)
    extra_amounts(b, ctx)
    b.h(3, "项目资金管理情况分析")
    b.p("资金按照专项资金管理办法的规定使用，实行国库集中支付，未发现违规使用资金的情况。")
    b.h(2, "总体绩效目标完成情况分析")
    b.p(ctx.theme.work[0] + ctx.theme.work[1])
    b.h(2, "绩效指标完成情况分析")
    for s in ctx.fig.indicators:
        b.p(*indicator_prose(b, s))
    score_sentence(b, ctx, score)
    b.h(1, "偏离绩效目标的原因和下一步改进措施", "problems")
    b.h(2, "偏离绩效目标的原因")
    _problems(b)
    b.h(2, "下一步改进措施")
    _suggestions(b)
    _attach_table(b, ctx, score)
    return _meta(ctx, "project_self_evaluation", title, ctx.project)


def self_evaluation_table(b: Builder) -> dict:
    """A stand-alone 项目支出绩效自评表: title, year line, the two tables, signatures."""
    ctx = context(b, b.options.get("theme"))
    _title(b, "项目支出绩效自评表", "绩效")
    b.centered(f"（{ctx.year}年度）")
    _header(b, ctx)
    unit = "元" if b.options.get("amounts") == "yuan" else "万元"
    b.p(f"填报单位：{ctx.unit}　　　　单位：{unit}")
    score = shown_score(b, ctx)
    for t in self_eval_tables(b, ctx, ctx.county + "财政局", score):
        b.table(t)
    b.fact("budget", str(ctx.fig.budget.quantize(Decimal("0.01"))))
    b.fact("adjusted_budget", str(ctx.fig.adjusted.quantize(Decimal("0.01"))))
    b.fact("spent", str(ctx.fig.spent.quantize(Decimal("0.01"))))
    b.fact("execution_rate", plain(ctx.fig.execution_rate))
    b.p("填表人：　　　　　　财务负责人：　　　　　　单位负责人：")
    return _meta(ctx, "self_evaluation_table", "项目支出绩效自评表", ctx.project)


def _meta(ctx: Context, report_type: str, title: str, project: str | None) -> dict:
    return {"report_type": report_type, "title": title, "fiscal_year": ctx.year, "unit": ctx.unit,
            "project": project, "place_kind": ctx.county[-1]}


REPORTS = {
    "project": project_seed_outline,
    "national": project_national_outline,
    "department": department_overall,
    "evaluation": evaluation_report,
    "transfer": transfer_payment,
    "table": self_evaluation_table,
}
