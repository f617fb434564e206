"""Passages shared by several report types: unit, funds, indicators, scores, the 绩效自评表."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from corpus.generate.builder import Builder
from corpus.generate.figures import Figures, Scored, grade_of
from corpus.generate.model import Mention
from corpus.generate.numbers import WAN, count, percent, plain, rounded, yuan
from corpus.generate.vocab import Theme


@dataclass
class Context:
    theme: Theme
    county: str
    unit: str
    year: int
    project: str
    fig: Figures


def rate_mention(b: Builder, value: Decimal) -> Mention:
    places = 2 if b.options.get("rate_places") == 2 else None
    return percent(value, places)


def staff(b: Builder, ctx: Context) -> None:
    admin, inst = ctx.fig.staff
    b.p(f"{ctx.unit}是{ctx.county}人民政府工作部门，{ctx.theme.duty}。单位现有在职人员",
        count(admin + inst, "人"), "，其中行政人员", count(admin, "人"), "，事业人员", count(inst, "人"), "。")
    b.check("sum.counts")


def fund_listing(b: Builder, ctx: Context, lead: str) -> None:
    """"组名：项目A9万元，项目B3.5万元；…以上合计X万元。" (or each group with its subtotal first:
    "组名X万元，其中：…") with the gold fund items."""
    fig = ctx.fig
    flat = [(g, name, v) for g, items in fig.groups for name, v in items]
    altered_item = b.rng.randrange(len(flat)) if b.fault == "altered_item" else -1
    sep = b.rng.choice(["，", "，", "、"])
    subtotals = len(fig.groups) > 1 and b.chance(0.4)
    parts: list[Any] = [lead]
    k = 0
    for gi, (group, items) in enumerate(fig.groups):
        if subtotals:
            parts += [group, b.money.money(sum((v for _, v in items), Decimal(0))), "，其中："]
        else:
            parts.append(f"{group}：")
        for j, (name, value) in enumerate(items):
            shown = value
            if k == altered_item:
                shown = value + _delta(b, value)
            parts += [name, b.money.money(shown)]
            parts.append(sep if j < len(items) - 1 else ("；" if gi < len(fig.groups) - 1 else "。"))
            b.gold["fund_items"].append({"group": group, "name": name, "value": yuan(shown)})
            k += 1
    total = fig.total
    if b.fault == "altered_total":
        total = fig.total + _delta(b, fig.total)
        b.drop_check("consistency.repeated_figure")
    parts += [b.rng.choice(["以上合计", "合计", "共计"]), b.money.money(total), "。"]
    b.gold["fund_total"] = yuan(total)
    b.p(*parts)
    b.check("sum.fund_items", b.fault not in ("altered_item", "altered_total"))


def _delta(b: Builder, value: Decimal) -> Decimal:
    step = Decimal(b.rng.choice([1, 2, 5])) * WAN / (10 if value < 20 * WAN else 1)
    return step if b.rng.random() < 0.5 or value <= step else -step


def budget_sentence(b: Builder, ctx: Context) -> None:
    fig = ctx.fig
    lead = b.rng.choice([f"{ctx.year}年，该项目年初预算数为", f"{ctx.year}年初，县财政批复该项目预算",
                         f"该项目{ctx.year}年度年初预算安排"])
    parts: list[Any] = [lead, b.money.money(fig.budget)]
    b.fact("budget", yuan(fig.budget))
    if fig.adjusted != fig.budget:
        parts += ["，年中追加", b.money.money(fig.adjusted - fig.budget), "，全年预算数为",
                  b.money.money(fig.adjusted)]
        b.fact("adjusted_budget", yuan(fig.adjusted))
    if b.options.get("amounts") == "mixed":
        parts += ["（大写：", b.money.money(fig.adjusted, "daxie"), "）"]
    parts.append("。")
    if fig.carried:
        parts += ["其中：本年财政拨款", b.money.money(fig.appropriation), "，上年结转资金",
                  b.money.money(fig.carried)]
        if fig.other:
            parts += ["，其他资金", b.money.money(fig.other)]
        parts.append("。")
    b.p(*parts)
    b.check("consistency.repeated_figure")


def arrival_sentence(b: Builder, ctx: Context) -> None:
    fig = ctx.fig
    if b.chance(0.5):
        b.p("截至年底，项目资金实际到位", b.money.money(fig.arrived), "，资金到位率为",
            rate_mention(b, fig.arrival_rate), "。")
    else:
        b.p("全年实际到位资金", b.money.money(fig.arrived), "，到位率", rate_mention(b, fig.arrival_rate),
            "，资金均按规定程序拨付。")
    b.fact("arrived", yuan(fig.arrived))
    b.fact("arrival_rate", plain(fig.arrival_rate))
    b.check("rate.arrival")


def spending_sentence(b: Builder, ctx: Context) -> None:
    fig = ctx.fig
    rate = fig.execution_rate
    if b.fault == "altered_rate":
        rate = rate - Decimal(b.rng.choice(["1.5", "2.3", "4.1", "6"])) if rate > 50 else rate + 5
        b.drop_check("consistency.repeated_figure")
    lead = b.rng.choice(["全年实际支出", f"截至{ctx.year}年12月31日，项目累计支出"])
    parts: list[Any] = [lead, b.money.money(fig.spent), "，预算执行率为", rate_mention(b, rate), "。"]
    if fig.spent < fig.arrived:
        parts += ["结余资金", b.money.money(fig.arrived - fig.spent), "按规定收回统筹使用。"]
    b.p(*parts)
    b.fact("spent", yuan(fig.spent))
    b.fact("execution_rate", plain(rate))
    b.check("rate.execution", b.fault != "altered_rate")
    b.check("order.spent_le_arrived_le_budget")


def extra_amounts(b: Builder, ctx: Context) -> None:
    """Approximate, open-ended and ranged amounts that take part in no check."""
    if b.options.get("amounts") != "mixed":
        return
    fig = ctx.fig
    pre, m, post = b.money.money_about(rounded(fig.total * Decimal("0.3") / WAN, 0) * WAN or WAN, "approx")
    pre2, m2, post2 = b.money.money_about(rounded(fig.total * Decimal("0.2") / WAN, 0) * WAN or WAN,
                                          "more_than")
    low = max(Decimal(1), rounded(fig.total * Decimal("0.05") / WAN, 0)) * WAN
    b.p("项目实施带动社会资本投入", pre, m, post, "，带动群众投工投劳折资", pre2, m2, post2,
        "。经测算，后续年度每年还需安排运行维护资金", b.money.money_range(low, low * 2), "。")
    pre3, m3, post3 = b.money.money_about(max(WAN, rounded(fig.total * Decimal("0.1") / WAN, 0) * WAN),
                                          "at_least")
    b.p("项目资金带动相关产业增收", pre3, m3, post3, "，较上年提高", _points(b), "。近年来全县同类项目累计投入",
        b.money.money(Decimal(b.rng.randint(105, 380)) * WAN * 100, "yi"), "。")
    permille = b.rng.randint(1, 5)
    b.p("资金支付差错率控制在", Mention("percent", f"{permille}‰", plain(Decimal(permille) / 10), "at_most",
                                      comparator="以内"), "以内。")


def _points(b: Builder) -> Mention:
    from corpus.generate.numbers import points
    return points(Decimal(str(round(b.rng.uniform(0.5, 6), 1))))


# -- indicators -----------------------------------------------------------------------------------
def target_parts(b: Builder, s: Scored, table: bool = False) -> list[Any]:
    ind = s.ind
    if ind.kind == "count":
        return ["≥", count(int(s.target), ind.unit, "at_least", "≥")]
    if ind.kind == "percent":
        if s.target == 100:
            return [percent(s.target)]
        return ["≥", percent(s.target, qualifier="at_least", comparator="≥")]
    if ind.kind == "cost":
        per = ind.unit.split("/")[1]
        m = b.money.money(s.target, "yuan")
        return ["≤", Mention("money", m.text, m.value, "at_most", unit="元", comparator="≤"), f"/{per}"]
    return [ind.text_target]


def actual_parts(b: Builder, s: Scored) -> list[Any]:
    ind = s.ind
    if ind.kind == "count":
        return [count(int(s.actual), ind.unit)]
    if ind.kind == "percent":
        return [percent(s.actual)]
    if ind.kind == "cost":
        per = ind.unit.split("/")[1]
        return [b.money.money(s.actual, "yuan"), f"/{per}"]
    return [s.actual_text]


def _text(parts: list[Any]) -> str:
    return "".join(p if isinstance(p, str) else p.text for p in parts)


def indicator_gold(b: Builder, s: Scored, scored: bool = True) -> None:
    b.gold["indicators"].append({
        "level1": s.ind.level1, "level2": s.ind.level2, "name": s.ind.name,
        "target": _text(target_parts(b, s)), "actual": _text(actual_parts(b, s)),
        "weight": plain(s.weight) if scored else None, "score": plain(s.score) if scored else None,
        "met": s.met})


def indicator_prose(b: Builder, s: Scored, scored: bool = True, named: bool = True) -> list[Any]:
    """One indicator's result as a sentence; recorded as gold when no 绩效自评表 carries it."""
    if not b.options.get("table"):
        indicator_gold(b, s, scored)
    style = b.style("indicator_prose", 3)
    words = [("年度指标值为", "，实际完成值为", "已完成年度目标", "未完全达到年度目标"),
             ("计划", "，实际完成", "达到预期", "未达到预期"),
             ("目标值", "，完成值", "指标完成", "指标未完成")][style]
    verdict = words[2] if s.met else words[3]
    lead = (f"{s.ind.name}：" if named else "") + words[0]
    parts: list[Any] = [lead, *target_parts(b, s), words[1], *actual_parts(b, s), f"，{verdict}"]
    if scored:
        parts.append(f"，该项指标分值{plain(s.weight)}分，自评得{plain(s.score)}分")
    parts.append("。")
    return parts


