"""Labelled sentences from templates with random figures (seeded), for breadth beside the
hand-written set: every written form of an amount, qualifiers, ranges, directions, distractors and
flattened tables in several layouts. Expected values are computed here from the random values,
never by docparse.

Run ``python -m corpus.sentences.templated`` to rewrite ``templated.jsonl``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from corpus.generate.render import full_width, integer_to_chinese, with_separators, yuan_to_capitals
from corpus.sentences import write_cases

SEED = 20260601
PER_FAMILY = 24

Case = tuple[str, list[dict[str, Any]]]

SUBJECTS = ["本项目", "该专项", "我单位", "县卫健局", "镇人民政府", "项目实施单位", "市农业农村局", "区教育局"]
ITEMS = ["设备购置", "人员培训", "宣传印刷", "信息化建设", "劳务费", "专家咨询", "道路维护", "场地租赁"]
COUNT_OBJECTS = [("个", "服务站点"), ("次", "督导检查"), ("人", "基层干部"), ("家", "合作社"), ("户", "脱贫户"),
                 ("件", "信访事项"), ("所", "学校"), ("套", "住房"), ("场", "宣传活动"), ("项", "制度")]


def yuan(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def amount(rng: random.Random, places: int = 2, top: int = 5000) -> Decimal:
    whole = rng.randint(1, top)
    frac = rng.randint(0, 10**places - 1) if places and rng.random() < 0.7 else 0
    return Decimal(whole) + (Decimal(frac).scaleb(-places) if places else 0)


def rate(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(6000, 10000)).scaleb(-2)


def fam_budget_sentence(rng: random.Random) -> Case:
    a, b, r = amount(rng), amount(rng), rate(rng)
    s = rng.choice(SUBJECTS)
    text = f"{s}年初预算{a}万元，实际支出{b}万元，预算执行率{r}%。"
    return text, [
        {"kind": "money", "text": f"{a}万元", "value": yuan(a * 10000), "unit": "万元"},
        {"kind": "money", "text": f"{b}万元", "value": yuan(b * 10000), "unit": "万元"},
        {"kind": "percent", "text": f"{r}%", "value": num(r)},
    ]


def fam_yuan_forms(rng: random.Random) -> Case:
    v = Decimal(rng.randint(100, 99999999)).scaleb(-2)
    form = rng.choice(["capitals", "separators", "fullwidth"])
    if form == "capitals":
        surface = yuan_to_capitals(v)
        text = f"合同总价（大写）{surface}。"
    elif form == "separators":
        surface = with_separators(v) + "元"
        text = f"经审核，{rng.choice(ITEMS)}支出{surface}。"
    else:
        surface = full_width(str(v)) + "元"
        text = f"{rng.choice(ITEMS)}决算金额{surface}。"
    return text, [{"kind": "money", "text": surface, "value": yuan(v)}]


def fam_chinese_money(rng: random.Random) -> Case:
    n = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999) // 100 * 100])
    unit = rng.choice(["万元", "元"])
    surface = integer_to_chinese(n) + unit
    scale = 10000 if unit == "万元" else 1
    text = f"{rng.choice(SUBJECTS)}安排{rng.choice(ITEMS)}经费{surface}。"
    return text, [{"kind": "money", "text": surface, "value": yuan(Decimal(n * scale))}]


def fam_counts(rng: random.Random) -> Case:
    measure, obj = rng.choice(COUNT_OBJECTS)
    n = rng.randint(1, 99)
    chinese = rng.random() < 0.5
    surface = (integer_to_chinese(n) if chinese else str(n)) + measure
    if chinese and n == 2 and rng.random() < 0.5:
        surface = "两" + measure
    text = f"全年新增{obj}{surface}，" + rng.choice(["运行良好。", "均已投入使用。", "全部通过验收。"])
    if not chinese:
        text = f"全年共完成{obj}{surface}。"
    return text, [{"kind": "count", "text": surface, "value": str(n), "unit": measure}]


QUALIFIED = [
    ("约{}", "", "approx", "约"), ("{}左右", "左右", "approx", "左右"), ("近{}", "", "approx", "近"),
    ("{}以上", "以上", "at_least", "以上"), ("不低于{}", "", "at_least", "不低于"), ("≥{}", "≥", "at_least", "≥"),
    ("超过{}", "", "at_least", "超过"), ("{}以下", "以下", "at_most", "以下"), ("不超过{}", "", "at_most", "不超过"),
    ("{}以内", "以内", "at_most", "以内"), ("≤{}", "≤", "at_most", "≤"),
]


def fam_qualified(rng: random.Random) -> Case:
    pattern, inside, qual, comp = rng.choice(QUALIFIED)
    kind = rng.choice(["percent", "money", "count"])
    if kind == "percent":
        v = Decimal(rng.randint(50, 100))
        core, value, unit = f"{v}%", num(v), None
        lead = rng.choice(["群众满意度", "验收合格率", "资金拨付率", "项目完工率"])
    elif kind == "money":
        v = amount(rng, 1, 300)
        core, value, unit = f"{v}万元", yuan(v * 10000), None
        lead = rng.choice(["单项支出", "项目成本", "设备采购", "年度运维费"])
    else:
        v = Decimal(rng.randint(2, 900))
        lead, measure = rng.choice([("服务对象", "人"), ("培训场次", "次"), ("受益农户", "户"), ("改造面积", "平方米")])
        core, value, unit = f"{v}{measure}", str(v), measure
    phrase = pattern.format(core)
    surface = phrase if inside else core
    if inside == "≥" or inside == "≤":
        surface = phrase
    text = f"{lead}{phrase}。"
    m = {"kind": kind, "text": surface, "value": value, "qualifier": qual, "comparator": comp}
    if unit:
        m["unit"] = unit
    return text, [m]


def fam_more_than(rng: random.Random) -> Case:
    n = rng.randint(2, 500)
    word = rng.choice(["余", "多"])
    if rng.random() < 0.5:
        surface = f"{n}{word}万元"
        m = {"kind": "money", "text": surface, "value": yuan(Decimal(n) * 10000)}
        text = f"带动社会投资{surface}。"
    else:
        measure = rng.choice(["次", "人", "份", "个"])
        surface = f"{n}{word}{measure}"
        m = {"kind": "count", "text": surface, "value": str(n), "unit": measure}
        text = f"累计开展服务{surface}。"
    m.update(qualifier="more_than", comparator=word)
    return text, [m]


def fam_ranges(rng: random.Random) -> Case:
    lo = rng.randint(1, 40)
    hi = lo + rng.randint(1, 30)
    sep = rng.choice(["至", "到", "-", "~", "—"])
    kind = rng.choice(["money", "percent", "count"])
    if kind == "money":
        style = rng.choice(["both", "second"])
        surface = f"{lo}万{sep}{hi}万元" if style == "both" else f"{lo}{sep}{hi}万元"
        value = [yuan(Decimal(lo * 10000)), yuan(Decimal(hi * 10000))]
        text = f"每村补助{surface}不等。"
    elif kind == "percent":
        lo, hi = 50 + lo, min(100, 50 + hi + 10)
        surface = f"{lo}%{sep}{hi}%"
        value = [str(lo), str(hi)]
        text = f"预计覆盖率为{surface}。"
    else:
        surface = f"{lo}{sep}{hi}人"
        value = [str(lo), str(hi)]
        text = f"每期培训{surface}。"
    m: dict[str, Any] = {"kind": kind, "text": surface, "value": value, "qualifier": "range"}
    return text, [m]


def fam_directions(rng: random.Random) -> Case:
    up = rng.random() < 0.5
    word = rng.choice(["增长", "增加", "提高", "上升"] if up else ["下降", "减少", "降低", "压减"])
    kind = rng.choice(["percent", "money", "points"])
    v = Decimal(rng.randint(1, 300)).scaleb(-1)
    if kind == "percent":
        surface, m = f"{v}%", {"kind": "percent", "value": num(v)}
    elif kind == "money":
        surface, m = f"{v}万元", {"kind": "money", "value": yuan(v * 10000)}
    else:
        surface, m = f"{v}个百分点", {"kind": "ratio_points", "value": num(v)}
    filler = rng.choice(["", "了"])
    text = f"{rng.choice(['三公经费', '公用经费', '办件量', '执行率'])}同比{word}{filler}{surface}。"
    m.update(text=surface, direction="up" if up else "down")
    return text, [m]


def fam_permille(rng: random.Random) -> Case:
    if rng.random() < 0.5:
        v = Decimal(rng.randint(1, 99)).scaleb(-1)
        surface = f"{v}‰"
        value = num(v / 10)
    else:
        n = rng.randint(1, 9)
        surface = "千分之" + integer_to_chinese(n)
        value = num(Decimal(n) / 10)
    return f"森林火灾受害率控制在{surface}。", [{"kind": "percent", "text": surface, "value": value}]


def fam_distractors(rng: random.Random) -> Case:
    year = rng.randint(2016, 2024)
    doc_no = rng.randint(1, 120)
    bracket = rng.choice([("〔", "〕"), ("[", "]"), ("【", "】")])
    a = amount(rng, 2, 900)
    text = (f"根据某财预{bracket[0]}{year}{bracket[1]}{doc_no}号文件，{year}年{rng.randint(1, 12)}月"
            f"下达资金{a}万元，联系电话0731-{rng.randint(2000000, 8999999)}。")
    return text, [{"kind": "money", "text": f"{a}万元", "value": yuan(a * 10000)}]


def _table_rows(rng: random.Random) -> tuple[list[str], list[list[Decimal]], list[Decimal]]:
    names = rng.sample(["年度资金总额", "其中:财政拨款", "上年结转", "其他资金", "专项资金"], 2)
    rows, rates = [], []
    for _ in names:
        budget = amount(rng, 2, 900)
        spent = (budget * rng.choice([Decimal("1"), Decimal("0.95"), Decimal("0.9")])).quantize(Decimal("0.01"))
        rows.append([budget, spent])
        rates.append((spent / budget * 100).quantize(Decimal("0.01")))
    return names, rows, rates


def fam_table(rng: random.Random) -> Case:
    layout = rng.choice(["lines", "pipes", "spaces"])
    unit, scale = rng.choice([("万元", 10000), ("元", 1)])
    names, rows, rates = _table_rows(rng)
    header = ["全年预算数", "全年执行数", "执行率", "分值", "得分"]
    expected: list[dict[str, Any]] = []
    body: list[list[str]] = []
    for name, (b, s), r in zip(names, rows, rates, strict=True):
        score = (Decimal(10) * r / 100).quantize(Decimal("0.1"))
        body.append([name, str(b), str(s), f"{r}%", "10", str(score)])
        expected += [
            {"kind": "money", "text": str(b), "value": yuan(b * scale), "unit_from": unit},
            {"kind": "money", "text": str(s), "value": yuan(s * scale), "unit_from": unit},
            {"kind": "percent", "text": f"{r}%", "value": num(r)},
        ]
    declaration = rng.choice([f"单位：{unit}", f"项目经费（{unit}）"])
    if layout == "lines":
        cells = [declaration, *header] + [c for row in body for c in row]
        text = "\n".join(f"{c} |" for c in cells)
    elif layout == "pipes":
        text = "\n".join([declaration, " | ".join(["项目", *header]), *(" | ".join(r) for r in body)])
    else:
        text = " ".join([declaration, *header] + [c for row in body for c in row])
    return text, expected


def fam_keyed(rng: random.Random) -> Case:
    unit, scale = rng.choice([("万元", 10000), ("元", 1)])
    b = amount(rng, 1, 500)
    s = (b * Decimal("0.98")).quantize(Decimal("0.1"))
    r = (s / b * 100).quantize(Decimal("0.01"))
    score = (Decimal(10) * r / 100).quantize(Decimal("0.01"))
    sep = rng.choice([" ", "\n"])
    text = sep.join([f"资金来源（{unit}）", "年初预算数", str(b), "全年执行数", str(s), "执行率", f"{r}%",
                     "得分", str(score)])
    return text, [
        {"kind": "money", "text": str(b), "value": yuan(b * scale), "unit_from": unit},
        {"kind": "money", "text": str(s), "value": yuan(s * scale), "unit_from": unit},
        {"kind": "percent", "text": f"{r}%", "value": num(r)},
    ]


def fam_indicator(rng: random.Random) -> Case:
    target = rng.randint(80, 99)
    actual = rng.randint(target, 100)
    weight = rng.choice([5, 10, 15, 20])
    layout = rng.choice(["spaces", "lines"])
    if layout == "spaces":
        text = (f"三级指标 年度指标值 实际完成值 分值 得分\n{rng.choice(['验收合格率', '群众满意度', '完工率'])} "
                f"≥{target}% {actual} {weight} {weight}")
        return text, [
            {"kind": "percent", "text": f"≥{target}%", "value": str(target), "qualifier": "at_least"},
            {"kind": "percent", "text": str(actual), "value": str(actual), "unit_from": "%"},
        ]
    cells = ["指标名称", "指标性质", "指标值", "计量单位", "实际值", "权重", "得分",
             rng.choice(["覆盖率", "及时率", "达标率"]), "≥", str(target), "%", str(actual), str(weight), str(weight)]
    text = "\n".join(f"{c} |" for c in cells)
    return text, [
        {"kind": "percent", "text": str(target), "value": str(target), "unit_from": "%", "qualifier": "at_least"},
        {"kind": "percent", "text": str(actual), "value": str(actual), "unit_from": "%"},
    ]


FAMILIES: list[Callable[[random.Random], Case]] = [
    fam_budget_sentence, fam_yuan_forms, fam_chinese_money, fam_counts, fam_qualified, fam_more_than,
    fam_ranges, fam_directions, fam_permille, fam_distractors, fam_table, fam_keyed, fam_indicator,
]


def build() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    cases = []
    for family in FAMILIES:
        for i in range(PER_FAMILY):
            text, mentions = family(rng)
            cases.append({"id": f"{family.__name__[4:]}-{i:02d}", "text": text, "mentions": mentions})
    return cases


def main() -> None:
    write_cases("templated", build())


if __name__ == "__main__":
    main()
