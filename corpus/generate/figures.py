"""Consistent random figures for one report: fund lines, budget, spending, indicators, scores."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from corpus.generate.numbers import WAN, rounded
from corpus.generate.vocab import GRADES, Indicator, Theme


@dataclass
class Scored:
    """An indicator with its target, actual value, weight and score."""

    ind: Indicator
    target: Decimal | None
    actual: Decimal | None
    met: bool
    weight: Decimal
    score: Decimal
    actual_text: str = ""


@dataclass
class Figures:
    groups: list[tuple[str, list[tuple[str, Decimal]]]]
    total: Decimal
    budget: Decimal  # 年初预算
    adjusted: Decimal  # 全年预算
    arrived: Decimal
    spent: Decimal
    carried: Decimal  # 上年结转
    other: Decimal  # 其他资金
    staff: tuple[int, int]
    towns: int
    indicators: list[Scored] = field(default_factory=list)
    exec_weight: Decimal = Decimal(10)

    @property
    def base(self) -> Decimal:
        """The denominator of the execution rate (全年预算)."""
        return self.adjusted

    @property
    def execution_rate(self) -> Decimal:
        return rounded(self.spent / self.base * 100)

    @property
    def arrival_rate(self) -> Decimal:
        return rounded(self.arrived / self.base * 100)

    @property
    def exec_score(self) -> Decimal:
        return rounded(self.exec_weight * min(self.execution_rate, Decimal(100)) / 100)

    @property
    def score(self) -> Decimal:
        return self.exec_score + sum((s.score for s in self.indicators), Decimal(0))

    @property
    def appropriation(self) -> Decimal:
        """本年财政拨款 in the 全年预算."""
        return self.adjusted - self.carried - self.other


def grade_of(score: Decimal) -> str:
    for floor, grade in GRADES:
        if score >= floor:
            return grade
    return "差"


def _amount(rng: random.Random, low: float, high: float, precision: int) -> Decimal:
    """A 万元 figure at the document's precision, returned in yuan."""
    wan = Decimal(str(round(rng.uniform(low, high), precision)))
    if wan <= 0:
        wan = Decimal("0.5")
    return wan * WAN


def draw(rng: random.Random, theme: Theme, scale: float = 1.0, groups: tuple | None = None,
         n_indicators: int | None = None, weak: bool = False) -> Figures:
    """Draw fund lines and results for a report; ``weak`` makes some indicators miss their target."""
    precision = rng.choice([0, 1, 1, 2])
    source = groups or theme.groups
    picked = rng.sample(list(source), k=rng.choice([1, 2]) if len(source) > 1 else 1)
    lines: list[tuple[str, list[tuple[str, Decimal]]]] = []
    for name, items in picked:
        chosen = rng.sample(list(items), k=rng.randint(min(2, len(items)), len(items)))
        lines.append((name, [(item, _amount(rng, 2 * scale, 60 * scale, precision)) for item in chosen]))
    total = sum((v for _, items in lines for _, v in items), Decimal(0))
    adjusted = total
    budget = adjusted if rng.random() < 0.6 else rounded(adjusted * Decimal(rng.uniform(0.7, 0.95)) / WAN, 1) * WAN
    carried = rounded(adjusted * Decimal(rng.choice([0, 0, 0.05, 0.1])) / WAN, 2) * WAN
    other = rounded(adjusted * Decimal(rng.choice([0, 0, 0.03])) / WAN, 2) * WAN
    arrived = adjusted if rng.random() < 0.8 else rounded(adjusted * Decimal(rng.uniform(0.9, 0.99)) / WAN, 2) * WAN
    spent = arrived if rng.random() < 0.35 else rounded(arrived * Decimal(rng.uniform(0.82, 0.995)) / WAN, 2) * WAN
    admin = rng.randint(5, 40)
    staff = (admin, rng.randint(3, 60))
    figures = Figures(lines, total, budget, adjusted, arrived, spent, carried, other, staff,
                      rng.randint(6, 18))
    figures.indicators = _indicators(rng, theme, n_indicators, weak)
    return figures


def _weights(rng: random.Random, n: int, total: int) -> list[Decimal]:
    base = [total // n] * n
    for i in range(total - sum(base)):
        base[i % n] += 1
    for _ in range(n):  # move a point here and there, keep the sum
        a, b = rng.randrange(n), rng.randrange(n)
        if base[a] > 3:
            base[a] -= 1
            base[b] += 1
    return [Decimal(w) for w in base]


def _nice(rng: random.Random, low: int, high: int) -> Decimal:
    value = rng.randint(low, high)
    step = 10 ** max(0, len(str(value)) - 2)
    return Decimal(max(low, value // step * step))


def _indicators(rng: random.Random, theme: Theme, limit: int | None, weak: bool) -> list[Scored]:
    inds = list(theme.indicators)
    if limit:
        keep = inds[:2] + [i for i in inds[2:] if i.level1 != "产出指标" or i.level2 != "数量指标"]
        inds = keep[:limit]
    output = [i for i in inds if i.level1 == "产出指标"]
    benefit = [i for i in inds if i.level1 == "效益指标"]
    satisfied = [i for i in inds if i.level1 == "满意度指标"]
    weights = (_weights(rng, len(output), 50) + _weights(rng, len(benefit), 30)
               + _weights(rng, len(satisfied), 10))
    ordered = output + benefit + satisfied
    out: list[Scored] = []
    misses = rng.randint(1, 3) if weak else rng.choice([0, 0, 1])
    miss_at = set(rng.sample(range(len(ordered)), k=min(misses, len(ordered))))
    for i, (ind, weight) in enumerate(zip(ordered, weights, strict=True)):
        met = i not in miss_at
        ratio = Decimal(1) if met else Decimal(str(round(rng.uniform(0.8, 0.97), 2)))
        if ind.kind == "count":
            target = _nice(rng, ind.low, ind.high)
            actual = target + rounded(target * Decimal(rng.uniform(0, 0.08)), 0) if met else rounded(target * ratio, 0)
            if not met and actual >= target:
                actual = target - 1
        elif ind.kind == "percent":
            target = Decimal(rng.choice([85, 90, 95, 98])) if ind.high <= 95 else Decimal(rng.choice([90, 95, 98, 100]))
            if met:
                actual = target if target == 100 else rounded(Decimal(rng.uniform(float(target), 100)), 1)
            else:
                actual = rounded(target * ratio, 1)
        elif ind.kind == "cost":
            target = _nice(rng, ind.low, ind.high)
            actual = rounded(target * Decimal(rng.uniform(0.9, 1.0)), 0) if met else rounded(target / ratio, 0)
            if not met and actual <= target:
                actual = target + 1
        else:
            target = actual = None
        score = weight if met else min(rounded(weight * ratio, 1), weight - Decimal("0.5"))
        text = ""
        if ind.kind == "text":
            text = ind.text_target if met else ("基本按期完成" if ind.text_target == "按期完成" else "部分达成")
        out.append(Scored(ind, target, actual, met, weight, score, text))
    return out