def goal_targets(b: Builder, ctx: Context) -> None:
    parts: list[Any] = [f"{ctx.year}年度绩效指标为："]
    inds = [s for s in ctx.fig.indicators if s.ind.kind != "text"]
    for i, s in enumerate(inds):
        parts += [s.ind.name, *target_parts(b, s), "；" if i < len(inds) - 1 else "。"]
    b.p(*parts)


def performance_levels(b: Builder, ctx: Context, top: int, with_l4: bool = True) -> None:
    """Indicator results under headings at ``top`` (一级) and ``top + 1`` (二级), optionally ``top + 2``."""
    level1s: dict[str, list[Scored]] = {}
    for s in ctx.fig.indicators:
        level1s.setdefault(s.ind.level1, []).append(s)
    for level1, members in level1s.items():
        b.h(top, f"{level1}完成情况")
        level2s: dict[str, list[Scored]] = {}
        for s in members:
            level2s.setdefault(s.ind.level2, []).append(s)
        for level2, inds in level2s.items():
            if top + 1 <= 4:
                b.h(top + 1, level2)
            if with_l4 and level2 == "数量指标" and top + 2 <= 4:
                for s in inds:
                    b.h(top + 2, s.ind.name)
                    b.p(*indicator_prose(b, s, named=False))
            else:
                for s in inds:
                    b.p(*indicator_prose(b, s))


def score_sentence(b: Builder, ctx: Context, shown: Decimal | None = None, external: bool = False) -> None:
    score = ctx.fig.score if shown is None else shown
    grade = grade_of(score)
    if external:
        b.p(f"评价组按照评价指标体系逐项打分，该项目绩效评价综合得分为{plain(score)}分，评价等级为“{grade}”。"
            "项目总体实现了预期绩效目标。")
    else:
        b.p(f"根据自评指标体系，本项目预算执行率得分{plain(ctx.fig.exec_score)}分，各项绩效指标合计得分"
            f"{plain(score - ctx.fig.exec_score)}分，综合自评得分{plain(score)}分，自评等级为“{grade}”。")
    b.fact("score", plain(score))
    b.fact("grade", grade)
    b.gold["evaluation"] = {"score": plain(score), "grade": grade}
    b.check("grade.band")


def shown_score(b: Builder, ctx: Context) -> Decimal:
    """The total score as the report states it (altered by the altered_score fault)."""
    score = ctx.fig.score
    if b.fault != "altered_score":
        return score
    delta = Decimal(b.rng.choice(["2", "3.5", "5"]))
    return score - delta if score > 60 else score + delta
