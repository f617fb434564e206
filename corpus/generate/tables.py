"""Tables in reports: the 绩效自评表 (money block and indicators) and a sources-of-funds table."""

from __future__ import annotations

from decimal import Decimal

from corpus.generate.builder import Builder, cell, grid
from corpus.generate.figures import grade_of
from corpus.generate.model import Mention, Para, Table
from corpus.generate.numbers import WAN, grouped, percent, plain, rounded, yuan
from corpus.generate.parts import Context, actual_parts, indicator_gold, target_parts


def money_cell(b: Builder, value: Decimal, unit: str) -> Mention:
    text = f"{rounded(value / WAN, 2):.2f}" if unit == "万元" else grouped(value, 2)
    return Mention("money", text, yuan(value), unit_from=unit)


def self_eval_tables(b: Builder, ctx: Context, dept: str, total_shown: Decimal) -> list[Table]:
    """The money block table and the indicator table of a 绩效自评表, with the gold they carry."""
    fig = ctx.fig
    unit = "元" if b.options.get("amounts") == "yuan" else "万元"
    rate = fig.execution_rate
    sources = [("其中：本年财政拨款", fig.budget - fig.carried - fig.other, fig.appropriation,
                fig.spent - fig.carried - fig.other),
               ("上年结转资金", fig.carried, fig.carried, fig.carried),
               ("其他资金", fig.other, fig.other, fig.other)]
    rows = [
        [cell("项目名称", bold=True), cell(ctx.project, colspan=7)],
        [cell("主管部门", bold=True), cell(dept, colspan=3), cell("实施单位", bold=True),
         cell(ctx.unit, colspan=3)],
        [cell(f"项目资金（{unit}）", rowspan=5, bold=True), cell(""), cell("年初预算数"), cell("全年预算数"),
         cell("全年执行数"), cell("分值"), cell("执行率"), cell("得分")],
        [cell("年度资金总额"), cell(money_cell(b, fig.budget, unit)), cell(money_cell(b, fig.adjusted, unit)),
         cell(money_cell(b, fig.spent, unit)), cell(plain(fig.exec_weight)),
         cell(percent(rate, 2)), cell(plain(fig.exec_score))],
    ]
    if b.gold["facts"].get("adjusted_budget") is None:  # the table states 全年预算数 for the report
        b.fact("adjusted_budget", yuan(fig.adjusted))
    b.gold["money_rows"].append({"name": "年度资金总额", "budget": yuan(fig.budget),
                                 "adjusted_budget": yuan(fig.adjusted), "spent": yuan(fig.spent),
                                 "weight": plain(fig.exec_weight), "rate": plain(rate),
                                 "score": plain(fig.exec_score)})
    for name, budget, adjusted, spent in sources:
        rows.append([cell(name), cell(money_cell(b, budget, unit)), cell(money_cell(b, adjusted, unit)),
                     cell(money_cell(b, spent, unit)), cell("—"), cell("—"), cell("—")])
        b.gold["money_rows"].append({"name": name.removeprefix("其中："), "budget": yuan(budget),
                                     "adjusted_budget": yuan(adjusted), "spent": yuan(spent),
                                     "weight": None, "rate": None, "score": None})
    rows += [
        [cell("年度总体目标", rowspan=2, bold=True), cell("预期目标", colspan=4), cell("实际完成情况", colspan=3)],
        [cell(ctx.theme.goals[0], colspan=4), cell("已按计划完成年度目标任务。", colspan=3)],
    ]
    money_table = Table(grid(rows, 8), header_rows=0, widths=[1.3, 1.6, 2.0, 1.2, 1.2, 0.8, 1.0, 1.3])

    head = [cell(t, bold=True) for t in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                         "分值", "得分", "偏差原因分析及改进措施")]
    irows = [head]
    inds = fig.indicators
    i = 0
    while i < len(inds):
        level1 = inds[i].ind.level1
        span1 = sum(1 for s in inds[i:] if s.ind.level1 == level1)
        j = i
        while j < i + span1:
            level2 = inds[j].ind.level2
            span2 = 0
            while j + span2 < i + span1 and inds[j + span2].ind.level2 == level2:
                span2 += 1
            for k in range(j, j + span2):
                s = inds[k]
                row = []
                if k == i:
                    row.append(cell(level1, rowspan=span1))
                if k == j:
                    row.append(cell(level2, rowspan=span2))
                reason = "" if s.met else "受客观因素影响未完全达标，下一步将加强跟踪督办。"
                row += [cell(s.ind.name), cell(*target_parts(b, s)), cell(*actual_parts(b, s)),
                        cell(plain(s.weight)), cell(plain(s.score)), cell(reason)]
                irows.append(row)
                indicator_gold(b, s)
            j += span2
        i += span1
    grade = grade_of(total_shown)
    irows.append([cell("总分", colspan=5, bold=True), cell("100"), cell(plain(total_shown)),
                  cell(f"自评等级：{grade}")])
    repeat = bool(b.options.get("repeat_header"))
    ind_table = Table(grid(irows, 8), header_rows=1, repeat_header=repeat,
                      widths=[1.1, 1.2, 2.3, 1.4, 1.3, 0.8, 0.9, 1.8])
    for check_id in ("table.money_rows", "table.weights_total", "table.score_le_weight",
                     "table.execution_score", "table.indicator_met_score", "grade.band"):
        b.check(check_id)
    b.check("table.total_score", b.fault != "altered_score")
    b.fact("score", plain(total_shown))
    b.fact("grade", grade)
    b.gold["evaluation"] = {"score": plain(total_shown), "grade": grade}
    return [money_table, ind_table]


def funds_table(b: Builder, ctx: Context) -> None:
    """A small sources-of-funds table whose unit stands in a line above it (单位：万元)."""
    if not b.options.get("funds_table"):
        return
    fig = ctx.fig
    unit = "元" if b.options.get("amounts") == "yuan" else "万元"
    b.doc.blocks.append(Para([f"单位：{unit}"], role="unit_line", align="right"))
    rows = [[cell(t, bold=True) for t in ("资金来源", "全年预算数", "实际到位数", "实际支出数", "执行率")]]
    approp_arrived = fig.arrived - fig.carried - fig.other
    approp_spent = fig.spent - fig.carried - fig.other
    lines = [("本年财政拨款", fig.appropriation, approp_arrived, approp_spent),
             ("上年结转资金", fig.carried, fig.carried, fig.carried),
             ("其他资金", fig.other, fig.other, fig.other)]
    for name, budget, arrived, spent in lines:
        if not budget:
            continue
        rows.append([cell(name), cell(money_cell(b, budget, unit)), cell(money_cell(b, arrived, unit)),
                     cell(money_cell(b, spent, unit)), cell(percent(rounded(spent / budget * 100), 2))])
    rows.append([cell("合计", bold=True), cell(money_cell(b, fig.adjusted, unit)),
                 cell(money_cell(b, fig.arrived, unit)), cell(money_cell(b, fig.spent, unit)),
                 cell(percent(fig.execution_rate, 2))])
    b.table(Table(grid(rows, 5), header_rows=1, widths=[1.6, 1.2, 1.2, 1.2, 1.0]))
