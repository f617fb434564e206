"""Shared pieces of the 绩效自评表 reader: header words, money-row labels and units, row builders.

Header cells name the columns (rules/extract/selfeval_table.yaml); :mod:`selfeval_grid` reads true
grids with them and :mod:`selfeval_stream` the same tables flattened to text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from docparse.extract.cells import CellRef
from docparse.extract.values import bare_number, comparison, is_placeholder, meets, money, normalise
from docparse.extract.vocab import rules, simplified, word_map
from docparse.model.report import Indicator, MoneyRow

MONEY_VALUE_ROLES = ("budget", "adjusted_budget", "spent", "weight", "rate", "score")
SCORE_NOTE = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_INDICATOR_LABEL = re.compile(r"^指标\s*\d+\s*[:：]\s*")


@dataclass
class SelfEvalTable:
    """What the self-evaluation table(s) of a document hold."""

    money_rows: list[MoneyRow] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    total_provenance: CellRef | None = None


@cache
def _word_pattern(kind: str) -> tuple[re.Pattern[str], dict[str, str]]:
    variants = word_map("selfeval_table", kind)
    role_of = {v: role for role, vs in variants.items() for v in vs}
    alternation = "|".join(re.escape(v) for v in sorted(role_of, key=len, reverse=True))
    return re.compile(alternation), role_of


def roles_in(text: str, variants: dict[str, list[str]]) -> list[str]:
    """Roles of the header words in ``text`` in reading order (longest word at each position)."""
    kind = "money_columns" if variants is word_map("selfeval_table", "money_columns") else "indicator_columns"
    pattern, role_of = _word_pattern(kind)
    return [role_of[m.group(0)] for m in pattern.finditer(text)]


def dedupe(roles: list[str]) -> list[str]:
    """Keep the last of repeated roles (a group header above its sub-headers says the same)."""
    out: list[str] = []
    for role in roles:
        if role in out:
            out.remove(role)
        out.append(role)
    return out


def unit_of(cells: list[CellRef]) -> str | None:
    """The money unit the header declares ("项目资金（万元）"), or None where it declares none."""
    for cell in cells:
        text = simplified(cell.text)
        for unit in ("亿元", "万元", "千元"):
            if unit in text:
                return unit
        if re.search(r"[(（]元[)）]|单位[:：]?元", text):
            return "元"
    return None


def declared_unit(text: str) -> str | None:
    """A unit declared in so many words ("单位：元", "（万元）"), as lines above a table do."""
    t = simplified(normalise(text))
    m = re.search(r"单位\s*[:：]\s*(亿元|万元|千元|元)|[(（](亿元|万元|千元|元)[)）]", t)
    return (m.group(1) or m.group(2)) if m else None


def guess_unit(text: str) -> str:
    """No declared unit: grouped or long amounts are yuan, short ones 万元 (the form's own unit)."""
    digits = normalise(text).strip().split(".")[0]
    return "元" if "," in digits or len(re.sub(r"\D", "", digits)) >= 6 else "万元"


def money_label(clean: str) -> tuple[str, int] | None:
    """``"其中:本年财政拨款"`` → (``"本年财政拨款"``, end of label in ``clean``)."""
    labels = word_map("selfeval_table", "money_rows")
    text = clean
    skip = 0
    for prefix in ("其中:", "其中", "其中："):
        if text.startswith(prefix):
            skip = len(prefix)
            break
    for label in sorted(labels["total"] + labels["parts"], key=len, reverse=True):
        pos = text.find(label, skip)
        if pos != -1 and pos <= skip + 2:
            end = pos + len(label)
            return text[skip:end], end
    return None


def money_row(name: str, values: list[tuple[str, CellRef | None, str]], unit: str | None,
               provenance: CellRef | None) -> MoneyRow:
    row = MoneyRow(name=name, provenance=provenance.provenance if provenance else None)
    for role, cell, text in values:
        if role not in MONEY_VALUE_ROLES or getattr(row, role) is not None or is_placeholder(text):
            continue
        if role in ("budget", "adjusted_budget", "spent"):
            parsed = money(text, unit or guess_unit(text))
            value = parsed[0] if parsed else None
        else:
            value = bare_number(text)
        if value is None:
            continue
        setattr(row, role, value)
        row.cells[role] = (text.strip(" |"), cell.provenance if cell else None)
    return row


def is_end(clean: str) -> bool:
    return any(clean.startswith(w) for w in rules("selfeval_table")["end_rows"])


def make_indicator(name: CellRef, level1: str | None, level2: str | None,
               fields: dict[str, str | None], source_cell: CellRef) -> Indicator | None:
    title = _INDICATOR_LABEL.sub("", re.sub(r"\s+", "", name.text)).strip(" |")
    if not title or is_placeholder(title):
        return None
    target = fields.get("target")
    actual = fields.get("actual")
    if fields.get("unit") and not is_placeholder(fields["unit"] or ""):
        unit = (fields["unit"] or "").strip()
        if target and not is_placeholder(target) and not target.strip().endswith(unit):
            target = target.strip() + unit
        if actual and not is_placeholder(actual) and not actual.strip().endswith(unit):
            actual = actual.strip() + unit
    if fields.get("nature") and target and not is_placeholder(target):
        nature = (fields["nature"] or "").strip()
        if nature in ("=", "≥", "≤", ">", "<", "＝", "≧", "≦") and not target.startswith(nature):
            target = nature + target.strip()
    target = None if target is None or is_placeholder(target) else target.strip(" |")
    actual = None if actual is None or is_placeholder(actual) else actual.strip(" |")
    t_cmp, a_cmp = comparison(target), comparison(actual)
    weight = bare_number(fields.get("weight") or "")
    score = bare_number(fields.get("score") or "")
    deviation = fields.get("deviation")
    return Indicator(
        name=title, level1=level1, level2=level2, target=target, actual=actual, weight=weight,
        score=score, met=meets(t_cmp, a_cmp),
        deviation=deviation.strip() if deviation and not is_placeholder(deviation) else None,
        source="table", provenance=source_cell.provenance, target_cmp=t_cmp, actual_cmp=a_cmp,
    )


# ---- true grids -----------------------------------------------------------------------------------



def keeps(rows: list[MoneyRow], roles: set[str]) -> bool:
    """A 绩效自评表 money block: a 年度资金总额-type row, or 分值/得分 columns; other tables with budget
    columns (funding sources, project lists closing with 合计) are not one."""
    return bool(roles & {"weight", "score"}) or any(
        r.name in rules("selfeval_table")["block_totals"] for r in rows)


def value_like(clean: str) -> bool:
    t = normalise(clean)
    return (is_placeholder(t) or bare_number(t) is not None
            or re.fullmatch(r"[≥≤<>=]?\d+(?:\.\d+)?(?:万元|亿元|元|%)?", t) is not None
            or re.fullmatch(r"[\d.%万元]+", t) is not None)


def glued(text: str) -> bool:
    """Several numbers run together: two decimal points, a % or unit inside, or a very long number."""
    t = normalise(text).replace(" ", "")
    if not re.fullmatch(r"[\d.%万亿千元]+", t):
        return False
    inner = t.rstrip("%")
    return (t.count(".") >= 2 or "%" in inner or re.search(r"元\d", t) is not None
            or (len(re.sub(r"\D", "", t)) >= 9 and "." not in t))
